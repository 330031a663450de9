import type { ValueGenerator, Unresolvable } from '../generators/design-type.js';
import type { FieldValues } from '../types.js';
import { plansChanged, plansVersion } from './plan-version.js';

/** A relation from one model to another, as an adapter (an ORM) describes it. */
export interface RelationInfo {
  target: Function;
  /** 'one': a single reference (many-to-one, owning one-to-one); 'many': a collection. */
  cardinality: 'one' | 'many';
  /** A required reference is always built; an optional one only when asked (`@Related`, `optionalRelations`). */
  required: boolean;
  /** For a one-to-many collection: the child's property that points back at the parent. */
  backReference?: string;
}

/** What an adapter knows of one field of a model. */
export interface AdaptedField {
  name: string;
  /** Part of the primary key, and what its values are: what a stub's made-up key looks like. */
  primaryKey?: 'number' | 'bigint' | 'string';
  /** A ready generator (or why there is none); else the field is generated from `type`. */
  generator?: ValueGenerator | Unresolvable;
  type?: Function;
  items?: Function;
  enum?: object | readonly unknown[];
  /** Set by the database or the ORM (autoincrement keys, versions, formulas...): never generated. */
  managed?: boolean;
  /** Has a default in the database or ORM: left unset when the factory asks to use defaults. */
  hasDefault?: boolean;
  /** May hold null: generated as null some of the time when the factory allows it. */
  nullable?: boolean;
  /**
   * Must not repeat: generated values are kept distinct, redrawn first. Then a `type` of String
   * gets its format's fallback, Number and Date count up; anything else is only redrawn.
   */
  unique?: boolean;
  /** The unique key the field keeps distinct when it is not the field alone: `(a, b)` of a composite unique. */
  uniqueKey?: string;
  /** The longest string the column accepts. */
  maxLength?: number;
  /** The largest integer the column accepts. */
  maxInteger?: number;
  /** More keys a custom provider can be registered under (a custom Type class, a type or column name). */
  providerKeys?: (Function | string)[];
  relation?: RelationInfo;
}

/** What an instance is being built for. */
export interface InstantiationContext {
  /** The persistence handler of the create call, when the build is for one (not for a plain build()). */
  handler?: object;
  /** One object per create call, shared by every instance it builds (nested ones too). */
  call?: object;
  /** Values that will be added to the instance's collections once it exists (existing entities among them). */
  attachLater?: readonly unknown[];
  /** Set (to the name of the factory building it) when the call builds plain rows: see `seedRows`' `plain` option. */
  plainRowsOf?: string;
}

/**
 * A model whose instances are of one of several concrete classes (a single-table inheritance
 * root): the value of `field` decides the class, and each class is built with its own fields.
 */
export interface ModelVariants {
  field: string;
  choices: { value: unknown; model: Function }[];
}

export interface AdaptedModel {
  fields: AdaptedField[];
  variants?: ModelVariants;
  /** Builds an instance the way the adapter's library does (a constructor with parameters, collections...). */
  instantiate?: (values: FieldValues, context: InstantiationContext) => unknown;
}

/**
 * Teaches fixtory about a family of models (the MikroORM adapter knows entities). The first
 * adapter that knows a model describes it; models no adapter knows are read from design:type.
 */
export interface ModelAdapter {
  inspect(model: Function): AdaptedModel | undefined;
  /** The class a non-class model argument stands for (an ORM's schema object or entity name), if the adapter knows it. */
  resolve?(model: unknown): Function | undefined;
}

const adapters: ModelAdapter[] = [];
export function registerModelAdapter(adapter: ModelAdapter): void {
  adapters.push(adapter);
  modelAdaptersChanged();
}

/** Tells runners that what adapters know has changed (an ORM was initialised), so plans are redone. */
export const modelAdaptersChanged = plansChanged;

export const modelAdaptersVersion = plansVersion;

export function adaptModel(model: Function): AdaptedModel | undefined {
  for (const adapter of adapters) {
    const adapted = adapter.inspect(model);
    if (adapted) return adapted;
  }
  return undefined;
}

/** The class a model given as a schema object or a name stands for, as the first adapter that knows it says. */
export function resolveModel(model: unknown): Function | undefined {
  for (const adapter of adapters) {
    const resolved = adapter.resolve?.(model);
    if (resolved) return resolved;
  }
  return undefined;
}
