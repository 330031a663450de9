import { FactoryException, ParameterException } from '../errors.js';
import type { BuildPlan } from './build-plan.js';

/**
 * The most instances one call builds in memory. Far beyond what a test needs, far below what
 * exhausts memory or JavaScript's array length (2**32 - 1): larger seeds are split into calls.
 */
export const maxBatchSize = 1_000_000;

/** Keys that would change a built object's prototype (or Object.prototype) if set: never taken from input. */
const reservedKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Checks a batch size: a whole number, zero or more, at most `maxBatchSize`. */
export function checkSize(factory: string, method: string, size: unknown): number {
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) {
    throw ParameterException.invalidSize(factory, method, size);
  }
  if (size > maxBatchSize) throw ParameterException.batchTooLarge(factory, method, size, maxBatchSize);
  return size;
}

/** Built-in objects that hold their data internally: as overrides, their (absent) own keys would silently say nothing. */
function isOpaqueBuiltIn(value: object): boolean {
  return (
    value instanceof Map ||
    value instanceof Set ||
    value instanceof WeakMap ||
    value instanceof WeakSet ||
    value instanceof Date ||
    value instanceof RegExp ||
    value instanceof Promise ||
    value instanceof Number ||
    value instanceof String ||
    value instanceof Boolean ||
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer
  );
}

/**
 * The own enumerable string-keyed values of an overrides object, read once into a record without
 * a prototype. Refuses what is not an object of field values, the keys `__proto__`, `constructor`
 * and `prototype`, symbol keys (no field has one: they would be dropped silently), and objects that
 * cannot be read (a getter or a Proxy trap that throws).
 */
export function readOverrides(factory: string, method: string | undefined, overrides: unknown, where = 'the overrides'): Record<string, unknown> {
  const at = method ? `${factory}.${method}` : factory;
  try {
    if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides) || isOpaqueBuiltIn(overrides)) {
      throw where === 'the overrides'
        ? ParameterException.invalidOverrides(factory, method ?? 'build', overrides)
        : ParameterException.invalidArgument(at, `${where} as a plain object`, overrides);
    }
    const symbol = Object.getOwnPropertySymbols(overrides).find((key) => Object.prototype.propertyIsEnumerable.call(overrides, key));
    if (symbol) throw ParameterException.symbolKey(at, symbol, where);
    const read: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(overrides)) {
      if (reservedKeys.has(key)) throw ParameterException.reservedKey(at, key, where);
      read[key] = (overrides as Record<string, unknown>)[key];
    }
    return read;
  } catch (error) {
    throw error instanceof FactoryException ? error : ParameterException.unreadableOverrides(at, where, error);
  }
}

/** Checks an overrides argument against the plan; returns its values as a record (empty when omitted). */
export function checkOverrides(
  factory: string,
  model: string | undefined,
  method: string,
  plan: BuildPlan,
  overrides: unknown,
  where?: string,
): Record<string, unknown> {
  if (overrides === undefined) return {};
  const read = readOverrides(factory, method, overrides, where);
  if (plan.complete) {
    const unknown = Object.keys(read).filter((key) => !plan.names.has(key));
    if (unknown.length > 0) throw ParameterException.unknownOverride(factory, model, unknown, [...plan.names]);
  }
  return read;
}

/** Refuses a key that would change a prototype, in field values about to be set on an instance. */
export function refuseReservedKeys(factory: string, values: object, where: string): void {
  for (const key of reservedKeys) if (Object.hasOwn(values, key)) throw ParameterException.reservedKey(factory, key, where);
}
