import type { EntityMetadata, EntityProperty } from '@mikro-orm/core';
import { mikroOrmCore } from './mikro-orm-core.js';
import type { EntityManagerLike } from './orm-types.js';

type Kind = 'scalar' | 'date' | 'boolean' | 'one' | 'other';

/** How each property of an entity class takes an assigned value, or null when the class needs `em.create`. */
const plans = new WeakMap<EntityMetadata, Map<string, Kind> | null>();

function planOf(meta: EntityMetadata): Map<string, Kind> | null {
  let plan = plans.get(meta);
  if (plan !== undefined) return plan;
  plan = null;
  // Constructor parameters, single-table inheritance (em.create picks the class by the discriminator)
  // and serialized keys are em.create's to handle.
  const simple = !meta.virtual && !meta.embeddable && !meta.constructorParams?.length && !meta.discriminatorColumn && !meta.props.some((p) => p.serializedPrimaryKey);
  if (simple) {
    plan = new Map();
    for (const prop of meta.props) plan.set(prop.name, kindOf(prop));
  }
  plans.set(meta, plan);
  return plan;
}

function kindOf(prop: EntityProperty): Kind {
  if (prop.primary || (prop.getter && !prop.setter) || prop.ref) return 'other';
  if (prop.kind === 'm:1' || prop.kind === '1:1') return 'one';
  if (prop.kind !== 'scalar') return 'other';
  return prop.runtimeType === 'Date' ? 'date' : prop.runtimeType === 'boolean' ? 'boolean' : 'scalar';
}

function isEntityOrReference(value: object): boolean {
  return mikroOrmCore()!.Utils.isEntity(value, true);
}

/** Whether `values` are all what an assignment stores as em.create would: nothing to convert, look up or merge. */
function assignable(plan: Map<string, Kind>, values: Record<string, unknown>, nullable: boolean): boolean {
  for (const key in values) {
    const value = values[key];
    if (value === undefined) continue;
    const kind = plan.get(key);
    if (kind === undefined || kind === 'scalar') continue; // em.create ignores unknown keys; scalars are stored as given
    if (kind === 'other') return false; // keys, collections, embeddables: em.create converts them
    if (value === null) {
      if (nullable) continue;
      return false; // `forceUndefined` turns it into undefined
    }
    if (kind === 'date' ? !(value instanceof Date) : kind === 'boolean' ? typeof value !== 'boolean' : typeof value !== 'object' || !isEntityOrReference(value)) return false;
  }
  return true;
}

interface OrmInternals {
  config: { get(key: 'forceUndefined'): boolean };
  schema?: string;
  getEventManager(): { hasListeners(event: string, meta: EntityMetadata): boolean };
  getDriver(): { getSchemaName?(meta: EntityMetadata, options: { schema?: string }): string | undefined };
}

/**
 * An entity made as `new Entity()` and given `values` through its accessors (so relations
 * propagate to their other side, as after em.create), skipping em.create's hydration and copies of
 * the values (most of an entity's cost); or undefined when em.create must make it: values it
 * converts (a primary key it may merge with a managed entity, a boolean given as a number, a date
 * as a string, a plain object for a relation or an embeddable, a collection's items), a class it
 * builds differently, or `onInit` listeners to call.
 */
export function constructWithNew(meta: EntityMetadata, em: EntityManagerLike, values: Record<string, unknown>): object | undefined {
  const plan = planOf(meta);
  if (!plan) return undefined;
  const orm = em as unknown as Partial<OrmInternals>;
  if (typeof orm.config?.get !== 'function' || typeof orm.getEventManager !== 'function' || typeof orm.getDriver !== 'function') return undefined; // not the EntityManager this reads
  if (!assignable(plan, values, !orm.config.get('forceUndefined'))) return undefined;
  const core = mikroOrmCore()!;
  if (orm.getEventManager().hasListeners(core.EventType.onInit, meta)) return undefined;
  const Entity = meta.class as unknown as new () => Record<string, unknown>;
  const entity = new Entity();
  // As em.create does: the instance's accessors all at once (else each is defined on its first assignment, slower).
  (core as { EntityHelper?: { ensurePropagation?(entity: object): void } }).EntityHelper?.ensurePropagation?.(entity);
  for (const key in values) {
    const value = values[key];
    if (value !== undefined && plan.has(key)) entity[key] = value;
  }
  const wrapped = core.helper(entity) as unknown as { __touched: boolean; __schema?: string };
  // As after em.create: values given at creation are not changes made since, and the entity is
  // written to the schema of its class, else of the EntityManager (`em.fork({ schema })`), else the default.
  wrapped.__touched = false;
  const schema = orm.getDriver().getSchemaName?.(meta, { schema: orm.schema });
  if (schema !== undefined) wrapped.__schema = schema;
  return entity;
}
