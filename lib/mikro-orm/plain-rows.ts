import type { EntityMetadata, EntityProperty } from '@mikro-orm/core';
import { ConfigurationException } from '../errors.js';
import { planInsert, unwrapReference, type GraphView, type InsertPlan } from './bulk-insert-plan.js';
import { mikroOrmCore } from './mikro-orm-core.js';
import { PlainRow, rowMetaOf, runOnCreate } from './plain-row-class.js';

/*
 * Plain rows: what `seedRows(n, { plain: true })` builds instead of entities (plain-row-class.ts
 * says what a row is): the values fixtory generated for an entity class, relations as other rows or
 * existing entities, one-to-many children in arrays; no EntityManager, wrapper or collection is made
 * for it. The bulk handler writes rows with the same multi-row INSERTs as entities, from the same
 * payload MikroORM computes for an entity (its snapshot generator), so the rows written are the ones
 * the entity path writes.
 */

function helper(entity: object) {
  return mikroOrmCore()!.helper(entity);
}

/** Rows a committed call wrote: a later chunk may point at them (an overrides function handing one on), as at an existing entity. */
const written = new WeakSet<object>();

export function markWritten(plan: InsertPlan): void {
  for (const row of plan.entities) written.add(row);
}

/** Takes back, after a failed write, the keys the database gave the plan's rows that had none. */
export function keylessRows(plan: InsertPlan): () => void {
  const keyless = plan.entities.filter((row) => {
    const meta = rowMetaOf(row)!;
    return (row as Record<string, unknown>)[meta.primaryKeys[0]!] == null;
  });
  return () => {
    for (const row of keyless) (row as Record<string, unknown>)[rowMetaOf(row)!.primaryKeys[0]!] = undefined;
  };
}

/** Rows and the entities they point at, as the insert walk sees them; rows are kept in step as MikroORM keeps entities. */
const rowView: GraphView = {
  metaOf: (node) => rowMetaOf(node) ?? helper(node).__meta,
  isNew: (node) => (node instanceof PlainRow ? !written.has(node) : !helper(node).__managed),
  check(node, prop, held) {
    // em.create turns an object given for a relation into an entity; a row cannot.
    if (!(held instanceof PlainRow) && !mikroOrmCore()!.Utils.isEntity(held)) throw ConfigurationException.plainRowsData(rowView.metaOf(node).className, prop.name);
  },
  relate(node, prop, related) {
    // Both sides of a relation between rows, as MikroORM's propagation keeps them for entities (a
    // row has no accessors): a child in a row's collection, or its inverse one-to-one partner, points
    // back at the row; a row's parent lists it in its collection, or has it as its one-to-one partner.
    if (!(node instanceof PlainRow) || !(related instanceof PlainRow)) return;
    const other = related as unknown as Record<string, unknown>;
    if (prop.mappedBy && (prop.kind === '1:m' || (prop.kind === '1:1' && !prop.owner))) other[prop.mappedBy] = node;
    else if (prop.inversedBy && prop.kind === 'm:1') {
      const siblings = (other[prop.inversedBy] ??= []) as object[];
      if (!siblings.includes(node)) siblings.push(node);
    } else if (prop.inversedBy && prop.kind === '1:1') other[prop.inversedBy] = node;
  },
};

/** Orders a call's rows for insertion: parents before children, as planInsert does for entities. */
export function planRows(roots: object[]): InsertPlan {
  const plan = planInsert(roots, rowView);
  for (const node of plan.entities) {
    if (!(node instanceof PlainRow)) throw ConfigurationException.plainRowsNewEntity(helper(node).__meta.className);
  }
  return plan;
}

interface Inserting {
  em: {
    getDriver(): {
      nativeInsertMany(entityName: string, data: object[], options: object): Promise<{ rows?: Record<string, unknown>[] }>;
      getPlatform(): object;
      getSchemaName?(meta: EntityMetadata, options: { schema?: string }): string | undefined;
    };
    getComparator(): { getSnapshotGenerator(entityName: string): (entity: object) => Record<string, unknown> };
    getTransactionContext(): unknown;
    config: { get(key: 'batchSize'): number };
    schema?: string;
  };
}

/**
 * The value a foreign key to `target` holds, as MikroORM's snapshot of an entity pointing at it
 * gives it: a row's back-filled key, an entity's key, or a key given as the relation's value.
 */
function keyOf(relation: EntityProperty, target: unknown, platform: object): unknown {
  if (target !== null && typeof target === 'object' && !(target instanceof PlainRow)) return helper(target).getPrimaryKey(true);
  const meta = target instanceof PlainRow ? rowMetaOf(target)! : relation.targetMeta!;
  const prop = meta.properties[meta.primaryKeys[0]!]!;
  const key = target instanceof PlainRow ? (target as unknown as Record<string, unknown>)[prop.name] : target;
  return prop.customType ? prop.customType.convertToDatabaseValue(key, platform as never) : key;
}

/** What MikroORM would insert for an entity holding the row's values: its snapshot, foreign keys from the parents' keys. */
function payloadOf(meta: EntityMetadata, owners: EntityProperty[], row: Record<string, unknown>, snapshot: (entity: object) => Record<string, unknown>, platform: object): Record<string, unknown> {
  let scalars = row;
  if (owners.length > 0) {
    scalars = { ...row };
    for (const prop of owners) delete scalars[prop.name];
  }
  const payload = snapshot(scalars);
  for (const prop of owners) {
    const target = unwrapReference(row[prop.name]);
    if (target === null) payload[prop.name] = null;
    else if (target !== undefined) payload[prop.name] = keyOf(prop, target, platform);
  }
  return payload;
}

/**
 * A group's rows in statements of at most `size`, those given a key apart from those the database
 * numbers: MikroORM asks for the generated keys only when a statement's first row has none, and
 * MariaDB's driver maps returned keys by position from the first generated one.
 */
function keyedApart<R extends Record<string, unknown>>(rows: R[], pk: string, size: number): R[][] {
  const statements: R[][] = [];
  for (const part of [rows.filter((row) => row[pk] != null), rows.filter((row) => row[pk] == null)]) {
    for (let start = 0; start < part.length; start += size) statements.push(part.slice(start, start + size));
  }
  return statements;
}

/**
 * Inserts the rows of a plan group by group (`batchSize` rows per statement, as MikroORM's
 * persister does) and back-fills the keys the database gave on the rows, so their children's
 * foreign keys can point at them. Runs inside the call's transaction.
 */
export async function insertRows(em: Inserting['em'], plan: InsertPlan): Promise<void> {
  const driver = em.getDriver();
  const platform = driver.getPlatform();
  const size = em.config.get('batchSize');
  for (const { meta, entities: rows } of plan.groups) {
    const owners = meta.relations.filter((p) => p.kind === 'm:1' || (p.kind === '1:1' && p.owner));
    const snapshot = em.getComparator().getSnapshotGenerator(meta.className);
    const pk = meta.properties[meta.primaryKeys[0]!]!;
    // The schema an entity built by the same EntityManager would be written to (see constructWithNew).
    const schema = driver.getSchemaName?.(meta, { schema: em.schema }) ?? meta.schema;
    const onCreate = meta.hydrateProps.filter((p) => p.onCreate || p.kind === 'embedded');
    for (const row of rows as Record<string, unknown>[]) runOnCreate(meta, row, onCreate, em);
    let start = 0;
    for (const chunk of keyedApart(rows as Record<string, unknown>[], pk.name, size)) {
      const payloads = chunk.map((row) => payloadOf(meta, owners, row, snapshot, platform));
      const options = { ctx: em.getTransactionContext(), convertCustomTypes: false, processCollections: false, schema };
      const result = await driver.nativeInsertMany(meta.className, payloads, options);
      chunk.forEach((row, index) => {
        if (row[pk.name] != null) return;
        const returned = result.rows?.[index]?.[pk.fieldNames[0]!];
        // Without its key a row's children would get no foreign key: a loud failure, never a NULL.
        if (returned == null) throw new Error(`the database returned no key for ${meta.className} (row ${start + index} of its group)`);
        row[pk.name] = pk.customType ? pk.customType.convertToJSValue(returned, platform as never) : returned;
      });
      start += chunk.length;
    }
  }
}
