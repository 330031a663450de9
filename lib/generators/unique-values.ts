import { ConfigurationException } from '../errors.js';
import type { GenerationContext, ValueGenerator } from './design-type.js';
import type { UniqueFallback } from './hint-table.js';
import { SeenValues } from './seen-values.js';
import { uniqueFallbacks } from './unique-fallbacks.js';

/**
 * How a unique field's values are kept distinct once redraws keep giving used ones: strings by
 * their format's fallback, integers and dates by counting up from the largest value seen, other
 * values and `@Use` values only ever by a redraw.
 */
export type UniqueStrategy =
  | { kind: 'string'; fallback: UniqueFallback; maxLength?: number }
  | { kind: 'integer'; maxInteger?: number }
  | { kind: 'date' }
  | { kind: 'redraw' }
  | { kind: 'use' };

/** The unique column a generator serves: its state is shared by every factory of the model. */
export interface UniqueColumn {
  /** The model class; the factory's name for a factory of plain objects. */
  owner: Function | string;
  /** The field, or `(a, b)` for a composite `@Unique`. */
  key: string;
  /** The factory asking, for messages. */
  factory: string;
  /** `Model.field`, for messages. */
  label: string;
  /** The field the values go to (for a composite `@Unique`, the member that is generated). */
  field?: string;
}

/** Told of every value a unique column takes (generated, or given as an override): how a parallel seed keeps blocks apart. */
export type UniqueObserver = (column: UniqueColumn, strategy: UniqueStrategy, value: unknown, given: boolean) => void;
let observer: UniqueObserver | undefined;

/** Sets (or, with undefined, removes) the one observer of unique values. */
export function observeUniqueValues(next: UniqueObserver | undefined): void {
  observer = next;
}

export interface UniqueGenerator {
  generate: ValueGenerator;
  /** Takes a value given as an override, so no later generated value repeats it. */
  record(value: unknown): void;
  /** What explain() says of the strategy. */
  describe: string;
}

interface UniqueState {
  seen: SeenValues;
  /** The largest integer or date (as ms) taken: counting continues above it. */
  max?: number;
  /** The next number a string fallback appends once the column's memory is full. */
  next: number;
}

/** The most values remembered per unique column (4-8 MB); see the README on what happens then. */
export const uniqueMemory = 1 << 20;
const stringRedraws = 10;
const maxRedraws = 100;
const states = new Map<Function | string, Map<string, UniqueState>>();

function stateOf(column: UniqueColumn, memory: number): UniqueState {
  let columns = states.get(column.owner);
  if (!columns) states.set(column.owner, (columns = new Map()));
  let state = columns.get(column.key);
  if (!state) columns.set(column.key, (state = { seen: new SeenValues(memory), next: 2 }));
  return state;
}

/**
 * Forgets the values taken so far: of every unique column of one model (its class, or its name),
 * or of all. `seedAll()` and a factory's `seed()` call it too.
 */
export function resetUniqueValues(model?: Function | string): void {
  if (model === undefined) states.clear();
  else for (const owner of [...states.keys()]) if (owner === model || (typeof owner === 'function' && owner.name === model)) states.delete(owner);
}

function identityOf(value: unknown): string {
  if (value instanceof Date) return `d${value.getTime()}`;
  if (typeof value === 'object' && value !== null) return `o${JSON.stringify(value)}`;
  return `${typeof value}:${String(value)}`;
}

function ordered(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
}

function take(state: UniqueState, value: unknown): void {
  state.seen.add(identityOf(value));
  const n = ordered(value);
  if (n !== undefined && (state.max === undefined || n > state.max)) state.max = n;
}

const describeStrategy: Record<UniqueStrategy['kind'], (s: UniqueStrategy) => string> = {
  string: (s) => (s.kind === 'string' && s.fallback !== 'redraw' ? `redraw, then the '${s.fallback}' fallback` : 'redraw only'),
  integer: () => 'redraw, then count up from the largest value taken',
  date: () => 'redraw, then count up by a second from the latest date taken',
  redraw: () => 'redraw only',
  use: () => 'redraw only (a @Use value is never altered)',
};

/**
 * Wraps a generator so that its values never repeat in a unique column (shared by every factory of
 * the model, until `resetUniqueValues()`): a new value is kept as generated, a used one redrawn;
 * only when redraws keep colliding does the strategy's fallback make one distinct.
 */
export function uniqueGenerator(column: UniqueColumn, generate: ValueGenerator, strategy: UniqueStrategy, memory = uniqueMemory): UniqueGenerator {
  const exhausted = (state: UniqueState) => ConfigurationException.uniqueExhausted(column.factory, column.label, state.seen.size);
  const next = (ctx: GenerationContext, state: UniqueState): unknown => {
    const monotonic = strategy.kind === 'integer' || strategy.kind === 'date';
    const redraws = strategy.kind === 'string' && strategy.fallback !== 'redraw' ? stringRedraws : monotonic ? stringRedraws : maxRedraws;
    let value: unknown;
    // Once the column's memory is full only fallbacks that are distinct by construction are used.
    for (let attempt = 0; attempt < redraws && !state.seen.full; attempt++) {
      value = generate(ctx);
      if (!state.seen.has(identityOf(value))) return value;
    }
    if (monotonic) return countUp(state, strategy, exhausted);
    if (strategy.kind === 'string' && strategy.fallback !== 'redraw') {
      value = state.seen.full ? generate(ctx) : value;
      return distinguish(String(value), state, strategy.fallback, strategy.maxLength, exhausted);
    }
    if (state.seen.full) throw ConfigurationException.uniqueMemoryFull(column.factory, column.label, memory);
    if (strategy.kind === 'use') throw ConfigurationException.uniqueUseRepeats(column.factory, column.label, maxRedraws, state.seen.size);
    throw exhausted(state);
  };
  return {
    generate: (ctx) => {
      const state = stateOf(column, memory);
      const value = next(ctx, state);
      take(state, value);
      observer?.(column, strategy, value, false);
      return value;
    },
    record: (value) => {
      take(stateOf(column, memory), value);
      observer?.(column, strategy, value, true);
    },
    describe: describeStrategy[strategy.kind](strategy),
  };
}

function countUp(state: UniqueState, strategy: UniqueStrategy, exhausted: (s: UniqueState) => Error): unknown {
  const date = strategy.kind === 'date';
  const step = date ? 1000 : 1;
  const max = strategy.kind === 'integer' ? (strategy.maxInteger ?? Number.MAX_SAFE_INTEGER) : 8.64e15;
  let candidate = state.max === undefined ? 0 : date ? Math.floor(state.max / 1000) * 1000 + step : state.max + step;
  while (candidate <= max && state.seen.has(identityOf(date ? new Date(candidate) : candidate))) candidate += step;
  if (candidate > max) throw exhausted(state);
  return date ? new Date(candidate) : candidate;
}

/**
 * The base value with the smallest number (from 2) that makes it new; once the column's memory is
 * full, with the column's next number instead, so values stay distinct without being remembered.
 */
/** How many small numbers a fallback tries before it continues from the column's counter. */
const smallNumbers = 20;

function distinguish(base: string, state: UniqueState, fallback: UniqueFallback, maxLength: number | undefined, exhausted: (s: UniqueState) => Error): string {
  const counting = state.seen.full;
  // Small numbers first ("Blue Owls 2"); a base that keeps colliding continues from the column's
  // counter, so each value costs a few tries however many came before.
  for (let tries = 0, n = counting ? state.next : 2; tries < 1000; tries++, n++) {
    if (!counting && tries === smallNumbers) n = Math.max(n, state.next);
    const candidate = uniqueFallbacks[fallback](base, n, maxLength ?? Number.POSITIVE_INFINITY);
    if (candidate === undefined) break;
    if (counting || tries >= smallNumbers) state.next = n + 1;
    if (!state.seen.has(identityOf(candidate))) return candidate;
  }
  throw exhausted(state);
}
