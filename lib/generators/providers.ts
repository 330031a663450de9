import type { Faker } from '@faker-js/faker';
import { ParameterException } from '../errors.js';
import { modelAdaptersChanged } from '../inspect/model-adapter.js';

/** What a custom provider is given to make one value. */
export interface ProviderContext {
  readonly faker: Faker;
  /** The field being generated. */
  readonly field: string;
}

export type Provider = (ctx: ProviderContext) => unknown;

/**
 * What a provider is registered for: a class (a field's design:type or `@Field({ type })`, a
 * MikroORM custom Type class) or a type name (a MikroORM type or column type such as 'point').
 */
export type ProviderKey = Function | string;

const globalProviders = new Map<ProviderKey, Provider>();

function normalize(key: ProviderKey): ProviderKey {
  return typeof key === 'string' ? key.toLowerCase() : key;
}

function checkProvider(where: string, key: unknown, provider: unknown): void {
  if (typeof key !== 'function' && (typeof key !== 'string' || key.length === 0)) {
    throw ParameterException.invalidArgument(where, 'a class or a type name as the key', key);
  }
  if (typeof provider !== 'function') throw ParameterException.invalidArgument(where, 'a function (ctx) => value as the provider', provider);
}

/** Registers a generator for every field of a type, in every factory (a factory's own providers win). */
export function registerProvider(key: ProviderKey, provider: Provider): void {
  checkProvider('registerProvider', key, provider);
  globalProviders.set(normalize(key), provider);
  modelAdaptersChanged(); // plans chose their generators: let them choose again
}

/** Removes a global provider, or all of them. */
export function unregisterProvider(key?: ProviderKey): void {
  if (key === undefined) globalProviders.clear();
  else globalProviders.delete(normalize(key));
  modelAdaptersChanged();
}

/** The provider for the first key that has one: the factory's own providers first, then the global ones. */
export function findProvider(keys: readonly ProviderKey[], own: ReadonlyMap<ProviderKey, Provider> | undefined): Provider | undefined {
  for (const registry of [own, globalProviders]) {
    for (const key of keys) {
      const provider = registry?.get(normalize(key));
      if (provider) return provider;
    }
  }
  return undefined;
}

/** A factory's `providers` option as a lookup map. */
export function providerMap(entries: Iterable<readonly [ProviderKey, Provider]> | undefined): ReadonlyMap<ProviderKey, Provider> | undefined {
  if (!entries) return undefined;
  return new Map([...entries].map(([key, provider]) => [normalize(key), provider]));
}
