/**
 * The messages of ConfigurationException's persistence-handler constructors (lib/errors/configuration.ts):
 * which handler a create call needs, and handlers whose kind or construction is wrong. Each function is the
 * message of the constructor of the same name.
 */
import { describe, reasonOf } from './describe.js';

export type PersistenceKind = 'sync' | 'async';

const createMethod: Record<PersistenceKind, string> = { sync: 'createSync', async: 'createAsync' };
const article: Record<PersistenceKind, string> = { sync: 'a', async: 'an' };
const protocolName: Record<PersistenceKind, string> = {
  sync: 'SyncPersistenceProtocol',
  async: 'AsyncPersistenceProtocol',
};

export function noHandler(factory: string, kind: PersistenceKind, otherKindAvailable: boolean): string {
  if (otherKindAvailable) {
    const other: PersistenceKind = kind === 'sync' ? 'async' : 'sync';
    return (
      `${factory} has ${article[other]} ${other} handler only: use ${createMethod[other]}` +
        `${kind === 'sync' ? '/createBatchAsync' : '/createBatchSync'}, or add ${article[kind]} ${kind} handler with ` +
        `@Persist(handler) where handler extends ${protocolName[kind]}.`
    );
  }
  return (
    `${factory} has no ${kind} persistence handler for ${createMethod[kind]}: decorate it with ` +
      `@Persist(handler) (${article[kind]} ${protocolName[kind]}), call ${factory}.setPersistence(handler), or set ` +
      `a default for every factory with registry.setDefaultPersistence(handler).`
  );
}

export function unknownHandlerKind(factory: string, handler: unknown): string {
  return (
    `The persistence handler of ${factory} (${describe(handler)}) extends neither ` +
      `SyncPersistenceProtocol nor AsyncPersistenceProtocol, so fixtory cannot tell whether to route ` +
      `createSync or createAsync to it: extend one of them, or state its kind with ` +
      `@Persist(handler, { kind: 'sync' }) (or 'async').`
  );
}

export function kindMismatch(factory: string, declared: PersistenceKind, actual: PersistenceKind): string {
  return (
    `The persistence handler of ${factory} is declared { kind: '${declared}' } but extends ` +
      `${protocolName[actual]}: remove the kind option or make them agree.`
  );
}

export function providerChangedKind(factory: string, before: PersistenceKind, now: PersistenceKind): string {
  return (
    `The handler provider of ${factory} returned ${article[before]} ${protocolName[before]} before and ` +
      `${article[now]} ${protocolName[now]} now: a provider must always return the same kind of handler.`
  );
}

export function duplicateHandler(factory: string, kind: PersistenceKind): string {
  return (
    `${factory} has two ${kind} persistence handlers: a factory carries at most one sync and one ` +
      `async handler. Remove one @Persist, or replace it at runtime with ${factory}.setPersistence(handler).`
  );
}

export function syncHandlerReturnedPromise(factory: string, method: string): string {
  return (
    `The sync persistence handler of ${factory} returned a Promise from ${method}(): a handler that ` +
      `works asynchronously must extend AsyncPersistenceProtocol (or be declared { kind: 'async' }) ` +
      `and be called through createAsync/createBatchAsync.`
  );
}

export function handlerClassNeedsArguments(factory: string, handlerClass: string): string {
  return (
    `@Persist(${handlerClass}) on ${factory}: a handler class is instantiated per create call with ` +
      `no arguments, but ${handlerClass}'s constructor declares parameters. Pass an instance ` +
      `(@Persist(new ${handlerClass}(...))) or a provider (@Persist(() => new ${handlerClass}(...))).`
  );
}

export function handlerUnavailable(factory: string, owner: string, source: string, cause: unknown): string {
  const where = owner === factory ? '' : ` (configured on ${owner})`;
  return (
    `${factory} could not get its persistence handler: ${source}${where} threw: ${reasonOf(cause)}. ` +
      `Nothing was saved; fix the handler, or configure another with @Persist or setPersistence.`
  );
}
