import { ParameterException } from '../errors.js';
import { emit, startClock } from '../events.js';
import type { SeedSummary, StreamProgress } from '../types.js';

/**
 * Instances per create call of a stream, unless its `chunk` option says otherwise; the same for
 * every handler. A chunk's entities that outlive the scavenges of its build are promoted to V8's
 * old generation, which grows before it is collected: 1M users through the bulk handler peaked at
 * 257 MB RSS with 250, 319 MB with 1,000, 293 MB with 100 (README, "Performance"). The rows
 * written do not depend on it.
 */
export const defaultChunk = 250;
const maxChunk = 100_000;

/** What a stream needs of the factory's runner: its names and its batch create call. */
export interface StreamingRunner<T> {
  readonly name: string;
  readonly modelName: string | undefined;
  createBatchAsync(size: unknown, overrides?: unknown, options?: unknown): Promise<T[]>;
  createPlainRows(size: unknown, overrides?: unknown, options?: unknown): Promise<unknown[]>;
}

interface CheckedStream {
  count: number;
  chunk: number;
  overrides: unknown;
  buildOptions: Record<string, unknown>;
  onChunk?: (progress: StreamProgress) => void;
  plain: boolean;
}

function check(factory: string, method: string, count: unknown, options: unknown): CheckedStream {
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) throw ParameterException.invalidSize(factory, method, count);
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    throw ParameterException.invalidArgument(`${factory}.${method}`, 'an options object { chunk?, overrides?, traits?, transient?, onChunk? }', options);
  }
  const given = (options ?? {}) as Record<string, unknown>;
  // Plain rows are never handed back, so only seedRows, which keeps nothing, builds them.
  const known = ['chunk', 'overrides', 'traits', 'transient', 'onChunk', ...(method === 'seedRows' ? ['plain'] : [])];
  const unknown = Object.keys(given).filter((key) => !known.includes(key));
  if (unknown.length > 0) throw ParameterException.invalidOption(`${factory}.${method}`, unknown[0]!, `one of ${known.join(', ')} (unknown option)`, given[unknown[0]!]);
  const { chunk = defaultChunk, overrides, onChunk, plain = false, ...buildOptions } = given;
  if (typeof plain !== 'boolean') throw ParameterException.invalidOption(`${factory}.${method}`, 'plain', 'true or false', plain);
  if (typeof chunk !== 'number' || !Number.isInteger(chunk) || chunk < 1 || chunk > maxChunk) {
    throw ParameterException.invalidOption(`${factory}.${method}`, 'chunk', `a whole number from 1 to ${maxChunk.toLocaleString('en')}`, chunk);
  }
  if (Array.isArray(overrides)) {
    throw ParameterException.invalidOption(`${factory}.${method}`, 'overrides', 'an object, or a function (index) => overrides (a list would hold every instance at once)', overrides);
  }
  if (onChunk !== undefined && typeof onChunk !== 'function') throw ParameterException.invalidOption(`${factory}.${method}`, 'onChunk', 'a function (progress) => void', onChunk);
  return { count, chunk, overrides, buildOptions, onChunk: onChunk as CheckedStream['onChunk'], plain };
}

/**
 * Creates `count` instances in chunks: one create call per chunk, each saved (all or nothing) before
 * the next is built, so memory holds one chunk at a time. Per-item overrides get the index in the
 * whole stream.
 */
export async function* streamCreate<T>(runner: StreamingRunner<T>, method: string, count: unknown, options: unknown): AsyncGenerator<T[], void, undefined> {
  const { count: total, chunk, overrides, buildOptions, onChunk, plain } = check(runner.name, method, count, options);
  for (let done = 0; done < total; ) {
    const size = Math.min(chunk, total - done);
    const offset = done;
    const forChunk = typeof overrides === 'function' ? (index: number) => (overrides as (i: number) => unknown)(offset + index) : overrides;
    const startedAt = startClock();
    // Plain rows only reach seedRows, which counts them (see check).
    const saved = plain ? ((await runner.createPlainRows(size, forChunk, buildOptions)) as T[]) : await runner.createBatchAsync(size, forChunk, buildOptions);
    done += size;
    emit((durationMs) => ({ type: 'chunk', factory: runner.name, model: runner.modelName, count: size, done, total, durationMs }), startedAt);
    onChunk?.({ done, total, chunk: size });
    yield saved;
  }
}

/** Creates `count` instances through `streamCreate`, keeping none of them: for seeding a database. */
export async function seedRows<T>(runner: StreamingRunner<T>, count: unknown, options: unknown): Promise<SeedSummary> {
  const startedAt = performance.now();
  let created = 0;
  let chunks = 0;
  for await (const saved of streamCreate(runner, 'seedRows', count, options)) {
    created += saved.length;
    chunks += 1;
  }
  return { created, chunks, durationMs: performance.now() - startedAt };
}
