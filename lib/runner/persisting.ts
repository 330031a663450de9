import { ConfigurationException, FactoryException, ParameterException, PersistenceException } from '../errors.js';

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

function saveFailed(factory: string, model: string | undefined, method: string, error: unknown): unknown {
  return error instanceof FactoryException ? error : PersistenceException.saveFailed(factory, model, method, error);
}

/** Runs a sync handler's save: its own failure becomes a PersistenceException naming the factory; fixtory's errors pass through. */
export function persisting<R>(factory: string, model: string | undefined, method: string, save: () => R): R {
  try {
    return save();
  } catch (error) {
    throw saveFailed(factory, model, method, error);
  }
}

/** The same for an async handler's save. */
export async function persistingAsync<R>(factory: string, model: string | undefined, method: string, save: () => Promise<R>): Promise<R> {
  try {
    return await save();
  } catch (error) {
    throw saveFailed(factory, model, method, error);
  }
}

/** What a handler's saveMany returned, checked: an array of one saved instance per built instance. */
export function savedRows<T>(factory: string, method: string, count: number, result: unknown): T[] {
  if (!Array.isArray(result) || result.length !== count) throw PersistenceException.unexpectedSaveResult(factory, method, count, result);
  return result as T[];
}

/**
 * Refuses, before the save, instances a promise cannot carry: resolving a promise with an object
 * that has a `then` function calls it, and waits for it forever if it never calls back.
 */
export function refuseThenables(factory: string, method: string, model: string | undefined, built: readonly unknown[]): void {
  built.forEach((instance, index) => {
    if (isPromiseLike(instance)) throw ParameterException.thenableInstance(factory, method, model, index);
  });
}

/** A sync handler must not return a promise: the call could not wait for it. */
export function expectSync<R>(factory: string, method: string, result: R): R {
  if (isPromiseLike(result)) {
    result.then(undefined, () => undefined); // the handler is misconfigured; don't also crash on its rejection
    throw ConfigurationException.syncHandlerReturnedPromise(factory, method);
  }
  return result;
}
