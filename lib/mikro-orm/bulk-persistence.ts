import type { EntityManager, EntityMetadata } from '@mikro-orm/core';
import { writesPlainRows } from '../persistence/create-call.js';
import { AsyncPersistenceProtocol } from '../persistence/protocols.js';
import { applyOnCreate, forgetInsert, planInsert, withKeys, type InsertPlan } from './bulk-insert-plan.js';
import { trackerOf, tracksCreateCalls, writeCall, type CallTracker, type TracksCalls } from './call-tracker.js';
import { mikroOrmCore } from './metadata-lookup.js';
import { isRow } from './plain-row-class.js';
import { insertRows, keylessRows, markWritten, planRows } from './plain-rows.js';
import type { EntityManagerSource } from './write-target.js';

/**
 * Writes large batches fast: `saveMany` inserts the new entities of the batch, and the new
 * entities they reach (parents through their foreign keys, children through one-to-many
 * collections), with multi-row INSERT statements (MikroORM's `insertMany`, `batchSize` rows per
 * statement), parents first, in one transaction (a savepoint inside an open one). The database's
 * primary keys are back-filled on the returned entities. If any statement fails, nothing of the
 * call is written, the entities lose the keys they were given, and entities outside the call stop
 * pointing at them.
 *
 * There is no unit of work: the entities are written but no EntityManager manages them (they can be
 * passed as existing references to later create calls), MikroORM's lifecycle hooks and event
 * subscribers do not run (property `onCreate` initialisers do), and filled many-to-many
 * collections and existing entities moved under a new one are refused. Where it writes follows MikroOrmPersistence: the EntityManager given,
 * else a fork per call that joins the transaction open where the call is made.
 */
export class MikroOrmBulkPersistence<T extends object> extends AsyncPersistenceProtocol<T> implements TracksCalls {
  /** The state of each create call this handler serves (internal). */
  readonly tracker: CallTracker;
  /** `seedRows(n, { plain: true })` hands it plain rows (see plain-rows.ts). */
  readonly [writesPlainRows] = true;

  constructor(source?: EntityManagerSource);
  // A rest parameter keeps the constructor's length 0: `@Persist(MikroOrmBulkPersistence)` is a valid no-argument handler class.
  constructor(...args: [EntityManagerSource?]) {
    super();
    this.tracker = trackerOf('MikroOrmBulkPersistence', args[0]);
  }

  async save(entity: T): Promise<T> {
    const [saved] = await this.saveMany([entity]);
    return saved!;
  }

  async saveMany(entities: T[]): Promise<T[]> {
    const state = this.tracker.finish(entities);
    const em = state.em as unknown as EntityManager;
    let plan: InsertPlan | undefined;
    let hadKey = new Set<object>();
    if (entities.length > 0 && isRow(entities[0])) {
      let unkeyed: (() => void) | undefined;
      const writeRows = async () => {
        const rows = planRows(entities);
        unkeyed = keylessRows(rows);
        await em.transactional((tx) => insertRows(tx as never, rows));
        markWritten(rows);
      };
      // A row kept by the caller (a @Lazy, an overrides function) and given again must not bring the key of a rolled-back insert.
      await writeCall(state, entities, writeRows, () => unkeyed?.());
      return entities;
    }
    const write = async () => {
      plan = planInsert(entities);
      hadKey = withKeys(plan.entities);
      if (plan.entities.length > 0) await em.transactional((tx) => insertAll(tx, plan!));
    };
    await writeCall(state, entities, write, () => plan && forgetInsert(plan, hadKey));
    return entities;
  }
}

// The create-call members tracksCreateCalls installs (building with the call's EntityManager, detaching a failed call), as the types see them.
export interface MikroOrmBulkPersistence<T extends object> extends TracksCalls {}
tracksCreateCalls(MikroOrmBulkPersistence);

async function insertAll(em: EntityManager, plan: InsertPlan): Promise<void> {
  for (const { meta, entities } of plan.groups) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; applyOnCreate changes nothing on a class without onCreate or embeddables
    if (meta.hydrateProps.some((prop) => prop.onCreate || prop.kind === 'embedded')) {
      for (const entity of entities) applyOnCreate(entity, meta.hydrateProps, em);
    }
    // Entities given a key apart from those the database numbers (see keyedApart in plain-rows.ts).
    const keyed = entities.filter((entity) => meta.primaryKeys.every((pk) => (entity as Record<string, unknown>)[pk] != null));
    if (keyed.length === 0 || keyed.length === entities.length) await insertGroup(em, meta, entities);
    else {
      await insertGroup(em, meta, keyed);
      const given = new Set(keyed);
      await insertGroup(em, meta, entities.filter((entity) => !given.has(entity)));
    }
  }
}

/**
 * Inserts one group as `em.insertMany(entities)` does (a change set per entity, written in
 * multi-row statements by MikroORM's persister), keeping each change set's payload as what a
 * flush records after an insert (later flushes then see these entities as existing rows) instead
 * of computing the same snapshot a second time.
 */
async function insertGroup(em: EntityManager, meta: EntityMetadata, entities: object[]): Promise<void> {
  const core = mikroOrmCore()!;
  const { ChangeSet, ChangeSetType } = core as Partial<typeof core>;
  const persister = em.getUnitOfWork().getChangeSetPersister?.();
  const comparator = em.getComparator();
  if (typeof ChangeSet !== 'function' || ChangeSet.length !== 4 || !ChangeSetType || !persister) {
    await em.insertMany(entities);
    for (const entity of entities) core.helper(entity).__originalEntityData = comparator.prepareEntity(entity);
    return;
  }
  const changeSets = entities.map((entity) => new ChangeSet(entity, ChangeSetType.CREATE, comparator.prepareEntity(entity), meta));
  await persister.executeInserts(changeSets, { ctx: em.getTransactionContext() });
  for (const changeSet of changeSets) core.helper(changeSet.entity).__originalEntityData = changeSet.payload;
}
