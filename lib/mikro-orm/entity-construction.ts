import type { EntityMetadata, EntityProperty } from '@mikro-orm/core';
import { mikroOrmCore } from './mikro-orm-core.js';
import type { EntityManagerLike } from './orm-types.js';

type Kind = 'scalar' | 'date' | 'boolean' | 'one' | 'oneToOne' | 'discriminator' | 'other';

interface Plan {
  kinds: Map<string, Kind>;
  /** The single-table inheritance discriminator (MikroORM 7's em.create fills it in when it is not given). */
  discriminator?: string;
  /**
   * Properties `new Entity()` leaves unset that em.create fills in under `processOnCreateHooksEarly`
   * (MikroORM 7's default) when no value is given: `onCreate` (also over null), a runtime `default`
   * (MikroORM 7), null for a nullable one (`initNullableProperties`, MikroORM 7).
   */
  onCreate: string[];
  defaults: string[];
  nullables: string[];
}

/** How each property of an entity class takes an assigned value, or null when the class needs `em.create`. */
const plans = new WeakMap<EntityMetadata, Plan | null>();

function planOf(meta: EntityMetadata): Plan | null {
  let plan = plans.get(meta);
  if (plan !== undefined) return plan;
  plan = null;
  // Constructor parameters, a single-table inheritance root (em.create picks the class by the
  // discriminator), serialized keys and properties behind an accessor (em.create reads the value
  // under the accessor's name) are em.create's to handle; so are classes whose instances
  // em.create's hydrator completes whatever the values: collections the class does not initialise
  // (it makes them, initialised and empty) and lazy scalar references (it always wraps them).
  const simple = !meta.virtual && !meta.embeddable && !meta.constructorParams?.length && !meta.discriminatorColumn && !meta.props.some((p) => p.serializedPrimaryKey || (p.kind === 'scalar' && p.ref) || typeof p.accessor === 'string');
  // One instance made to see what the class initialises itself (once per class).
  const probe = simple ? new (meta.class as unknown as new () => Record<string, unknown>)() : undefined;
  if (probe && initialisesItsCollections(meta, probe)) {
    const hydrated = new Set(meta.hydrateProps);
    const discriminator = meta.root?.discriminatorColumn as string | undefined;
    const kinds = new Map<string, Kind>();
    for (const prop of meta.props) kinds.set(prop.name, !hydrated.has(prop) ? 'other' : prop.name === discriminator ? 'discriminator' : kindOf(prop));
    const unset = meta.props.filter((p) => !(p.getter && !p.setter) && probe[p.name] === undefined);
    plan = {
      kinds,
      discriminator,
      onCreate: meta.props.filter((p) => p.onCreate && !(p.getter && !p.setter) && probe[p.name] == null).map((p) => p.name),
      defaults: unset.filter((p) => p.default != null).map((p) => p.name),
      nullables: unset.filter((p) => p.nullable && p.default == null && !p.defaultRaw).map((p) => p.name),
    };
  }
  plans.set(meta, plan);
  return plan;
}

function initialisesItsCollections(meta: EntityMetadata, probe: Record<string, unknown>): boolean {
  return meta.props.every((p) => (p.kind !== '1:m' && p.kind !== 'm:n') || mikroOrmCore()!.Utils.isCollection(probe[p.name]));
}

/** Whether em.create would fill in a property at creation that `values` leave unset. */
function fillsInEarly(plan: Plan, values: Record<string, unknown>, config: OrmInternals['config']): boolean {
  if (!config.get('processOnCreateHooksEarly')) return false;
  if (plan.onCreate.some((name) => values[name] == null) || plan.defaults.some((name) => values[name] === undefined)) return true;
  return plan.nullables.length > 0 && !!config.get('initNullableProperties') && plan.nullables.some((name) => values[name] === undefined);
}

function kindOf(prop: EntityProperty): Kind {
  if (prop.primary || (prop.getter && !prop.setter) || prop.ref) return 'other';
  // em.create points an uninitialised reference given to the owning side of a one-to-one back at the entity; propagation does not.
  if (prop.kind === '1:1' && prop.owner) return 'oneToOne';
  if (prop.kind === 'm:1' || prop.kind === '1:1') return 'one';
  if (prop.kind !== 'scalar') return 'other';
  return prop.runtimeType === 'Date' ? 'date' : prop.runtimeType === 'boolean' ? 'boolean' : 'scalar';
}

/** An entity (not a Reference: em.create unwraps one given for a plain relation, an assignment would store it). */
function isEntity(value: object): boolean {
  return mikroOrmCore()!.Utils.isEntity(value);
}

function isInitialisedEntity(value: object): boolean {
  return isEntity(value) && mikroOrmCore()!.helper(value).__initialized !== false;
}

/** Whether `values` are all what an assignment stores as em.create would: nothing to convert, look up or merge. */
function assignable(meta: EntityMetadata, plan: Map<string, Kind>, values: Record<string, unknown>, nullable: boolean): boolean {
  for (const key in values) {
    const value = values[key];
    if (value === undefined) continue;
    const kind = plan.get(key);
    // em.create makes the class the discriminator value names.
    if (kind === 'discriminator') {
      if ((meta.root.discriminatorMap as Record<string, string> | undefined)?.[value as string] !== meta.className) return false;
      continue;
    }
    if (kind === undefined || kind === 'scalar') continue; // em.create ignores unknown keys; scalars are stored as given
    if (kind === 'other') return false; // keys, collections, embeddables: em.create converts them
    if (value === null) {
      if (nullable) continue;
      return false; // `forceUndefined` turns it into undefined
    }
    if (kind === 'date' ? !(value instanceof Date) : kind === 'boolean' ? typeof value !== 'boolean' : typeof value !== 'object') return false;
    if (kind === 'one' ? !isEntity(value as object) : kind === 'oneToOne' && !isInitialisedEntity(value as object)) return false;
  }
  return true;
}

interface OrmInternals {
  config: { get(key: 'forceUndefined' | 'processOnCreateHooksEarly' | 'initNullableProperties'): boolean | undefined };
  getEventManager(): { hasListeners(event: string, meta: EntityMetadata): boolean };
  getDriver(): { getSchemaName?(meta: EntityMetadata, options: { schema?: string }): string | undefined };
  /** The EntityManager's own schema (em.fork({ schema })), which em.create records on the entity. */
  schema?: string;
}

/**
 * Whether em.create would record a schema other than the configured one on the entity: the bulk
 * handler writes an entity into the schema recorded on it, so a tenant's rows must not be left to
 * the default (em.create is the one path that records every case).
 */
function ownSchema(meta: EntityMetadata, orm: Partial<OrmInternals>): boolean {
  return orm.schema != null || (meta.schema != null && meta.schema !== '*');
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
  if (!assignable(meta, plan.kinds, values, !orm.config.get('forceUndefined'))) return undefined;
  if (fillsInEarly(plan, values, orm.config)) return undefined;
  if (plan.discriminator && values[plan.discriminator] === undefined) return undefined;
  if (ownSchema(meta, orm)) return undefined;
  const core = mikroOrmCore()!;
  if (orm.getEventManager().hasListeners(core.EventType.onInit, meta)) return undefined;
  const Entity = meta.class as unknown as new () => Record<string, unknown>;
  const entity = new Entity();
  // As em.create does: the instance's accessors all at once (else each is defined on its first assignment, slower).
  (core as { EntityHelper?: { ensurePropagation?(entity: object): void } }).EntityHelper?.ensurePropagation?.(entity);
  for (const key in values) {
    const value = values[key];
    if (value !== undefined && plan.kinds.has(key)) entity[key] = value;
  }
  const wrapped = core.helper(entity) as unknown as { __touched: boolean; __schema?: string; __loadedProperties?: Set<string>; __serializationContext?: { fields?: Set<string> } };
  // As em.create does: every key given counts as loaded (em.populate and refreshes read this).
  for (const key of Object.keys(values)) {
    wrapped.__loadedProperties?.add(key);
    wrapped.__serializationContext?.fields?.add(key);
  }
  // As after em.create: values given at creation are not changes made since, and the entity is
  // written to the schema of its class, else of the EntityManager (`em.fork({ schema })`), else the default.
  wrapped.__touched = false;
  const schema = orm.getDriver().getSchemaName?.(meta, { schema: orm.schema });
  if (schema !== undefined) wrapped.__schema = schema;
  return entity;
}
