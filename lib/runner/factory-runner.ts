import type { Faker } from '@faker-js/faker';
import { ConfigurationException, FactoryException, MissingBuildKwargException, PersistenceException, nameOf, type PersistenceKind } from '../errors.js';
import type { GenerationContext, NestedOptions } from '../generators/design-type.js';
import { resetUniqueValues } from '../generators/unique-values.js';
import { modelAdaptersVersion } from '../inspect/model-adapter.js';
import { inspectModelFields } from '../inspect/model-fields.js';
import { HandlerSource, type HandlerInput, type PersistOptions } from '../persistence/handler-source.js';
import type { AsyncPersistenceProtocol, SyncPersistenceProtocol } from '../persistence/protocols.js';
import type { FactoryOptions } from '../registry/factory-options.js';
import { registry, type FactoryRegistration } from '../registry/registry.js';
import type { Constructor, FieldValues } from '../types.js';
import { checkOverrides, checkSize } from './arguments.js';
import { planBuild, type BuildPlan } from './build-plan.js';
import { FakerSource } from './faker-source.js';
import { routeHandler } from './handler-routing.js';
import { instantiatorFor, type Instantiate } from './instantiate.js';

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
  /** Set for automatic factories, which generate with the faker of the factory that nests them. */
  faker?: Faker;
  /** The handler of the create call this build is for: an adapter may construct instances with it. */
  handler?: object;
}

/** What a runner derives from the model once, redone only when a model adapter learns more. */
interface Prepared<T> {
  version: number;
  plan: BuildPlan;
  instantiate: Instantiate<T>;
}

const defaultMaxDepth = 3;
/** Required relations never stop by depth; this bound only turns a runaway graph into a clear error. */
const hardDepthLimit = 64;
const rootScope: BuildScope = { path: [] };

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

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

function registrationFor(factory: Function): FactoryRegistration {
  for (let cls = factory; cls && cls !== Function.prototype; cls = Object.getPrototypeOf(cls)) {
    const registration = registry.registrationOf(cls as Constructor);
    if (registration) return registration;
  }
  throw ConfigurationException.notDecorated(nameOf(factory));
}

/**
 * The engine behind a factory: plans a build once (which generator serves each field), runs it
 * per instance, and routes create calls to the sync or async persistence protocol.
 */
export class FactoryRunner<T> {
  private prepared?: Prepared<T>;
  private readonly fakerSource: FakerSource;
  /** The model's name for messages; undefined for plain-object factories. */
  readonly modelName: string | undefined;

  private constructor(
    /** The factory class, or undefined for the automatic factory of a nested model. */
    private readonly factory: Constructor | undefined,
    readonly name: string,
    private readonly model: Constructor<T> | undefined,
    private readonly options: FactoryOptions<T>,
  ) {
    this.modelName = model ? nameOf(model) : undefined;
    this.fakerSource = new FakerSource(options);
    // A seeded factory starts its model's unique values afresh, as `seed()` does, so a run repeats.
    if (options.seed !== undefined) resetUniqueValues(this.modelName ?? this.name);
  }

  /** The runner of a factory class (created on first use, then reused). */
  static of<T>(factory: Function): FactoryRunner<T> {
    let runner = runners.get(factory);
    if (!runner) {
      const registration = registrationFor(factory);
      runner = new FactoryRunner(factory as Constructor, nameOf(factory), registration.model, registration.options);
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
      const plan = planBuild(inspected, {
        factory: this.name,
        model: this.modelName,
        allowNullOptionals: this.options.allowNullOptionals ?? true,
        optionalRelations: this.options.optionalRelations ?? 'null',
        useDefaults: this.options.useDefaults ?? false,
      });
      const construct = this.options.construct as Instantiate<T> | undefined;
      const instantiate = instantiatorFor(this.name, this.model, construct ?? (inspected.instantiate as Instantiate<T> | undefined));
      this.prepared = { version, plan, instantiate };
    }
    return this.prepared;
  }

  /** Which generator serves each field: computed on first use, and again only when a model adapter learns more. */
  get plan(): BuildPlan {
    return this.ready.plan;
  }

  get faker(): Faker {
    return this.fakerSource.faker;
  }

  /**
   * Reseeds this factory's faker (giving it an instance of its own) and forgets the unique values
   * produced for its model, so the same seed gives the same values again.
   */
  seed(seed: number): void {
    this.fakerSource.seed(seed);
    resetUniqueValues(this.modelName ?? this.name);
  }

  build(overrides?: unknown): T {
    return this.buildOne(this.overrides('build', overrides), rootScope);
  }

  batch(size: unknown, overrides?: unknown): T[] {
    return this.buildMany('batch', size, overrides);
  }

  createSync(overrides?: unknown): T {
    const checked = this.overrides('createSync', overrides);
    const handler = this.handler<SyncPersistenceProtocol<T>>('sync');
    const built = this.buildOne(checked, { path: [], handler });
    return this.expectSync(this.persisting('createSync', () => handler.save(built)), 'save');
  }

  createBatchSync(size: unknown, overrides?: unknown): T[] {
    checkSize(this.name, 'createBatchSync', size);
    const handler = this.handler<SyncPersistenceProtocol<T>>('sync');
    const built = this.buildMany('createBatchSync', size, overrides, handler);
    return this.expectSync(this.persisting('createBatchSync', () => handler.saveMany(built)), 'saveMany');
  }

  async createAsync(overrides?: unknown): Promise<T> {
    const checked = this.overrides('createAsync', overrides);
    const handler = this.handler<AsyncPersistenceProtocol<T>>('async');
    const built = this.buildOne(checked, { path: [], handler });
    return this.persistingAsync('createAsync', () => handler.save(built));
  }

  async createBatchAsync(size: unknown, overrides?: unknown): Promise<T[]> {
    checkSize(this.name, 'createBatchAsync', size);
    const handler = this.handler<AsyncPersistenceProtocol<T>>('async');
    const built = this.buildMany('createBatchAsync', size, overrides, handler);
    return this.persistingAsync('createBatchAsync', () => handler.saveMany(built));
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

  private requireFactory(): Constructor {
    if (!this.factory) throw ConfigurationException.notDecorated(this.name);
    return this.factory;
  }

  private handler<H>(kind: PersistenceKind): H {
    return routeHandler<T>(this.requireFactory(), kind) as H;
  }

  /** A handler's own failure becomes a PersistenceException naming the factory; fixtory's errors pass through. */
  private persisting<R>(method: string, save: () => R): R {
    try {
      return save();
    } catch (error) {
      throw this.saveFailed(method, error);
    }
  }

  private async persistingAsync<R>(method: string, save: () => Promise<R>): Promise<R> {
    try {
      return await save();
    } catch (error) {
      throw this.saveFailed(method, error);
    }
  }

  private saveFailed(method: string, error: unknown): unknown {
    return error instanceof FactoryException ? error : PersistenceException.saveFailed(this.name, this.modelName, method, error);
  }

  private overrides(method: string, overrides: unknown): Record<string, unknown> {
    return checkOverrides(this.name, this.modelName, method, this.plan, overrides);
  }

  private buildMany(method: string, size: unknown, overrides: unknown, handler?: object): T[] {
    const count = checkSize(this.name, method, size);
    const checked = this.overrides(method, overrides);
    const scope: BuildScope = handler ? { path: [], handler } : rootScope;
    return Array.from({ length: count }, () => this.buildOne(checked, scope));
  }

  private expectSync<R>(result: R, method: string): R {
    if (isPromiseLike(result)) {
      result.then(undefined, () => undefined); // the handler is misconfigured; don't also crash on its rejection
      throw ConfigurationException.syncHandlerReturnedPromise(this.name, method);
    }
    return result;
  }

  private buildOne(overrides: Record<string, unknown>, scope: BuildScope): T {
    const { plan, instantiate } = this.ready;
    if (this.model && plan.names.size === 0 && Object.keys(overrides).length === 0) {
      throw ConfigurationException.noKnownFields(this.name, nameOf(this.model));
    }
    const path = this.model ? [...scope.path, { model: this.model, viaOptional: scope.viaOptional }] : scope.path;
    const ctx = this.context({
      path,
      maxDepth: scope.maxDepth ?? this.options.maxDepth ?? defaultMaxDepth,
      faker: scope.faker ?? this.faker,
      handler: scope.handler,
    });
    const values: FieldValues = Object.create(null);
    for (const { name, step } of plan.fields) {
      if (Object.hasOwn(overrides, name)) values[name] = overrides[name];
      else if (step.kind === 'generate') {
        const value = step.generate(ctx);
        if (value !== undefined) values[name] = value;
      } else if (step.kind === 'require') throw MissingBuildKwargException.forField(this.name, name);
    }
    for (const key of Object.keys(overrides)) if (!Object.hasOwn(values, key)) values[key] = overrides[key];
    for (const { name, step } of plan.postGenerated) {
      if (step.kind === 'post' && !Object.hasOwn(overrides, name)) values[name] = step.generate(ctx, values);
    }
    const instance = instantiate(values, { handler: scope.handler });
    for (const { name, step } of plan.attached) {
      if (step.kind === 'attach' && !Object.hasOwn(overrides, name)) step.attach(ctx, instance as object);
    }
    return instance;
  }

  private context(scope: Required<Pick<BuildScope, 'path' | 'maxDepth' | 'faker'>> & Pick<BuildScope, 'handler'>): GenerationContext {
    const { path, maxDepth, faker, handler } = scope;
    return {
      faker,
      buildNested: (model: Function, field: string, options: NestedOptions = {}) => {
        const here = path.length > 0 ? [...path.slice(0, -1), { ...path[path.length - 1]!, field }] : path;
        const optional = Boolean(options.optional);
        if (optional && here.length >= maxDepth) return undefined;
        if ((!optional && closesRequiredCycle(here, model)) || here.length >= hardDepthLimit) {
          const names = [...here.map((s) => `${nameOf(s.model)}${s.field ? `.${s.field}` : ''}`), nameOf(model)];
          throw ConfigurationException.cycle(this.name, names);
        }
        const overrides = options.overrides ?? {};
        const factory = options.factory ?? registry.get(model as Constructor);
        const nested = { path: here, maxDepth, viaOptional: optional, handler };
        if (factory) return FactoryRunner.of(factory).buildOne(overrides, nested);
        return FactoryRunner.automatic(model).buildOne(overrides, { ...nested, faker });
      },
    };
  }
}
