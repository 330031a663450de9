/**
 * Field markers: small value objects that field decorators record. They say where a field's
 * value comes from; the runner's build plan turns them into generators.
 */
import type { FieldValues } from '../types.js';

/** Call `fn(...args)` for every instance. */
export class UseMarker {
  readonly kind = 'use';
  constructor(
    readonly fn: (...args: any[]) => unknown,
    readonly args: readonly unknown[],
  ) {}
}

/** Never generate this field (it stays unset unless overridden). */
export class IgnoreMarker {
  readonly kind = 'ignore';
}

/** The caller must pass this field in the overrides. */
export class RequireMarker {
  readonly kind = 'require';
}

/** Computed after every other field, from the field name and the values generated so far. */
export class PostGeneratedMarker {
  readonly kind = 'post';
  constructor(
    readonly fn: (name: string, values: FieldValues, ...args: any[]) => unknown,
    readonly args: readonly unknown[],
  ) {}
}

/** How many related instances to build: an exact count or an inclusive [min, max] range. */
export type RelatedSize = number | readonly [min: number, max: number];

export interface RelatedOptions {
  /** The factory that builds the related instances (default: the target model's default factory). */
  factory?: () => Function;
  /** For collections and arrays: how many to build. */
  size?: RelatedSize;
  /** Overrides passed to every related instance's build. */
  overrides?: Record<string, unknown>;
}

/** Build the related instance(s) of a relation or class-typed field, even when it is optional. */
export class RelatedMarker {
  readonly kind = 'related';
  constructor(readonly options: RelatedOptions) {}
}

/** The factory's sequence number of the instance being built (1, 2, 3, ...) turned into a value. */
export class SequenceMarker {
  readonly kind = 'sequence';
  constructor(readonly fn: (n: number) => unknown) {}
}

/** What a `@Lazy` function sees: the values so far, the transient parameters and the build's stream. */
export interface LazyContext {
  /** The fields generated (or overridden) so far. */
  readonly values: Readonly<FieldValues>;
  /** The transient parameters of this build, defaults included. */
  readonly transient: Readonly<Record<string, unknown>>;
  /** The factory's sequence number of this instance. */
  readonly sequence: number;
  /** The position of the instance in its batch (0 for build()). */
  readonly index: number;
  /** The field's own faker stream: seeded runs repeat. */
  readonly faker: import('@faker-js/faker').Faker;
}

/** Computed after the other fields from a LazyContext: for values that depend on fields or transient parameters. */
export class LazyMarker {
  readonly kind = 'lazy';
  constructor(readonly fn: (ctx: LazyContext) => unknown) {}
}

/** How a field's value is produced; at most one per field of a class. */
export type ValueMarker = UseMarker | IgnoreMarker | RequireMarker | PostGeneratedMarker | RelatedMarker | SequenceMarker | LazyMarker;

/** Type information for a field whose `design:type` is missing or not precise enough. */
export interface FieldHint {
  /** The field's type, for unions, nullable fields, aliases and interfaces (design:type Object). */
  type?: () => Function;
  /** The element type of an array field. */
  items?: () => Function;
  /**
   * The values the field may take: a TypeScript enum or a list. Needed for string enums and
   * literal unions, whose design:type is plain String or Number.
   */
  enum?: object | readonly unknown[];
  /** Never repeat a value of this field in this process (until `resetUniqueValues()`). */
  unique?: boolean;
}
