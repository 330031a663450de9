/**
 * Where MikroORM 6.6 and 7 differ for fixtory, decided here and nowhere else. Everything else in
 * lib/mikro-orm reads both majors the same way (metadata is looked up by class, never by name).
 */
import { createRequire } from 'node:module';
import type { EntityMetadata } from '@mikro-orm/core';
import { ConfigurationException } from '../errors.js';
import type { EntityManagerLike } from './orm-types.js';

type MikroOrmCore = typeof import('@mikro-orm/core');

/** What differs between the majors. */
interface MajorAdapter {
  /** The raw metadata the property decorators of `cls` itself wrote (not its parents'), if any. */
  declaredMetadata(cls: Function): EntityMetadata | undefined;
  /** Whether SQLite's only connection is in use by someone (false when the driver does not tell). */
  sqliteConnectionInUse(em: EntityManagerLike): boolean;
}

function connectionOf(em: EntityManagerLike): unknown {
  return (em as unknown as { getConnection(): unknown }).getConnection();
}

let core: MikroOrmCore | null | undefined;
let adapter: MajorAdapter | undefined;

/** @mikro-orm/core, if the project has it: an optional peer dependency, loaded only when needed. */
export function mikroOrmCore(): MikroOrmCore | undefined {
  if (core === undefined) {
    try {
      // MikroORM 7 is ESM only: Node 22 (which it requires) loads it through require() too.
      core = createRequire(import.meta.url)('@mikro-orm/core') as MikroOrmCore;
    } catch {
      core = null;
    }
  }
  return core ?? undefined;
}

function rawMetadataStore(orm: MikroOrmCore): EntityMetadata[] {
  return Object.values(orm.MetadataStorage.getMetadata());
}

/**
 * MikroORM 6 keys raw metadata by class name and path; `class` is set by `@Entity`/`@Embeddable`
 * only, so a base class with property decorators alone is found by its name.
 */
function major6(orm: MikroOrmCore): MajorAdapter {
  return {
    declaredMetadata(cls) {
      const all = rawMetadataStore(orm);
      return all.find((meta) => meta.class === cls) ?? all.find((meta) => !meta.class && meta.className === cls.name);
    },
    // Knex's pool of one connection.
    sqliteConnectionInUse(em) {
      const connection = connectionOf(em) as { getKnex?(): { client?: { pool?: { numUsed?(): number } } } };
      const pool = connection.getKnex?.().client?.pool;
      return typeof pool?.numUsed === 'function' && pool.numUsed() > 0;
    },
  };
}

/**
 * MikroORM 7 also keeps a class's raw metadata on the class itself, under `MetadataStorage.META_SYMBOL`,
 * and gives metadata without `@Entity` a stand-in class of the same name (so a name lookup would
 * find the wrong class's metadata).
 */
function major7(orm: MikroOrmCore): MajorAdapter {
  const metaSymbol = (orm.MetadataStorage as unknown as { META_SYMBOL: symbol }).META_SYMBOL;
  return {
    declaredMetadata(cls) {
      if (Object.hasOwn(cls, metaSymbol)) return (cls as unknown as Record<symbol, EntityMetadata>)[metaSymbol];
      return rawMetadataStore(orm).find((meta) => meta.class === cls);
    },
    // Kysely queues callers for the one better-sqlite3 connection (no pool to ask, no timeout): a
    // transaction holds it from begin to commit or rollback.
    sqliteConnectionInUse(em) {
      const connection = connectionOf(em) as { database?: { inTransaction?: boolean } };
      return connection.database?.inTransaction === true;
    },
  };
}

/** The installed major's adapter; undefined without MikroORM. Any major but 6 and 7 is refused, loudly. */
function majorAdapter(): MajorAdapter | undefined {
  if (adapter) return adapter;
  const orm = mikroOrmCore();
  if (!orm) return undefined;
  const version = orm.Utils.getORMVersion();
  const major = Number(version.split('.')[0]);
  if (major === 6) adapter = major6(orm);
  else if (major === 7) adapter = major7(orm);
  else throw ConfigurationException.unsupportedMikroOrm(version);
  return adapter;
}

/** The raw decorator metadata of `cls` itself (its own property decorators), before any ORM discovered it. */
export function declaredMetadata(cls: Function): EntityMetadata | undefined {
  return majorAdapter()?.declaredMetadata(cls);
}

/** Whether SQLite's only connection is in use by someone: a transaction fixtory cannot join, or a query under way. */
export function sqliteConnectionInUse(em: EntityManagerLike): boolean {
  return majorAdapter()?.sqliteConnectionInUse(em) ?? false;
}
