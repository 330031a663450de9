import { readOverrides } from './arguments.js';
import { isPartial, type PlannedRelation } from './build-plan.js';
import type { BuildContext } from './build-context.js';

/** Whether a value is a partial (a plain object); a value that cannot even be inspected is not. */
function isInspectablePartial(value: unknown): value is Record<string, unknown> {
  try {
    return isPartial(value);
  } catch {
    return false; // a Proxy whose getPrototypeOf trap throws: kept as it is
  }
}

/**
 * A copy of arrays and plain objects, deep; anything else (instances, dates, entities) as it is.
 * A structure that contains itself is copied with the same shape (no endless recursion).
 */
export function copyData<V>(value: V, copies = new Map<object, unknown>()): V {
  if (!Array.isArray(value) && !isInspectablePartial(value)) return value;
  const done = copies.get(value as object);
  if (done !== undefined) return done as V;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    copies.set(value, copy);
    value.forEach((item, index) => (copy[index] = copyData(item, copies))); // holes stay holes
    return copy as V;
  }
  const copy: Record<string, unknown> = Object.getPrototypeOf(value) === null ? Object.create(null) : {};
  copies.set(value as object, copy);
  // Own data properties, set as such: a key like '__proto__' stays data, never a prototype.
  for (const [key, item] of Object.entries(value as object)) {
    Object.defineProperty(copy, key, { value: copyData(item, copies), enumerable: true, writable: true, configurable: true });
  }
  return copy as V;
}

/** A partial given for a relation, read once and refused when it holds a prototype key or cannot be read. */
function checkedPartial(factory: string, field: string, partial: unknown): Record<string, unknown> {
  return readOverrides(factory, undefined, partial, `the nested overrides of '${field}'`);
}

/**
 * Overrides of relation fields given as plain objects build the related instance with them (a
 * list builds one per element); an ORM collection's are kept for after the instance exists.
 */
export function resolveNestedOverrides(
  owner: string,
  relations: ReadonlyMap<string, PlannedRelation>,
  overrides: Record<string, unknown>,
  ctx: BuildContext,
  attachLater: Map<string, Record<string, unknown>[]>,
): Record<string, unknown> {
  let resolved = overrides;
  for (const [name, value] of Object.entries(overrides)) {
    const planned = relations.get(name);
    if (!planned) continue;
    const { relation, factory, attach } = planned;
    ctx.field = name;
    if (relation.cardinality === 'one' && isInspectablePartial(value)) {
      const overrides = checkedPartial(owner, name, value);
      resolved = { ...resolved, [name]: ctx.buildNested(relation.target, name, { factory, overrides, explicit: true }) };
    } else if (relation.cardinality === 'many' && Array.isArray(value) && value.some(isInspectablePartial)) {
      const items = value.map((item) => (isInspectablePartial(item) ? checkedPartial(owner, name, item) : item));
      if (attach) {
        attachLater.set(name, items as Record<string, unknown>[]);
        const { [name]: _deferred, ...rest } = resolved;
        resolved = rest;
      } else {
        const build = (item: Record<string, unknown>) => ctx.buildNested(relation.target, name, { factory, overrides: item, explicit: true });
        resolved = { ...resolved, [name]: items.map((item) => (isInspectablePartial(item) ? build(item) : item)) };
      }
    }
  }
  return resolved;
}
