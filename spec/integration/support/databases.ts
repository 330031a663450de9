/**
 * The databases the integration specs run on. One run of mocha covers one database, chosen by
 * FIXTORY_SPEC_DATABASE (sqlite when unset); `spec/run-specs.ts` runs the integration specs once
 * per database it can reach.
 */
import type { Configuration } from '@mikro-orm/core';
import type { AbstractSqlDriver } from '@mikro-orm/sqlite';

export type SqlDriverClass = new (config: Configuration) => AbstractSqlDriver;

export type DatabaseName = 'sqlite' | 'postgresql' | 'mariadb';

export interface ServerDatabase {
  name: Exclude<DatabaseName, 'sqlite'>;
  /** The environment variable that overrides `defaultUrl`. */
  urlVariable: string;
  defaultUrl: string;
  /** Quotes an identifier the way the database's own SQL does. */
  quote: string;
}

export const serverDatabases: readonly ServerDatabase[] = [
  { name: 'postgresql', urlVariable: 'FIXTORY_PG_URL', defaultUrl: 'postgresql://postgres@127.0.0.1:5432/test', quote: '"' },
  { name: 'mariadb', urlVariable: 'FIXTORY_MARIADB_URL', defaultUrl: 'mysql://root@127.0.0.1:3306/test', quote: '`' },
];

export const databaseNames: readonly DatabaseName[] = ['sqlite', ...serverDatabases.map((d) => d.name)];

/** What each database says when a unique key is violated (in a PersistenceException's message). */
export const uniqueViolation: Record<DatabaseName, string> = {
  sqlite: 'UNIQUE constraint failed',
  postgresql: 'duplicate key value violates unique constraint',
  mariadb: 'Duplicate entry',
};

export function serverUrl(database: ServerDatabase): string {
  return process.env[database.urlVariable] || database.defaultUrl;
}

/** The database this mocha run covers. */
export function currentDatabase(): DatabaseName {
  const name = (process.env['FIXTORY_SPEC_DATABASE'] || 'sqlite') as DatabaseName;
  if (!databaseNames.includes(name)) throw new Error(`FIXTORY_SPEC_DATABASE='${name}': expected one of ${databaseNames.join(', ')}`);
  return name;
}

/** The MikroORM driver class of a database, loaded only when that database runs. */
export async function driverOf(name: DatabaseName): Promise<SqlDriverClass> {
  if (name === 'postgresql') return (await import('@mikro-orm/postgresql')).PostgreSqlDriver as SqlDriverClass;
  if (name === 'mariadb') return (await import('@mikro-orm/mariadb')).MariaDbDriver as SqlDriverClass;
  return (await import('@mikro-orm/sqlite')).SqliteDriver as SqlDriverClass;
}

/** Why a server cannot be used, or undefined when it answers. */
export async function unreachable(database: ServerDatabase): Promise<string | undefined> {
  const { MikroORM } = await import('@mikro-orm/core');
  const url = serverUrl(database);
  try {
    const orm = await MikroORM.init({
      driver: await driverOf(database.name),
      clientUrl: url,
      entities: [],
      discovery: { warnWhenNoEntities: false },
      ensureDatabase: false,
      pool: { min: 0, max: 1, acquireTimeoutMillis: 3000 },
      driverOptions: { connection: { connectTimeout: 3000, connectionTimeoutMillis: 3000 } },
      logger: () => undefined,
    });
    try {
      const check = await orm.checkConnection();
      return check.ok ? undefined : `${url}: ${check.reason}`;
    } finally {
      await orm.close(true);
    }
  } catch (error) {
    return `${url}: ${(error as Error).message}`;
  }
}

/**
 * Skips a test whose promise holds on SQLite only: there one connection serves the whole ORM, so a
 * call beside an open transaction would wait for it forever; a server's pool gives that call a
 * connection of its own, and it writes outside the transaction.
 */
export function onlyOnSqlite(test: Mocha.Context): void {
  if (currentDatabase() !== 'sqlite') test.skip();
}

let created = 0;

/** A database name no other run uses: parallel runs and CI never collide. */
export function uniqueDatabaseName(): string {
  created += 1;
  return `fixtory_spec_${process.pid}_${created}`;
}
