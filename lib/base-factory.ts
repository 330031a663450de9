import type { PersistenceKind } from './errors.js';
import type { AsyncHandlerInput, HandlerInput, PersistOptions, SyncHandlerInput } from './persistence/handler-source.js';
import type { HookInfo } from './runner/call-setup.js';
import type { FieldExplanation } from './runner/explain.js';
import { FactoryRunner } from './runner/factory-runner.js';
import type { BatchOverrides, BuildOptions, ModelOfFactory, Overrides, SeedRowsOptions, SeedSummary, StreamOptions, modelType } from './types.js';

/** The class side of a factory whose instances are F (abstract ones included): what decorators accept. */
export type FactoryClass<F> = abstract new (...args: any[]) => F;

/** A concrete factory class: what the statics are called on (BaseFactory itself has no model to build). */
export type ConcreteFactoryClass<F> = new (...args: any[]) => F;

type AnyFactory = ConcreteFactoryClass<BaseFactory<any>>;

/**
 * The static hooks a factory of T may declare, typed against T (checked by `@Factory`). What a hook
 * returns is ignored (a promise is awaited in async calls), so any return type is accepted.
 */
export interface FactoryHooks<T> {
  afterBuild?: (instance: T, info: HookInfo) => unknown;
  beforeCreate?: (instance: T, info: HookInfo) => unknown;
  afterCreate?: (instance: T, info: HookInfo) => unknown;
}

/**
 * Base of every factory. Extend it with the model type, decorate the class with `@Factory(Model)`,
 * and call the statics; they are thin sugar over the factory's FactoryRunner. Factories are never
 * instantiated: their properties only declare fields. A factory may declare `static traits`,
 * `static transient` and the hooks `static afterBuild`, `beforeCreate` and `afterCreate`.
 */
export abstract class BaseFactory<T extends object> {
  /** Ties the factory to its model type for the statics' return types; never set. */
  declare readonly [modelType]?: T;

  /** Builds one instance without persisting it. */
  static build<C extends AnyFactory>(this: C, overrides?: Overrides<ModelOfFactory<C>>, options?: BuildOptions<C>): ModelOfFactory<C> {
    return FactoryRunner.of<ModelOfFactory<C>>(this).build(overrides, options);
  }

  /** Builds `size` instances without persisting them; overrides may differ per instance. */
  static batch<C extends AnyFactory>(
    this: C,
    size: number,
    overrides?: BatchOverrides<ModelOfFactory<C>>,
    options?: BuildOptions<C>,
  ): ModelOfFactory<C>[] {
    return FactoryRunner.of<ModelOfFactory<C>>(this).batch(size, overrides, options);
  }

  /**
   * One instance that looks saved, with no I/O and no EntityManager (FactoryBot's build_stubbed):
   * it and every instance it nests get a made-up primary key where they have none.
   */
  static stub<C extends AnyFactory>(this: C, overrides?: Overrides<ModelOfFactory<C>>, options?: BuildOptions<C>): ModelOfFactory<C> {
    return FactoryRunner.of<ModelOfFactory<C>>(this).stub(overrides, options);
  }

  /** `size` stubs; overrides may differ per instance. */
  static stubBatch<C extends AnyFactory>(
    this: C,
    size: number,
    overrides?: BatchOverrides<ModelOfFactory<C>>,
    options?: BuildOptions<C>,
  ): ModelOfFactory<C>[] {
    return FactoryRunner.of<ModelOfFactory<C>>(this).stubBatch(size, overrides, options);
  }

  /** The smallest set of instances that together use every enum member, both booleans, null and non-null of nullable fields. */
  static coverage<C extends AnyFactory>(this: C, overrides?: Overrides<ModelOfFactory<C>>, options?: BuildOptions<C>): ModelOfFactory<C>[] {
    return FactoryRunner.of<ModelOfFactory<C>>(this).coverage(overrides, options);
  }

  /** Builds one instance and returns what the sync handler's `save` returns. */
  static createSync<C extends AnyFactory>(this: C, overrides?: Overrides<ModelOfFactory<C>>, options?: BuildOptions<C>): ModelOfFactory<C> {
    return FactoryRunner.of<ModelOfFactory<C>>(this).createSync(overrides, options);
  }

  /** Builds `size` instances and saves them with one call of the sync handler's `saveMany`. */
  static createBatchSync<C extends AnyFactory>(
    this: C,
    size: number,
    overrides?: BatchOverrides<ModelOfFactory<C>>,
    options?: BuildOptions<C>,
  ): ModelOfFactory<C>[] {
    return FactoryRunner.of<ModelOfFactory<C>>(this).createBatchSync(size, overrides, options);
  }

  /** Builds one instance and resolves to what the async handler's `save` resolves to. Never throws: every failure rejects. */
  static async createAsync<C extends AnyFactory>(
    this: C,
    overrides?: Overrides<ModelOfFactory<C>>,
    options?: BuildOptions<C>,
  ): Promise<ModelOfFactory<C>> {
    return FactoryRunner.of<ModelOfFactory<C>>(this).createAsync(overrides, options);
  }

  /** Builds `size` instances and saves them with one call of the async handler's `saveMany`. Never throws: every failure rejects. */
  static async createBatchAsync<C extends AnyFactory>(
    this: C,
    size: number,
    overrides?: BatchOverrides<ModelOfFactory<C>>,
    options?: BuildOptions<C>,
  ): Promise<ModelOfFactory<C>[]> {
    return FactoryRunner.of<ModelOfFactory<C>>(this).createBatchAsync(size, overrides, options);
  }

  /**
   * Creates `count` instances through the async handler in chunks (`chunk`, default 250): one
   * create call per chunk, each saved (all or nothing) before the next is built, yielded as saved.
   */
  static async *stream<C extends AnyFactory>(this: C, count: number, options?: StreamOptions<C>): AsyncGenerator<ModelOfFactory<C>[], void, undefined> {
    yield* FactoryRunner.of<ModelOfFactory<C>>(this).stream(count, options);
  }

  /** Creates `count` instances like `stream` and keeps none of them: a seed of any size in flat memory (`plain: true` builds plain rows: faster, for MikroOrmBulkPersistence). */
  static async seedRows<C extends AnyFactory>(this: C, count: number, options?: SeedRowsOptions<C>): Promise<SeedSummary> {
    return FactoryRunner.of<ModelOfFactory<C>>(this).seedRows(count, options);
  }

  /** Sets or replaces this factory's handler of the handler's kind (sync or async) at runtime. */
  static setPersistence<C extends AnyFactory>(this: C, handler: SyncHandlerInput<ModelOfFactory<C>>, options?: PersistOptions): void;
  static setPersistence<C extends AnyFactory>(this: C, handler: AsyncHandlerInput<ModelOfFactory<C>>, options?: PersistOptions): void;
  static setPersistence<C extends AnyFactory>(this: C, handler: HandlerInput<ModelOfFactory<C>>, options?: PersistOptions): void {
    FactoryRunner.of<ModelOfFactory<C>>(this).setPersistence(handler, options);
  }

  /** Removes this factory's own handler of one kind, or both: a parent's or the global default applies again. */
  static clearPersistence(this: AnyFactory, kind?: PersistenceKind): void {
    FactoryRunner.of(this).clearPersistence(kind);
  }

  /** Reseeds this factory's streams (and restarts its model's unique values): the same seed gives the same values again. */
  static seed(this: AnyFactory, seed: number): void {
    FactoryRunner.of(this).seed(seed);
  }

  /**
   * For every field: where its value comes from when the caller does not override it (decorator,
   * trait, provider, hint, type, column type, enum, relation), the generator and the unique strategy.
   */
  static explain(this: AnyFactory): FieldExplanation[] {
    return FactoryRunner.of(this).explain();
  }

  /** Restarts this factory's `@Sequence` numbers at 1. */
  static resetSequence(this: AnyFactory): void {
    FactoryRunner.of(this).resetSequence();
  }
}
