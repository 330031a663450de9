import type { Faker } from '@faker-js/faker';
import { ConfigurationException, MissingBuildKwargException, ParameterException, nameOf, type PersistenceKind } from '../errors.js';
import type { GenerationContext, NestedOptions } from '../generators/design-type.js';
import { providerMap } from '../generators/providers.js';
import { resetUniqueValues } from '../generators/unique-values.js';
import { modelAdaptersVersion } from '../inspect/model-adapter.js';
import { inspectModelFields } from '../inspect/model-fields.js';
import { HandlerSource, type HandlerInput, type PersistOptions } from '../persistence/handler-source.js';
import type { AsyncPersistenceProtocol, SyncPersistenceProtocol } from '../persistence/protocols.js';
import type { FactoryOptions } from '../registry/factory-options.js';
import { registry, type FactoryRegistration } from '../registry/registry.js';
import type { Constructor, FieldValues } from '../types.js';
import { checkOverrides, checkSize } from './arguments.js';
import { planBuild, type BuildPlan, type CoverageAlternative, type FieldStep } from './build-plan.js';
import { hookPhases, setupCall, type CallSetup, type HookInfo } from './call-setup.js';
import { FakerSource } from './faker-source.js';
import { routeHandler } from './handler-routing.js';
import { nestedBuild, refuseAsyncHooks, runHooksAsync, runHooksSync } from './hooks.js';
import { copyData, resolveNestedOverrides } from './nested-overrides.js';
import { expectSync, persisting, persistingAsync } from './persisting.js';
import { instantiatorFor, type Instantiate } from './instantiate.js';
import { nextSequence, resetSequences } from './sequences.js';

/** One step of the nesting path of a build, for cycle detection and messages. */
interface PathStep {
  model: Function;
  field?: string;
  /** Whether the relation that led here was optional (so a loop through it can be cut at maxDepth). */
  viaOptional?: boolean;
}

/** State of one build that nested builds inherit. */
interface BuildScope {
  path: readonly PathStep[];
  /** Whether this build fills an optional relation of the one that nests it. */
  viaOptional?: boolean;
  /** The maxDepth of the root factory: it bounds the whole graph. */
  maxDepth?: number;
  /** The streams automatic factories draw from: those of the factory that nests them (reseeded with it). */
  streams?: { source: FakerSource; seedBase: number; prefix: string };
  /** The handler of the create call this build is for: an adapter may construct instances with it. */
  handler?: object;
  /** One object per create call, shared by its nested builds. */
  call?: object;
  /** The traits, transient parameters and hooks of the call (root builds only). */
  setup?: CallSetup;
  /** The position of the instance in its batch. */
  index?: number;
  /** Alternatives forced on fields by `coverage()`. */
  choices?: ReadonlyMap<string, CoverageAlternative>;
}

/** The handler a create call builds for, and the object that identifies the call. */
interface CreateTarget {
  handler: object;
  call: object;
}

/** What a runner derives from the model once, redone only when a model adapter learns more. */
interface Prepared<T> extends PreparedModel<T> {
  version: number;
  /** For a model of several concrete classes: the field that decides, and each class's own plan. */
  variants?: { field: string; choices: ({ value: unknown } & PreparedModel<T>)[] };
}

interface PreparedModel<T> {
  plan: BuildPlan;
  instantiate: Instantiate<T>;
}

const defaultMaxDepth = 3;
/** Required relations never stop by depth; this bound only turns a runaway graph into a clear error. */
const hardDepthLimit = 64;
const noTransient: Readonly<Record<string, unknown>> = Object.freeze({});


/**
 * Whether a required relation to `model` would loop back to it through required relations only:
 * such a loop never ends. A loop through an optional relation is cut at maxDepth instead.
 */
function closesRequiredCycle(path: readonly PathStep[], model: Function): boolean {
  const start = path.map((step) => step.model).lastIndexOf(model);
  return start >= 0 && !path.slice(start + 1).some((step) => step.viaOptional);
}


const runners = new WeakMap<Function, FactoryRunner<any>>();
const automaticRunners = new WeakMap<Function, FactoryRunner<any>>();

function isRegistered(factory: Function): boolean {
  for (let cls = factory; cls && cls !== Function.prototype; cls = Object.getPrototypeOf(cls)) {
    if (registry.registrationOf(cls as Constructor)) return true;
  }
  return false;
}

/** The registrations of a factory class and its registered ancestors, nearest first. */
function registrationsFor(factory: Function): FactoryRegistration[] {
  const found: FactoryRegistration[] = [];
  for (let cls = factory; cls && cls !== Function.prototype; cls = Object.getPrototypeOf(cls)) {
    const registration = registry.registrationOf(cls as Constructor);
    if (registration) found.push(registration);
  }
  if (found.length === 0) throw ConfigurationException.notDecorated(nameOf(factory));
  return found;
}

/**
 * The engine behind a factory: plans a build once (which generator serves each field), runs it
 * per instance, and routes create calls to the sync or async persistence protocol.
 */
export class FactoryRunner<T> {
  private prepared?: Prepared<T>;
  private readonly fakerSource: FakerSource;
  private readonly sequenceOwner: Function | string;
  private nestedSetup?: CallSetup;
  /** Which concrete class of a multi-class model comes next. */
  private variantTurn = 0;
  /** The model's name for messages; undefined for plain-object factories. */
  readonly modelName: string | undefined;

  private constructor(
    /** The factory class, or undefined for the automatic factory of a nested model. */
    private readonly factory: Constructor | undefined,
    readonly name: string,
    private readonly model: Constructor<T> | undefined,
    private readonly options: FactoryOptions<T>,
    sequenceOwner?: Function,
  ) {
    this.modelName = model ? nameOf(model) : undefined;
    this.fakerSource = new FakerSource(name, options);
    this.sequenceOwner = sequenceOwner ?? factory ?? name;
    // A seeded factory starts its unique values afresh, as `seed()` does, so a run repeats.
    if (options.seed !== undefined) resetUniqueValues(this.name);
  }

  /** The runner of a factory class (created on first use, then reused). */
  static of<T>(factory: Function): FactoryRunner<T> {
    let runner = runners.get(factory);
    if (runner && !isRegistered(factory)) runners.delete(factory); // unregistered since: fail below
    if (!runner || !runners.has(factory)) {
      const registrations = registrationsFor(factory);
      // A subclass inherits its ancestors' options; its own win (`default` is never inherited).
      const inherited = registrations.slice(1).reduceRight<FactoryOptions>((merged, r) => ({ ...merged, ...r.options, default: undefined }), {});
      const options = { ...inherited, ...registrations[0]!.options };
      const parent = registrations.find((r) => r.factory !== factory)?.factory;
      const sequenceOwner = options.shareSequence && parent ? FactoryRunner.of(parent).sequenceOwner : undefined;
      runner = new FactoryRunner(factory as Constructor, nameOf(factory), registrations[0]!.model, options, sequenceOwner as Function);
      runners.set(factory, runner);
    }
    return runner;
  }

  /** The runner used for a nested model that has no registered factory. */
  private static automatic(model: Function): FactoryRunner<unknown> {
    let runner = automaticRunners.get(model);
    if (!runner) {
      runner = new FactoryRunner(undefined, `the automatic factory of ${nameOf(model)}`, model as Constructor, {});
      automaticRunners.set(model, runner);
    }
    return runner;
  }

  private get ready(): Prepared<T> {
    const version = modelAdaptersVersion();
    if (this.prepared?.version !== version) {
      const inspected = inspectModelFields(this.factory, this.model);
      const own = this.prepareModel(inspected, this.model);
      // Each concrete class of the model is planned from its own fields, with this factory's declarations.
      const variants = inspected.variants && {
        field: inspected.variants.field,
        choices: inspected.variants.choices.map(({ value, model }) => ({
          value,
          ...(model === this.model ? own : this.prepareModel(inspectModelFields(this.factory, model as Constructor), model as Constructor<T>)),
        })),
      };
      this.prepared = { version, ...own, variants };
    }
    return this.prepared;
  }

  private prepareModel(inspected: ReturnType<typeof inspectModelFields>, model: Constructor<T> | undefined): PreparedModel<T> {
    const plan = planBuild(inspected, {
      factory: this.name,
      model: model ? nameOf(model) : undefined,
      allowNullOptionals: this.options.allowNullOptionals ?? true,
      optionalRelations: this.options.optionalRelations ?? 'null',
      useDefaults: this.options.useDefaults ?? false,
      providers: providerMap(this.options.providers),
    });
    const construct = this.options.construct as Instantiate<T> | undefined;
    return { plan, instantiate: instantiatorFor(this.name, model, construct ?? (inspected.instantiate as Instantiate<T> | undefined)) };
  }

  /**
   * The concrete class an instance is built as: the one its discriminator override names, else the
   * next in turn, so a batch holds every concrete class of the model in the order of its map.
   */
  private variantFor(overrides: Record<string, unknown>): PreparedModel<T> {
    const ready = this.ready;
    const variants = ready.variants;
    if (!variants || variants.choices.length === 0) return ready;
    if (Object.hasOwn(overrides, variants.field)) {
      const given = overrides[variants.field];
      const chosen = variants.choices.find((choice) => choice.value === given || String(choice.value) === String(given));
      if (!chosen) throw ParameterException.unknownVariant(this.name, this.modelName!, variants.field, given, variants.choices.map((c) => c.value));
      return chosen;
    }
    return variants.choices[this.variantTurn++ % variants.choices.length]!;
  }

  /** Which generator serves each field: computed on first use, and again only when a model adapter learns more. */
  get plan(): BuildPlan {
    return this.ready.plan;
  }

  /** The faker the factory was configured with (each field generates from a seeded stream derived from it). */
  get faker(): Faker {
    return this.fakerSource.faker;
  }

  /**
   * Reseeds this factory's streams and forgets the unique values produced for its model, so the
   * same seed gives the same values again.
   */
  seed(seed: number): void {
    this.fakerSource.seed(seed);
    this.variantTurn = 0;
    resetUniqueValues(this.name);
    // A counter shared with the parent factory is not this factory's to restart.
    if (this.sequenceOwner === this.factory) resetSequences(this.sequenceOwner);
  }

  /** Restarts this factory's `@Sequence` numbers at 1. */
  resetSequence(): void {
    resetSequences(this.sequenceOwner);
  }

  build(overrides?: unknown, options?: unknown): T {
    const setup = this.callSetup('build', options);
    refuseAsyncHooks(this.name, 'build', setup, ['afterBuild']);
    const instance = this.buildRoot(this.overrides('build', overrides), setup, 0);
    this.afterBuildSync('build', setup, [instance]);
    return instance;
  }

  batch(size: unknown, overrides?: unknown, options?: unknown): T[] {
    const setup = this.callSetup('batch', options);
    refuseAsyncHooks(this.name, 'batch', setup, ['afterBuild']);
    const built = this.buildMany('batch', size, overrides, setup);
    this.afterBuildSync('batch', setup, built);
    return built;
  }

  /** The smallest set of instances that together use every enum member, boolean, null and optional relation. */
  coverage(overrides?: unknown, options?: unknown): T[] {
    const setup = this.callSetup('coverage', options);
    refuseAsyncHooks(this.name, 'coverage', setup, ['afterBuild']);
    const checked = this.overrides('coverage', overrides);
    const fixed = (name: string) => Object.hasOwn(checked, name) || Object.hasOwn(setup.overrides, name);
    const varying = this.plan.fields.filter((f) => f.alternatives && f.alternatives.length > 0 && !fixed(f.name));
    const count = Math.max(1, ...varying.map((f) => f.alternatives!.length));
    const built = Array.from({ length: count }, (_, i) => {
      const choices = new Map(varying.map((f) => [f.name, f.alternatives![i % f.alternatives!.length]!]));
      return this.buildRoot(checked, setup, i, undefined, choices);
    });
    this.afterBuildSync('coverage', setup, built);
    return built;
  }

  createSync(overrides?: unknown, options?: unknown): T {
    return this.createManySync('createSync', 1, overrides, options, (handler, [one]) => handler.save(one!))[0]!;
  }

  createBatchSync(size: unknown, overrides?: unknown, options?: unknown): T[] {
    return this.createManySync('createBatchSync', size, overrides, options, (handler, built) => handler.saveMany(built));
  }

  async createAsync(overrides?: unknown, options?: unknown): Promise<T> {
    const [saved] = await this.createManyAsync('createAsync', 1, overrides, options, async (handler, [one]) => [await handler.save(one!)]);
    return saved!;
  }

  async createBatchAsync(size: unknown, overrides?: unknown, options?: unknown): Promise<T[]> {
    return this.createManyAsync('createBatchAsync', size, overrides, options, (handler, built) => handler.saveMany(built));
  }

  /** Sets or replaces this factory's handler of the handler's kind. */
  setPersistence(handler: HandlerInput<T>, options?: PersistOptions): void {
    const factory = this.requireFactory();
    registry.handlersOf(factory).add(HandlerSource.from(this.name, `${this.name}.setPersistence`, handler, options), 'runtime');
  }

  /** Removes this factory's own handler of one kind, or both; inherited and default handlers apply again. */
  clearPersistence(kind?: PersistenceKind): void {
    registry.ownHandlers(this.requireFactory())?.clear(kind);
  }

  /** Checks a create call's arguments, finds its handler and builds its instances for that handler. */
  private buildForCreate<H extends object>(kind: PersistenceKind, method: string, size: unknown, overrides: unknown, options: unknown) {
    const setup = this.callSetup(method, options);
    if (kind === 'sync') refuseAsyncHooks(this.name, method, setup, hookPhases);
    const single = method === 'createSync' || method === 'createAsync';
    if (!single) checkSize(this.name, method, size);
    const checked = single ? this.overrides(method, overrides) : undefined;
    const handler = this.handler<H>(kind);
    const target = { handler, call: {} };
    const built = single ? [this.buildRoot(checked!, setup, 0, target)] : this.buildMany(method, size, overrides, setup, target);
    return { setup, handler, built, single };
  }

  private createManySync(
    method: string,
    size: unknown,
    overrides: unknown,
    options: unknown,
    save: (handler: SyncPersistenceProtocol<T>, built: T[]) => T | T[],
  ): T[] {
    const { setup, handler, built, single } = this.buildForCreate<SyncPersistenceProtocol<T>>('sync', method, size, overrides, options);
    this.afterBuildSync(method, setup, built);
    built.forEach((instance, index) => runHooksSync(this.name, method, setup, 'beforeCreate', instance, this.info(setup, index)));
    const result = expectSync(this.name, single ? 'save' : 'saveMany', persisting(this.name, this.modelName, method, () => save(handler, built)));
    const saved = single ? [result as T] : (result as T[]);
    saved.forEach((instance, index) => runHooksSync(this.name, method, setup, 'afterCreate', instance, this.info(setup, index)));
    return saved;
  }

  private async createManyAsync(
    method: string,
    size: unknown,
    overrides: unknown,
    options: unknown,
    save: (handler: AsyncPersistenceProtocol<T>, built: T[]) => Promise<T[]>,
  ): Promise<T[]> {
    const { setup, handler, built } = this.buildForCreate<AsyncPersistenceProtocol<T>>('async', method, size, overrides, options);
    // The same order as synchronous calls: every afterBuild, then every beforeCreate.
    for (const phase of ['afterBuild', 'beforeCreate'] as const) {
      for (const [index, instance] of built.entries()) await runHooksAsync(setup, phase, instance, this.info(setup, index));
    }
    const saved = await persistingAsync(this.name, this.modelName, method, () => save(handler, built));
    for (const [index, instance] of saved.entries()) await runHooksAsync(setup, 'afterCreate', instance, this.info(setup, index));
    return saved;
  }

  /** The traits, transient parameters and hooks of a call; the traits' overrides are checked like the caller's. */
  private callSetup(method: string, options: unknown): CallSetup {
    const setup = setupCall(this.factory, method, options);
    if (setup.traits.length > 0) this.overrides(`${method} (traits ${setup.traits.join(', ')})`, setup.overrides);
    return setup;
  }

  private info(setup: CallSetup, index: number): HookInfo {
    return { factory: this.name, traits: setup.traits, transient: setup.transient, index };
  }

  private afterBuildSync(method: string, setup: CallSetup, built: T[]): void {
    built.forEach((instance, index) => runHooksSync(this.name, method, setup, 'afterBuild', instance, this.info(setup, index)));
  }

  private requireFactory(): Constructor {
    if (!this.factory) throw ConfigurationException.notDecorated(this.name);
    return this.factory;
  }

  private handler<H>(kind: PersistenceKind): H {
    return routeHandler<T>(this.requireFactory(), kind) as H;
  }


  private overrides(method: string, overrides: unknown): Record<string, unknown> {
    return checkOverrides(this.name, this.modelName, method, this.plan, overrides);
  }

  /** The overrides of each instance of a batch: the same object for all, a list of one per instance, or `(index) => overrides`. */
  private itemOverrides(method: string, count: number, overrides: unknown): (index: number) => Record<string, unknown> {
    if (typeof overrides === 'function') return (index) => this.overrides(method, (overrides as (i: number) => unknown)(index));
    if (Array.isArray(overrides)) {
      if (overrides.length !== count) throw ParameterException.itemOverridesLength(this.name, method, count, overrides.length);
      const checked = overrides.map((item) => this.overrides(method, item));
      return (index) => checked[index]!;
    }
    const checked = this.overrides(method, overrides);
    return () => checked;
  }

  private buildMany(method: string, size: unknown, overrides: unknown, setup: CallSetup, target?: CreateTarget): T[] {
    const count = checkSize(this.name, method, size);
    const forItem = this.itemOverrides(method, count, overrides);
    return Array.from({ length: count }, (_, index) => this.buildRoot(forItem(index), setup, index, target));
  }

  private buildRoot(
    overrides: Record<string, unknown>,
    setup: CallSetup,
    index: number,
    target?: CreateTarget,
    choices?: ReadonlyMap<string, CoverageAlternative>,
  ): T {
    // Trait overrides are shared definitions: each instance gets copies of their arrays and plain objects.
    const traitOverrides = setup.traits.length > 0 ? copyData(setup.overrides) : undefined;
    return this.buildOne({ ...traitOverrides, ...overrides }, { path: [], handler: target?.handler, call: target?.call, setup, index, choices });
  }


  /** A nested instance: built with this factory's defaults, its afterBuild hooks run synchronously. */
  private buildNestedInstance(overrides: Record<string, unknown>, scope: BuildScope): T {
    this.nestedSetup ??= setupCall(this.factory, 'build', undefined);
    const instance = this.buildOne(overrides, { ...scope, setup: this.nestedSetup, index: 0 });
    this.afterBuildSync(nestedBuild, this.nestedSetup, [instance]);
    return instance;
  }

  private buildOne(overrides: Record<string, unknown>, scope: BuildScope): T {
    const { plan, instantiate } = this.variantFor(overrides);
    if (this.model && plan.names.size === 0 && Object.keys(overrides).length === 0) {
      throw ConfigurationException.noKnownFields(this.name, nameOf(this.model));
    }
    const path = this.model ? [...scope.path, { model: this.model, viaOptional: scope.viaOptional }] : scope.path;
    const ctx = this.context(scope, path);
    const values: FieldValues = Object.create(null);
    const attachLater = new Map<string, Record<string, unknown>[]>();
    const given = resolveNestedOverrides(plan.relations, overrides, ctx, attachLater);
    const run = (name: string, step: FieldStep) => {
      ctx.field = name;
      if (step.kind === 'generate') {
        const value = step.generate(ctx);
        if (value !== undefined) values[name] = value;
      } else if (step.kind === 'require') throw MissingBuildKwargException.forField(this.name, name);
    };
    for (const { name, step } of plan.fields) {
      const choice = scope.choices?.get(name);
      if (Object.hasOwn(given, name)) values[name] = given[name];
      else if (choice && 'value' in choice) {
        if (choice.value !== undefined) values[name] = choice.value;
      } else run(name, choice?.step ?? step);
    }
    for (const key of Object.keys(given)) if (!Object.hasOwn(values, key)) values[key] = given[key];
    for (const { name, step } of plan.postGenerated) {
      ctx.field = name;
      if (step.kind === 'post' && !Object.hasOwn(given, name)) values[name] = step.generate(ctx, values);
    }
    const instance = instantiate(values, { handler: scope.handler, call: scope.call });
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


  private context(scope: BuildScope, path: readonly PathStep[]): BuildContext {
    const maxDepth = scope.maxDepth ?? this.options.maxDepth ?? defaultMaxDepth;
    const streams = scope.streams ?? { source: this.fakerSource, seedBase: this.fakerSource.seedBase(), prefix: '' };
    const runner = this;
    return {
      field: '',
      get faker() {
        return streams.source.streamFor(streams.prefix ? streams.prefix + this.field : this.field, streams.seedBase);
      },
      sequence: nextSequence(this.sequenceOwner),
      index: scope.index ?? 0,
      transient: scope.setup?.transient ?? noTransient,
      buildNested(model: Function, field: string, options: NestedOptions = {}) {
        const here = path.length > 0 ? [...path.slice(0, -1), { ...path[path.length - 1]!, field }] : path;
        const optional = Boolean(options.optional) || Boolean(options.explicit);
        if (optional && !options.explicit && here.length >= maxDepth) return undefined;
        if ((!optional && closesRequiredCycle(here, model)) || here.length >= hardDepthLimit) {
          const names = [...here.map((s) => `${nameOf(s.model)}${s.field ? `.${s.field}` : ''}`), nameOf(model)];
          throw ConfigurationException.cycle(runner.name, names);
        }
        const overrides = options.overrides ?? {};
        // A self-reference is built by the factory building this instance; other models by their default factory.
        const factory = options.factory ?? (model === runner.model && runner.factory ? runner.factory : registry.get(model as Constructor));
        const nested: BuildScope = { path: here, maxDepth, viaOptional: optional, handler: scope.handler, call: scope.call };
        // Nested instances draw from the nesting factory's streams, by field path (so a seed repeats the
        // whole graph, and `author` and `editor` never share a stream), unless their factory has a seed of its own.
        const inherited = { ...nested, streams: { ...streams, prefix: `${streams.prefix}${field}>${nameOf(model)}.` } };
        const nestedRunner = factory ? FactoryRunner.of(factory) : FactoryRunner.automatic(model);
        return nestedRunner.buildNestedInstance(overrides, nestedRunner.fakerSource.hasOwnSeed ? nested : inherited);
      },
    };
  }
}

/** The generation context of one instance; `field` names the field being generated, whose stream `faker` is. */
export interface BuildContext extends GenerationContext {
  field: string;
}
