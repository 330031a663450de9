import { ConfigurationException, nameOf, type PersistenceKind } from '../errors.js';
import { HandlerSource, type HandlerInput, type PersistOptions } from '../persistence/handler-source.js';
import { HandlerSlots, checkedKind } from '../persistence/handler-slots.js';
import type { Constructor } from '../types.js';
import type { FactoryOptions } from './factory-options.js';

/** One `@Factory` registration. */
export interface FactoryRegistration {
  factory: Constructor;
  /** Undefined for plain-object factories (`@Factory()`). */
  model?: Constructor;
  options: FactoryOptions;
}

/** A factory class as the registry resolves it: see `FactoryRegistry.resolve`. */
export interface ResolvedFactory {
  registration: FactoryRegistration;
  options: FactoryOptions;
  parent?: Constructor;
}

/**
 * The central registry that decorators write into: which factories exist, which one is the
 * default for each model, and the persistence handlers of each factory and of all of them.
 */
export class FactoryRegistry {
  private readonly registrations = new Map<Constructor, FactoryRegistration>();
  private readonly handlerSlots = new WeakMap<Function, HandlerSlots>();
  /** Handlers used by every factory that has none of that kind of its own or from a parent factory. */
  readonly defaultHandlers = new HandlerSlots('the global default handler');

  /** Records a factory. Called by `@Factory` only. */
  register(registration: FactoryRegistration): void {
    const { factory, model, options } = registration;
    if (this.registrations.has(factory)) throw ConfigurationException.factoryDecoratedTwice(nameOf(factory));
    if (model && options.default) {
      const current = this.factoriesFor(model).find((f) => this.registrations.get(f)?.options.default);
      if (current && current !== factory) {
        throw ConfigurationException.duplicateDefault(nameOf(model), nameOf(current), nameOf(factory));
      }
    }
    this.registrations.set(factory, registration);
  }

  /** Forgets a factory (its handlers go with it). Mostly for tests that define throwaway factories. */
  unregister(factory: Constructor): void {
    this.registrations.delete(factory);
    this.handlerSlots.delete(factory);
  }

  /** The registration of exactly this class, if it carries `@Factory` itself. */
  registrationOf(factory: Constructor): FactoryRegistration | undefined {
    return this.registrations.get(factory);
  }

  /** Whether a factory class, or a factory class it extends, carries `@Factory`. */
  isRegistered(factory: Function): boolean {
    return this.chainOf(factory).length > 0;
  }

  /**
   * What a factory class is registered as: its nearest registration, the options it ends up with
   * (each registered ancestor's, the nearer ones winning, its own last; `default` is never
   * inherited) and the nearest registered ancestor. A ConfigurationException when none is registered.
   */
  resolve(factory: Function): ResolvedFactory {
    const chain = this.chainOf(factory);
    if (chain.length === 0) throw ConfigurationException.notDecorated(nameOf(factory));
    const inherited = chain.slice(1).reduceRight<FactoryOptions>((merged, r) => ({ ...merged, ...r.options, default: undefined }), {});
    return {
      registration: chain[0]!,
      options: { ...inherited, ...chain[0]!.options },
      parent: chain.find((r) => r.factory !== factory)?.factory,
    };
  }

  /** The registrations of a factory class and its registered ancestors, nearest first. */
  private chainOf(factory: Function): FactoryRegistration[] {
    const found: FactoryRegistration[] = [];
    for (let cls = factory; cls && cls !== Function.prototype; cls = Object.getPrototypeOf(cls)) {
      const registration = this.registrations.get(cls as Constructor);
      if (registration) found.push(registration);
    }
    return found;
  }

  /** Every registration, in the order the factories were decorated. */
  list(): FactoryRegistration[] {
    return [...this.registrations.values()];
  }

  /** The factories registered for a model, in registration order. */
  factoriesFor<T>(model: Constructor<T>): Constructor[] {
    return this.list()
      .filter((r) => r.model === model)
      .map((r) => r.factory);
  }

  /**
   * The default factory of a model: the one marked `{ default: true }`, else the only one.
   * Undefined when the model has none; a ConfigurationException when it has several and none is marked.
   */
  get<T>(model: Constructor<T>): Constructor | undefined {
    const factories = this.factoriesFor(model);
    const marked = factories.find((f) => this.registrations.get(f)?.options.default);
    if (marked) return marked;
    if (factories.length > 1) throw ConfigurationException.ambiguousDefault(nameOf(model), factories.map(nameOf));
    return factories[0];
  }

  /** The handlers configured on one factory class itself (not inherited ones). */
  handlersOf(factory: Function): HandlerSlots {
    let slots = this.handlerSlots.get(factory);
    if (!slots) this.handlerSlots.set(factory, (slots = new HandlerSlots(nameOf(factory))));
    return slots;
  }

  /** The handlers configured on this class, if any, without creating an empty set. */
  ownHandlers(factory: Function): HandlerSlots | undefined {
    return this.handlerSlots.get(factory);
  }

  /** Sets (or replaces) the default handler of its kind, used by factories that have none. */
  setDefaultPersistence<T>(handler: HandlerInput<T>, options?: PersistOptions): void {
    const source = HandlerSource.from(this.defaultHandlers.owner, 'registry.setDefaultPersistence', handler, options);
    this.defaultHandlers.add(source, 'runtime');
  }

  /** Removes the default handler of one kind, or both. */
  clearDefaultPersistence(kind?: PersistenceKind): void {
    this.defaultHandlers.clear(checkedKind('registry.clearDefaultPersistence', kind));
  }
}

/** The one registry every decorator writes into. */
export const registry = new FactoryRegistry();
