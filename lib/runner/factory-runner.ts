import { ConfigurationException, MissingBuildKwargException, nameOf, type PersistenceKind } from '../errors.js';
import type { GenerationContext } from '../generators/design-type.js';
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
import type { Faker } from '@faker-js/faker';

/** One step of the nesting path of a build, for cycle detection and messages. */
interface PathStep {
  model: Function;
  field?: string;
}

/** State of one build that nested builds inherit. */
interface BuildScope {
  path: readonly PathStep[];
  /** Set for automatic factories, which generate with the faker of the factory that nests them. */
  faker?: Faker;
}

const rootScope: BuildScope = { path: [] };

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
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
  private cachedPlan?: BuildPlan;
  private readonly fakerSource: FakerSource;
  private readonly instantiate: Instantiate<T>;
  /** The model's name for messages; undefined for plain-object factories. */
  readonly modelName: string | undefined;

  private constructor(
    /** The factory class, or undefined for the automatic factory of a nested model. */
    private readonly factory: Constructor | undefined,
    readonly name: string,
    private readonly model: Constructor<T> | undefined,
    options: FactoryOptions<T>,
  ) {
    this.modelName = model ? nameOf(model) : undefined;
    this.fakerSource = new FakerSource(options);
    this.instantiate = instantiatorFor(name, model, options.construct);
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

  /** Which generator serves each field; computed on first use, when the model's metadata is complete. */
  get plan(): BuildPlan {
    return (this.cachedPlan ??= planBuild(this.name, this.modelName, inspectModelFields(this.factory, this.model)));
  }

  get faker(): Faker {
    return this.fakerSource.faker;
  }

  /** Reseeds this factory's faker (giving it an instance of its own if it shared the global one). */
  seed(seed: number): void {
    this.fakerSource.seed(seed);
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
    return this.expectSync(handler.save(this.buildOne(checked, rootScope)), 'save');
  }

  createBatchSync(size: unknown, overrides?: unknown): T[] {
    checkSize(this.name, 'createBatchSync', size);
    const handler = this.handler<SyncPersistenceProtocol<T>>('sync');
    return this.expectSync(handler.saveMany(this.buildMany('createBatchSync', size, overrides)), 'saveMany');
  }

  async createAsync(overrides?: unknown): Promise<T> {
    const checked = this.overrides('createAsync', overrides);
    const handler = this.handler<AsyncPersistenceProtocol<T>>('async');
    return handler.save(this.buildOne(checked, rootScope));
  }

  async createBatchAsync(size: unknown, overrides?: unknown): Promise<T[]> {
    checkSize(this.name, 'createBatchAsync', size);
    const handler = this.handler<AsyncPersistenceProtocol<T>>('async');
    return handler.saveMany(this.buildMany('createBatchAsync', size, overrides));
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

  private overrides(method: string, overrides: unknown): Record<string, unknown> {
    return checkOverrides(this.name, this.modelName, method, this.plan, overrides);
  }

  private buildMany(method: string, size: unknown, overrides: unknown): T[] {
    const count = checkSize(this.name, method, size);
    const checked = this.overrides(method, overrides);
    return Array.from({ length: count }, () => this.buildOne(checked, rootScope));
  }

  private expectSync<R>(result: R, method: string): R {
    if (isPromiseLike(result)) {
      result.then(undefined, () => undefined); // the handler is misconfigured; don't also crash on its rejection
      throw ConfigurationException.syncHandlerReturnedPromise(this.name, method);
    }
    return result;
  }

  private buildOne(overrides: Record<string, unknown>, scope: BuildScope): T {
    const plan = this.plan;
    if (this.model && plan.names.size === 0 && Object.keys(overrides).length === 0) {
      throw ConfigurationException.noKnownFields(this.name, nameOf(this.model));
    }
    const path = this.model ? [...scope.path, { model: this.model }] : scope.path;
    const ctx = this.context(path, scope.faker ?? this.faker);
    const values: FieldValues = Object.create(null);
    for (const { name, step } of plan.fields) {
      if (Object.hasOwn(overrides, name)) values[name] = overrides[name];
      else if (step.kind === 'generate') values[name] = step.generate(ctx);
      else if (step.kind === 'require') throw MissingBuildKwargException.forField(this.name, name);
    }
    for (const key of Object.keys(overrides)) if (!Object.hasOwn(values, key)) values[key] = overrides[key];
    for (const { name, step } of plan.postGenerated) {
      if (step.kind === 'post' && !Object.hasOwn(overrides, name)) values[name] = step.generate(ctx, values);
    }
    return this.instantiate(values);
  }

  private context(path: readonly PathStep[], faker: Faker): GenerationContext {
    return {
      faker,
      buildNested: (model, field) => {
        const here = path.length > 0 ? [...path.slice(0, -1), { ...path[path.length - 1]!, field }] : path;
        if (here.some((step) => step.model === model)) {
          const names = [...here.map((s) => `${nameOf(s.model)}${s.field ? `.${s.field}` : ''}`), nameOf(model)];
          throw ConfigurationException.cycle(this.name, names);
        }
        const factory = registry.get(model as Constructor);
        if (factory) return FactoryRunner.of(factory).buildOne({}, { path: here });
        return FactoryRunner.automatic(model).buildOne({}, { path: here, faker });
      },
    };
  }
}
