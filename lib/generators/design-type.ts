import type { Faker } from '@faker-js/faker';
import { enumValues } from './enum-values.js';
import { hintedGenerator, withSource } from './generator-sources.js';

/** How to build a nested instance. */
export interface NestedOptions {
  /** The factory to use instead of the model's default one. */
  factory?: Function;
  overrides?: Record<string, unknown>;
  /** An optional relation: cut (undefined) at the factory's maxDepth instead of failing on a cycle. */
  optional?: boolean;
  /** Asked for by the caller (a nested partial): built whatever the depth, and never a cycle by itself. */
  explicit?: boolean;
}

/** What a generator may ask of the build it runs in. */
export interface GenerationContext {
  /** The faker stream of the field being generated. */
  readonly faker: Faker;
  /** The factory's sequence number of the instance being built. */
  readonly sequence: number;
  /** The position of the instance in its batch (0 for build()). */
  readonly index: number;
  /** The transient parameters of this build. */
  readonly transient: Readonly<Record<string, unknown>>;
  /** Builds one instance of a class-typed field through the model's factory; undefined when cut at maxDepth. */
  buildNested(model: Function, field: string, options?: NestedOptions): unknown;
}

export type ValueGenerator = (ctx: GenerationContext) => unknown;

/** A field fixtory cannot generate: the reason, reported only if the field is not overridden. */
export class Unresolvable {
  constructor(readonly reason: string) {}
}

/** Built-in classes that say too little about a value to generate one. */
const opaqueTypes = new Set<Function>([Object, Function, Map, Set, WeakMap, WeakSet, Promise, Symbol, RegExp, Error]);

const valueTypes = new Set<Function>([String, Number, Boolean, Date, BigInt, Array]);

/** Whether values of a type are instances fixtory builds through a factory (not strings, dates, maps...). */
export function isNestedClass(type: Function): boolean {
  return !valueTypes.has(type) && !opaqueTypes.has(type);
}

/** The generator for a field from its runtime type (`design:type` or `@Field`), or why there is none. */
export function generatorForType(field: string, type: Function | undefined, items?: Function): ValueGenerator | Unresolvable {
  switch (type) {
    case undefined:
      return new Unresolvable('its type is unknown (no design:type was emitted for it)');
    case String:
      return hintedGenerator(field, 'string');
    case Number:
      return hintedGenerator(field, 'number');
    case Boolean:
      return withSource((ctx) => ctx.faker.datatype.boolean(), { from: 'type', generator: 'faker.datatype.boolean()' });
    case Date:
      return hintedGenerator(field, 'date');
    case BigInt:
      return withSource((ctx) => ctx.faker.number.bigInt({ min: 0n, max: 1_000_000_000n }), { from: 'type', generator: 'bigint 0..1e9' });
    case Array:
      return arrayGenerator(field, items);
  }
  if (opaqueTypes.has(type)) {
    return new Unresolvable(
      type === Object
        ? 'its design:type is Object (a union, `T | null`, a type alias or an interface)'
        : `its design:type is ${type.name}, which says too little about the value`,
    );
  }
  return (ctx) => ctx.buildNested(type, field);
}

function arrayGenerator(field: string, items: Function | undefined): ValueGenerator | Unresolvable {
  // Without an element type the only value valid for every array type is an empty one.
  if (!items) return () => [];
  const item = generatorForType(field, items);
  if (item instanceof Unresolvable) return new Unresolvable(`its items cannot be generated: ${item.reason}`);
  return (ctx) => Array.from({ length: ctx.faker.number.int({ min: 1, max: 3 }) }, () => item(ctx));
}

/** The generator for a field whose values are listed (`@Field({ enum })`): one of them, uniformly. */
export function enumGenerator(source: object | readonly unknown[]): ValueGenerator {
  const values = enumValues(source);
  return (ctx) => ctx.faker.helpers.arrayElement(values);
}
