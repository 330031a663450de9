import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ParameterException } from '../errors.js';
import { checkSeed, currentSeed } from '../runner/seeds.js';
import type { SeedSummary, StreamProgress } from '../types.js';

/** The options of `seedParallel`. */
export interface ParallelSeedOptions {
  /** The module that defines (or imports) the factory: a path (from the working directory) or a file URL. Every worker imports it. */
  module: string | URL;
  /** The factory to seed: its class, or its class name (workers find it by name once they imported `module`). */
  factory: string | Function;
  /** How many rows of the factory to create. */
  count: number;
  /** Worker threads (default: the machine's available parallelism, at most 16). The rows do not depend on it. */
  workers?: number;
  /** The run's seed (default: `currentSeed()`). The same seed and chunk write the same rows, whatever `workers` is. */
  seed?: number;
  /** Rows per block (default 1,000, at most 100,000): each block is one create call, all or nothing. The rows depend on it. */
  chunk?: number;
  /** The MikroORM configuration file; by default found the way `fixtory seed` finds it from the working directory. */
  config?: string;
  /** Overrides of every row: plain data only (they are copied to the workers), no functions. */
  overrides?: Record<string, unknown>;
  traits?: string[];
  transient?: Record<string, unknown>;
  /** Called after each block is written, in the order blocks finish. */
  onChunk?: (progress: StreamProgress) => void;
}

/** What `seedParallel` wrote. */
export interface ParallelSeedSummary extends SeedSummary {
  workers: number;
  seed: number;
  /** Generated unique values that repeated an earlier block's and were replaced. */
  replaced: number;
}

export interface CheckedParallel {
  module: string;
  factory: string;
  count: number;
  workers: number;
  seed: number;
  chunk: number;
  config: string | undefined;
  overrides: Record<string, unknown> | undefined;
  traits: string[] | undefined;
  transient: Record<string, unknown> | undefined;
  onChunk: ((progress: StreamProgress) => void) | undefined;
}

const keys = new Set(['module', 'factory', 'count', 'workers', 'seed', 'chunk', 'config', 'overrides', 'traits', 'transient', 'onChunk']);
const maxChunk = 100_000;
/**
 * Rows per block unless `chunk` says otherwise. Not seedRows' default (250): here the rows depend on
 * the block size, so the default stays where it was and a seed keeps writing the rows it wrote.
 */
const defaultBlock = 1_000;
const maxWorkers = 64;

function plainData(value: unknown): boolean {
  if (typeof value === 'function' || typeof value === 'symbol') return false;
  if (typeof value !== 'object' || value === null || value instanceof Date) return true;
  if (Array.isArray(value)) return value.every(plainData);
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && Object.values(value).every(plainData);
}

function moduleUrl(module: unknown): string | undefined {
  if (module instanceof URL) return module.protocol === 'file:' ? module.href : undefined;
  if (typeof module !== 'string' || module === '') return undefined;
  if (module.startsWith('file:')) return new URL(module).href;
  return pathToFileURL(isAbsolute(module) ? module : resolve(process.cwd(), module)).href;
}

/** Checks `seedParallel`'s options in the calling thread: a bad one is a ParameterException before any worker starts. */
export function checkParallel(options: unknown): CheckedParallel {
  const where = 'seedParallel';
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw ParameterException.invalidArgument(where, 'an options object { module, factory, count, workers?, seed?, chunk?, config?, overrides?, traits?, transient?, onChunk? }', options);
  }
  const given = options as Record<string, unknown>;
  const unknown = Object.keys(given).find((key) => !keys.has(key));
  if (unknown) throw ParameterException.invalidOption(where, unknown, `one of ${[...keys].join(', ')} (unknown option)`, given[unknown]);
  const { module, factory, count, workers = Math.min(availableParallelism(), 16), seed = currentSeed(), chunk = defaultBlock, config, overrides, traits, transient, onChunk } = given;
  const url = moduleUrl(module);
  if (!url || !existsSync(new URL(url))) throw ParameterException.invalidOption(where, 'module', 'the path (from the working directory) or file URL of an existing module that defines the factory (workers import it)', module);
  const name = typeof factory === 'function' ? factory.name : factory;
  if (typeof name !== 'string' || name === '') throw ParameterException.invalidOption(where, 'factory', 'a factory class, or its class name', factory);
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) throw ParameterException.invalidSize(name, where, count);
  if (typeof workers !== 'number' || !Number.isInteger(workers) || workers < 1 || workers > maxWorkers) {
    throw ParameterException.invalidOption(`${name}.${where}`, 'workers', `a whole number from 1 to ${maxWorkers}`, workers);
  }
  if (typeof chunk !== 'number' || !Number.isInteger(chunk) || chunk < 1 || chunk > maxChunk) {
    throw ParameterException.invalidOption(`${name}.${where}`, 'chunk', `a whole number from 1 to ${maxChunk.toLocaleString('en')}`, chunk);
  }
  if (config !== undefined && (typeof config !== 'string' || config === '')) throw ParameterException.invalidOption(`${name}.${where}`, 'config', 'the path of a MikroORM configuration file', config);
  for (const [option, value] of [['overrides', overrides], ['transient', transient]] as const) {
    if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value) || !plainData(value))) {
      throw ParameterException.invalidOption(`${name}.${where}`, option, 'an object of plain data (workers get a copy: no functions, entities or class instances; use a trait for anything else)', value);
    }
  }
  if (traits !== undefined && (!Array.isArray(traits) || !traits.every((t) => typeof t === 'string'))) {
    throw ParameterException.invalidOption(`${name}.${where}`, 'traits', 'an array of trait names', traits);
  }
  if (onChunk !== undefined && typeof onChunk !== 'function') throw ParameterException.invalidOption(`${name}.${where}`, 'onChunk', 'a function (progress) => void', onChunk);
  return {
    module: url,
    factory: name,
    count,
    workers,
    seed: checkSeed(where, seed),
    chunk,
    config: config === undefined ? undefined : isAbsolute(config) ? config : resolve(process.cwd(), config),
    overrides: overrides as Record<string, unknown> | undefined,
    traits: traits as string[] | undefined,
    transient: transient as Record<string, unknown> | undefined,
    onChunk: onChunk as CheckedParallel['onChunk'],
  };
}

/** The module as messages show it. */
export function shownModule(url: string): string {
  return fileURLToPath(url);
}
