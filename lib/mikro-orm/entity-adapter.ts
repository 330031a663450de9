import type { EntityMetadata } from '@mikro-orm/core';
import { Unresolvable, type ValueGenerator } from '../generators/design-type.js';
import type { AdaptedField, AdaptedModel, ModelAdapter } from '../inspect/model-adapter.js';
import { discoveredMetadata, rawMetadata } from './metadata-lookup.js';
import { buildsWithEntityManager, entitiesBuilt, entityManagerForBuild, entityValuesSeen, type KnownOrm } from './orm-registry.js';
import { fromDiscovered, fromRaw, type PropertyFacts } from './property-facts.js';
import { scalarGenerator } from './scalar-generators.js';

function embeddedGenerator(facts: PropertyFacts): ValueGenerator | Unresolvable {
  const target = facts.target;
  if (!target) return new Unresolvable('its embeddable class is unknown');
  const one: ValueGenerator = (ctx) => ctx.buildNested(target, facts.name);
  if (!facts.array) return one;
  return (ctx) => Array.from({ length: ctx.faker.number.int({ min: 1, max: 3 }) }, () => one(ctx));
}

function adaptProperty(facts: PropertyFacts): AdaptedField {
  const providerKeys = [facts.customTypeClass, facts.customType, facts.type, facts.columnType].filter((k): k is Function | string => k !== undefined);
  const field: AdaptedField = { name: facts.name, nullable: facts.nullable, hasDefault: facts.hasDefault, providerKeys };
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
    case 'scalar': {
      if (facts.items && !facts.array) return { ...field, enum: facts.items, unique: facts.unique };
      const scalar = scalarGenerator(facts);
      // A nullable column of a type fixtory cannot tell (before discovery, `T | null` reflects as Object) takes null.
      if (scalar instanceof Unresolvable && facts.nullable && facts.type === 'unknown') return { ...field, generator: () => null, nullable: false };
      if (scalar instanceof Unresolvable) return { ...field, generator: scalar };
      const { generate, type, maxLength, maxInteger } = scalar;
      return { ...field, generator: generate, type, maxLength, maxInteger, unique: facts.unique };
    }
  }
}

/**
 * A class-level `@Unique` holds if one generated scalar member of it is unique: the one alone, or,
 * of several, an integer (the widest value space) else a string.
 */
function applyClassUniques(meta: EntityMetadata, fields: AdaptedField[]): void {
  for (const unique of meta.uniques ?? []) {
    const members = ([] as string[]).concat((unique.properties as string | string[] | undefined) ?? []);
    const generated = fields.filter((f) => members.includes(f.name) && !f.managed && !f.relation);
    const candidate =
      members.length === 1 ? generated[0] : (generated.find((f) => f.type === Number) ?? generated.find((f) => f.type === String));
    if (candidate) candidate.unique = true;
  }
}

function instantiator(meta: EntityMetadata, orm: KnownOrm | undefined): AdaptedModel['instantiate'] {
  // Embeddables are plain classes to MikroORM too; entities are built as `em.create` builds them,
  // by the EntityManager that will save them when the build is for a MikroORM handler.
  if (!orm || meta.embeddable) return undefined;
  return (values, { handler, call, attachLater }) => {
    if (!buildsWithEntityManager(handler) || !call) return orm.constructionEm.create(meta.class, values, { persist: false });
    handler[entityValuesSeen]?.(call, [...Object.values(values), ...(attachLater ?? [])]);
    const entity = handler[entityManagerForBuild](call).create(meta.class, values, { persist: false });
    handler[entitiesBuilt]?.(call, [entity]);
    return entity;
  };
}

/** Describes MikroORM entities and embeddables from the ORM's own metadata. */
export const mikroOrmEntityAdapter: ModelAdapter = {
  inspect(model) {
    const discovered = discoveredMetadata(model);
    const meta = discovered?.meta ?? rawMetadata(model);
    if (!meta) return undefined;
    const facts = discovered ? meta.props.map((prop) => fromDiscovered(meta, prop)) : Object.values(meta.properties).map((prop) => fromRaw(meta, prop));
    const fields = facts.map(adaptProperty);
    applyClassUniques(meta, fields);
    return { fields, instantiate: instantiator(meta, discovered?.orm) };
  },
};
