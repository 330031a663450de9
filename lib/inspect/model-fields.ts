import { declaredFields, type FieldDeclaration } from '../registry/field-declarations.js';
import type { Constructor } from '../types.js';
import { decoratedProperties, designTypeOf } from './decorated-properties.js';

/** What fixtory knows of one field of a model. */
export interface FieldInfo {
  name: string;
  /** The runtime type: from `@Field({ type })`, else the most precise `design:type` seen. */
  type?: Function;
  /** The element type of an array field, from `@Field({ items })`. */
  items?: Function;
  /** The values the field may take, from `@Field({ enum })`. */
  enum?: object | readonly unknown[];
  /** What the factory declared about the field, if anything. */
  declaration?: FieldDeclaration;
}

/** The fields of a model as far as fixtory can see them. */
export interface ModelFields {
  fields: FieldInfo[];
  /** True when `fields` is the whole model, so an override naming another field is a mistake. */
  complete: boolean;
}

function typeOf(name: string, sources: Function[], hints: (FieldDeclaration | undefined)[]): Pick<FieldInfo, 'type' | 'items' | 'enum'> {
  const hinted = hints.find((h) => h?.hint?.type)?.hint?.type?.();
  const items = hints.find((h) => h?.hint?.items)?.hint?.items?.();
  const values = hints.find((h) => h?.hint?.enum)?.hint?.enum;
  const designed = sources.map((cls) => designTypeOf(cls, name)).filter((t) => t !== undefined);
  const type = hinted ?? designed.find((t) => t !== Object) ?? designed[0] ?? (items ? Array : undefined);
  return { type, items, enum: values };
}

/**
 * Merges what the model's decorated properties say with what the factory declares. Model fields
 * come first, in declaration order; fields only the factory declares follow.
 */
export function inspectModelFields(factory: Constructor | undefined, model: Constructor | undefined): ModelFields {
  const factoryDeclarations = new Map((factory ? declaredFields(factory) : []).map((d) => [d.name, d]));
  const modelDeclarations = new Map((model ? declaredFields(model) : []).map((d) => [d.name, d]));
  const names = new Set<string>([...(model ? decoratedProperties(model) : []), ...factoryDeclarations.keys()]);
  const fields = [...names].map((name): FieldInfo => {
    const declaration = factoryDeclarations.get(name);
    const sources = [model, factory].filter((c): c is Constructor => c !== undefined);
    return { name, declaration, ...typeOf(name, sources, [declaration, modelDeclarations.get(name)]) };
  });
  return { fields, complete: model === undefined };
}
