import { ConfigurationException, ParameterException } from '../errors.js';
import { AsyncPersistenceProtocol, SyncPersistenceProtocol } from '../persistence/protocols.js';
import { detachFailedGraph } from './failed-save.js';
import { defaultOrm, entityManagerForBuild, isEntityManager, isMikroOrm, useMikroOrm, type BuildsWithEntityManager } from './orm-registry.js';
import type { EntityManagerLike, MikroOrmLike } from './orm-types.js';
import { serialised } from './serial-queue.js';

/** Where a MikroORM handler gets its EntityManager: given, from a MikroORM instance, or from a provider per call. */
export type EntityManagerSource = EntityManagerLike | MikroOrmLike | (() => EntityManagerLike);

export interface MikroOrmPersistenceOptions {
  /**
   * 'flush' (default): each save writes its entities, in a transaction of its own (a savepoint when the
   * EntityManager is already in one), and commits it unless an outer transaction is open.
   * 'persist': only registers the entities with `em.persist`; your next `em.flush()` writes them.
   */
  mode?: 'flush' | 'persist';
}

function checkSource(where: string, source: unknown): void {
  if (source !== undefined && typeof source !== 'function' && !isEntityManager(source) && !isMikroOrm(source)) {
    throw ParameterException.invalidArgument(where, 'an EntityManager, a MikroORM instance or a function returning an EntityManager', source);
  }
}

/** The EntityManager of one save, registering its ORM with fixtory so entities are built from its metadata. */
function resolveEntityManager(owner: string, source: EntityManagerSource | undefined): { em: EntityManagerLike; throwaway: boolean } {
  if (source === undefined) {
    const orm = defaultOrm();
    if (!orm) throw ConfigurationException.noEntityManager(owner);
    return { em: orm.em.fork(), throwaway: true };
  }
  if (isMikroOrm(source)) {
    useMikroOrm(source);
    return { em: source.em.fork(), throwaway: true };
  }
  const em = isEntityManager(source) ? source : (source as () => EntityManagerLike)();
  if (!isEntityManager(em)) throw ParameterException.invalidArgument(`${owner} (the value its provider returned)`, 'an EntityManager', em);
  useMikroOrm(em);
  return { em, throwaway: false };
}

/**
 * Saves entities through a MikroORM EntityManager. `saveMany` writes the whole batch with one flush;
 * if it fails nothing of the batch is written and none of it stays in the EntityManager.
 *
 * Given a MikroORM instance (or nothing: the ORM last passed to `useMikroOrm`), every save runs in a
 * fresh fork, so nothing accumulates in an identity map; given an EntityManager, saved entities
 * become managed by it. Saves through one EntityManager run one after another.
 */
export class MikroOrmPersistence<T extends object> extends AsyncPersistenceProtocol<T> implements BuildsWithEntityManager {
  private readonly source: EntityManagerSource | undefined;
  private readonly mode: 'flush' | 'persist';
  /** The EntityManager the entities of the running create call were built with; its save uses it too. */
  private prepared?: { em: EntityManagerLike; throwaway: boolean };

  constructor(source?: EntityManagerSource, options?: MikroOrmPersistenceOptions);
  // A rest parameter keeps the constructor's length 0: `@Persist(MikroOrmPersistence)` is a valid no-argument handler class.
  constructor(...args: [EntityManagerSource?, MikroOrmPersistenceOptions?]) {
    super();
    const [source, options = {}] = args;
    checkSource('MikroOrmPersistence', source);
    if (options.mode !== undefined && options.mode !== 'flush' && options.mode !== 'persist') {
      throw ParameterException.invalidOption('MikroOrmPersistence', 'mode', "'flush' or 'persist'", options.mode);
    }
    if (options.mode === 'persist' && (source === undefined || isMikroOrm(source))) {
      throw ParameterException.invalidOption('MikroOrmPersistence', 'mode', "'flush' unless an EntityManager is given ('persist' into a throwaway fork would write nothing)", options.mode);
    }
    this.source = source;
    this.mode = options.mode ?? 'flush';
    if (isEntityManager(source) || isMikroOrm(source)) useMikroOrm(source);
  }

  /**
   * Called by fixtory before it builds the entities of a create call, which it then saves in the
   * same tick: entities, and the references they hold, then belong to the EntityManager that writes them.
   */
  [entityManagerForBuild](): EntityManagerLike {
    if (this.prepared) return this.prepared.em; // the other entities of the same create call
    const prepared = resolveEntityManager('MikroOrmPersistence', this.source);
    this.prepared = prepared;
    queueMicrotask(() => {
      if (this.prepared === prepared) this.prepared = undefined;
    });
    return prepared.em;
  }

  async save(entity: T): Promise<T> {
    const [saved] = await this.saveMany([entity]);
    return saved!;
  }

  async saveMany(entities: T[]): Promise<T[]> {
    const { em, throwaway } = this.prepared ?? resolveEntityManager('MikroOrmPersistence', this.source);
    this.prepared = undefined;
    if (this.mode === 'persist') {
      em.persist(entities);
      return entities;
    }
    const write = () => em.transactional(async (tx) => void tx.persist(entities));
    try {
      await (throwaway ? write() : serialised(em, write));
    } catch (error) {
      if (!throwaway) detachFailedGraph(em, entities);
      throw error;
    }
    return entities;
  }
}

/**
 * The synchronous MikroORM handler. MikroORM cannot write synchronously, so `save` and `saveMany`
 * only register the entities with `em.persist` and return them: **nothing is written until your
 * next `await em.flush()`**. Use MikroOrmPersistence with createAsync to write immediately.
 */
export class MikroOrmSyncPersistence<T extends object> extends SyncPersistenceProtocol<T> implements BuildsWithEntityManager {
  constructor(private readonly source: EntityManagerLike | (() => EntityManagerLike)) {
    super();
    if (typeof source !== 'function') {
      if (!isEntityManager(source) || isMikroOrm(source)) {
        throw ParameterException.invalidArgument('MikroOrmSyncPersistence', 'an EntityManager or a function returning one', source);
      }
      useMikroOrm(source);
    }
  }

  /** The EntityManager that entities built for a create call are created with (see MikroOrmPersistence). */
  [entityManagerForBuild](): EntityManagerLike {
    return resolveEntityManager('MikroOrmSyncPersistence', this.source).em;
  }

  save(entity: T): T {
    resolveEntityManager('MikroOrmSyncPersistence', this.source).em.persist(entity);
    return entity;
  }

  saveMany(entities: T[]): T[] {
    resolveEntityManager('MikroOrmSyncPersistence', this.source).em.persist(entities);
    return entities;
  }
}
