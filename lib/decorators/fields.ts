import 'reflect-metadata';
import { ParameterException } from '../errors.js';
import {
  IgnoreMarker,
  PostGeneratedMarker,
  LazyMarker,
  RelatedMarker,
  RequireMarker,
  SequenceMarker,
  type LazyContext,
  UseMarker,
  type RelatedOptions,
  type FieldHint,
  type ValueMarker,
} from '../fields/markers.js';
import { enumValues } from '../generators/enum-values.js';
import { maxBatchSize } from '../runner/arguments.js';
import { declareHint, declareMarker, type FieldSite } from '../registry/field-declarations.js';
import type { FieldKeys, FieldValues, ModelOf, modelType } from '../types.js';
import { fieldSite } from './decorator-mode.js';

/** True for a factory (its instance type carries the model), false for a model class. */
type IsFactory<F> = typeof modelType extends keyof F ? true : false;

/** The names a field decorator may decorate on class F: on a factory, its model's data fields; on a model, any. */
export type DecoratableField<F> = IsFactory<F> extends true ? FieldKeys<ModelOf<F>> : string;

/** The type a decorated field has: on a factory, the model's property type; on a model, its own. */
export type DecoratedFieldType<F, K> = IsFactory<F> extends true
  ? K extends keyof ModelOf<F>
    ? ModelOf<F>[K]
    : never
  : K extends keyof F
    ? F[K]
    : unknown;

/** What an ES (TC39) field decorator is given, with the field's name as a literal type. */
type EsFieldContext<F, K> = ClassFieldDecoratorContext<F> & { readonly name: K; readonly static: false };

/**
 * A field decorator whose values are of type V, for both decorator modes. On a factory the field
 * must be a field of the factory's model and V must fit the model's type for it (a misspelled name,
 * or `@Use(() => 'yesterday')` on a Date field, does not compile); on a model, V must fit the field.
 */
export interface FieldDecorator<V> {
  /** Legacy decorators (`experimentalDecorators`). */
  <F extends object, K extends DecoratableField<F>>(target: F, key: [V] extends [DecoratedFieldType<F, K>] ? K : never): void;
  /** ES (TC39) decorators. */
  <F extends object, K extends DecoratableField<F>>(value: undefined, context: EsFieldContext<F, [V] extends [DecoratedFieldType<F, K>] ? K : never>): void;
}

/** A field decorator for a field of any type; on a factory, still only for fields of its model. */
export interface AnyFieldDecorator {
  /** Legacy decorators (`experimentalDecorators`). */
  <F extends object, K extends DecoratableField<F>>(target: F, key: K): void;
  /** ES (TC39) decorators. */
  <F extends object, K extends DecoratableField<F>>(value: undefined, context: EsFieldContext<F, K>): void;
}

function fieldDecorator(decorator: string, record: (site: FieldSite) => void): AnyFieldDecorator {
  return ((targetOrValue: unknown, keyOrContext: unknown): void => record(fieldSite(decorator, targetOrValue, keyOrContext))) as AnyFieldDecorator;
}

function markerDecorator(decorator: string, marker: ValueMarker): AnyFieldDecorator {
  return fieldDecorator(decorator, (site) => declareMarker(site, marker));
}

function requireFunction(decorator: string, fn: unknown): void {
  if (typeof fn !== 'function') {
    throw ParameterException.decoratorArgument(decorator, 'a factory field', 'a function', fn);
  }
}

/** Generates the field by calling `fn(...args)` for every instance. */
export function Use<V, A extends unknown[]>(fn: (...args: A) => V, ...args: A): FieldDecorator<V> {
  requireFunction('Use', fn);
  return markerDecorator('Use', new UseMarker(fn as (...args: unknown[]) => unknown, args)) as unknown as FieldDecorator<V>;
}

/** Never generates the field: it stays unset unless an override gives it a value. */
export function Ignore(): AnyFieldDecorator {
  return markerDecorator('Ignore', new IgnoreMarker());
}

/** The field must be passed as an override; a build without it throws MissingBuildKwargException. */
export function Require(): AnyFieldDecorator {
  return markerDecorator('Require', new RequireMarker());
}

/**
 * Generates the field after all others, as `fn(fieldName, valuesSoFar, ...args)`: for values that
 * depend on other fields (an email made from the name).
 */
export function PostGenerated<V, A extends unknown[]>(
  fn: (name: string, values: FieldValues, ...args: A) => V,
  ...args: A
): FieldDecorator<V> {
  requireFunction('PostGenerated', fn);
  return markerDecorator(
    'PostGenerated',
    new PostGeneratedMarker(fn as (name: string, values: FieldValues, ...args: unknown[]) => unknown, args),
  ) as unknown as FieldDecorator<V>;
}

/**
 * Declares a field whose value is generated from its type. Needed for fields of plain-object
 * factories (an undecorated property is invisible at runtime), and to give the type of a field
 * whose `design:type` is `Object` (unions, `T | null`, aliases, interfaces) or of an array's items.
 * Usable on a factory's properties and on a model's.
 */
export function Field(hint: FieldHint = {}): AnyFieldDecorator {
  if (hint === null || typeof hint !== 'object') {
    throw ParameterException.decoratorArgument('Field', 'a field', 'an options object { type?, items?, enum?, unique? }', hint);
  }
  for (const option of ['type', 'items'] as const) {
    if (hint[option] !== undefined && typeof hint[option] !== 'function') {
      throw ParameterException.invalidOption('@Field', option, 'a function returning a class, e.g. () => String', hint[option]);
    }
  }
  if (hint.unique !== undefined && typeof hint.unique !== 'boolean') {
    throw ParameterException.invalidOption('@Field', 'unique', 'a boolean', hint.unique);
  }
  if (hint.enum !== undefined && (hint.enum === null || typeof hint.enum !== 'object' || enumValues(hint.enum).length === 0)) {
    throw ParameterException.invalidOption('@Field', 'enum', 'a TypeScript enum or a non-empty array of values', hint.enum);
  }
  return fieldDecorator('Field', (site) => declareHint(site, hint));
}

/** A relation's size is bounded like a batch: a typo such as `1e9` would build until memory runs out. */
function isSize(size: unknown): boolean {
  const whole = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= maxBatchSize;
  return whole(size) || (Array.isArray(size) && size.length === 2 && whole(size[0]) && whole(size[1]) && size[0] <= size[1]);
}

/**
 * Builds the related instance(s) of a relation or class-typed field through a factory: a parent
 * for an optional reference, or `size` children for a collection (`size: 3` or `size: [1, 5]`).
 */
export function Related(options: RelatedOptions = {}): AnyFieldDecorator {
  if (options === null || typeof options !== 'object') {
    throw ParameterException.decoratorArgument('Related', 'a field', 'an options object { factory?, size?, overrides? }', options);
  }
  if (options.factory !== undefined && typeof options.factory !== 'function') {
    throw ParameterException.invalidOption('@Related', 'factory', 'a function returning a factory class, e.g. () => BookFactory', options.factory);
  }
  if (options.size !== undefined && !isSize(options.size)) {
    throw ParameterException.invalidOption('@Related', 'size', `a whole number from 0 to ${maxBatchSize.toLocaleString('en')}, or a [min, max] pair of them with min <= max`, options.size);
  }
  if (options.overrides !== undefined && (options.overrides === null || typeof options.overrides !== 'object')) {
    throw ParameterException.invalidOption('@Related', 'overrides', 'an object of field values', options.overrides);
  }
  return markerDecorator('Related', new RelatedMarker(options));
}

/** Generates the field from the factory's sequence number: 1 for its first instance, then 2, 3, ... */
export function Sequence<V>(fn: (n: number) => V): FieldDecorator<V> {
  requireFunction('Sequence', fn);
  return markerDecorator('Sequence', new SequenceMarker(fn)) as unknown as FieldDecorator<V>;
}

/**
 * Generates the field after the others from a LazyContext: the values so far, the transient
 * parameters, the sequence number and the field's own (seedable) faker stream.
 */
export function Lazy<V>(fn: (ctx: LazyContext) => V): FieldDecorator<V> {
  requireFunction('Lazy', fn);
  return markerDecorator('Lazy', new LazyMarker(fn)) as unknown as FieldDecorator<V>;
}
