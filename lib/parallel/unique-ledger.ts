import { ParallelSeedException } from '../errors.js';
import { uniqueFallbacks } from '../generators/unique-fallbacks.js';
import type { ColumnReplacements, ColumnValues } from './messages.js';

/** A value's identity in its column, as the unique generators compare values. */
export function identityOf(value: unknown): string {
  if (value instanceof Date) return `d${value.getTime()}`;
  if (typeof value === 'object' && value !== null) return `o${JSON.stringify(value)}`;
  return `${typeof value}:${String(value)}`;
}

/**
 * Two 32-bit FNV-1a variants folded into a 53-bit number: a Set of them holds a million values in
 * tens of megabytes, and two distinct values share one about once in 10^9 runs of a million rows
 * (they would only be replaced, never repeated).
 */
function fingerprint(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

interface ColumnLedger {
  seen: Set<number>;
  /** The largest integer or date (ms) taken: replacements count up from it. */
  max?: number;
  /** Where a string fallback continues once small numbers keep colliding. */
  next: number;
}

/** How many small numbers a string fallback tries before it continues from the column's counter. */
const smallNumbers = 20;
const maxTries = 1_000;

/**
 * The coordinator's record of every unique value a parallel seed wrote, per column. Blocks are
 * decided one after another in block order, so which values are replaced (and by what) depends on
 * the blocks alone, never on how many workers built them or which finished first.
 */
export class UniqueLedger {
  private readonly columns = new Map<string, ColumnLedger>();
  /** How many generated values were replaced so far. */
  replaced = 0;

  /** Takes one block's values; returns the generated ones that repeat an earlier block's, with their replacements. */
  decide(block: number, columns: readonly ColumnValues[]): ColumnReplacements[] {
    const decisions: ColumnReplacements[] = [];
    for (const column of columns) {
      const ledger = this.ledgerOf(column.id);
      const pairs: [unknown, unknown][] = [];
      column.values.forEach((value, index) => {
        if (this.take(ledger, value) || column.given[index]) return;
        const replacement = this.replacement(ledger, column, block, value);
        this.take(ledger, replacement);
        pairs.push([value, replacement]);
      });
      if (pairs.length > 0) {
        this.replaced += pairs.length;
        decisions.push({ id: column.id, pairs });
      }
    }
    return decisions;
  }

  private ledgerOf(id: string): ColumnLedger {
    let ledger = this.columns.get(id);
    if (!ledger) this.columns.set(id, (ledger = { seen: new Set(), next: 2 }));
    return ledger;
  }

  /** Records a value; false when the column already has it. */
  private take(ledger: ColumnLedger, value: unknown): boolean {
    const key = fingerprint(identityOf(value));
    if (ledger.seen.has(key)) return false;
    ledger.seen.add(key);
    const n = value instanceof Date ? value.getTime() : typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
    if (n !== undefined && (ledger.max === undefined || n > ledger.max)) ledger.max = n;
    return true;
  }

  private has(ledger: ColumnLedger, value: unknown): boolean {
    return ledger.seen.has(fingerprint(identityOf(value)));
  }

  /** What a value repeated across blocks becomes: the column's own fallback, as a single process would make it distinct. */
  private replacement(ledger: ColumnLedger, column: ColumnValues, block: number, value: unknown): unknown {
    const { strategy } = column;
    const repeats = () => ParallelSeedException.uniqueRepeats(column.factory, column.label, block, value, strategy.kind);
    if (strategy.kind === 'integer' || strategy.kind === 'date') {
      const step = strategy.kind === 'date' ? 1000 : 1;
      const limit = strategy.kind === 'integer' ? (strategy.maxInteger ?? Number.MAX_SAFE_INTEGER) : 8.64e15;
      let candidate = ledger.max === undefined ? 0 : strategy.kind === 'date' ? Math.floor(ledger.max / 1000) * 1000 + step : ledger.max + step;
      const wrap = (n: number) => (strategy.kind === 'date' ? new Date(n) : n);
      while (candidate <= limit && this.has(ledger, wrap(candidate))) candidate += step;
      if (candidate > limit) throw repeats();
      return wrap(candidate);
    }
    if (strategy.kind !== 'string' || strategy.fallback === 'redraw') throw repeats();
    const distinguish = uniqueFallbacks[strategy.fallback];
    for (let tries = 0, n = 2; tries < maxTries; tries++, n++) {
      if (tries === smallNumbers) n = Math.max(n, ledger.next);
      const candidate = distinguish(String(value), n, strategy.maxLength ?? Number.POSITIVE_INFINITY);
      if (candidate === undefined) break;
      if (tries >= smallNumbers) ledger.next = n + 1;
      if (!this.has(ledger, candidate)) return candidate;
    }
    throw repeats();
  }
}
