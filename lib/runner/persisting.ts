import { ConfigurationException, FactoryException, ParameterException, PersistenceException } from '../errors.js';
import { saveFailureOf } from '../persistence/save-failure.js';
import { wasGiven } from './build-run.js';
import type { FieldExplanation } from './explain.js';
import { currentSeed } from './seeds.js';

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/** Who saves: what a failed save's message names, and where its fields' values come from. */
export interface SaveContext {
  factory: string;
  model: string | undefined;
  method: string;
  explain?: () => readonly FieldExplanation[];
}

/**
 * The handler's failure as a PersistenceException naming the factory; fixtory's errors pass through.
 * When the handler could tell which field's value the database refused, the message says which
 * generator made it and the seed that replays the run.
 */
function saveFailed({ factory, model, method, explain }: SaveContext, error: unknown): unknown {
  if (error instanceof FactoryException) return error;
  const failure = saveFailureOf(error);
  if (!failure) return PersistenceException.saveFailed(factory, model, method, error);
  let source: string | undefined;
  if (failure.instance && failure.field && wasGiven(failure.instance, failure.field)) source = 'the overrides of the call (or a trait)';
  else if (failure.field && failure.model === model) {
    const row = explain?.().find((r) => r.field === failure.field);
    source = row && `${row.from}: ${row.generator}`;
  }
  return PersistenceException.saveFailed(factory, model, method, error, { failure, source, seed: currentSeed() });
}

/** Runs a sync handler's save. */
export function persisting<R>(context: SaveContext, save: () => R): R {
  try {
    return save();
  } catch (error) {
    throw saveFailed(context, error);
  }
}

/** The same for an async handler's save. */
export async function persistingAsync<R>(context: SaveContext, save: () => Promise<R>): Promise<R> {
  try {
    return await save();
  } catch (error) {
    throw saveFailed(context, error);
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
