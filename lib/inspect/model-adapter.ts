import type { ValueGenerator, Unresolvable } from '../generators/design-type.js';
import type { FieldValues } from '../types.js';

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
   * Must not repeat: generated values are kept distinct. A `type` of String gets a counter suffix,
   * Number counts up, anything else (give no type for uuids or decimals) is redrawn until new.
   */
  unique?: boolean;
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
}

export interface AdaptedModel {
  fields: AdaptedField[];
  /** Builds an instance the way the adapter's library does (a constructor with parameters, collections...). */
  instantiate?: (values: FieldValues, context: InstantiationContext) => unknown;
}

/**
 * Teaches fixtory about a family of models (the MikroORM adapter knows entities). The first
 * adapter that knows a model describes it; models no adapter knows are read from design:type.
 */
export interface ModelAdapter {
  inspect(model: Function): AdaptedModel | undefined;
}

const adapters: ModelAdapter[] = [];
let version = 0;

export function registerModelAdapter(adapter: ModelAdapter): void {
  adapters.push(adapter);
  modelAdaptersChanged();
}

/** Tells runners that what adapters know has changed (an ORM was initialised), so plans are redone. */
export function modelAdaptersChanged(): void {
  version += 1;
}

export function modelAdaptersVersion(): number {
  return version;
}

export function adaptModel(model: Function): AdaptedModel | undefined {
  for (const adapter of adapters) {
    const adapted = adapter.inspect(model);
    if (adapted) return adapted;
  }
  return undefined;
}
