import { isNestedClass, type GenerationContext, type ValueGenerator } from '../generators/design-type.js';
import { enumValues } from '../generators/enum-values.js';
import type { Provider, ProviderKey } from '../generators/providers.js';
import type { UniqueGenerator } from '../generators/unique-values.js';
import type { RelatedOptions, RelatedSize } from '../fields/markers.js';
import type { RelationInfo } from '../inspect/model-adapter.js';
import type { FieldInfo, ModelFields } from '../inspect/model-fields.js';
import type { FieldValues } from '../types.js';
import { fail, uniqueFor, valueGenerator, type FieldSource, type StrategySettings } from './value-strategies.js';

export type { FieldSource } from './value-strategies.js';

/** How one field gets its value when the caller does not override it. */
export type FieldStep =
  | { kind: 'generate'; generate: (ctx: GenerationContext) => unknown }
  | { kind: 'post'; generate: (ctx: GenerationContext, values: FieldValues) => unknown }
  /** Runs once the instance exists: fills a collection whose children point back at it. */
  | { kind: 'attach'; attach: (ctx: GenerationContext, instance: object, overrides?: Record<string, unknown>[]) => void }
  | { kind: 'require' }
  | { kind: 'ignore' };

/** One alternative `coverage()` forces on a field: a fixed value, or a step that never gives null. */
export type CoverageAlternative = { value: unknown } | { step: FieldStep };

export interface PlannedField {
  name: string;
  step: FieldStep;
  /** The unique column the field draws from: an override is taken too, so no later value repeats it. */
  unique?: UniqueGenerator;
  /** The alternatives the field can take that `coverage()` must all use (enum members, null and set...). */
  alternatives?: CoverageAlternative[];
}

/** A relation field: overrides given as partial objects build the related instances with them. */
export interface PlannedRelation {
  relation: RelationInfo;
  /** The factory a `@Related({ factory })` on the field names (default: the target's default factory). */
  factory?: Function;
  /** Collections of an ORM are filled once the instance exists (children point back at it). */
  attach?: FieldStep & { kind: 'attach' };
}

/** Which generator serves each field of a factory: computed once per factory, run per instance. */
export interface BuildPlan {
  /** Fields generated first, in declaration order. */
  fields: PlannedField[];
  /** `@PostGenerated` and `@Lazy` fields, run after all others in declaration order. */
  postGenerated: PlannedField[];
  /** Collections filled once the instance exists. */
  attached: PlannedField[];
  /** Relation fields by name, for nested overrides. */
  relations: ReadonlyMap<string, PlannedRelation>;
  /** Every field name the plan knows. */
  names: ReadonlySet<string>;
  /** Whether an override outside `names` is an error. */
  complete: boolean;
  /** Where each field's value comes from, in declaration order. */
  sources: ReadonlyMap<string, FieldSource>;
  /** The model's primary key fields, where its adapter knows them: what `stub()` fills. */
  primaryKeys: readonly { name: string; values: 'number' | 'bigint' | 'string' }[];
}

export interface PlanSettings extends StrategySettings {
  /** Nullable fields are null about half of the time (else always set). */
  allowNullOptionals: boolean;
  /** Whether optional references are built ('build') or left unset ('null'). */
  optionalRelations: 'null' | 'build';
  /** Leave fields with a database or ORM default unset. */
  useDefaults: boolean;
  /** The factory's own providers. */
  providers?: ReadonlyMap<ProviderKey, Provider>;
}

const defaultCollectionSize: RelatedSize = [1, 3];

function sizeOf(ctx: GenerationContext, size: RelatedSize): number {
  return typeof size === 'number' ? size : ctx.faker.number.int({ min: size[0], max: size[1] });
}

/** The relation a field stands for: from the adapter, or a class-typed field / class array of a plain model. */
function relationOf(info: FieldInfo): RelationInfo | undefined {
  if (info.relation) return info.relation;
  if (info.type === Array && info.items && isNestedClass(info.items)) return { target: info.items, cardinality: 'many', required: false };
  if (info.type && isNestedClass(info.type)) return { target: info.type, cardinality: 'one', required: true };
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
  return collectionStep(info.name, relation, (ctx) => Array.from({ length: sizeOf(ctx, size) }, () => ({})), one);
}

/**
 * Fills an ORM collection after the instance exists: one child per partial (the children point
 * back at the instance through the relation's back reference). Existing entities are added as they are.
 */
function collectionStep(
  field: string,
  relation: RelationInfo,
  defaults: (ctx: GenerationContext) => Record<string, unknown>[],
  one: (ctx: GenerationContext, extra?: Record<string, unknown>) => unknown,
): FieldStep & { kind: 'attach' } {
  return {
    kind: 'attach',
    attach: (ctx, instance, given) => {
      const backReference = relation.backReference ? { [relation.backReference]: instance } : {};
      const children = (given ?? defaults(ctx))
        .map((item) => (isPartial(item) ? one(ctx, { ...item, ...backReference }) : item))
        .filter((x) => x !== undefined);
      addToCollection(instance, field, children);
    },
  };
}

/** A plain object given where an instance is expected: the overrides of a nested build. */
export function isPartial(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function nullable(generate: ValueGenerator): ValueGenerator {
  return (ctx) => (ctx.faker.datatype.boolean() ? null : generate(ctx));
}

const unset = (why: string): FieldSource => ({ from: 'unset', generator: why });

/** The step of a field that the factory declares no marker for (none: left unset), and where its value comes from. */
function defaultField(info: FieldInfo, settings: PlanSettings): { planned?: PlannedField; source: FieldSource } {
  if (info.managed) return { source: unset('set by the database or the ORM') };
  if (info.hasDefault && settings.useDefaults) return { source: unset('left to its default (useDefaults)') };
  // Adapter relations; a class-typed field of a plain model is built by its generator (or a provider).
  const relation = info.relation;
  if (relation?.cardinality === 'many') return { source: unset('a collection: starts empty') };
  const built: FieldSource = { from: 'relation', generator: `built by the factory of ${relation?.target.name}` };
  if (relation && !relation.required) {
    const build = relatedStep(info, relation, {});
    const alternatives: CoverageAlternative[] = [{ value: undefined }, { step: build }];
    if (settings.optionalRelations === 'null') {
      return { planned: { name: info.name, step: { kind: 'ignore' }, alternatives }, source: unset("an optional reference (optionalRelations: 'null')") };
    }
    return { planned: { name: info.name, step: build, alternatives }, source: built };
  }
  if (relation) return { planned: { name: info.name, step: relatedStep(info, relation, {}) }, source: built };
  const { generate, unique, source } = valueGenerator(info, settings);
  const set: FieldStep = { kind: 'generate', generate };
  const choices = info.enum ? enumValues(info.enum) : info.type === Boolean ? [true, false] : undefined;
  const setAlternatives: CoverageAlternative[] = choices ? choices.map((value) => ({ value })) : [{ step: set }];
  if (info.nullable) {
    const step: FieldStep = settings.allowNullOptionals ? { kind: 'generate', generate: nullable(generate) } : set;
    return { planned: { name: info.name, step, unique, alternatives: [{ value: null }, ...setAlternatives] }, source };
  }
  return { planned: { name: info.name, step: set, unique, alternatives: choices ? setAlternatives : undefined }, source };
}

const markerNames: Record<string, string> = {
  use: '@Use(...)',
  sequence: '@Sequence(...)',
  post: '@PostGenerated(...)',
  lazy: '@Lazy(...)',
  require: '@Require(): the caller must pass it',
  ignore: '@Ignore(): left unset',
  related: '@Related(...)',
};

function markedField(info: FieldInfo, settings: PlanSettings): PlannedField {
  const marker = info.declaration!.marker!;
  const name = info.name;
  switch (marker.kind) {
    case 'use': {
      const generate: ValueGenerator = () => marker.fn(...marker.args);
      const unique = uniqueFor(info, settings, generate, true);
      return { name, step: { kind: 'generate', generate: unique?.generate ?? generate }, unique };
    }
    case 'sequence':
      return { name, step: { kind: 'generate', generate: (ctx) => marker.fn(ctx.sequence) } };
    case 'post':
      return { name, step: { kind: 'post', generate: (_ctx, values) => marker.fn(name, values, ...marker.args) } };
    case 'lazy':
      return {
        name,
        step: {
          kind: 'post',
          generate: (ctx, values) =>
            marker.fn({ values, transient: ctx.transient, sequence: ctx.sequence, index: ctx.index, faker: ctx.faker }),
        },
      };
    case 'require':
    case 'ignore':
      return { name, step: { kind: marker.kind } };
    case 'related': {
      const relation = relationOf(info);
      const step: FieldStep = relation
        ? relatedStep(info, relation, marker.options)
        : { kind: 'generate', generate: fail(settings, name, '@Related needs a relation or a class-typed field') };
      return { name, step };
    }
  }
}

export function planBuild(inspected: ModelFields, settings: PlanSettings): BuildPlan {
  const plan = { fields: [] as PlannedField[], postGenerated: [] as PlannedField[], attached: [] as PlannedField[] };
  const relations = new Map<string, PlannedRelation>();
  const sources = new Map<string, FieldSource>();
  for (const info of inspected.fields) {
    const marker = info.declaration?.marker;
    let planned: PlannedField | undefined;
    if (marker) {
      planned = markedField(info, settings);
      sources.set(info.name, { from: 'decorator', generator: markerNames[marker.kind]!, unique: planned.unique?.describe });
    } else {
      const found = defaultField(info, settings);
      planned = found.planned;
      sources.set(info.name, found.source);
    }
    const relation = relationOf(info);
    if (relation) {
      const factory = marker?.kind === 'related' ? marker.options.factory?.() : undefined;
      const one = (ctx: GenerationContext, extra?: Record<string, unknown>) =>
        ctx.buildNested(relation.target, info.name, { factory, overrides: extra, explicit: true });
      const attach = relation.cardinality === 'many' && info.relation ? collectionStep(info.name, relation, () => [], one) : undefined;
      relations.set(info.name, { relation, factory, attach });
    }
    if (!planned) continue;
    const { step } = planned;
    const bucket = step.kind === 'post' ? plan.postGenerated : step.kind === 'attach' ? plan.attached : plan.fields;
    bucket.push(planned);
  }
  const primaryKeys = inspected.fields.filter((f) => f.primaryKey).map((f) => ({ name: f.name, values: f.primaryKey! }));
  return { ...plan, relations, names: new Set(inspected.fields.map((f) => f.name)), complete: inspected.complete, sources, primaryKeys };
}
