import { ConfigurationException, nameOf, type PersistenceKind } from '../errors.js';
import type { HandlerSlots } from '../persistence/handler-slots.js';
import type { PersistenceHandler } from '../persistence/protocols.js';
import { registry } from '../registry/registry.js';

/**
 * Where a factory's create calls go. Per kind, the first of: the factory's own handler, its
 * parent factory classes' (nearest first), the global default.
 */
export function handlerChain(factory: Function | undefined): HandlerSlots[] {
  const chain: HandlerSlots[] = [];
  for (let cls = factory; cls && cls !== Function.prototype; cls = Object.getPrototypeOf(cls)) {
    const own = registry.ownHandlers(cls);
    if (own) chain.push(own);
  }
  chain.push(registry.defaultHandlers);
  return chain;
}

/** The handler for one create call of `kind`, or a ConfigurationException saying how to configure one. */
export function routeHandler<T>(factory: Function, kind: PersistenceKind): PersistenceHandler<T> {
  const chain = handlerChain(factory);
  for (const slots of chain) {
    const resolved = slots.resolve(kind, nameOf(factory));
    if (resolved) return resolved.handler as PersistenceHandler<T>;
  }
  const other: PersistenceKind = kind === 'sync' ? 'async' : 'sync';
  throw ConfigurationException.noHandler(nameOf(factory), kind, chain.some((slots) => slots.has(other)));
}
