import { ParameterException } from '../errors.js';
import type { BuildPlan } from './build-plan.js';

/** Checks a batch size: a whole number, zero or more. */
export function checkSize(factory: string, method: string, size: unknown): number {
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) {
    throw ParameterException.invalidSize(factory, method, size);
  }
  return size;
}

/** Checks an overrides argument against the plan; returns it as a record (empty when omitted). */
export function checkOverrides(
  factory: string,
  model: string | undefined,
  method: string,
  plan: BuildPlan,
  overrides: unknown,
): Record<string, unknown> {
  if (overrides === undefined) return {};
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    throw ParameterException.invalidOverrides(factory, method, overrides);
  }
  if (plan.complete) {
    const unknown = Object.keys(overrides).filter((key) => !plan.names.has(key));
    if (unknown.length > 0) throw ParameterException.unknownOverride(factory, model, unknown, [...plan.names]);
  }
  return overrides as Record<string, unknown>;
}
