import type { EntityManager } from '@mikro-orm/core';
import { ConfigurationException, ParameterException } from '../errors.js';
import { AsyncPersistenceProtocol } from '../persistence/protocols.js';
import { applyOnCreate, forgetInsert, planInsert, withKeys, type InsertPlan } from './bulk-insert-plan.js';
import { mikroOrmCore } from './metadata-lookup.js';
import { defaultOrm, isEntityManager, isMikroOrm, useMikroOrm } from './orm-registry.js';
import type { EntityManagerLike } from './orm-types.js';
import type { EntityManagerSource } from './persistence.js';
import { serialised } from './serial-queue.js';

/**
 * Writes large batches fast: `saveMany` inserts the new entities of the batch, and the new
 * entities they reach (parents through their foreign keys, children through one-to-many
 * collections), with multi-row INSERT statements (MikroORM's `insertMany`, `batchSize` rows per
 * statement), parents first, in one transaction (a savepoint inside an open one). The database's
 * primary keys are back-filled on the returned entities. If any statement fails, nothing of the
 * call is written and the entities lose the keys they were given.
 *
 * There is no unit of work: the entities are written but no EntityManager manages them (they can be
 * passed as existing references to later create calls), MikroORM's lifecycle hooks and event
 * subscribers do not run (property `onCreate` initialisers do), and filled many-to-many
 * collections are refused.
 */
export class MikroOrmBulkPersistence<T extends object> extends AsyncPersistenceProtocol<T> {
  private readonly source: EntityManagerSource | undefined;

  constructor(source?: EntityManagerSource);
  // A rest parameter keeps the constructor's length 0: `@Persist(MikroOrmBulkPersistence)` is a valid no-argument handler class.
  constructor(...args: [EntityManagerSource?]) {
    super();
    const [source] = args;
    if (source !== undefined && typeof source !== 'function' && !isEntityManager(source) && !isMikroOrm(source)) {
      throw ParameterException.invalidArgument('MikroOrmBulkPersistence', 'an EntityManager, a MikroORM instance or a function returning an EntityManager', source);
    }
    this.source = source;
    if (isEntityManager(source) || isMikroOrm(source)) useMikroOrm(source);
  }

  async save(entity: T): Promise<T> {
    const [saved] = await this.saveMany([entity]);
    return saved!;
  }

  async saveMany(entities: T[]): Promise<T[]> {
    const { em, shared } = this.entityManager();
    const plan = planInsert(entities);
    if (plan.entities.length === 0) return entities;
    const hadKey = withKeys(plan.entities);
    const write = () => em.transactional((tx: EntityManager) => insertAll(tx, plan));
    try {
      await (shared ? serialised(em, write) : write());
    } catch (error) {
      forgetInsert(plan, hadKey);
      throw error;
    }
    return entities;
  }

  private entityManager(): { em: EntityManagerLike; shared: boolean } {
    const source = this.source;
    if (source === undefined) {
      const orm = defaultOrm();
      if (!orm) throw ConfigurationException.noEntityManager('MikroOrmBulkPersistence');
      return { em: orm.em.fork(), shared: false };
    }
    if (isMikroOrm(source)) return { em: source.em.fork(), shared: false };
    const em = isEntityManager(source) ? source : source();
    if (!isEntityManager(em)) throw ParameterException.invalidArgument('MikroOrmBulkPersistence (the value its provider returned)', 'an EntityManager', em);
    useMikroOrm(em);
    return { em, shared: true };
  }
}

async function insertAll(em: EntityManager, plan: InsertPlan): Promise<void> {
  for (const { meta, entities } of plan.groups) {
    if (meta.hydrateProps.some((prop) => prop.onCreate || prop.kind === 'embedded')) {
      for (const entity of entities) applyOnCreate(entity, meta.hydrateProps, em);
    }
    await em.insertMany(entities);
    // What a flush records after an insert: later flushes then see these entities as existing rows.
    const comparator = em.getComparator();
    for (const entity of entities) mikroOrmCore()!.helper(entity).__originalEntityData = comparator.prepareEntity(entity);
  }
}
