import { faker as sharedFaker } from '@faker-js/faker';
import { ConfigurationException, ParameterException } from '../errors.js';
import { resetUniqueValues } from '../generators/unique-values.js';
import { resetSequences, startSequencesAt } from './sequences.js';
import { resetStubKeys } from './stub-keys.js';

/** The environment variable that seeds a whole run: `FIXTORY_SEED=1234 npm test` repeats a run. */
export const SEED_ENV = 'FIXTORY_SEED';

/** A seed must be a safe integer: what `currentSeed()` reports must replay the run exactly. */
export function checkSeed(where: string, seed: unknown): number {
  // Stryker disable next-line ConditionalExpression: Number.isSafeInteger is false for every non-number, so dropping the typeof check changes nothing.
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) throw ParameterException.invalidSeed(where, seed);
  return seed;
}

/** FIXTORY_SEED, if set: anything but a safe integer stops the run (a silently random run would not repeat). */
function parseSeed(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw ConfigurationException.invalidSeedEnvironment(SEED_ENV, raw);
  return seed;
}

const fromEnvironment = parseSeed(process.env[SEED_ENV]);
/** Every run is seeded: by FIXTORY_SEED, else by a random seed that `currentSeed()` reports. */
let globalSeed = fromEnvironment ?? Math.floor(Math.random() * 2 ** 31);
let version = 0;
/** The block of a parallel seed being built: mixed into every stream, those of factories with a seed of their own too. */
let block: number | undefined;
if (fromEnvironment !== undefined) sharedFaker.seed(fromEnvironment);

/**
 * Seeds every factory (those with a `seed` of their own keep it) and faker's shared instance, and
 * restarts unique values and sequences: what the run does from here on repeats with the same seed.
 */
export function seedAll(seed: number): void {
  globalSeed = checkSeed('seedAll', seed);
  block = undefined;
  // Stryker disable next-line AssignmentOperator: the version is only compared for a change, which -= 1 makes too.
  version += 1;
  sharedFaker.seed(seed);
  resetUniqueValues();
  resetSequences();
  resetStubKeys();
}

/** The seed of this run: print it when a test fails, and rerun with FIXTORY_SEED set to it. */
export function currentSeed(): number {
  return globalSeed;
}

/** Bumped by `seedAll`: factories derive their streams again. */
export function seedVersion(): number {
  return version;
}

/** A 32-bit FNV-1a hash: derives independent, repeatable seeds from a seed and names. */
export function deriveSeed(...parts: (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join('\u0000')) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Seeds one block of a parallel seed (in a worker): the run as if `seedAll` was called, with the
 * block mixed into every field's stream (factories with a seed of their own included) and into
 * faker's shared instance, and sequences counting from the block's first global row. Every worker
 * builds a block the same way.
 */
export function seedBlock(runSeed: number, index: number, firstRow: number): void {
  // The run's seed stays the current one (a failed save names the seed that replays the run).
  seedAll(runSeed);
  block = index;
  sharedFaker.seed(deriveSeed(runSeed, 'block', index));
  startSequencesAt(firstRow);
}

/** What streams mix into their seeds besides the factory's and the field's names: the parallel block, if any. */
export function streamSalt(): (string | number)[] {
  return block === undefined ? [] : ['block', block];
}
