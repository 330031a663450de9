import { ConfigurationException, ParameterException } from '../errors.js';
import { AsyncPersistenceProtocol, SyncPersistenceProtocol } from '../persistence/protocols.js';
import { detachFailedGraph } from './failed-save.js';
import { defaultOrm, entitiesBuilt, entityManagerForBuild, isEntityManager, isMikroOrm, useMikroOrm, type BuildsWithEntityManager } from './orm-registry.js';
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
  /** The EntityManager each create call's entities were built with (by call), which its save uses too. */
  private readonly preparedByCall = new WeakMap<object, { em: EntityManagerLike; throwaway: boolean }>();
  /** The call each built entity belongs to. */
  private readonly callOfEntity = new WeakMap<object, object>();

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
   * Called by fixtory as it builds the entities of a create call: they, and the references they
   * hold, then belong to the EntityManager that will write them.
   */
  [entityManagerForBuild](call: object): EntityManagerLike {
    let prepared = this.preparedByCall.get(call);
    if (!prepared) this.preparedByCall.set(call, (prepared = resolveEntityManager('MikroOrmPersistence', this.source)));
    return prepared.em;
  }

  /** Called as each entity of a create call is built. */
  [entitiesBuilt](call: object, entities: object[]): void {
    for (const entity of entities) this.callOfEntity.set(entity, call);
  }

  async save(entity: T): Promise<T> {
    const [saved] = await this.saveMany([entity]);
    return saved!;
  }

  async saveMany(entities: T[]): Promise<T[]> {
    const call = entities.length > 0 ? this.callOfEntity.get(entities[0]!) : undefined;
    const { em, throwaway } = (call && this.preparedByCall.get(call)) ?? resolveEntityManager('MikroOrmPersistence', this.source);
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
  [entityManagerForBuild](_call: object): EntityManagerLike {
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
