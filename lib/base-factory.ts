import type { PersistenceKind } from './errors.js';
import type { AsyncHandlerInput, HandlerInput, PersistOptions, SyncHandlerInput } from './persistence/handler-source.js';
import { FactoryRunner } from './runner/factory-runner.js';
import type { ModelOf, Overrides, modelType } from './types.js';

/** The class side of a factory whose instances are F (abstract ones included): what decorators accept. */
export type FactoryClass<F> = abstract new (...args: any[]) => F;

/** A concrete factory class: what the statics are called on (BaseFactory itself has no model to build). */
export type ConcreteFactoryClass<F> = new (...args: any[]) => F;

/**
 * Base of every factory. Extend it with the model type, decorate the class with `@Factory(Model)`,
 * and call the statics; they are thin sugar over the factory's FactoryRunner. Factories are never
 * instantiated: their properties only declare fields.
 */
export abstract class BaseFactory<T extends object> {
  /** Ties the factory to its model type for the statics' return types; never set. */
  declare readonly [modelType]?: T;

  /** Builds one instance without persisting it. */
  static build<F extends BaseFactory<any>>(this: ConcreteFactoryClass<F>, overrides?: Overrides<ModelOf<F>>): ModelOf<F> {
    return FactoryRunner.of<ModelOf<F>>(this).build(overrides);
  }

  /** Builds `size` instances without persisting them. */
  static batch<F extends BaseFactory<any>>(this: ConcreteFactoryClass<F>, size: number, overrides?: Overrides<ModelOf<F>>): ModelOf<F>[] {
    return FactoryRunner.of<ModelOf<F>>(this).batch(size, overrides);
  }

  /** Builds one instance and returns what the sync handler's `save` returns. */
  static createSync<F extends BaseFactory<any>>(this: ConcreteFactoryClass<F>, overrides?: Overrides<ModelOf<F>>): ModelOf<F> {
    return FactoryRunner.of<ModelOf<F>>(this).createSync(overrides);
  }

  /** Builds `size` instances and saves them with one call of the sync handler's `saveMany`. */
  static createBatchSync<F extends BaseFactory<any>>(
    this: ConcreteFactoryClass<F>,
    size: number,
    overrides?: Overrides<ModelOf<F>>,
  ): ModelOf<F>[] {
    return FactoryRunner.of<ModelOf<F>>(this).createBatchSync(size, overrides);
  }

  /** Builds one instance and resolves to what the async handler's `save` resolves to. */
  static createAsync<F extends BaseFactory<any>>(this: ConcreteFactoryClass<F>, overrides?: Overrides<ModelOf<F>>): Promise<ModelOf<F>> {
    return FactoryRunner.of<ModelOf<F>>(this).createAsync(overrides);
  }

  /** Builds `size` instances and saves them with one call of the async handler's `saveMany`. */
  static createBatchAsync<F extends BaseFactory<any>>(
    this: ConcreteFactoryClass<F>,
    size: number,
    overrides?: Overrides<ModelOf<F>>,
  ): Promise<ModelOf<F>[]> {
    return FactoryRunner.of<ModelOf<F>>(this).createBatchAsync(size, overrides);
  }

  /** Sets or replaces this factory's handler of the handler's kind (sync or async) at runtime. */
  static setPersistence<F extends BaseFactory<any>>(this: ConcreteFactoryClass<F>, handler: SyncHandlerInput<ModelOf<F>>, options?: PersistOptions): void;
  static setPersistence<F extends BaseFactory<any>>(this: ConcreteFactoryClass<F>, handler: AsyncHandlerInput<ModelOf<F>>, options?: PersistOptions): void;
  static setPersistence<F extends BaseFactory<any>>(
    this: ConcreteFactoryClass<F>,
    handler: HandlerInput<ModelOf<F>>,
    options?: PersistOptions,
  ): void {
    FactoryRunner.of<ModelOf<F>>(this).setPersistence(handler, options);
  }

  /** Removes this factory's own handler of one kind, or both: a parent's or the global default applies again. */
  static clearPersistence(this: ConcreteFactoryClass<BaseFactory<any>>, kind?: PersistenceKind): void {
    FactoryRunner.of(this).clearPersistence(kind);
  }

  /** Reseeds this factory's faker: the same seed gives the same values again. */
  static seed(this: ConcreteFactoryClass<BaseFactory<any>>, seed: number): void {
    FactoryRunner.of(this).seed(seed);
  }
}
