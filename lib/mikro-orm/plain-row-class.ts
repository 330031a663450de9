import type { EntityMetadata, EntityProperty } from '@mikro-orm/core';
import { ConfigurationException } from '../errors.js';
import { applyOnCreate } from './bulk-insert-plan.js';

/*
 * What a plain row of an entity class is (see plain-rows.ts for how rows are written). A row holds
 * the values fixtory generated as own data properties. Its prototype carries the entity class's own
 * getters and methods (not its columns, not MikroORM's internals), so code that reads a row as it
 * would read the entity (an `onCreate`, a `@Lazy` field reading a related instance) sees the same
 * values. Classes whose rows could still differ from their entities are refused, before a row of
 * them is made.
 */

/** Where a row keeps the metadata of its entity class (a symbol: no property of an entity can take its place). */
const entityOfRow = Symbol('fixtory.entityOfRow');

/**
 * The base of every row class: not a plain object, which fixtory would read as the overrides of a
 * nested build (a child's back reference to its row would build a second parent).
 */
export class PlainRow {
  declare [entityOfRow]: EntityMetadata;
}

export function isRow(value: unknown): value is PlainRow {
  return value instanceof PlainRow;
}

/** The entity class a row was built for, if `value` is a row. */
export function rowMetaOf(value: object): EntityMetadata | undefined {
  return value instanceof PlainRow ? value[entityOfRow] : undefined;
}

/** What makeRow needs of an entity class, worked out once per class. */
interface RowShape {
  /** Why the class cannot be a plain row, if it cannot. */
  refusal?: string;
  Row: new () => PlainRow;
  /** Fields `new Entity()` gives a value (its initialisers, mapped or not): a row gets them from a fresh instance. */
  initialised: string[];
  /** Collections: a row holds an array, empty until children are added (as an entity's collection is). */
  collections: string[];
  /** Scalars whose values em.create converts (a date given as a string, a boolean as a number): a row takes them as they must be. */
  dates: string[];
  booleans: string[];
  /** Values given for these are dropped (getters without a setter). */
  readOnly: Set<string>;
  /** The properties em.create's hydrator assigns: a value under any other key is dropped, as em.create drops it. */
  hydrated: Set<string>;
  /** Embedded properties: their values must be instances of their class, one per row. */
  embedded: EntityProperty[];
}

const shapes = new WeakMap<EntityMetadata, RowShape>();

/** MikroORM's own members of an entity prototype (`__helper`, `__meta`, ...): a row has none. */
function isMikroOrmMember(name: string): boolean {
  return name.startsWith('__') || name === 'constructor';
}

/** The symbols a class may give its instances' behaviour with (MikroORM's own symbols on an entity prototype are none of these). */
const behaviourSymbols = new Set<PropertyKey>([Symbol.toPrimitive, Symbol.toStringTag, Symbol.iterator, Symbol.asyncIterator]);

/** A row class whose prototype has the entity class's getters and methods, found up its prototype chain. */
function rowClassOf(meta: EntityMetadata): new () => PlainRow {
  const columns = new Set(meta.props.filter((p) => p.persist !== false).map((p) => p.name));
  const Row = class extends PlainRow {};
  Object.defineProperty(Row.prototype, entityOfRow, { value: meta });
  // `row.constructor` names the entity class, as for an entity (`instanceof` does not hold: README, "Plain rows").
  Object.defineProperty(Row.prototype, 'constructor', { value: meta.class, writable: true, configurable: true });
  for (let proto = meta.class.prototype as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const key of Reflect.ownKeys(proto)) {
      if (typeof key === 'symbol' ? !behaviourSymbols.has(key) : columns.has(key) || isMikroOrmMember(key)) continue;
      if (Object.hasOwn(Row.prototype, key)) continue;
      Object.defineProperty(Row.prototype, key, Object.getOwnPropertyDescriptor(proto, key)!);
    }
  }
  return Row;
}

/** Names a value given for would only meet a getter without a setter on the row: em.create's hydrator skips them. */
function getterOnly(Row: new () => PlainRow): Set<string> {
  const names = new Set<string>();
  for (const name of Object.getOwnPropertyNames(Row.prototype)) {
    const descriptor = Object.getOwnPropertyDescriptor(Row.prototype, name)!;
    if (descriptor.get && !descriptor.set) names.add(name);
  }
  return names;
}

function hasSetter(cls: Function, name: string): boolean {
  for (let proto = cls.prototype as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (descriptor) return descriptor.set !== undefined;
  }
  return false;
}

function embedsRelations(meta: EntityMetadata | undefined): boolean {
  return meta?.props.some((p) => (p.kind === 'embedded' ? embedsRelations(p.targetMeta) : p.kind !== 'scalar')) ?? false;
}

function singleScalarKey(meta: EntityMetadata | undefined): boolean {
  return meta !== undefined && meta.primaryKeys.length === 1 && meta.properties[meta.primaryKeys[0]!]?.kind === 'scalar';
}

function refusalOfProperty(meta: EntityMetadata, prop: EntityProperty): string | undefined {
  // A virtual property with a setter (`@Property({ persist: false }) set password(v)`) fills other columns when given a value.
  if (prop.persist === false) return hasSetter(meta.class, prop.name) ? `${prop.name} is a setter that fills other properties, which a plain row does not run` : undefined;
  // MikroORM marks a property it found behind the class's own get/set accessors (its own accessors on the prototype are not marked).
  if (prop.getter || prop.setter || prop.accessor) return `${prop.name} is behind an accessor, which a plain row does not run`;
  if (prop.kind === 'embedded' && embedsRelations(prop.targetMeta)) return `${prop.name} embeds a relation, which MikroORM reads from an entity`;
  if (prop.kind === 'scalar' && prop.ref) return `${prop.name} is a lazy scalar reference`;
  if (prop.serializedPrimaryKey) return `${prop.name} is a serialized key`;
  const owning = prop.kind === 'm:1' || (prop.kind === '1:1' && prop.owner);
  if (owning && prop.mapToPk) return `${prop.name} maps its relation to a key (mapToPk)`;
  if (owning && !singleScalarKey(prop.targetMeta)) return `${prop.name} points at ${prop.type}, whose key is not one scalar column`;
  return undefined;
}

function refusalOf(meta: EntityMetadata): string | undefined {
  if (meta.virtual || meta.embeddable) return 'it is not a table';
  if (meta.constructorParams?.length) return 'its constructor takes parameters (only em.create calls it with them)';
  // MikroORM 7's table-per-type inheritance: a row of the class spans two tables, which one INSERT per group does not write.
  if ((meta as { inheritanceType?: string }).inheritanceType === 'tpt' || (meta.root as { inheritanceType?: string } | undefined)?.inheritanceType === 'tpt') {
    return 'it uses table-per-type inheritance (its rows span several tables)';
  }
  if (!singleScalarKey(meta)) return 'its primary key is not one scalar column';
  for (const prop of meta.props) {
    const reason = refusalOfProperty(meta, prop);
    if (reason) return reason;
  }
  return undefined;
}

function shapeOf(meta: EntityMetadata): RowShape {
  let shape = shapes.get(meta);
  if (shape) return shape;
  const refusal = refusalOf(meta);
  const probe = refusal ? {} : new (meta.class as unknown as new () => Record<string, unknown>)();
  const scalars = meta.props.filter((p) => p.kind === 'scalar' && p.persist !== false);
  const collections = meta.props.filter((p) => p.kind === '1:m' || p.kind === 'm:n').map((p) => p.name);
  const Row = rowClassOf(meta);
  shape = {
    refusal,
    Row,
    readOnly: getterOnly(Row),
    embedded: meta.props.filter((p) => p.kind === 'embedded' && p.persist !== false && !p.embedded),
    // Every field the constructor gives a value, mapped or not (an onCreate may read an unmapped one); collections become arrays below.
    // (A field declared without a value is an own property holding undefined under useDefineForClassFields: nothing to copy.)
    initialised: Object.keys(probe).filter((name) => probe[name] !== undefined && !isMikroOrmMember(name) && !collections.includes(name)),
    collections,
    hydrated: new Set(meta.hydrateProps.map((p) => p.name)),
    dates: scalars.filter((p) => p.runtimeType === 'Date').map((p) => p.name),
    booleans: scalars.filter((p) => p.runtimeType === 'boolean').map((p) => p.name),
  };
  shapes.set(meta, shape);
  return shape;
}

/** What em.create runs on a new entity when the ORM processes onCreate hooks early: MikroORM's own code, given the row. */
interface DefaultValues {
  assignDefaultValues(entity: object, meta: EntityMetadata): void;
}

/** The options of the ORM that change what em.create makes of the same values. */
export interface RowSettings {
  /** `forceUndefined`: a null value counts as not given. */
  forceUndefined: boolean;
  /**
   * Under `processOnCreateHooksEarly` (MikroORM 7's default), the EntityFactory that fills in a new
   * entity's onCreate values (and, on MikroORM 7, runtime defaults and nullable nulls) as em.create
   * makes it; undefined when that happens at insert.
   */
  early?: DefaultValues;
  /** Early hooks are on, and this MikroORM does not offer what runs them. */
  earlyUnsupported?: boolean;
  em: unknown;
}

const settingsOfEm = new WeakMap<object, RowSettings>();

/** The settings of the EntityManager a call builds with (read once per EntityManager). */
export function rowSettings(em: object): RowSettings {
  let settings = settingsOfEm.get(em);
  if (!settings) {
    const orm = em as { config?: { get(key: string): unknown }; getEntityFactory?(): DefaultValues };
    const earlyHooks = orm.config?.get('processOnCreateHooksEarly') === true;
    const factory = earlyHooks ? orm.getEntityFactory?.() : undefined;
    // A MikroORM without this (internal) method would make rows that differ from its entities: refused rather than guessed.
    const early = typeof factory?.assignDefaultValues === 'function' ? factory : undefined;
    settings = { forceUndefined: orm.config?.get('forceUndefined') === true, early, earlyUnsupported: earlyHooks && !early, em };
    settingsOfEm.set(em, settings);
  }
  return settings;
}

/**
 * Runs the `onCreate` initialisers of the properties still unset, embeddables' among them, in the
 * order a flush runs them (declaration order: an entity's onCreate may read what an embeddable's
 * filled in); an error names the property (it ran on a row, not an entity).
 */
export function runOnCreate(meta: EntityMetadata, row: Record<string, unknown>, props: readonly EntityProperty[], em: unknown): void {
  for (const prop of props) {
    try {
      applyOnCreate(row, [prop], em);
    } catch (error) {
      throw ConfigurationException.plainRowsOnCreate(meta.className, prop.name, error);
    }
  }
}

/** Where an embeddable value given as the wrong thing must be refused, and a shared instance copied. */
function embeddedValue(factory: string, meta: EntityMetadata, prop: EntityProperty, value: unknown): unknown {
  if (value == null) return value;
  if (Array.isArray(value)) return value.map((item) => embeddedValue(factory, meta, prop, item));
  const classes = [prop.targetMeta?.class, ...(prop.targetMeta?.polymorphs?.map((m) => m.class) ?? [])].filter((cls): cls is NonNullable<typeof cls> => typeof cls === 'function');
  if (!classes.some((cls) => value instanceof cls)) throw ConfigurationException.plainRowsValue(factory, `${meta.className}.${prop.name}`, `an instance of ${prop.type}`, value);
  // A copy per row, as em.create makes one per entity: an onCreate filling it in must not reach other rows or the caller's object.
  const copy = Object.assign(Object.create(Object.getPrototypeOf(value)), value) as Record<string, unknown>;
  for (const inner of prop.targetMeta?.props ?? []) {
    if (inner.kind === 'embedded' && copy[inner.name] != null) copy[inner.name] = embeddedValue(factory, meta, inner, copy[inner.name]);
  }
  return copy;
}

/**
 * A plain row of `meta`'s class from the values fixtory generated, as em.create would make the
 * entity: the class's initial values (a fresh instance's, so per-instance initialisers such as a
 * UUID or the current date differ per row), then the values, empty collections, and `onCreate`
 * when the ORM runs it at creation. Refuses a class a plain row cannot stand for, and values
 * em.create would convert.
 */
export function makeRow(meta: EntityMetadata, factory: string, values: Record<string, unknown>, settings: RowSettings): object {
  const shape = shapeOf(meta);
  if (shape.refusal) throw ConfigurationException.plainRowsClass(factory, meta.className, shape.refusal);
  if (settings.earlyUnsupported) throw ConfigurationException.plainRowsClass(factory, meta.className, "this MikroORM's processOnCreateHooksEarly cannot be followed on a row");
  const row = new shape.Row() as PlainRow & Record<string, unknown>;
  if (shape.initialised.length > 0) {
    const fresh = new (meta.class as unknown as new () => Record<string, unknown>)();
    for (const name of shape.initialised) row[name] = fresh[name];
  }
  for (const key in values) {
    const value = values[key];
    if (value === undefined || !shape.hydrated.has(key) || shape.readOnly.has(key)) continue;
    row[key] = value === null && settings.forceUndefined ? undefined : value; // as em.create: over an initialiser too
  }
  for (const prop of shape.embedded) row[prop.name] = embeddedValue(factory, meta, prop, row[prop.name]);
  for (const name of shape.dates) if (row[name] != null && !(row[name] instanceof Date)) throw ConfigurationException.plainRowsValue(factory, `${meta.className}.${name}`, 'a Date', row[name]);
  for (const name of shape.booleans) if (row[name] != null && typeof row[name] !== 'boolean') throw ConfigurationException.plainRowsValue(factory, `${meta.className}.${name}`, 'true or false', row[name]);
  for (const name of shape.collections) row[name] ??= [];
  if (settings.early) {
    try {
      settings.early.assignDefaultValues(row, meta);
    } catch (error) {
      throw ConfigurationException.plainRowsOnCreate(meta.className, undefined, error);
    }
  }
  return row;
}
