import type { FieldValues } from '../types.js';

/** Makes the record an instance's field values are collected in. */
export type NewFieldValues = () => FieldValues;

/**
 * A record that inherits nothing (no `toString`, no `__proto__` accessor: every key is an own data
 * property) but, unlike `Object.create(null)`, starts in V8's fast mode: a null-prototype object
 * is a dictionary, and copying one into an instance cost about as much as all the rest of a plain
 * build's own work (100,000 plain objects: ~90 ms of ~300). Its prototype is a frozen empty object
 * with no prototype, so it is not `null`: only for values no code outside the runner sees.
 */
function InternalRecord(): void {}
InternalRecord.prototype = Object.freeze(Object.create(null));

const internalRecord: NewFieldValues = () => new (InternalRecord as unknown as new () => FieldValues)();
/** A record without a prototype: for values handed to a `construct` option, an adapter or a `@PostGenerated`/`@Lazy` function. */
const bareRecord: NewFieldValues = () => Object.create(null) as FieldValues;

/** The record maker for a model: the fast one only when the values never leave the runner (copied into an instance by it). */
export function fieldRecordFor(valuesLeaveRunner: boolean): NewFieldValues {
  return valuesLeaveRunner ? bareRecord : internalRecord;
}
