/**
 * Where MikroORM 6.6 and 7 differ for fixtory, decided here and nowhere else: by the installed
 * major where the two need different code, by the shape of the value where one reading serves both.
 * Everything else in lib/mikro-orm reads both majors the same way (metadata found by class; by class
 * name only through `metadataNamed`, where MikroORM itself names classes).
 */
import { createRequire } from 'node:module';
import type { EntityMetadata, MetadataDiscovery, MetadataStorage, Options } from '@mikro-orm/core';
import { ConfigurationException } from '../errors.js';
import { mikroOrmCore } from './mikro-orm-core.js';
import type { EntityManagerLike } from './orm-types.js';

type MikroOrmCore = typeof import('@mikro-orm/core');
type MetadataProviderClass = NonNullable<Options['metadataProvider']>;

/** What differs between the majors. */
interface MajorAdapter {
  /** The provider that reads types from `design:type`, for discovery before `MikroORM.init`. */
  reflectMetadataProvider(): MetadataProviderClass;
  /** Whether SQLite's only connection is in use by someone (false when the driver does not tell). */
  sqliteConnectionInUse(em: EntityManagerLike): boolean;
  /** Runs a MetadataDiscovery synchronously. */
  discoverSync(discovery: MetadataDiscovery): MetadataStorage;
}

function connectionOf(em: EntityManagerLike): unknown {
  return (em as unknown as { getConnection(): unknown }).getConnection();
}

function major6(orm: MikroOrmCore): MajorAdapter {
  return {
    reflectMetadataProvider: () => (orm as unknown as { ReflectMetadataProvider: MetadataProviderClass }).ReflectMetadataProvider,
    // false: entity classes as loaded, not their TypeScript sources.
    discoverSync: (discovery) => (discovery as unknown as { discoverSync(preferTsNode: boolean): MetadataStorage }).discoverSync(false),
    // Knex's pool of one connection.
    sqliteConnectionInUse(em) {
      const connection = connectionOf(em) as { getKnex?(): { client?: { pool?: { numUsed?(): number } } } };
      const pool = connection.getKnex?.().client?.pool;
      return typeof pool?.numUsed === 'function' && pool.numUsed() > 0;
    },
  };
}

function major7(orm: MikroOrmCore): MajorAdapter {
  let provider: MetadataProviderClass | undefined;
  return {
    // Moved to @mikro-orm/decorators/legacy; without that package, entities declare their types
    // (EntitySchema, defineEntity, ES decorators) and MikroORM's default provider reads them.
    reflectMetadataProvider() {
      if (!provider) {
        try {
          provider = (createRequire(import.meta.url)('@mikro-orm/decorators/legacy') as { ReflectMetadataProvider: MetadataProviderClass }).ReflectMetadataProvider;
        } catch {
          provider = orm.MetadataProvider as unknown as MetadataProviderClass;
        }
      }
      return provider;
    },
    discoverSync: (discovery) => discovery.discoverSync(),
    // Kysely queues callers for the one better-sqlite3 connection (no pool to ask, no timeout): a
    // transaction holds it from begin to commit or rollback.
    sqliteConnectionInUse(em) {
      const connection = connectionOf(em) as { database?: { inTransaction?: boolean } };
      return connection.database?.inTransaction === true;
    },
  };
}

/** The major of a MikroORM version fixtory supports; any other is refused with a ConfigurationException naming the version. */
export function supportedMajor(version: string): 6 | 7 {
  const major = Number(version.split('.')[0]);
  if (major === 6 || major === 7) return major;
  throw ConfigurationException.unsupportedMikroOrm(version);
}

let adapter: MajorAdapter | undefined;

/** The installed major's adapter, made once; undefined without MikroORM. Any major but 6 and 7 is refused, loudly (supportedMajor). */
function majorAdapter(): MajorAdapter | undefined {
  if (adapter) return adapter;
  const orm = mikroOrmCore();
  if (!orm) return undefined;
  adapter = supportedMajor(orm.Utils.getORMVersion()) === 6 ? major6(orm) : major7(orm);
  return adapter;
}

/** Refuses, with a ConfigurationException naming it, a MikroORM major fixtory does not know. */
export function assertSupportedMikroOrm(): void {
  majorAdapter();
}

/** The metadata provider that reads `design:type` (legacy decorators), for discovery without an ORM. */
export function reflectMetadataProvider(): MetadataProviderClass | undefined {
  return majorAdapter()?.reflectMetadataProvider();
}

/** Runs MikroORM's discovery synchronously (MikroORM must be installed). */
export function discoverSync(discovery: MetadataDiscovery): MetadataStorage {
  return majorAdapter()!.discoverSync(discovery);
}

/** Whether SQLite's only connection is in use by someone: a transaction fixtory cannot join, or a query under way. */
export function sqliteConnectionInUse(em: EntityManagerLike): boolean {
  return majorAdapter()?.sqliteConnectionInUse(em) ?? false;
}

/** Every entity's metadata in a (discovered) MetadataStorage: a record on MikroORM 6, a Map on 7. */
export function allMetadata(storage: MetadataStorage): EntityMetadata[] {
  const all = storage.getAll() as Map<unknown, EntityMetadata> | Record<string, EntityMetadata>;
  return all instanceof Map ? [...all.values()] : Object.values(all);
}

/**
 * The classes of a single-table inheritance root's discriminator map, by discriminator value: the
 * map holds class names on MikroORM 6 (looked up with `findClass`) and the classes on 7. Sorted by
 * value: the majors order the map differently, and a seed must give the same classes on both.
 */
export function discriminatorClasses(root: EntityMetadata, findClass: (className: string) => Function | undefined): { value: string; model: Function }[] {
  const map = (root.discriminatorMap ?? {}) as Record<string, string | Function>;
  return Object.entries(map)
    .map(([value, mapped]) => ({ value, model: typeof mapped === 'function' ? mapped : findClass(mapped) }))
    .filter((choice): choice is { value: string; model: Function } => choice.model !== undefined)
    .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** The metadata of a class by its name (single-table inheritance maps name their classes), on either major. */
export function metadataNamed(storage: MetadataStorage, className: string): EntityMetadata | undefined {
  return allMetadata(storage).find((meta) => meta.className === className);
}
