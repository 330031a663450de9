import type { UniqueColumn, UniqueObserver, UniqueStrategy } from '../generators/unique-values.js';
import { identityOf } from './unique-ledger.js';
import type { ColumnReplacements, ColumnValues } from './messages.js';

interface Column {
  owner: Function | string;
  field: string;
  values: ColumnValues;
}

/**
 * A worker's view of one block's unique values: what the block's build took, per column (sent to
 * the coordinator), and, once the coordinator decided, the repeated ones replaced in the built
 * instances before they are written.
 */
export class BlockUniques {
  private readonly columns = new Map<string, Column>();

  readonly observe: UniqueObserver = (column: UniqueColumn, strategy: UniqueStrategy, value: unknown, given: boolean) => {
    const id = `${typeof column.owner === 'function' ? column.owner.name : column.owner}\u0000${column.key}`;
    let entry = this.columns.get(id);
    if (!entry) {
      const values: ColumnValues = { id, factory: column.factory, label: column.label, strategy, values: [], given: [] };
      this.columns.set(id, (entry = { owner: column.owner, field: column.field ?? column.key, values }));
    }
    entry.values.values.push(value);
    entry.values.given.push(given);
  };

  values(): ColumnValues[] {
    return [...this.columns.values()].map((column) => column.values);
  }

  /**
   * Puts each replacement where its value went: the field of every instance of the column's model
   * reachable from the block's instances (through relations, collections and references).
   */
  apply(roots: readonly object[], replacements: readonly ColumnReplacements[]): void {
    if (replacements.length === 0) return;
    const byOwner = new Map<Function | string, { field: string; pairs: Map<string, unknown> }[]>();
    for (const { id, pairs } of replacements) {
      const column = this.columns.get(id)!;
      const list = byOwner.get(column.owner) ?? [];
      list.push({ field: column.field, pairs: new Map(pairs.map(([from, to]) => [identityOf(from), to])) });
      byOwner.set(column.owner, list);
    }
    const plainOwners = [...byOwner.keys()].filter((owner) => typeof owner === 'string');
    for (const instance of reachable(roots)) {
      const columns = [...byOwner].filter(([owner]) => typeof owner === 'function' && instance instanceof owner).flatMap(([, list]) => list);
      // A plain-object factory's values can only be told apart by field: its instances have no class.
      if (Object.getPrototypeOf(instance) === Object.prototype) for (const owner of plainOwners) columns.push(...byOwner.get(owner)!);
      for (const { field, pairs } of columns) {
        const record = instance as Record<string, unknown>;
        const key = identityOf(record[field]);
        if (pairs.has(key)) record[field] = pairs.get(key);
      }
    }
  }
}

const opaque = [Date, Map, Set, WeakMap, WeakSet, Promise, RegExp, ArrayBuffer];

/** Every object reachable from the roots through own enumerable properties, arrays, collections and references. */
function* reachable(roots: readonly object[]): Generator<object> {
  const seen = new Set<object>();
  const stack: unknown[] = [...roots];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (ArrayBuffer.isView(value) || opaque.some((type) => value instanceof type)) continue;
    if (Array.isArray(value)) {
      stack.push(...value);
      continue;
    }
    const candidate = value as { getItems?: (check?: boolean) => unknown[]; isInitialized?: () => boolean; unwrap?: () => unknown; getUnitOfWork?: unknown };
    if (typeof candidate.getUnitOfWork === 'function') continue; // an EntityManager: not the block's data
    if (typeof candidate.getItems === 'function') {
      if (candidate.isInitialized?.() !== false) stack.push(...candidate.getItems(false));
      continue;
    }
    if (typeof candidate.unwrap === 'function') {
      stack.push(candidate.unwrap());
      continue;
    }
    yield value;
    for (const key of Object.keys(value)) stack.push((value as Record<string, unknown>)[key]);
  }
}
