import { declaredFields, type FieldDeclaration } from '../registry/field-declarations.js';
import type { Constructor, FieldValues } from '../types.js';
import { decoratedProperties, designTypeOf } from './decorated-properties.js';
import { adaptModel, type AdaptedField, type InstantiationContext, type ModelVariants } from './model-adapter.js';

/** What fixtory knows of one field of a model, and what the factory declared about it. */
export interface FieldInfo extends AdaptedField {
  declaration?: FieldDeclaration;
}

/** The fields of a model as far as fixtory can see them. */
export interface ModelFields {
  fields: FieldInfo[];
  /** True when `fields` is the whole model, so an override naming another field is a mistake. */
  complete: boolean;
  /** How the model's library builds an instance, when an adapter knows it. */
  instantiate?: (values: FieldValues, context: InstantiationContext) => unknown;
  /** The concrete classes an instance may be of (a single-table inheritance root), when an adapter says. */
  variants?: ModelVariants;
}

type Hints = Pick<FieldInfo, 'type' | 'items' | 'enum' | 'unique'>;

function hintsOf(declarations: (FieldDeclaration | undefined)[]): Hints {
  const hint = <K extends 'type' | 'items' | 'enum' | 'unique'>(key: K) => declarations.find((d) => d?.hint?.[key])?.hint?.[key];
  return { type: hint('type')?.(), items: hint('items')?.(), enum: hint('enum'), unique: hint('unique') };
}

function designedType(name: string, sources: Constructor[]): Function | undefined {
  const designed = sources.map((cls) => designTypeOf(cls, name)).filter((t) => t !== undefined);
  return designed.find((t) => t !== Object) ?? designed[0];
}

/** Hints given with `@Field` win over what the adapter or design:type says. */
function withHints(field: AdaptedField, hints: Hints): AdaptedField {
  const merged = { ...field };
  if (hints.type) merged.type = hints.type;
  if (hints.items) merged.items = hints.items;
  if (hints.enum) merged.enum = hints.enum;
  if (hints.unique) merged.unique = true;
  if (hints.type || hints.items || hints.enum) delete merged.generator;
  return merged;
}

/**
 * What the factory declares, merged with what a model adapter (an ORM) or the model's decorated
 * properties say. Model fields come first, in declaration order; fields only the factory declares follow.
 */
export function inspectModelFields(factory: Constructor | undefined, model: Constructor | undefined): ModelFields {
  const factoryDeclarations = new Map((factory ? declaredFields(factory) : []).map((d) => [d.name, d]));
  const modelDeclarations = new Map((model ? declaredFields(model) : []).map((d) => [d.name, d]));
  const adapted = model ? adaptModel(model) : undefined;
  const known = new Map<string, AdaptedField>((adapted?.fields ?? []).map((f) => [f.name, f]));
  const names = new Set<string>([...known.keys(), ...(model && !adapted ? decoratedProperties(model) : []), ...factoryDeclarations.keys()]);
  const sources = [model, factory].filter((c): c is Constructor => c !== undefined);
  const fields = [...names].map((name): FieldInfo => {
    const declaration = factoryDeclarations.get(name);
    const base = known.get(name) ?? { name, type: designedType(name, sources) };
    const hints = hintsOf([declaration, modelDeclarations.get(name)]);
    const field = withHints(base, hints);
    if (!field.type && field.items) field.type = Array;
    return { ...field, declaration };
  });
  // Only a plain-object factory's fields are the whole model: a class (an entity too) may have
  // properties no decorator describes, which TypeScript lets callers override.
  return { fields, complete: model === undefined, instantiate: adapted?.instantiate, variants: adapted?.variants };
}
