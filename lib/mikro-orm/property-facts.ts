import type { EntityMetadata, EntityProperty } from '@mikro-orm/core';
import { designTypeOf } from '../inspect/decorated-properties.js';
import { mikroOrmCore } from './mikro-orm-core.js';

export type PropertyKind = 'scalar' | 'm:1' | '1:1' | '1:m' | 'm:n' | 'embedded';

/** One entity property of MikroORM's discovered metadata, reduced to the facts generation needs. */
export interface PropertyFacts {
  name: string;
  kind: PropertyKind;
  /** Lower-case type name: 'string', 'text', 'integer', 'decimal', 'datetime', 'date', 'uuid', ... */
  type: string;
  /** The first column type, lower-case ('varchar(12)', 'numeric(8,2)'). */
  columnType?: string;
  /** What the property holds at runtime when MikroORM says ('string', 'number', 'bigint', 'Date', ...). */
  runtimeType?: string;
  /** The class name of a custom (not built-in) MikroORM Type. */
  customType?: string;
  /** That Type's class: a provider can be registered for it. */
  customTypeClass?: Function;
  length?: number;
  precision?: number;
  scale?: number;
  nullable: boolean;
  unique: boolean;
  primary: boolean;
  /** Written by the database or the ORM, never by a factory. */
  managed: boolean;
  hasDefault: boolean;
  items?: unknown[];
  /** An `@Enum` property (its `items` may be unknown: a string-literal union has no runtime values). */
  enum: boolean;
  array: boolean;
  /** The related entity or embeddable class. */
  target?: Function;
  /** The classes of a polymorphic embedded property (`@Embedded(() => [Cat, Dog])`). */
  polymorphs?: Function[];
  /** The Type instance MikroORM converts values with (built-in or custom). */
  customTypeInstance?: { convertToJSValue(value: unknown, platform: any): unknown; convertToDatabaseValue(value: unknown, platform: any): unknown };
  owner: boolean;
  mappedBy?: string;
}

/**
 * A built-in Type class's name in MikroORM's own registry of them (`types`), lower-case
 * (`enumArray` -> 'enumarray'); undefined for any other class. EnumType's values are an @Enum's
 * items or strings: 'string'.
 */
function builtinTypeName(cls: Function): string | undefined {
  const types = (mikroOrmCore()?.types ?? {}) as Record<string, unknown>;
  const name = Object.keys(types).find((key) => types[key] === cls);
  // Stryker disable next-line MethodExpression: only 'enumArray' has a capital; no generator reads that name, and providers are looked up case-insensitively.
  return name === 'enum' ? 'string' : name?.toLowerCase();
}

/** A type given as a name, a Type class or a Type instance → fixtory's name, or the custom class name. */
function typeName(type: unknown): { type: string; customType?: string; customTypeClass?: Function } {
  if (typeof type === 'string') return { type: type === 'Date' ? 'datetime' : type.toLowerCase() };
  const cls = typeof type === 'function' ? type : (type as object | undefined)?.constructor;
  if (!cls) return { type: 'unknown' };
  const builtin = builtinTypeName(cls);
  if (builtin) return { type: builtin };
  return { type: 'custom', customType: cls.name, customTypeClass: cls };
}

/** MikroORM leaves unset sizes as NaN on some properties. */
function finite(value: number | undefined): number | undefined {
  return Number.isFinite(value) ? value : undefined;
}

function isManaged(prop: Partial<EntityProperty>, kind: PropertyKind, owner: boolean): boolean {
  return Boolean(
    (prop.primary && prop.autoincrement) ||
      prop.version ||
      prop.formula ||
      prop.persist === false ||
      prop.generated ||
      prop.onCreate ||
      prop.embedded ||
      (kind === '1:1' && !owner),
  );
}

function sizeFacts(prop: EntityProperty) {
  return {
    length: finite(prop.length),
    precision: finite(prop.precision),
    scale: finite(prop.scale),
    nullable: Boolean(prop.nullable),
    unique: Boolean(prop.unique) || Boolean(prop.primary),
    primary: Boolean(prop.primary),
    hasDefault: prop.default !== undefined || prop.defaultRaw !== undefined,
    array: Boolean(prop.array),
  };
}

/** The field a property is to fixtory: a property behind a get/set pair is set (by em.create, by users' overrides) through the accessor's name. */
export function fieldNameOf(prop: Pick<EntityProperty, 'name' | 'accessor'>): string {
  return typeof prop.accessor === 'string' ? prop.accessor : prop.name;
}

/** Facts of a property of discovered metadata (an ORM's, or discovered on demand). */
export function fromDiscovered(meta: EntityMetadata, prop: EntityProperty): PropertyFacts {
  const kind = prop.kind as PropertyKind;
  const named = prop.customType ? typeName(prop.customType) : typeName(prop.type);
  const owner = kind === '1:1' ? Boolean(prop.owner) : true;
  return {
    name: fieldNameOf(prop),
    kind,
    ...named,
    columnType: prop.columnTypes?.[0]?.toLowerCase(),
    // A json property typed as an array reflects as Array: generate an array for it.
    runtimeType: designTypeOf(meta.class, prop.name) === Array && named.type === 'json' ? 'array' : prop.runtimeType,
    ...sizeFacts(prop),
    managed: isManaged(prop, kind, owner),
    items: prop.items as unknown[] | undefined,
    enum: Boolean(prop.enum),
    target: kind === 'embedded' ? (prop.embeddable as Function | undefined) : prop.targetMeta?.class,
    polymorphs: prop.targetMeta?.polymorphs?.map((m) => m.class as Function),
    customTypeInstance: prop.customType,
    owner,
    mappedBy: prop.mappedBy,
  };
}
