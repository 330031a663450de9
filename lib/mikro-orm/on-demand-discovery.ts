import type { Configuration, EntityMetadata, EntitySchema, MetadataStorage, Platform } from '@mikro-orm/core';
import { ConfigurationException, nameOf } from '../errors.js';
import { mikroOrmCore } from './mikro-orm-core.js';
import { assertSupportedMikroOrm, discoverSync, reflectMetadataProvider } from './orm-major.js';

/**
 * MikroORM's own discovery, run without a database: before `useMikroOrm`, an entity is read from
 * the same discovered metadata an ORM would have (reflect-metadata for types, a driver-less
 * platform for column types), never from a second reading of the raw decorator options.
 */
const cache = new WeakMap<Function, MetadataStorage>();

/** Every class in the global MetadataStorage of decorated entities (raw options, before any discovery). */
function decoratedClasses(): Function[] {
  const storage = mikroOrmCore()!.MetadataStorage;
  return Object.values(storage.getMetadata())
    .map((meta) => meta.class as Function | undefined)
    .filter((cls): cls is Function => typeof cls === 'function');
}

function ancestors(cls: Function): Function[] {
  const chain: Function[] = [];
  for (let c = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.push(c);
  return chain;
}

/** The raw options of a decorated class (or of the schema describing it). */
function rawOptions(cls: Function): Partial<EntityMetadata> | undefined {
  const core = mikroOrmCore()!;
  const schema = core.EntitySchema.REGISTRY.get(cls) as EntitySchema | undefined;
  if (schema) return schema.meta;
  return Object.values(core.MetadataStorage.getMetadata()).find((meta) => meta.class === cls);
}

/**
 * What discovery of `cls` must see: the class, and for single-table inheritance every decorated
 * class below the root that declares the discriminator (the root's map names them).
 */
function discoverySet(cls: Function): unknown[] {
  const core = mikroOrmCore()!;
  // Polymorphic embeddables are chosen by the embedding property: an embeddable is discovered alone.
  const root = ancestors(cls).find((c) => rawOptions(c)?.discriminatorColumn && !rawOptions(c)?.embeddable);
  const family = root ? decoratedClasses().filter((c) => c !== cls && ancestors(c).includes(root)) : [];
  return [cls, ...family].map((c) => core.EntitySchema.REGISTRY.get(c) ?? c);
}

/**
 * A platform without a driver: the column types MikroORM derives for no database in particular.
 * A new one per discovery or custom type read (well under a millisecond; both are cached by their callers).
 */
export function genericPlatform(): Platform {
  const core = mikroOrmCore()!;
  // A schema helper (any) makes discovery derive column types, as it does for every SQL platform.
  class DiscoveryPlatform extends core.Platform {
    override getSchemaHelper(): unknown {
      return {};
    }
  }
  const platform = new DiscoveryPlatform();
  // Stryker disable next-line ArrayDeclaration: a platform reads its configuration's naming and time zone, never its entities.
  platform.setConfig(discoveryConfig([]));
  return platform;
}

function discoveryConfig(entities: unknown[]): Configuration {
  const core = mikroOrmCore()!;
  return new core.Configuration(
    {
      entities: entities as never[],
      metadataProvider: reflectMetadataProvider(),
      // MikroORM 7 reads through the adapter even when disabled; the null adapter keeps nothing, enabled or not.
      // Stryker disable next-line BooleanLiteral: with NullCacheAdapter, `enabled: true` caches nothing either.
      metadataCache: { enabled: false, adapter: core.NullCacheAdapter },
      namingStrategy: core.UnderscoreNamingStrategy,
      discovery: { warnWhenNoEntities: false },
      logger: () => undefined,
    },
    false,
  );
}

/** Whether MikroORM knows `cls` as an entity or embeddable (decorated, or described by an EntitySchema). */
export function isMikroOrmModel(cls: Function): boolean {
  return mikroOrmCore() !== undefined && rawOptions(cls) !== undefined;
}

/** Discovers `cls` (and what it needs) as `MikroORM.init` would, without connecting; cached per class. */
export function discoverWithoutOrm(cls: Function): MetadataStorage | undefined {
  const core = mikroOrmCore();
  if (!core || !isMikroOrmModel(cls)) return undefined;
  assertSupportedMikroOrm();
  let storage = cache.get(cls);
  if (!storage) {
    try {
      const config = discoveryConfig(discoverySet(cls));
      storage = discoverSync(new core.MetadataDiscovery(new core.MetadataStorage(), genericPlatform(), config));
    } catch (error) {
      throw ConfigurationException.needsRegisteredOrm(nameOf(cls), error);
    }
    cache.set(cls, storage);
  }
  return storage;
}
