import { ParameterException } from '../errors.js';
import type { ModelVariants } from '../inspect/model-adapter.js';
import type { BuildPlan } from './build-plan.js';
import type { NewFieldValues } from './field-record.js';
import type { Instantiate } from './instantiate.js';

/** How a runner builds instances of one class: its plan, and how instances are made. */
export interface PreparedModel<T> {
  plan: BuildPlan;
  instantiate: Instantiate<T>;
  /** Makes the record each instance's values are collected in. */
  newValues: NewFieldValues;
}

/** A model of several concrete classes (a single-table inheritance root): the field that decides, each class's own preparation. */
export interface PreparedVariants<T> {
  field: string;
  choices: ({ value: unknown } & PreparedModel<T>)[];
}

/** Prepares every concrete class of a model; the model itself (a concrete root) reuses its own preparation. */
export function prepareVariants<T>(
  variants: ModelVariants | undefined,
  model: Function | undefined,
  own: PreparedModel<T>,
  prepare: (model: Function) => PreparedModel<T>,
): PreparedVariants<T> | undefined {
  if (!variants || variants.choices.length === 0) return undefined;
  return { field: variants.field, choices: variants.choices.map(({ value, model: cls }) => ({ value, ...(cls === model ? own : prepare(cls)) })) };
}

/**
 * Picks the concrete class of each instance: the one its discriminator override names, else the
 * next in turn among the classes that have every overridden property, so every concrete class of
 * the model comes up in the order of its map.
 */
export class VariantTurn {
  private next = 0;

  pick<T>(factory: string, model: string, variants: PreparedVariants<T>, overrides: Record<string, unknown>): PreparedModel<T> {
    if (Object.hasOwn(overrides, variants.field)) {
      const given = overrides[variants.field];
      const chosen = variants.choices.find((choice) => choice.value === given || String(choice.value) === String(given));
      if (!chosen) throw ParameterException.unknownVariant(factory, model, variants.field, given, variants.choices.map((c) => c.value));
      return chosen;
    }
    // Overrides of one subclass's own columns choose among the classes that have them all.
    const keys = Object.keys(overrides);
    const fitting = variants.choices.filter((choice) => keys.every((key) => choice.plan.names.has(key)));
    if (fitting.length === 0) throw ParameterException.noVariantHas(factory, model, keys, variants.field);
    return fitting[this.next++ % fitting.length]!;
  }

  restart(): void {
    this.next = 0;
  }
}
