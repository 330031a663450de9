/**
 * The two persistence protocols. A handler extends one of them; the class it extends is how
 * fixtory knows whether `createSync` or `createAsync` may use it, without ever calling it to guess.
 */

/** Saves built instances synchronously. `createSync` calls `save`; `createBatchSync` calls `saveMany` once. */
export abstract class SyncPersistenceProtocol<T> {
  abstract save(data: T): T;
  abstract saveMany(data: T[]): T[];
}

/** Saves built instances asynchronously. `createAsync` calls `save`; `createBatchAsync` calls `saveMany` once. */
export abstract class AsyncPersistenceProtocol<T> {
  abstract save(data: T): Promise<T>;
  abstract saveMany(data: T[]): Promise<T[]>;
}

/** Either protocol, as a structural type (what `implements` and plain objects satisfy). */
export type PersistenceHandler<T> = SyncPersistenceProtocol<T> | AsyncPersistenceProtocol<T>;
