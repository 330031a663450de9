import type { EntityMetadata } from '@mikro-orm/core';
import { Unresolvable, type ValueGenerator } from '../generators/design-type.js';
import type { AdaptedField, AdaptedModel, ModelAdapter, ModelVariants } from '../inspect/model-adapter.js';
import { constructWithNew } from './entity-construction.js';
import { makeRow, rowSettings } from './plain-row-class.js';
import { customTypeGenerator, setByEntity } from './custom-types.js';
import { resolveMikroOrmModel } from './entity-names.js';
import { discoveredMetadata } from './metadata-lookup.js';
import { discriminatorClasses } from './orm-major.js';
import { buildsWithEntityManager, entitiesBuilt, entityManagerForBuild, entityValuesSeen, type KnownOrm } from './orm-registry.js';
import { fieldNameOf, fromDiscovered, type PropertyFacts } from './property-facts.js';
import { driverTypeGenerator } from './column-types.js';
import { scalarGenerator } from './scalar-generators.js';
import { ConfigurationException } from '../errors.js';

function embeddedGenerator(facts: PropertyFacts): ValueGenerator | Unresolvable {
  // By name: discoveries (on demand, by an ORM, on either major) list them in different orders.
  const polymorphs = (facts.polymorphs?.filter((cls) => typeof cls === 'function') ?? []).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const target = facts.target;
  if (!target && polymorphs.length === 0) return new Unresolvable('its embeddable class is unknown');
  // A polymorphic embeddable: one of the listed classes, drawn from the field's seeded stream
  // (MikroORM 7 also gives it a target, a stand-in class named 'Cat | Dog').
  const one: ValueGenerator =
    polymorphs.length > 0 ? (ctx) => ctx.buildNested(ctx.faker.helpers.arrayElement(polymorphs), facts.name) : (ctx) => ctx.buildNested(target!, facts.name);
  if (!facts.array) return one;
  return (ctx) => Array.from({ length: ctx.faker.number.int({ min: 1, max: 3 }) }, () => one(ctx));
}

function scalarField(facts: PropertyFacts, field: AdaptedField, context: AdaptContext): AdaptedField {
  if (facts.enum && !facts.items?.length) return { ...field, generator: new Unresolvable('it is an @Enum without runtime values (give it items)') };
  if (facts.items && !facts.array) return { ...field, enum: facts.items, unique: facts.unique };
  const scalar =
    driverTypeGenerator(facts) ?? (facts.customType ? customTypeGenerator(context.meta.className, facts, context.platform) : scalarGenerator(facts));
  if (scalar instanceof Unresolvable) return { ...field, generator: scalar };
  const { generate, type, maxLength, maxInteger } = scalar;
  return { ...field, generator: generate, type, maxLength, maxInteger, unique: facts.unique };
}

interface AdaptContext {
  meta: EntityMetadata;
  platform: unknown;
}

/** Whether a key of this (fixtory) type name holds numbers. A function, not a module-level table: Stryker can switch its cases on. */
function numericKeyType(type: string): boolean {
  switch (type) {
    case 'integer':
    case 'int':
    case 'smallint':
    case 'tinyint':
    case 'mediumint':
    case 'number':
    case 'float':
    case 'double':
    case 'decimal':
      return true;
    default:
      return false;
  }
}

/** What a scalar primary key's values are (relations as keys are left to their own entities). */
function primaryKeyOf(facts: PropertyFacts): AdaptedField['primaryKey'] {
  if (!facts.primary || facts.kind !== 'scalar') return undefined;
  if (facts.type === 'bigint') {
    // Where the property declares its type, MikroORM names the runtime type after design:type: 'BigInt' for `id!: bigint`.
    const runtime = facts.runtimeType?.toLowerCase();
    return runtime === 'bigint' ? 'bigint' : runtime === 'number' ? 'number' : 'string';
  }
  return numericKeyType(facts.type) ? 'number' : 'string';
}

function adaptProperty(facts: PropertyFacts, context: AdaptContext): AdaptedField {
  const providerKeys = [facts.customTypeClass, facts.customType, facts.type, facts.columnType].filter((k): k is Function | string => k !== undefined);
  const field: AdaptedField = { name: facts.name, nullable: facts.nullable, hasDefault: facts.hasDefault, providerKeys, primaryKey: primaryKeyOf(facts) };
  if (facts.managed) return { ...field, managed: true };
  switch (facts.kind) {
    case 'm:1':
    case '1:1':
      if (!facts.target) return { ...field, generator: new Unresolvable('its target entity is unknown') };
      return { ...field, relation: { target: facts.target, cardinality: 'one', required: !facts.nullable } };
    case '1:m':
    case 'm:n':
      if (!facts.target) return { ...field, managed: true };
      return { ...field, relation: { target: facts.target, cardinality: 'many', required: false, backReference: facts.kind === '1:m' ? facts.mappedBy : undefined } };
    case 'embedded':
      return { ...field, generator: embeddedGenerator(facts) };
    case 'scalar':
      return scalarField(facts, field, context);
  }
}

/**
 * What fixtory cannot derive is left to the entity when it sets the value itself (an initialiser,
 * a constructor), is null when the column allows it, and otherwise stays an error asking for @Use.
 */
function settleUnresolvable(field: AdaptedField, meta: EntityMetadata): AdaptedField {
  if (!(field.generator instanceof Unresolvable)) return field;
  if (setByEntity(meta, field.name)) return { ...field, generator: undefined, managed: true };
  if (field.nullable) return { ...field, generator: () => null, nullable: false };
  return field;
}

/**
 * A class-level `@Unique` holds if one generated scalar member of it is unique: the one alone, or,
 * of several, an integer (the widest value space) else a string.
 */
function applyClassUniques(meta: EntityMetadata, fields: AdaptedField[]): void {
  for (const unique of meta.uniques ?? []) {
    // Members are property names; a field is named by its accessor where it has one.
    const members = ([] as string[]).concat((unique.properties as string | string[] | undefined) ?? []).map((name) => (meta.properties[name] ? fieldNameOf(meta.properties[name]) : name));
    const generated = fields.filter((f) => members.includes(f.name) && !f.managed && !f.relation);
    const candidate =
      members.length === 1 ? generated[0] : (generated.find((f) => f.type === Number) ?? generated.find((f) => f.type === String));
    if (candidate) Object.assign(candidate, { unique: true, uniqueKey: members.length > 1 ? `(${members.join(', ')})` : undefined });
  }
}

function instantiator(meta: EntityMetadata, orm: KnownOrm | undefined): AdaptedModel['instantiate'] {
  // Embeddables are plain classes to MikroORM too; entities are built as `em.create` builds them
  // (with `new` and assignments where that is the same and cheaper), by the EntityManager that
  // will save them when the build is for a MikroORM handler.
  if (!orm || meta.embeddable) return undefined;
  return (values, { handler, call, attachLater, plainRowsOf }) => {
    if (plainRowsOf !== undefined && buildsWithEntityManager(handler) && call) {
      // A row propagates nothing to the entities it points at: there is nothing to take back later.
      const row = makeRow(meta, plainRowsOf, values, rowSettings(handler[entityManagerForBuild](call)));
      handler[entitiesBuilt]?.(call, [row]);
      return row;
    }
    if (!buildsWithEntityManager(handler) || !call) return constructWithNew(meta, orm.constructionEm, values) ?? orm.constructionEm.create(meta.class, values, { persist: false });
    handler[entityValuesSeen]?.(call, values, attachLater);
    const em = handler[entityManagerForBuild](call);
    const entity = constructWithNew(meta, em, values) ?? em.create(meta.class, values, { persist: false });
    handler[entitiesBuilt]?.(call, [entity]);
    return entity;
  };
}

/** A readonly entity is never written by MikroORM: a create call stops before anything is saved. */
function refusingCreate(meta: EntityMetadata, instantiate: AdaptedModel['instantiate']): AdaptedModel['instantiate'] {
  if (!meta.readonly) return instantiate;
  const Model = meta.class as unknown as new () => object;
  return (values, context) => {
    if (context.handler) throw ConfigurationException.readonlyEntity(meta.className);
    return instantiate ? instantiate(values, context) : Object.assign(new Model(), values);
  };
}

/**
 * The inheritance facts of an entity or embeddable: its discriminator and, for a single-table
 * inheritance root, the concrete classes its instances may be of (polymorphic embeddables are
 * chosen by the property that embeds them).
 */
function inheritance(meta: EntityMetadata, findClass: (className: string) => Function | undefined) {
  const root = meta.root ?? meta;
  const column = (root.discriminatorColumn ?? meta.discriminatorColumn) as string | undefined;
  if (!column) return undefined;
  let variants: ModelVariants | undefined;
  if (!meta.embeddable && meta.className === root.className) {
    variants = { field: column, choices: discriminatorClasses(root, findClass) };
  }
  return { column, value: meta.discriminatorValue, variants };
}

/** Describes MikroORM entities and embeddables from the ORM's discovered metadata (discovered on demand before `useMikroOrm`). */
export const mikroOrmEntityAdapter: ModelAdapter = {
  resolve: resolveMikroOrmModel,
  inspect(model) {
    const discovered = discoveredMetadata(model);
    if (!discovered) return undefined;
    const { meta, orm, find } = discovered;
    const platform = (orm?.em as { getPlatform?: () => unknown } | undefined)?.getPlatform?.();
    const context: AdaptContext = { meta, platform };
    const sti = inheritance(meta, (name) => find(name)?.class);
    // MikroORM adds a hidden inverse side to the target of a unidirectional pivot-entity relation: not a property of the class.
    const props = meta.props.filter((prop) => !(prop.kind === 'm:n' && prop.persist === false && prop.hydrate === false && prop.name.endsWith('__inverse')));
    const fields = props.map((prop) => {
      const facts = fromDiscovered(meta, prop);
      if (sti && facts.name === sti.column) {
        // A concrete class writes its own discriminator value; that value decides the class MikroORM builds.
        const value = sti.value;
        const field: AdaptedField = { name: facts.name, nullable: false, providerKeys: [] };
        return value === undefined ? { ...field, managed: true } : { ...field, generator: () => value };
      }
      // The root's view of a subclass column (nullable in the shared table) is not the root's own property.
      if (sti && prop.inherited && meta === (meta.root ?? meta)) return { name: facts.name, managed: true };
      return settleUnresolvable(adaptProperty(facts, context), meta);
    });
    applyClassUniques(meta, fields);
    return { fields, instantiate: refusingCreate(meta, instantiator(meta, orm)), variants: sti?.variants };
  },
};
