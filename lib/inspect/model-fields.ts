import { ConfigurationException, nameOf } from '../errors.js';
import { Unresolvable } from '../generators/design-type.js';
import { declaredFields, type FieldDeclaration } from '../registry/field-declarations.js';
import type { Constructor, FieldValues } from '../types.js';
import { decoratedProperties, designTypeOf, hookIsLive, missedDecoratedProperty } from './decorated-properties.js';
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

/** Why a field has no type: ES decorators and esbuild-based compilers (tsx) emit no design:type. */
const noDesignType = new Unresolvable(
  'its type is unknown: no design:type was emitted for it (ES decorators, and tsx/esbuild or Babel, emit none); ' +
    'give it with @Field({ type: () => String }) (or Number, Date, a class...)',
);

/** Without a type, a field that nothing else describes gets the reason rather than a guess. */
function withoutType(field: AdaptedField): AdaptedField {
  return field.type || field.generator || field.enum ? field : { ...field, generator: noDesignType };
}

/**
 * The decorated properties of a plain class model. Refuses, rather than building instances with
 * fields silently missing, when the model was decorated before fixtory was imported (a property the
 * factory names carries design:type but was never recorded) or when `Reflect.decorate` was replaced.
 */
function visibleProperties(factory: string, model: Constructor, factoryNames: Iterable<string>): string[] {
  if (!hookIsLive()) throw ConfigurationException.decorateHookReplaced(factory, nameOf(model));
  const missed = missedDecoratedProperty(model, factoryNames);
  if (missed !== undefined) throw ConfigurationException.decoratedBeforeFixtory(factory, nameOf(model), missed);
  return decoratedProperties(model);
}

/**
 * For a build of a model none of whose fields are visible, from overrides alone: refuses when an
 * override names a property that was decorated before fixtory was imported (the other decorated
 * properties would be silently missing from the instance).
 */
export function refuseUnseenOverrides(factory: string, model: Constructor, keys: string[]): void {
  const missed = missedDecoratedProperty(model, keys);
  if (missed !== undefined) throw ConfigurationException.decoratedBeforeFixtory(factory, nameOf(model), missed);
}

/**
 * What the factory declares, merged with what a model adapter (an ORM) or the model's decorated
 * properties say. Model fields come first, in declaration order; fields only the factory declares follow.
 */
export function inspectModelFields(factory: Constructor | undefined, model: Constructor | undefined, factoryName: string): ModelFields {
  const factoryDeclarations = new Map((factory ? declaredFields(factory) : []).map((d) => [d.name, d]));
  const modelDeclarations = new Map((model ? declaredFields(model) : []).map((d) => [d.name, d]));
  const adapted = model ? adaptModel(model) : undefined;
  const known = new Map<string, AdaptedField>((adapted?.fields ?? []).map((f) => [f.name, f]));
  const plainModelNames = model && !adapted ? [...visibleProperties(factoryName, model, factoryDeclarations.keys()), ...modelDeclarations.keys()] : [];
  const names = new Set<string>([...known.keys(), ...plainModelNames, ...factoryDeclarations.keys()]);
  const sources = [model, factory].filter((c): c is Constructor => c !== undefined);
  const fields = [...names].map((name): FieldInfo => {
    const declaration = factoryDeclarations.get(name);
    const base = known.get(name) ?? { name, type: designedType(name, sources) };
    const hints = hintsOf([declaration, modelDeclarations.get(name)]);
    const field = withHints(base, hints);
    if (!field.type && field.items) field.type = Array;
    return { ...withoutType(field), declaration };
  });
  // A plain-object factory's fields are the whole model, and so are an entity's that the ORM builds
  // (em.create keeps only the properties it knows: an override of another key would vanish). A
  // plain class may have properties no decorator describes, which TypeScript lets callers override;
  // a root of several entity classes takes the keys of any of them.
  const builtByAdapter = adapted?.instantiate !== undefined && !adapted.variants;
  return { fields, complete: model === undefined || builtByAdapter, instantiate: adapted?.instantiate, variants: adapted?.variants };
}
