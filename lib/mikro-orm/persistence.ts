import { ParameterException } from '../errors.js';
import { AsyncPersistenceProtocol, SyncPersistenceProtocol } from '../persistence/protocols.js';
import { CallTracker, trackerOf, tracksCreateCalls, unsavedOf, writeCall, type TracksCalls } from './call-tracker.js';
import { isEntityManager, isMikroOrm, useMikroOrm } from './orm-registry.js';
import type { EntityManagerLike } from './orm-types.js';
import type { EntityManagerSource } from './write-target.js';

export type { EntityManagerSource } from './write-target.js';

export interface MikroOrmPersistenceOptions {
  /**
   * 'flush' (default): each save writes its entities, in a transaction of its own (a savepoint when the
   * EntityManager is already in one), and commits it unless an outer transaction is open.
   * 'persist': only registers the entities with `em.persist`; your next `em.flush()` writes them.
   */
  mode?: 'flush' | 'persist';
}

/**
 * Saves entities through a MikroORM EntityManager. `saveMany` writes the whole batch with one flush;
 * if it fails nothing of the batch is written and none of it stays in the EntityManager.
 *
 * Given a MikroORM instance (or nothing: the ORM last passed to `useMikroOrm`), every call runs in a
 * fresh fork that joins the transaction active where the call is made (`em.transactional`, a
 * running TestTransaction); given an EntityManager, saved entities become managed by it. Saves
 * within one transaction, or through one EntityManager, run one after another.
 */
export class MikroOrmPersistence<T extends object> extends AsyncPersistenceProtocol<T> implements TracksCalls {
  private readonly mode: 'flush' | 'persist';
  /** The state of each create call this handler serves (internal). */
  readonly tracker: CallTracker;

  constructor(source?: EntityManagerSource, options?: MikroOrmPersistenceOptions);
  // A rest parameter keeps the constructor's length 0: `@Persist(MikroOrmPersistence)` is a valid no-argument handler class.
  constructor(...args: [EntityManagerSource?, MikroOrmPersistenceOptions?]) {
    super();
    const [source, options = {}] = args;
    this.tracker = trackerOf('MikroOrmPersistence', source);
    if (options.mode !== undefined && options.mode !== 'flush' && options.mode !== 'persist') {
      throw ParameterException.invalidOption('MikroOrmPersistence', 'mode', "'flush' or 'persist'", options.mode);
    }
    if (options.mode === 'persist' && (source === undefined || isMikroOrm(source))) {
      throw ParameterException.invalidOption('MikroOrmPersistence', 'mode', "'flush' unless an EntityManager is given ('persist' into a throwaway fork would write nothing)", options.mode);
    }
    this.mode = options.mode ?? 'flush';
  }

  async save(entity: T): Promise<T> {
    const [saved] = await this.saveMany([entity]);
    return saved!;
  }

  async saveMany(entities: T[]): Promise<T[]> {
    const state = this.tracker.finish(entities);
    const { em } = state;
    if (this.mode === 'persist') {
      unsavedOf(em).delete(state.graph);
      state.graph.attach();
      em.persist(entities);
      return entities;
    }
    // This flush writes the call's graph alone: see writeCall.
    await writeCall(state, entities, () => em.transactional(async (tx) => void tx.persist(entities)));
    return entities;
  }
}

/**
 * The synchronous MikroORM handler. MikroORM cannot write synchronously, so `save` and `saveMany`
 * only register the entities with `em.persist` and return them: **nothing is written until your
 * next `await em.flush()`**. Use MikroOrmPersistence with createAsync to write immediately.
 */
export class MikroOrmSyncPersistence<T extends object> extends SyncPersistenceProtocol<T> implements TracksCalls {
  /** The state of each create call this handler serves (internal). */
  readonly tracker: CallTracker;

  constructor(source: EntityManagerLike | (() => EntityManagerLike)) {
    super();
    if (typeof source !== 'function') {
      if (!isEntityManager(source) || isMikroOrm(source)) {
        throw ParameterException.invalidArgument('MikroOrmSyncPersistence', 'an EntityManager or a function returning one', source);
      }
      useMikroOrm(source);
    }
    this.tracker = new CallTracker('MikroOrmSyncPersistence', source, false);
  }

  save(entity: T): T {
    return this.saveMany([entity])[0]!;
  }

  saveMany(entities: T[]): T[] {
    const state = this.tracker.finish(entities);
    unsavedOf(state.em).delete(state.graph);
    state.graph.attach();
    state.em.persist(entities);
    return entities;
  }
}

tracksCreateCalls(MikroOrmPersistence);
tracksCreateCalls(MikroOrmSyncPersistence);

// The create-call members tracksCreateCalls installs, as the types see them.
export interface MikroOrmPersistence<T extends object> extends TracksCalls {}
export interface MikroOrmSyncPersistence<T extends object> extends TracksCalls {}
