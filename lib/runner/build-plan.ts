import { ConfigurationException } from '../errors.js';
import {
  enumGenerator,
  generatorForType,
  Unresolvable,
  type GenerationContext,
  type ValueGenerator,
} from '../generators/design-type.js';
import { uniqueGenerator, type UniqueShape } from '../generators/unique-values.js';
import type { RelatedOptions, RelatedSize } from '../fields/markers.js';
import type { RelationInfo } from '../inspect/model-adapter.js';
import type { FieldInfo, ModelFields } from '../inspect/model-fields.js';
import type { FieldValues } from '../types.js';

/** How one field gets its value when the caller does not override it. */
export type FieldStep =
  | { kind: 'generate'; generate: (ctx: GenerationContext) => unknown }
  | { kind: 'post'; generate: (ctx: GenerationContext, values: FieldValues) => unknown }
  /** Runs once the instance exists: fills a collection whose children point back at it. */
  | { kind: 'attach'; attach: (ctx: GenerationContext, instance: object) => void }
  | { kind: 'require' }
  | { kind: 'ignore' };

export interface PlannedField {
  name: string;
  step: FieldStep;
}

/** Which generator serves each field of a factory: computed once per factory, run per instance. */
export interface BuildPlan {
  /** Fields generated first, in declaration order. */
  fields: PlannedField[];
  /** `@PostGenerated` fields, run after all others. */
  postGenerated: PlannedField[];
  /** Collections filled once the instance exists. */
  attached: PlannedField[];
  /** Every field name the plan knows. */
  names: ReadonlySet<string>;
  /** Whether an override outside `names` is an error. */
  complete: boolean;
}

export interface PlanSettings {
  factory: string;
  model: string | undefined;
  /** Nullable fields are null about half of the time (else always set). */
  allowNullOptionals: boolean;
  /** Whether optional references are built ('build') or left unset ('null'). */
  optionalRelations: 'null' | 'build';
  /** Leave fields with a database or ORM default unset. */
  useDefaults: boolean;
}

const defaultCollectionSize: RelatedSize = [1, 3];

function sizeOf(ctx: GenerationContext, size: RelatedSize): number {
  return typeof size === 'number' ? size : ctx.faker.number.int({ min: size[0], max: size[1] });
}

function fail(settings: PlanSettings, field: string, reason: string): ValueGenerator {
  return () => {
    throw ConfigurationException.cannotInfer(settings.factory, settings.model, field, reason);
  };
}

/** The relation a field stands for: from the adapter, or a class-typed field / class array of a plain model. */
function relationOf(info: FieldInfo): RelationInfo | undefined {
  if (info.relation) return info.relation;
  if (info.type === Array && info.items) return { target: info.items, cardinality: 'many', required: false };
  if (info.type) return { target: info.type, cardinality: 'one', required: true };
  return undefined;
}

/** Adds children to an ORM collection (which keeps both sides consistent) or to a plain array. */
function addToCollection(instance: object, field: string, children: unknown[]): void {
  const record = instance as Record<string, unknown>;
  const collection = record[field] as { add?: (...items: unknown[]) => void } | unknown[] | undefined;
  if (collection && !Array.isArray(collection) && typeof collection.add === 'function') collection.add(...children);
  else record[field] = [...((collection as unknown[] | undefined) ?? []), ...children];
}

function relatedStep(info: FieldInfo, relation: RelationInfo, options: RelatedOptions): FieldStep {
  const nested = { factory: options.factory?.(), overrides: options.overrides, optional: !relation.required };
  const one = (ctx: GenerationContext, extra?: Record<string, unknown>) =>
    ctx.buildNested(relation.target, info.name, { ...nested, overrides: { ...nested.overrides, ...extra } });
  if (relation.cardinality === 'one') return { kind: 'generate', generate: (ctx) => one(ctx) };
  const size = options.size ?? defaultCollectionSize;
  if (!info.relation) {
    return { kind: 'generate', generate: (ctx) => Array.from({ length: sizeOf(ctx, size) }, () => one(ctx)).filter((x) => x !== undefined) };
  }
  return {
    kind: 'attach',
    attach: (ctx, instance) => {
      const backReference = relation.backReference ? { [relation.backReference]: instance } : undefined;
      const children = Array.from({ length: sizeOf(ctx, size) }, () => one(ctx, backReference)).filter((x) => x !== undefined);
      addToCollection(instance, info.name, children);
    },
  };
}

function uniqueShapeOf(info: FieldInfo): UniqueShape {
  if (info.type === String) return 'string';
  if (info.type === Number) return 'integer';
  return 'other';
}

/** The generator for a field nothing on the factory describes: from the adapter, enum, or type. */
function valueGenerator(info: FieldInfo, settings: PlanSettings): ValueGenerator {
  let generate: ValueGenerator;
  if (info.enum) generate = enumGenerator(info.enum);
  else {
    const found = info.generator ?? generatorForType(info.name, info.type, info.items);
    generate = found instanceof Unresolvable ? fail(settings, info.name, found.reason) : found;
  }
  if (info.unique) {
    const key = `${settings.model ?? settings.factory}.${info.name}`;
    const limits = { maxLength: info.maxLength, maxInteger: info.maxInteger };
    generate = uniqueGenerator(settings.factory, key, generate, uniqueShapeOf(info), limits);
  }
  if (info.nullable && settings.allowNullOptionals) {
    const inner = generate;
    generate = (ctx) => (ctx.faker.datatype.boolean() ? null : inner(ctx));
  }
  return generate;
}

/** The step of a field that the factory does not declare a marker for, or undefined to leave it unset. */
function defaultStep(info: FieldInfo, settings: PlanSettings): FieldStep | undefined {
  if (info.managed || (info.hasDefault && settings.useDefaults)) return undefined;
  const relation = info.relation;
  if (relation?.cardinality === 'many') return undefined; // collections start empty
  if (relation && !relation.required && settings.optionalRelations === 'null') return undefined;
  if (relation) return relatedStep(info, relation, {});
  return { kind: 'generate', generate: valueGenerator(info, settings) };
}

export function planBuild(inspected: ModelFields, settings: PlanSettings): BuildPlan {
  const plan: BuildPlan = { fields: [], postGenerated: [], attached: [], names: new Set(), complete: inspected.complete };
  for (const info of inspected.fields) {
    const marker = info.declaration?.marker;
    let step: FieldStep | undefined;
    switch (marker?.kind) {
      case 'use':
        step = { kind: 'generate', generate: () => marker.fn(...marker.args) };
        break;
      case 'post':
        step = { kind: 'post', generate: (_ctx, values) => marker.fn(info.name, values, ...marker.args) };
        break;
      case 'require':
      case 'ignore':
        step = { kind: marker.kind };
        break;
      case 'related': {
        const relation = relationOf(info);
        step = relation
          ? relatedStep(info, relation, marker.options)
          : { kind: 'generate', generate: fail(settings, info.name, '@Related needs a relation or a class-typed field') };
        break;
      }
      case undefined:
        step = defaultStep(info, settings);
    }
    if (step) {
      const bucket = step.kind === 'post' ? plan.postGenerated : step.kind === 'attach' ? plan.attached : plan.fields;
      bucket.push({ name: info.name, step });
    }
  }
  plan.names = new Set(inspected.fields.map((f) => f.name));
  return plan;
}
