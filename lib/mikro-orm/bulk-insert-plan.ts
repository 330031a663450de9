import type { EntityMetadata, EntityProperty } from '@mikro-orm/core';
import { ConfigurationException } from '../errors.js';
import { mikroOrmCore } from './metadata-lookup.js';

/** One INSERT group: new entities of one class whose parents are all in earlier groups. */
export interface InsertGroup {
  meta: EntityMetadata;
  entities: object[];
}

/** What a bulk save writes: groups in an order where every parent precedes its children. */
export interface InsertPlan {
  groups: InsertGroup[];
  /** Every new entity of the plan, to undo their back-filled keys if the write fails. */
  entities: object[];
}

interface CollectionLike {
  isInitialized(): boolean;
  getItems(check?: boolean): object[];
}

function isCollection(value: unknown): value is CollectionLike {
  return typeof (value as CollectionLike | null)?.getItems === 'function' && typeof (value as CollectionLike).isInitialized === 'function';
}

function unwrapReference(value: unknown): object | undefined {
  const reference = value as { unwrap?: () => unknown } | null | undefined;
  const target = typeof reference?.unwrap === 'function' ? reference.unwrap() : value;
  return target !== null && typeof target === 'object' ? target : undefined;
}

/** MikroORM's internal view of an entity (its metadata, managed flag and keys). */
type Wrapped = ReturnType<typeof import('@mikro-orm/core').helper<object>>;

function wrapped(entity: object): Wrapped {
  return mikroOrmCore()!.helper(entity);
}

/** An entity no EntityManager has loaded or written: the bulk save inserts it. */
function isNew(entity: object): boolean {
  return !wrapped(entity).__managed;
}

/** The side of a relation that holds the foreign key: its target must be inserted first. */
function holdsForeignKey(prop: EntityProperty): boolean {
  return prop.kind === 'm:1' || (prop.kind === '1:1' && Boolean(prop.owner));
}

/**
 * Walks the new entities reachable from `roots` (parents through foreign keys, children through
 * one-to-many and inverse one-to-one relations) and orders them by depth: an entity's depth is one
 * more than its deepest new parent's. Refuses, before anything is written, what multi-row inserts
 * cannot express: filled many-to-many collections and cycles of new entities.
 */
export function planInsert(roots: object[]): InsertPlan {
  const found: object[] = [];
  const seen = new Set<object>();
  const parents = new Map<object, object[]>();
  const queue = roots.filter((root) => isNew(root));
  for (const root of queue) seen.add(root);
  while (queue.length > 0) {
    const entity = queue.shift()!;
    found.push(entity);
    const meta = wrapped(entity).__meta;
    const own: object[] = [];
    for (const prop of meta.relations) {
      const value = (entity as Record<string, unknown>)[prop.name];
      const related = isCollection(value) ? (value.isInitialized() ? value.getItems(false) : []) : [unwrapReference(value)].filter((v) => v !== undefined);
      const fresh = related.filter(isNew);
      if (fresh.length === 0) continue;
      if (prop.kind === 'm:n') throw ConfigurationException.bulkManyToMany(meta.className, prop.name);
      if (holdsForeignKey(prop)) own.push(...fresh);
      for (const next of fresh) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    parents.set(entity, own);
  }
  return { groups: groupByDepth(found, parents), entities: found };
}

function groupByDepth(entities: object[], parents: Map<object, object[]>): InsertGroup[] {
  const depth = new Map<object, number>();
  const visiting = new Set<object>();
  const depthOf = (entity: object, path: object[]): number => {
    const known = depth.get(entity);
    if (known !== undefined) return known;
    if (visiting.has(entity)) {
      const names = [...path.slice(path.indexOf(entity)), entity].map((e) => wrapped(e).__meta.className);
      throw ConfigurationException.bulkCycle(names);
    }
    visiting.add(entity);
    let own = 0;
    for (const parent of parents.get(entity) ?? []) own = Math.max(own, depthOf(parent, [...path, entity]) + 1);
    visiting.delete(entity);
    depth.set(entity, own);
    return own;
  };
  // One group per depth and class (a class-level order: an STI parent and child class insert separately).
  const groups = new Map<string, InsertGroup & { depth: number }>();
  for (const entity of entities) {
    const level = depthOf(entity, []);
    const meta = wrapped(entity).__meta;
    const key = `${level}\u0000${meta.className}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { meta, entities: [], depth: level }));
    group.entities.push(entity);
  }
  return [...groups.values()].sort((a, b) => a.depth - b.depth).map(({ meta, entities: members }) => ({ meta, entities: members }));
}

/**
 * Runs the `onCreate` initialisers a flush would run (MikroORM's insertMany does not), on the
 * properties still unset, embeddables included.
 */
export function applyOnCreate(entity: object, props: readonly EntityProperty[], em: unknown): void {
  const record = entity as Record<string, unknown>;
  for (const prop of props) {
    if (prop.onCreate && record[prop.name] == null) record[prop.name] = prop.onCreate(entity, em as never);
    const embedded = record[prop.name];
    if (prop.kind === 'embedded' && embedded && typeof embedded === 'object' && prop.targetMeta) {
      for (const item of Array.isArray(embedded) ? embedded : [embedded]) applyOnCreate(item as object, prop.targetMeta.hydrateProps, em);
    }
  }
}

/** After a failed write: the entities are new again (keys the database handed out are taken back). */
export function forgetInsert(plan: InsertPlan, hadKey: ReadonlySet<object>): void {
  for (const entity of plan.entities) {
    const helper = wrapped(entity);
    helper.__managed = false;
    helper.__originalEntityData = undefined;
    if (hadKey.has(entity)) continue;
    for (const pk of helper.__meta.primaryKeys) (entity as Record<string, unknown>)[pk] = undefined;
    helper.__pk = undefined; // MikroORM caches the key it set: a retry would send the old one as a foreign key
    helper.__identifier = undefined;
  }
}
