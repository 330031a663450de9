import type { MikroORM as PostgresOrm } from '@mikro-orm/postgresql';
import type { MikroORM as SqliteOrm } from '@mikro-orm/sqlite';
import { BenchPost, BenchUser } from './entities.js';

// Drivers load when a case needs them: a child process loads only what it measures (and its peak RSS shows only that).

/** Where a persisting case writes: a SQLite file of its own, or a PostgreSQL database the runner created. */
export type Target = { kind: 'sqlite'; file: string } | { kind: 'postgresql'; url: string };

export type BenchOrm = SqliteOrm | PostgresOrm;

/** A MikroORM on the target, its tables dropped and created afresh (not timed). */
export async function openOrm(target: Target): Promise<BenchOrm> {
  const common = { entities: [BenchUser, BenchPost], colors: false, allowGlobalContext: true };
  const orm =
    target.kind === 'sqlite'
      ? await (await import('@mikro-orm/sqlite')).MikroORM.init({ ...common, dbName: target.file })
      : await (await import('@mikro-orm/postgresql')).MikroORM.init({ ...common, clientUrl: target.url });
  await orm.schema.refreshDatabase();
  return orm;
}

/** Fresh tables, then the ORM closed: for the cases that write through another library. */
export async function freshTables(target: Target): Promise<void> {
  const orm = await openOrm(target);
  await orm.close(true);
}

/** Rows in a table, read with the raw driver after the timed work (every case's result is checked). */
export async function countRows(target: Target, table: 'bench_user' | 'bench_post'): Promise<number> {
  if (target.kind === 'sqlite') {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(target.file, { readonly: true });
    try {
      return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    } finally {
      db.close();
    }
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]!.n);
  } finally {
    await client.end();
  }
}

/** Runs SQL on the server's maintenance database (to create and drop the bench's own database). */
export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
