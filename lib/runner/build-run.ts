import { ConfigurationException, MissingBuildKwargException, nameOf } from '../errors.js';
import type { NestedOptions } from '../generators/design-type.js';
import { refuseUnseenOverrides } from '../inspect/model-fields.js';
import type { Constructor, FieldValues } from '../types.js';
import type { BuildContext } from './build-context.js';
import type { BuildPlan, CoverageAlternative } from './build-plan.js';
import type { CallSetup, HookInfo } from './call-setup.js';
import type { FakerSource } from './faker-source.js';
import { nestedBuild, runHooksSync } from './hooks.js';
import type { PreparedModel } from './model-variants.js';
import { copyData, resolveNestedOverrides } from './nested-overrides.js';
import { nextSequence } from './sequences.js';
import { nextStubKey, stubKeyValue } from './stub-keys.js';

/** What a build run needs of the runner whose instances it builds (a FactoryRunner, seen from one run). */
export interface RunnerView<T> {
  readonly name: string;
  readonly model: Constructor<T> | undefined;
  readonly factory: Constructor | undefined;
  readonly maxDepth: number | undefined;
  readonly fakerSource: FakerSource;
  readonly sequenceOwner: Function | string;
  /** The plan and the way instances are made, as they are now. */
  prepared(overrides?: Record<string, unknown>): PreparedModel<T>;
  /** The call setup nested instances are built with (the factory's defaults). */
  nestedSetup(): CallSetup;
  /** The runner that builds nested instances of `model`: `factory`'s, the model's default factory's, or an automatic one. */
  runnerFor(model: Function, factory: Function | undefined): RunnerView<unknown>;
}

/** The handler a create call builds for, and the object that identifies the call. */
export interface CreateTarget {
  handler: object;
  call: object;
  /** The call builds plain rows instead of instances (seedRows with plain: true). */
  plain?: boolean;
}

/** One step of the nesting path of a build, for cycle detection and messages. */
interface PathStep {
  model: Function;
  field?: string;
  /** Whether the relation that led here was optional (so a loop through it can be cut at maxDepth). */
  viaOptional?: boolean;
}

/** State of one instance's build that nested builds inherit. */
interface BuildScope {
  path: readonly PathStep[];
  /** Whether this build fills an optional relation of the one that nests it. */
  viaOptional?: boolean;
  /** The maxDepth of the root factory: it bounds the whole graph. */
  maxDepth?: number;
  /** The streams automatic factories draw from: those of the factory that nests them (reseeded with it). */
  streams?: Streams;
  target?: CreateTarget;
  /** The traits, transient parameters and hooks of the call. */
  setup: CallSetup;
  /** The position of the instance in its batch. */
  index: number;
  /** Alternatives forced on fields by `coverage()`. */
  choices?: ReadonlyMap<string, CoverageAlternative>;
  /** A stub call: every instance of the graph gets a made-up primary key. */
  stub?: boolean;
}

/** The fields the caller gave (overrides, traits) of each instance built for a create call: a failed save names them as such. */
const givenFields = new WeakMap<object, Readonly<Record<string, unknown>>>();

/** Whether `field` of an instance built for a create call was given rather than generated. */
export function wasGiven(instance: object, field: string): boolean {
  const given = givenFields.get(instance);
  return given !== undefined && Object.hasOwn(given, field);
}

/** The nesting path of every root instance (paths are only ever copied, never changed). */
const rootPath: readonly PathStep[] = Object.freeze([]);

const defaultMaxDepth = 3;
/** Required relations never stop by depth; this bound only turns a runaway graph into a clear error. */
const hardDepthLimit = 64;

/**
 * Whether a required relation to `model` would loop back to it through required relations only:
 * such a loop never ends. A loop through an optional relation is cut at maxDepth instead.
 */
function closesRequiredCycle(path: readonly PathStep[], model: Function): boolean {
  const start = path.map((step) => step.model).lastIndexOf(model);
  return start >= 0 && !path.slice(start + 1).some((step) => step.viaOptional);
}

/** What a hook is told about instance `index` of a call. */
export function hookInfo(factory: string, setup: CallSetup, index: number): HookInfo {
  return { factory, traits: setup.traits, transient: setup.transient, index };
}

/** Runs the afterBuild hooks of built instances synchronously. */
export function afterBuildSync(factory: string, method: string, setup: CallSetup, built: readonly unknown[]): void {
  if (setup.hooks.afterBuild.length === 0) return;
  built.forEach((instance, index) => runHooksSync(factory, method, setup, 'afterBuild', instance, hookInfo(factory, setup, index)));
}

/**
 * One build, batch, coverage or create call of a factory: it walks the graph of each instance
 * (overrides, generated fields, relations, nested instances) and is thrown away afterwards.
 */
export class BuildRun<T> {
  constructor(
    private readonly runner: RunnerView<T>,
    private readonly setup: CallSetup,
    private readonly target?: CreateTarget,
    private readonly stub = false,
  ) {}

  /** Builds instance `index` of the call from the caller's (checked) overrides. */
  root(overrides: Record<string, unknown>, index: number, choices?: ReadonlyMap<string, CoverageAlternative>): T {
    // Trait overrides are shared definitions: each instance gets copies of their arrays and plain objects.
    const given = this.setup.traits.length > 0 ? { ...copyData(this.setup.overrides), ...overrides } : overrides;
    return buildOne(this.runner, given, { path: rootPath, target: this.target, setup: this.setup, index, choices, stub: this.stub });
  }

  /** Builds `count` instances, each from its own overrides. */
  many(count: number, forItem: (index: number) => Record<string, unknown>): T[] {
    return Array.from({ length: count }, (_, index) => this.root(forItem(index), index));
  }
}

/** A nested instance: built with its factory's defaults, its afterBuild hooks run synchronously. */
function buildNestedInstance<T>(runner: RunnerView<T>, overrides: Record<string, unknown>, scope: Omit<BuildScope, 'setup' | 'index'>): T {
  const setup = runner.nestedSetup();
  if (scope.target?.plain && setup.hooks.afterBuild.length > 0) throw ConfigurationException.plainRowsHooks(runner.name, 'afterBuild');
  const instance = buildOne(runner, overrides, { ...scope, setup, index: 0 });
  if (setup.hooks.afterBuild.length > 0) afterBuildSync(runner.name, nestedBuild, setup, [instance]);
  return instance;
}

/** Gives a stub its made-up primary key (an override of the key wins), as if the database had set it. */
function giveStubKey(runner: RunnerView<unknown>, plan: BuildPlan, instance: Record<string, unknown>, given: Record<string, unknown>): void {
  // A plain model's key is its `id` field, when it has one.
  const keys = plan.primaryKeys.length > 0 ? plan.primaryKeys : plan.names.has('id') ? [{ name: 'id', values: 'number' as const }] : [];
  for (const { name, values } of keys) {
    if (!Object.hasOwn(given, name)) instance[name] = stubKeyValue(values, nextStubKey(runner.model ?? runner.name));
  }
}

/** Whether an object has an own enumerable key (without making the array of its keys). */
function hasKeys(record: Record<string, unknown>): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return true;
  return false;
}

const noAttachments: ReadonlyMap<string, Record<string, unknown>[]> = new Map();

function buildOne<T>(runner: RunnerView<T>, overrides: Record<string, unknown>, scope: BuildScope): T {
  // A model of several concrete classes is planned per instance: its overrides may name the class.
  const { plan, instantiate, newValues } = runner.prepared(overrides);
  const overridden = hasKeys(overrides);
  if (runner.model && plan.names.size === 0) {
    if (!overridden) throw ConfigurationException.noKnownFields(runner.name, nameOf(runner.model));
    refuseUnseenOverrides(runner.name, runner.model, Object.keys(overrides));
  }
  const ctx = new InstanceContext(runner, scope);
  const values: FieldValues = newValues();
  // Most instances have no overrides: no nested overrides to resolve, nothing to attach later.
  let attachLater = noAttachments as Map<string, Record<string, unknown>[]>;
  let given = overrides;
  if (overridden) {
    attachLater = new Map();
    given = resolveNestedOverrides(runner.name, plan.relations, overrides, ctx, attachLater);
  }
  const choices = scope.choices;
  for (const { name, step, unique } of plan.fields) {
    const choice = choices?.get(name);
    if (overridden && Object.hasOwn(given, name)) {
      values[name] = given[name];
      unique?.record(given[name]); // a later generated value never repeats an override
    } else if (choice && 'value' in choice) {
      if (choice.value !== undefined) values[name] = choice.value;
    } else {
      const chosen = choice?.step ?? step;
      ctx.field = name;
      if (chosen.kind === 'generate') {
        const value = chosen.generate(ctx);
        if (value !== undefined) values[name] = value;
      } else if (chosen.kind === 'require') throw MissingBuildKwargException.forField(runner.name, name);
    }
  }
  if (overridden) for (const key of Object.keys(given)) if (!Object.hasOwn(values, key)) values[key] = given[key];
  for (const { name, step } of plan.postGenerated) {
    ctx.field = name;
    if (step.kind === 'post' && !Object.hasOwn(given, name)) values[name] = step.generate(ctx, values);
  }
  const pending = attachLater.size > 0 ? [...attachLater.values()].flat() : undefined;
  const target = scope.target;
  const instance = instantiate(values, { handler: target?.handler, call: target?.call, attachLater: pending, plainRowsOf: target?.plain ? runner.name : undefined });
  // Only given fields are remembered (wasGiven of an instance built without any is false anyway).
  if (scope.target && overridden && instance !== null && typeof instance === 'object') givenFields.set(instance, given);
  if (scope.stub) giveStubKey(runner, plan, instance as Record<string, unknown>, given);
  for (const { name, step } of plan.attached) {
    ctx.field = name;
    if (step.kind === 'attach' && !Object.hasOwn(overrides, name)) step.attach(ctx, instance as object);
  }
  for (const [name, partials] of attachLater) {
    ctx.field = name;
    plan.relations.get(name)!.attach!.attach(ctx, instance as object, partials);
  }
  return instance;
}

/** The faker streams a build draws from: its factory's, or those of the factory that nests it, under a field path. */
interface Streams {
  source: FakerSource;
  seedBase: number;
  prefix: string;
}

/**
 * The generation context of one instance. A class rather than an object literal: one allocation
 * per instance, its accessors shared (builds of many thousands of instances are allocation-bound).
 */
class InstanceContext<T> implements BuildContext {
  field = '';
  readonly sequence: number;
  readonly index: number;
  readonly transient: Readonly<Record<string, unknown>>;
  // The streams' parts are fields of their own: a root instance then allocates no Streams object.
  private readonly source: FakerSource;
  private readonly seedBase: number;
  private readonly prefix: string;
  private nested?: BuildContext['buildNested'];

  constructor(
    private readonly runner: RunnerView<T>,
    private readonly scope: BuildScope,
  ) {
    const streams = scope.streams;
    this.source = streams ? streams.source : runner.fakerSource;
    this.seedBase = streams ? streams.seedBase : this.source.seedBase();
    this.prefix = streams ? streams.prefix : '';
    this.sequence = nextSequence(runner.sequenceOwner);
    this.index = scope.index;
    this.transient = scope.setup.transient;
  }

  get faker() {
    const prefix = this.prefix;
    return this.source.streamFor(prefix ? prefix + this.field : this.field, this.seedBase);
  }

  /** A function (it may be taken off the context), made on first use. */
  get buildNested(): BuildContext['buildNested'] {
    return (this.nested ??= (model, field, options) => this.buildNestedAt(model, field, options));
  }

  private buildNestedAt(model: Function, field: string, options: NestedOptions = {}): unknown {
    const { runner, scope, source, seedBase, prefix } = this;
    const maxDepth = scope.maxDepth ?? runner.maxDepth ?? defaultMaxDepth;
    // The nesting path: the path to this instance, whose last step leads on through `field`.
    const last = runner.model ? { model: runner.model, viaOptional: scope.viaOptional } : scope.path[scope.path.length - 1];
    const before = runner.model ? scope.path : scope.path.slice(0, -1);
    const here = last ? [...before, { ...last, field }] : before;
    const optional = Boolean(options.optional) || Boolean(options.explicit);
    if (optional && !options.explicit && here.length >= maxDepth) return undefined;
    if ((!optional && closesRequiredCycle(here, model)) || here.length >= hardDepthLimit) {
      const names = [...here.map((s) => `${nameOf(s.model)}${s.field ? `.${s.field}` : ''}`), nameOf(model)];
      throw ConfigurationException.cycle(runner.name, names);
    }
    // A self-reference is built by the factory building this instance; other models by their default factory.
    const factory = options.factory ?? (model === runner.model && runner.factory ? runner.factory : undefined);
    const nestedRunner = runner.runnerFor(model, factory);
    const nested: Omit<BuildScope, 'setup' | 'index'> = { path: here, maxDepth, viaOptional: optional, target: scope.target, stub: scope.stub };
    // Nested instances draw from the nesting factory's streams, by field path (so a seed repeats the
    // whole graph, and `author` and `editor` never share a stream), unless their factory has a seed of its own.
    if (!nestedRunner.fakerSource.hasOwnSeed) nested.streams = { source, seedBase, prefix: `${prefix}${field}>${nameOf(model)}.` };
    return buildNestedInstance(nestedRunner, options.overrides ?? {}, nested);
  }
}
