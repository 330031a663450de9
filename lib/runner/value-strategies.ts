import { ConfigurationException } from '../errors.js';
import type { ValueGenerator } from '../generators/design-type.js';
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
 * kept within the column's range.
 */
export function hintedColumn(info: FieldInfo, generate: ValueGenerator, model: string | undefined): ValueGenerator {
  const known = sourceOf(generate)?.hint;
  if (known && model && (info.type === String || info.type === Number || info.type === Date)) {
    const withModel = hintedGenerator(info.name, known.kind, false, model);
    return sourceOf(withModel)!.hint!.describe !== known.describe ? withModel : generate;
  }
  if (info.type !== Number || info.maxInteger === undefined || sourceOf(generate)) return generate;
  const hinted = hintedGenerator(info.name, 'number', true);
  const source = sourceOf(hinted)!;
  if (source.from !== 'hint') return generate;
  const max = info.maxInteger;
  return withSource((ctx) => Math.min(hinted(ctx) as number, max), source);
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
  };
  return uniqueGenerator(column, generate, strategyOf(info, generate, fromUse));
}
