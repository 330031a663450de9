import { Faker, en } from '@faker-js/faker';
import type { EntityMetadata } from '@mikro-orm/core';
import { ConfigurationException } from '../errors.js';
import { Unresolvable, type GenerationContext } from '../generators/design-type.js';
import { genericPlatform } from './on-demand-discovery.js';
import type { PropertyFacts } from './property-facts.js';
import { scalarGenerator, type ScalarGenerator } from './scalar-generators.js';

const fresh = new WeakMap<Function, object | null>();

/** An instance made with `new Entity()`, or null when the constructor needs arguments. */
function freshInstance(meta: EntityMetadata): object | null {
  const cls = meta.class as unknown as new () => object;
  if (!fresh.has(cls)) fresh.set(cls, construct(cls));
  return fresh.get(cls)!;
}

function construct(cls: new () => object): object | null {
  try {
    return new cls();
  } catch {
    return null;
  }
}

/** Whether the entity gives the property a value itself (an initialiser such as `id = v4()`, or its constructor). */
export function setByEntity(meta: EntityMetadata, property: string): boolean {
  const instance = freshInstance(meta) as Record<string, unknown> | null;
  return instance !== null && instance[property] !== undefined && instance[property] !== null;
}

/** The same column value: objects (Dates, JSON) by their JSON text, which is a Date's instant to the millisecond. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: for the primitives column generators make (no NaN, null or -0) equal JSON text is Object.is, and a differing bigint throws, refused as well
  const objects = typeof a === 'object' && typeof b === 'object' && a !== null && b !== null;
  return objects && JSON.stringify(a) === JSON.stringify(b);
}

const probes = 5;

/**
 * A custom Type's value, derived from its column type: a value the column accepts, turned into the
 * JS value by the Type's own `convertToJSValue`. Only when the Type turns it back into the same
 * column value (`convertToDatabaseValue`), checked on probes here and on every value generated:
 * a Type that parses its column (a point as 'x,y') cannot take arbitrary text.
 */
export function customTypeGenerator(model: string, facts: PropertyFacts, ormPlatform: unknown): ScalarGenerator | Unresolvable {
  const type = facts.customTypeInstance;
  const refuse = new Unresolvable(
    `its type is the custom MikroORM type ${facts.customType}, whose values fixtory cannot derive from its column type '${facts.columnType ?? 'unknown'}'`,
  );
  // Stryker disable next-line ConditionalExpression,LogicalOperator: the probes below refuse these too (no column generator, no Type to convert with); this says why first
  if (!type || !facts.columnType) return refuse;
  const column = scalarGenerator({ ...facts, type: 'unknown', customType: undefined, customTypeClass: undefined, runtimeType: undefined });
  // Stryker disable next-line ConditionalExpression: as above, the probes would refuse it
  if (column instanceof Unresolvable) return refuse;
  const platform = ormPlatform ?? genericPlatform();
  const convert = (value: unknown) => {
    const js = type.convertToJSValue(value, platform);
    return sameValue(type.convertToDatabaseValue(js, platform), value) ? { js } : undefined;
  };
  const faker = new Faker({ locale: [en], seed: 1 });
  const probe = { faker, sequence: 1, index: 0, transient: {}, buildNested: () => undefined } as GenerationContext;
  for (let i = 0; i < probes; i++) {
    try {
      if (!convert(column.generate(probe))) return refuse;
    } catch {
      return refuse;
    }
  }
  return {
    generate: (ctx) => {
      const value = column.generate(ctx);
      const converted = convert(value);
      if (!converted) throw ConfigurationException.customTypeRoundTrip(model, facts.name, facts.customType!, value);
      return converted.js;
    },
  };
}
