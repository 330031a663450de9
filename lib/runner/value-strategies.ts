/** How a field that no decorator describes gets its values: provider, enum, hint or type, fitted to its column, kept unique. */
import { ConfigurationException } from '../errors.js';
import { enumGenerator, generatorForType, isNestedClass, Unresolvable, type ValueGenerator } from '../generators/design-type.js';
import { enumValues } from '../generators/enum-values.js';
import { findProvider, type Provider, type ProviderKey } from '../generators/providers.js';
import { fitToLength } from '../generators/fit-length.js';
import { hintedGenerator, sourceOf, withSource } from '../generators/generator-sources.js';
import { uniqueGenerator, type UniqueGenerator, type UniqueStrategy } from '../generators/unique-values.js';
import type { FieldInfo } from '../inspect/model-fields.js';

/** Who the plan is for: names for messages, and the model whose unique columns the factory shares. */
export interface StrategySettings {
  factory: string;
  model: string | undefined;
  /** The model class (unique state belongs to it); undefined for a factory of plain objects. */
  modelClass?: Function;
}

function labelOf(info: FieldInfo, settings: StrategySettings): string {
  return `${settings.model ?? settings.factory}.${info.name}`;
}

/**
 * The hint of a hinted field chosen again with the model's name (`Company.name`, `Book.title`); an
 * ORM integer column's generator replaced by a whole-number hint its name matches (`age`, `rating`),
 * kept within the column's range; an ORM datetime column's by a date hint (`createdAt`, `expiresAt`).
 */
export function hintedColumn(info: FieldInfo, generate: ValueGenerator, model: string | undefined): ValueGenerator {
  const known = sourceOf(generate)?.hint;
  if (known && model && (info.type === String || info.type === Number || info.type === Date)) {
    const withModel = hintedGenerator(info.name, known.kind, false, model);
    return sourceOf(withModel)!.hint!.describe !== known.describe ? withModel : generate;
  }
  if (sourceOf(generate)) return generate;
  const dateTimeColumns = ['datetime', 'timestamp', 'timestamptz', 'datetimetz'];
  if (info.providerKeys?.some((key) => typeof key === 'string' && dateTimeColumns.includes(key))) return hintedDateTime(info, generate, model);
  if (info.type !== Number || info.maxInteger === undefined) return generate;
  const hinted = hintedGenerator(info.name, 'number', true);
  const source = sourceOf(hinted)!;
  if (source.from !== 'hint') return generate;
  const max = info.maxInteger;
  return withSource((ctx) => Math.min(hinted(ctx) as number, max), source);
}

/** A datetime column whose name has a date hint (`createdAt`, `expiresAt`, `birthDate`) takes it, at whole seconds. */
function hintedDateTime(info: FieldInfo, generate: ValueGenerator, model: string | undefined): ValueGenerator {
  const hinted = hintedGenerator(info.name, 'date', false, model);
  const source = sourceOf(hinted)!;
  if (source.from !== 'hint') return generate;
  return withSource((ctx) => new Date(Math.floor((hinted(ctx) as Date).getTime() / 1000) * 1000), source);
}

/** A string generator kept within the column's length: prose trimmed at a word, a format redrawn or refused. */
export function fittedToColumn(info: FieldInfo, settings: StrategySettings, generate: ValueGenerator): ValueGenerator {
  if (info.type !== String || info.maxLength === undefined) return generate;
  const source = sourceOf(generate);
  const hint = source?.hint;
  const maxLength = info.maxLength;
  const fitted = fitToLength(generate, maxLength, {
    prose: hint?.prose,
    words: hint?.unique === 'words',
    shorter: hint?.shorter,
    cannotFit: (example) => {
      throw ConfigurationException.valueDoesNotFit(settings.factory, labelOf(info, settings), maxLength, hint?.describe ?? 'its generator', example);
    },
  });
  return source ? withSource(fitted, source) : fitted;
}

function strategyOf(info: FieldInfo, generate: ValueGenerator, fromUse: boolean): UniqueStrategy {
  if (fromUse) return { kind: 'use' };
  if (info.enum) return { kind: 'redraw' };
  const hint = sourceOf(generate)?.hint;
  if (info.type === String) return { kind: 'string', fallback: hint?.unique ?? 'redraw', maxLength: info.maxLength };
  if (info.type === Number && (info.maxInteger !== undefined || hint?.integer)) return { kind: 'integer', maxInteger: info.maxInteger };
  if (info.type === Date) return { kind: 'date' };
  return { kind: 'redraw' };
}

/** The field's unique generator when the field is unique (its state shared by every factory of the model). */
export function uniqueFor(info: FieldInfo, settings: StrategySettings, generate: ValueGenerator, fromUse = false): UniqueGenerator | undefined {
  if (!info.unique) return undefined;
  const column = {
    owner: settings.modelClass ?? settings.factory,
    key: info.uniqueKey ?? info.name,
    factory: settings.factory,
    label: labelOf(info, settings),
    field: info.name,
  };
  return uniqueGenerator(column, generate, strategyOf(info, generate, fromUse));
}

/** Where a field's value comes from when the caller does not override it: what `explain()` reports. */
export interface FieldSource {
  from: 'decorator' | 'provider' | 'hint' | 'type' | 'column type' | 'enum' | 'relation' | 'unset';
  /** The generator (or marker) used, or why the field is left unset. */
  generator: string;
  /** How the values of a unique field are kept distinct. */
  unique?: string;
}

export function fail(settings: StrategySettings, field: string, reason: string): ValueGenerator {
  return () => {
    throw ConfigurationException.cannotInfer(settings.factory, settings.model, field, reason);
  };
}

function providerKeysOf(info: FieldInfo): ProviderKey[] {
  return [info.type, ...(info.providerKeys ?? [])].filter((key): key is ProviderKey => key !== undefined);
}

export interface Generated {
  generate: ValueGenerator;
  unique?: UniqueGenerator;
  source: FieldSource;
}

function keyName(key: ProviderKey): string {
  return typeof key === 'string' ? `'${key}'` : key.name;
}

/** The generator for a field nothing on the factory describes: a provider, an enum, the adapter's or its type's. Never null. */
export function valueGenerator(info: FieldInfo, settings: StrategySettings & { providers?: ReadonlyMap<ProviderKey, Provider> }): Generated {
  let generate: ValueGenerator;
  let source: FieldSource;
  const keys = providerKeysOf(info);
  const provider = findProvider(keys, settings.providers);
  if (provider) {
    generate = (ctx) => provider({ faker: ctx.faker, field: info.name });
    source = { from: 'provider', generator: `provider for ${keys.map(keyName).join(' / ')}` };
  } else if (info.enum) {
    generate = enumGenerator(info.enum);
    source = { from: 'enum', generator: `one of ${enumValues(info.enum).map((v) => JSON.stringify(v)).join(', ')}` };
  } else {
    const found = info.generator ?? generatorForType(info.name, info.type, info.items);
    generate = found instanceof Unresolvable ? fail(settings, info.name, found.reason) : hintedColumn(info, found, settings.model);
    const known = sourceOf(generate);
    const column = info.providerKeys?.find((k): k is string => typeof k === 'string');
    if (found instanceof Unresolvable) source = { from: 'unset', generator: `cannot be generated: ${found.reason}` };
    else if (known) source = { from: known.from === 'type' && info.generator ? 'column type' : known.from, generator: known.generator };
    else if (info.generator) source = { from: 'column type', generator: `the ${column ?? 'column'} generator` };
    else if (info.type && isNestedClass(info.type)) source = { from: 'relation', generator: `built by the factory of ${info.type.name}` };
    else source = { from: 'type', generator: info.type?.name ?? 'unknown' };
  }
  generate = fittedToColumn(info, settings, generate);
  if (info.maxLength !== undefined && info.type === String) source.generator += `, fitted to ${info.maxLength} characters`;
  const unique = uniqueFor(info, settings, generate);
  return { generate: unique?.generate ?? generate, unique, source: { ...source, unique: unique?.describe } };
}
