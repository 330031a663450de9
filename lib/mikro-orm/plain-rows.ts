import type { EntityMetadata, EntityProperty } from '@mikro-orm/core';
import { ConfigurationException } from '../errors.js';
import { planInsert, applyOnCreate, type GraphView, type InsertPlan } from './bulk-insert-plan.js';
import { mikroOrmCore } from './mikro-orm-core.js';

/*
 * Plain rows: what `seedRows(n, { plain: true })` builds instead of entities. A row is a plain
 * object holding the values fixtory generated for an entity class (relations as other rows or
 * existing entities, one-to-many children in arrays); no EntityManager, wrapper or collection is
 * made for it. The bulk handler writes rows with the same multi-row INSERTs as entities, from the
 * same payload MikroORM computes for an entity (its snapshot generator), so the rows written are
 * the ones the entity path writes.
 */

/** Where a row keeps the metadata of its entity class (a symbol: no property of an entity can take its place). */
const entityOfRow = Symbol('fixtory.entityOfRow');

/**
 * A row's own class, empty but for its entity's metadata: a row must not pass for a plain object,
 * which fixtory reads as the overrides of a nested build (a child's back reference to its row would
 * build a second parent).
 */
class PlainRow {
  [entityOfRow]: EntityMetadata;
  constructor(meta: EntityMetadata) {
    this[entityOfRow] = meta;
  }
}

/** Why a class cannot be built as plain rows (undefined: it can), once per class. */
const refusals = new WeakMap<EntityMetadata, string | null>();

/** The values `new Entity()` sets itself (initialisers), per class: a row needs them too. */
const initialised = new WeakMap<EntityMetadata, string[]>();

function refusalOf(meta: EntityMetadata): string | undefined {
  let reason = refusals.get(meta);
  if (reason !== undefined) return reason ?? undefined;
  reason = null;
  if (meta.virtual || meta.embeddable) reason = 'it is not a table';
  else if (meta.constructorParams?.length) reason = 'its constructor takes parameters (only em.create calls it with them)';
  else if (meta.primaryKeys.length !== 1 || meta.properties[meta.primaryKeys[0]!]?.kind !== 'scalar') reason = 'its primary key is not one scalar column';
  else {
    for (const prop of meta.props) {
      if (prop.persist === false) continue;
      // MikroORM marks a property it found behind the class's own get/set accessors (its own accessors on the prototype are not marked).
      if (prop.getter || prop.setter || prop.accessor) reason = `${prop.name} is behind an accessor, which a plain row does not run`;
      else if (prop.kind === 'embedded' && embedsRelations(prop.targetMeta)) reason = `${prop.name} embeds a relation, which MikroORM reads from an entity`;
      else if (prop.kind === 'scalar' && prop.ref) reason = `${prop.name} is a lazy scalar reference`;
      else if (prop.serializedPrimaryKey) reason = `${prop.name} is a serialized key`;
      else if ((prop.kind === 'm:1' || (prop.kind === '1:1' && prop.owner)) && (prop.mapToPk || !singleScalarKey(prop.targetMeta))) {
        reason = `${prop.name} points at ${prop.type}, whose key is not one scalar column`;
      }
      if (reason) break;
    }
  }
  refusals.set(meta, reason);
  return reason ?? undefined;
}

function embedsRelations(meta: EntityMetadata | undefined): boolean {
  return meta?.props.some((p) => (p.kind === 'embedded' ? embedsRelations(p.targetMeta) : p.kind !== 'scalar')) ?? false;
}

function singleScalarKey(meta: EntityMetadata | undefined): boolean {
  return meta !== undefined && meta.primaryKeys.length === 1 && meta.properties[meta.primaryKeys[0]!]?.kind === 'scalar';
}

/** The properties `new Entity()` gives a value (collections aside): a row takes them from a fresh instance where fixtory set none. */
function initialisedProps(meta: EntityMetadata): string[] {
  let names = initialised.get(meta);
  if (!names) {
    const probe = new (meta.class as unknown as new () => Record<string, unknown>)();
    names = meta.props.filter((p) => p.kind !== '1:m' && p.kind !== 'm:n' && p.persist !== false && probe[p.name] !== undefined).map((p) => p.name);
    initialised.set(meta, names);
  }
  return names;
}

/**
 * A plain row of `meta`'s class from the values fixtory generated: the class's own initial values
 * where fixtory set none (from a fresh instance, so per-instance initialisers such as a UUID or the
 * current date differ per row), then the values. Refuses a class a plain row cannot stand for.
 */
export function makeRow(meta: EntityMetadata, factory: string, values: Record<string, unknown>): object {
  const reason = refusalOf(meta);
  if (reason) throw ConfigurationException.plainRowsClass(factory, meta.className, reason);
  const row = Object.assign(new PlainRow(meta), values) as PlainRow & Record<string, unknown>;
  const own = initialisedProps(meta);
  if (own.some((name) => row[name] === undefined)) {
    const fresh = new (meta.class as unknown as new () => Record<string, unknown>)();
    for (const name of own) if (row[name] === undefined) row[name] = fresh[name];
  }
  return row;
}

export function isRow(value: unknown): value is object {
  return value instanceof PlainRow;
}

/** The entity class a row was built for, if `value` is a row. */
export function rowMetaOf(value: object): EntityMetadata | undefined {
  return value instanceof PlainRow ? value[entityOfRow] : undefined;
}

function helper(entity: object) {
  return mikroOrmCore()!.helper(entity);
}

/** Rows and the entities they point at, as the insert walk sees them; rows are kept in step as MikroORM keeps entities. */
const rowView: GraphView = {
  metaOf: (node) => rowMetaOf(node) ?? helper(node).__meta,
  isNew: (node) => node instanceof PlainRow || !helper(node).__managed,
  relate(node, prop, related) {
    // A child in a row's collection, or a row's inverse one-to-one partner, points back at the row
    // (MikroORM's propagation does this for entities; a row has no accessors).
    if (!(node instanceof PlainRow) || !(related instanceof PlainRow) || !prop.mappedBy) return;
    if (prop.kind === '1:m' || (prop.kind === '1:1' && !prop.owner)) (related as unknown as Record<string, unknown>)[prop.mappedBy] = node;
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

/** The value a foreign key to `target` holds, as MikroORM's snapshot of an entity pointing at it gives it. */
function keyOf(target: object, platform: object): unknown {
  const meta = rowMetaOf(target);
  if (!meta) return helper(target).getPrimaryKey(true);
  const prop = meta.properties[meta.primaryKeys[0]!]!;
  const key = (target as Record<string, unknown>)[prop.name];
  return prop.customType ? prop.customType.convertToDatabaseValue(key, platform as never) : key;
}

function unwrap(value: unknown): unknown {
  const reference = value as { unwrap?: () => unknown } | null | undefined;
  return typeof reference?.unwrap === 'function' ? reference.unwrap() : value;
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
    const target = unwrap(row[prop.name]);
    if (target === null) payload[prop.name] = null;
    else if (target !== undefined) payload[prop.name] = keyOf(target as object, platform);
  }
  return payload;
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
    for (const row of rows) applyOnCreate(row, meta.hydrateProps, em);
    for (let start = 0; start < rows.length; start += size) {
      const chunk = rows.slice(start, start + size) as Record<string, unknown>[];
      const payloads = chunk.map((row) => payloadOf(meta, owners, row, snapshot, platform));
      const options = { ctx: em.getTransactionContext(), convertCustomTypes: false, processCollections: false, schema };
      const result = await driver.nativeInsertMany(meta.className, payloads, options);
      chunk.forEach((row, index) => {
        if (row[pk.name] != null) return;
        const returned = result.rows?.[index]?.[pk.fieldNames[0]!];
        row[pk.name] = pk.customType ? pk.customType.convertToJSValue(returned, platform as never) : returned;
      });
    }
  }
}
