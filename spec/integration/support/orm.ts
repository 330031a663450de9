import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/core';
import type { AbstractSqlDriver, EntityManager } from '@mikro-orm/sqlite';
import { forgetMikroOrms } from 'fixtory';
import { createSchema, metadataProvider } from '../../../samples/mikro-orm-major.js';
import { currentDatabase, driverOf, serverDatabases, serverUrl, uniqueDatabaseName, type DatabaseName } from './databases.js';
import { allEntities } from './entities.js';

export type SqlOrm = MikroORM<AbstractSqlDriver, EntityManager>;

export interface TestDatabase {
  orm: SqlOrm;
  /** Which database this run covers (FIXTORY_SPEC_DATABASE; sqlite when unset). */
  database: DatabaseName;
  /** The SQLite file, or the name of the server database created for this ORM. */
  file: string;
  /** Every SQL statement MikroORM ran, in order ('begin', 'insert into ...', 'commit', ...). */
  queries: string[];
  /** Runs raw SQL on a fresh fork: what is really in the database, not in any identity map. Counts are numbers on every database. */
  sql<R = Record<string, unknown>>(query: string, params?: unknown[]): Promise<R[]>;
  /** Raw SQL whose every value is a number (counts, lengths): PostgreSQL returns count(*) as a string, MariaDB as a bigint. */
  numbers<K extends string = string>(query: string, params?: unknown[]): Promise<Record<K, number>[]>;
  /** An identifier quoted for raw SQL on this database ('row' is a keyword on MariaDB). */
  quote(identifier: string): string;
  close(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** The entities of the schema (classes, EntitySchemas); the integration model (`allEntities`) by default. */
  entities?: unknown[];
  /** SQL run on the new database before the schema is made ('create extension if not exists citext'). */
  setup?: string[];
  /** More MikroORM options (`forceUndefined`, `processOnCreateHooksEarly`, ...). */
  orm?: Partial<Options>;
}

function logTo(queries: string[]): Partial<Options> {
  // MikroORM colours its log when the environment forces colours (FORCE_COLOR), whatever `colors` says.
  const plain = (message: string) => message.replace(/\x1b\[[0-9;]*m/g, '').replace(/^\[query\]\s*/, '');
  return { debug: ['query'], colors: false, logger: (message: string) => queries.push(plain(message)) };
}

function init(options: Options): Promise<SqlOrm> {
  return MikroORM.init(options) as Promise<unknown> as Promise<SqlOrm>;
}

async function openSqlite(entities: Options['entities'], queries: string[], extra: Partial<Options> = {}): Promise<{ orm: SqlOrm; file: string; drop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'fixtory-db-'));
  const file = join(dir, 'test.sqlite');
  const orm = await init({ driver: await driverOf('sqlite'), dbName: file, entities, metadataProvider, ...logTo(queries), ...extra });
  return { orm, file, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A database of its own on the server, created through the server's management database and dropped by `drop`. */
async function openServer(name: DatabaseName, entities: Options['entities'], queries: string[], extra: Partial<Options> = {}) {
  const server = serverDatabases.find((d) => d.name === name)!;
  const dbName = uniqueDatabaseName();
  const orm = await init({
    driver: await driverOf(name),
    clientUrl: serverUrl(server),
    dbName,
    entities,
    metadataProvider,
    ensureDatabase: true,
    ...logTo(queries),
    ...extra,
  });
  const drop = async () => {
    const admin = await init({
      driver: await driverOf(name),
      clientUrl: serverUrl(server),
      entities: [],
      discovery: { warnWhenNoEntities: false },
      ensureDatabase: false,
    });
    try {
      const force = name === 'postgresql' ? ' with (force)' : '';
      await admin.em.getConnection().execute(`drop database if exists ${server.quote}${dbName}${server.quote}${force}`);
    } finally {
      await admin.close(true);
    }
  };
  return { orm, file: dbName, drop };
}

/** PostgreSQL's count() is a bigint, which pg returns as a string: specs compare counts with numbers, as SQLite and MariaDB return them. */
export function countsAsNumbers(database: DatabaseName, query: string): string {
  return database === 'postgresql' ? query.replace(/\bcount\(([^()]*)\)/gi, 'cast(count($1) as integer)') : query;
}

/** A MikroORM on a new database of the run's database kind, its schema made by the SchemaGenerator. */
export async function openTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const database = currentDatabase();
  const entities = (options.entities ?? allEntities) as Options['entities'];
  const queries: string[] = [];
  const { orm, file, drop } = database === 'sqlite' ? await openSqlite(entities, queries, options.orm) : await openServer(database, entities, queries, options.orm);
  try {
    for (const statement of options.setup ?? []) await orm.em.getConnection().execute(statement);
    await createSchema(orm);
  } catch (error) {
    await orm.close(true);
    await drop();
    throw error;
  }
  queries.length = 0;
  const quoteMark = database === 'mariadb' ? '`' : '"';
  const sql = <R>(query: string, params: unknown[] = []): Promise<R[]> => orm.em.fork().getConnection().execute(countsAsNumbers(database, query), params, 'all');
  return {
    orm,
    database,
    file,
    queries,
    sql,
    numbers: async <K extends string>(query: string, params: unknown[] = []) =>
      (await sql<Record<K, unknown>>(query, params)).map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? v : Number(v)])) as Record<K, number>),
    quote: (identifier) => `${quoteMark}${identifier}${quoteMark}`,
    close: async () => {
      await orm.close(true);
      forgetMikroOrms();
      await drop();
    },
  };
}
