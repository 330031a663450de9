import { isPartial, type PlannedRelation } from './build-plan.js';
import type { BuildContext } from './build-context.js';

/** A copy of arrays and plain objects, deep; anything else (instances, dates, entities) as it is. */
export function copyData<V>(value: V): V {
  if (Array.isArray(value)) return value.map(copyData) as V;
  if (isPartial(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyData(v)])) as V;
  return value;
}

/**
 * Overrides of relation fields given as plain objects build the related instance with them (a
 * list builds one per element); an ORM collection's are kept for after the instance exists.
 */
export function resolveNestedOverrides(
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
    if (relation.cardinality === 'one' && isPartial(value)) {
      resolved = { ...resolved, [name]: ctx.buildNested(relation.target, name, { factory, overrides: value, explicit: true }) };
    } else if (relation.cardinality === 'many' && Array.isArray(value) && value.some(isPartial)) {
      if (attach) {
        attachLater.set(name, value);
        const { [name]: _deferred, ...rest } = resolved;
        resolved = rest;
      } else {
        const build = (item: Record<string, unknown>) => ctx.buildNested(relation.target, name, { factory, overrides: item, explicit: true });
        resolved = { ...resolved, [name]: value.map((item) => (isPartial(item) ? build(item) : item)) };
      }
    }
  }
  return resolved;
}
