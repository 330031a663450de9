import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM as PostgresOrm } from '@mikro-orm/postgresql';
import { MikroORM as SqliteOrm } from '@mikro-orm/sqlite';
import { forgetMikroOrms } from 'fixtory';
import { createSchema, metadataProvider } from '../../../samples/mikro-orm-major.js';
import { bulkEntities } from './bulk-entities.js';

/** An ORM on a fresh database with the bulk entities' schema, and raw SQL against it. */
export interface BulkDatabase {
  orm: SqliteOrm | PostgresOrm;
  /** Runs raw SQL on a fresh fork: what is really in the database. */
  count(table: string): Promise<number>;
  sql<R = Record<string, unknown>>(query: string): Promise<R[]>;
  close(): Promise<void>;
}

export interface BulkDatabaseKind {
  name: 'SQLite' | 'PostgreSQL';
  /** undefined when the database cannot be reached (PostgreSQL on a machine without the server). */
  open(): Promise<BulkDatabase | undefined>;
}

function wrap(orm: SqliteOrm | PostgresOrm, dispose: () => Promise<void>): BulkDatabase {
  const sql = <R>(query: string) => orm.em.fork().getConnection().execute<R[]>(query, [], 'all');
  return {
    orm,
    sql,
    count: async (table) => Number((await sql<{ n: number | string }>(`select count(*) as n from ${table}`))[0]!.n),
    close: async () => {
      await orm.close(true);
      forgetMikroOrms();
      await dispose();
    },
  };
}

const sqlite: BulkDatabaseKind = {
  name: 'SQLite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'fixtory-bulk-'));
    const orm = await SqliteOrm.init({ dbName: join(dir, 'bulk.sqlite'), entities: bulkEntities, metadataProvider, colors: false });
    await createSchema(orm);
    return wrap(orm, async () => rmSync(dir, { recursive: true, force: true }));
  },
};

const postgresUrl = process.env.FIXTORY_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432';
let counter = 0;

const postgres: BulkDatabaseKind = {
  name: 'PostgreSQL',
  async open() {
    const dbName = `fixtory_bulk_${process.pid}_${++counter}`;
    // MikroORM's global colour setting follows the last ORM created: keep it off, as the other specs' ORMs do.
    let admin: PostgresOrm | undefined;
    try {
      admin = await PostgresOrm.init({ clientUrl: `${postgresUrl}/postgres`, entities: bulkEntities, metadataProvider, colors: false, pool: { min: 0, max: 1 } });
      await admin.em.getConnection().execute(`create database ${dbName}`);
    } catch {
      return undefined; // no server here
    } finally {
      await admin?.close(true).catch(() => undefined);
    }
    const orm = await PostgresOrm.init({ clientUrl: `${postgresUrl}/${dbName}`, entities: bulkEntities, metadataProvider, colors: false });
    await createSchema(orm);
    return wrap(orm, async () => {
      const cleanup = await PostgresOrm.init({ clientUrl: `${postgresUrl}/postgres`, entities: bulkEntities, metadataProvider, colors: false, pool: { min: 0, max: 1 } });
      await cleanup.em.getConnection().execute(`drop database if exists ${dbName}`);
      await cleanup.close(true);
    });
  },
};

export const bulkDatabases: BulkDatabaseKind[] = [sqlite, postgres];
