import { ConfigurationException, FactoryException, PersistenceException } from '../errors.js';

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

/** A sync handler must not return a promise: the call could not wait for it. */
export function expectSync<R>(factory: string, method: string, result: R): R {
  if (isPromiseLike(result)) {
    result.then(undefined, () => undefined); // the handler is misconfigured; don't also crash on its rejection
    throw ConfigurationException.syncHandlerReturnedPromise(factory, method);
  }
  return result;
}
