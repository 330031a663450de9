import { Faker, allFakers } from '@faker-js/faker';
import { ParameterException } from '../errors.js';
import type { FieldValues } from '../types.js';

/** Options of `@Factory(Model, options)`. */
export interface FactoryOptions<T = unknown> {
  /** Use this factory for nested fields of its model even when the model has other factories. */
  default?: boolean;
  /** The faker instance that generates this factory's values (default: faker's shared `faker`). */
  faker?: Faker;
  /** A faker locale by its key in faker's `allFakers` (`'de'`, `'fr_CA'`, ...), instead of `faker`. */
  locale?: string;
  /** Seeds the factory's own faker once, when the factory is first used: the same seed, the same values. */
  seed?: number;
  /** Builds the instance from the generated values (default: the ORM's way, else `new Model()` then assign). */
  construct?: (values: FieldValues) => T;
  /** Nullable fields are sometimes null (true, the default) or always set (false). */
  allowNullOptionals?: boolean;
  /** Optional references (nullable many-to-one, one-to-one) stay unset ('null', the default) or are built ('build'). */
  optionalRelations?: 'null' | 'build';
  /** How deep optional relations are followed before they are left unset (default 3). */
  maxDepth?: number;
  /** Leave fields that have a database or ORM default unset, so the default applies (default false). */
  useDefaults?: boolean;
  /** Count `@Sequence` numbers together with the parent factory instead of from 1 of its own (default false). */
  shareSequence?: boolean;
  /** Generators for types, used by this factory before the global ones: `[[Point, ({ faker }) => ...]]`. */
  providers?: Iterable<readonly [Function | string, (ctx: { faker: Faker; field: string }) => unknown]>;
}

const optionChecks: Record<keyof FactoryOptions, [expected: string, check: (value: unknown) => boolean]> = {
  default: ['a boolean', (v) => typeof v === 'boolean'],
  faker: ['a Faker instance', (v) => v instanceof Faker],
  locale: [`one of faker's locale keys (${Object.keys(allFakers).slice(0, 6).join(', ')}, ...)`, (v) => typeof v === 'string' && v in allFakers],
  seed: ['a safe integer', (v) => typeof v === 'number' && Number.isSafeInteger(v)],
  construct: ['a function (values) => instance', (v) => typeof v === 'function'],
  allowNullOptionals: ['a boolean', (v) => typeof v === 'boolean'],
  optionalRelations: ["'null' or 'build'", (v) => v === 'null' || v === 'build'],
  maxDepth: ['a whole number of at least 1', (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1],
  useDefaults: ['a boolean', (v) => typeof v === 'boolean'],
  shareSequence: ['a boolean', (v) => typeof v === 'boolean'],
  providers: [
    'a list (or Map) of [type, (ctx) => value] pairs',
    (v) => v !== null && typeof v === 'object' && Symbol.iterator in v && [...(v as Iterable<unknown>)].every((e) => Array.isArray(e) && e.length === 2 && (typeof e[0] === 'function' || typeof e[0] === 'string') && typeof e[1] === 'function'),
  ],
};

/** Checks the options object of `@Factory` on `factory`; unknown keys are rejected (they are typos). */
export function validateFactoryOptions(factory: string, options: unknown): FactoryOptions {
  const where = `@Factory on ${factory}`;
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw ParameterException.decoratorArgument('Factory', factory, 'an options object', options);
  }
  for (const [key, value] of Object.entries(options)) {
    const check = optionChecks[key as keyof FactoryOptions];
    if (!check) {
      throw ParameterException.invalidOption(where, key, `one of ${Object.keys(optionChecks).join(', ')} (unknown option)`, value);
    }
    if (value !== undefined && !check[1](value)) throw ParameterException.invalidOption(where, key, check[0], value);
  }
  return options as FactoryOptions;
}
