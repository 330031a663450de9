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

/** The entity a MikroORM Reference wraps; any other value as it is (an entity may have a method named `unwrap` of its own). */
export function unwrapReference(value: unknown): unknown {
  return mikroOrmCore()!.Reference.isReference(value) ? (value as { unwrap(): unknown }).unwrap() : value;
}

/** MikroORM's internal view of an entity (its metadata, managed flag and keys). */
type Wrapped = ReturnType<typeof import('@mikro-orm/core').helper<object>>;

function wrapped(entity: object): Wrapped {
  return mikroOrmCore()!.helper(entity);
}

/**
 * How the walk sees the objects of a call: entities (MikroORM's metadata and managed flag), or the
 * plain rows of a `seedRows({ plain: true })` call (see plain-rows.ts).
 */
export interface GraphView {
  metaOf(node: object): EntityMetadata;
  /** Not in the database yet: the bulk save inserts it. */
  isNew(node: object): boolean;
  /** Called for each new `related` node a relation `prop` of `node` holds (plain rows keep both sides in step here). */
  relate?(node: object, prop: EntityProperty, related: object): void;
  /** Called for each object a relation `prop` of `node` holds, before anything else: may refuse it. */
  check?(node: object, prop: EntityProperty, held: object): void;
}

/** Entities: a new one is one no EntityManager has loaded or written. */
export const entityView: GraphView = {
  metaOf: (entity) => wrapped(entity).__meta,
  isNew: (entity) => !wrapped(entity).__managed,
};

/** The side of a relation that holds the foreign key: its target must be inserted first. */
function holdsForeignKey(prop: EntityProperty): boolean {
  // Stryker disable next-line ConditionalExpression: only one-to-one relations have an owner flag among those asked (many-to-many are refused first)
  return prop.kind === 'm:1' || (prop.kind === '1:1' && Boolean(prop.owner));
}

/** The entities a relation value holds: the target of a reference, the items of a loaded collection or of a plain row's array. */
function targets(value: unknown): object[] {
  // Stryker disable next-line ConditionalExpression: the walk only enters new entities, whose collections MikroORM creates initialised
  if (isCollection(value)) return value.isInitialized() ? value.getItems() : [];
  if (Array.isArray(value)) return value.map(unwrapReference).filter((item): item is object => item !== null && typeof item === 'object');
  // A key given for a relation (a plain row's `author: 1`) is an existing row: nothing to insert.
  const target = unwrapReference(value);
  return target !== null && typeof target === 'object' ? [target] : [];
}

/**
 * Walks the new entities reachable from `roots` (parents through foreign keys, children through
 * one-to-many and inverse one-to-one relations) and orders them by depth: an entity's depth is one
 * more than its deepest new parent's. Refuses, before anything is written, what multi-row inserts
 * cannot express: filled many-to-many collections, existing entities in a new entity's one-to-many or
 * inverse one-to-one (their foreign keys would need an update), and cycles of new entities.
 */
export function planInsert(roots: object[], view: GraphView = entityView): InsertPlan {
  const { isNew } = view;
  const found: object[] = [];
  const seen = new Set<object>();
  const parents = new Map<object, object[]>();
  for (const root of roots) {
    if (!seen.has(root) && isNew(root)) {
      seen.add(root);
      found.push(root);
    }
  }
  // `found` doubles as the queue: entities are appended as they are reached.
  for (let next = 0; next < found.length; next++) {
    const entity = found[next]!;
    const meta = view.metaOf(entity);
    for (const prop of meta.relations) {
      const held = targets((entity as Record<string, unknown>)[prop.name]);
      if (held.length === 0) continue;
      if (view.check) for (const item of held) view.check(entity, prop, item);
      // Existing items need pivot rows too: a filled collection is refused, whatever its items.
      if (prop.kind === 'm:n') throw ConfigurationException.bulkManyToMany(meta.className, prop.name);
      const related = held.filter(isNew);
      // An existing entity on the side without the key would need its foreign key updated: bulk inserts only insert.
      if (related.length < held.length && !holdsForeignKey(prop)) throw ConfigurationException.bulkExistingChild(meta.className, prop.name);
      if (holdsForeignKey(prop)) {
        const own = parents.get(entity);
        if (own) own.push(...related);
        else parents.set(entity, [...related]);
      }
      for (const item of related) {
        view.relate?.(entity, prop, item);
        if (!seen.has(item)) {
          seen.add(item);
          found.push(item);
        }
      }
    }
  }
  return { groups: groupByDepth(found, parents, view), entities: found };
}

function groupByDepth(entities: object[], parents: Map<object, object[]>, view: GraphView): InsertGroup[] {
  const depth = new Map<object, number>();
  const onPath = new Set<object>();
  const depthOf = (entity: object): number => {
    const own = parents.get(entity);
    if (!own) return 0; // no new parent: inserted first
    const known = depth.get(entity);
    // Stryker disable next-line ConditionalExpression: a cache; recomputing a depth gives the same value (only slower on shared parents)
    if (known !== undefined) return known;
    if (onPath.has(entity)) throw ConfigurationException.bulkCycle([...onPath, entity].map((e) => view.metaOf(e).className));
    onPath.add(entity);
    let level = 0;
    for (const parent of own) level = Math.max(level, depthOf(parent) + 1);
    onPath.delete(entity);
    depth.set(entity, level);
    return level;
  };
  // One group per depth and class (an STI parent and child class insert separately), in the order entities were reached.
  const byDepth: Map<EntityMetadata, object[]>[] = [];
  for (const entity of entities) {
    const level = depthOf(entity);
    const meta = view.metaOf(entity);
    const groups = (byDepth[level] ??= new Map());
    const members = groups.get(meta);
    if (members) members.push(entity);
    else groups.set(meta, [entity]);
  }
  return byDepth.flatMap((groups) => [...(groups ?? new Map<EntityMetadata, object[]>())].map(([meta, members]) => ({ meta, entities: members })));
}

/** Entities whose primary key is set before the insert (the others get theirs from the database). */
export function withKeys(entities: object[]): Set<object> {
  const keyed = new Set<object>();
  for (const entity of entities) {
    const meta = wrapped(entity).__meta;
    if (meta.primaryKeys.every((pk) => (entity as Record<string, unknown>)[pk] != null)) keyed.add(entity);
  }
  return keyed;
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
