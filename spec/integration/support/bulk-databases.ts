import { currentDatabase } from './databases.js';
import { bulkEntities } from './bulk-entities.js';
import { openTestDatabase, type SqlOrm } from './orm.js';

/** An ORM on a fresh database with the bulk entities' schema, and raw SQL against it. */
export interface BulkDatabase {
  orm: SqlOrm;
  /** Runs raw SQL on a fresh fork: what is really in the database. */
  count(table: string): Promise<number>;
  sql<R = Record<string, unknown>>(query: string): Promise<R[]>;
  close(): Promise<void>;
}

export interface BulkDatabaseKind {
  name: string;
  /** undefined when the database cannot be reached. */
  open(): Promise<BulkDatabase | undefined>;
}

/** The database of this run of the integration specs (SQLite, PostgreSQL or MariaDB: see support/databases.ts). */
const current: BulkDatabaseKind = {
  name: currentDatabase(),
  async open() {
    const db = await openTestDatabase({ entities: bulkEntities });
    return {
      orm: db.orm,
      sql: (query) => db.sql(query),
      count: async (table) => Number((await db.sql<{ n: number | string }>(`select count(*) as n from ${table}`))[0]!.n),
      close: () => db.close(),
    };
  },
};

export const bulkDatabases: BulkDatabaseKind[] = [current];
