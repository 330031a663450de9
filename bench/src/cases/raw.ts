import { faker } from '@faker-js/faker';
import Database from 'better-sqlite3';
import pg from 'pg';
import sqlite3 from 'sqlite3';
import { fakerRows, postsPerUser, type RowValues } from '../data.js';
import { freshTables, type Target } from '../targets.js';
import type { Prepared } from '../workload.js';

/** Rows per multi-row INSERT on PostgreSQL (3 parameters a row, far below the 65,535 limit). */
const pgChunk = 1_000;

/**
 * The persist floor: the same faker calls, written by the driver alone in one transaction, with
 * the generated keys read back (as the ORM cases do). SQLite: one prepared statement per row
 * (the fastest way with better-sqlite3). PostgreSQL: multi-row INSERT ... RETURNING id.
 */
export async function rawInsert(target: Target, users: number, withPosts: boolean, values: RowValues = fakerRows(faker)): Promise<Prepared> {
  await freshTables(target);
  return target.kind === 'sqlite' ? rawSqlite(target.file, users, withPosts, values) : rawPostgres(target.url, users, withPosts, values);
}

function rawSqlite(file: string, users: number, withPosts: boolean, values: RowValues): Prepared {
  const db = new Database(file);
  const insertUser = db.prepare('insert into bench_user (name, email, bio) values (?, ?, ?)');
  const insertPost = db.prepare('insert into bench_post (title, author_id) values (?, ?)');
  const write = db.transaction(() => {
    for (let i = 0; i < users; i++) {
      const user = values.user();
      const id = insertUser.run(user.name, user.email, user.bio).lastInsertRowid;
      if (!withPosts) continue;
      for (let j = 0; j < postsPerUser; j++) insertPost.run(values.post().title, id);
    }
  });
  return { run: () => write(), close: () => void db.close() };
}

/**
 * The same rows through `sqlite3`, the asynchronous driver @mikro-orm/sqlite (MikroORM 6) runs on:
 * multi-row INSERT ... RETURNING id of 300 rows (MikroORM's batch size), strings bound, one
 * transaction. Beside the better-sqlite3 floor, it shows what the driver alone costs.
 */
export async function rawSqlite3(target: Target, users: number, withPosts: boolean, values: RowValues = fakerRows(faker)): Promise<Prepared> {
  await freshTables(target);
  if (target.kind !== 'sqlite') throw new Error('the sqlite3 case runs on SQLite only');
  const db = new sqlite3.Database(target.file);
  const all = (sql: string, params: unknown[] = []) =>
    new Promise<{ id: number }[]>((resolve, reject) => db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as { id: number }[]))));
  const insert = async (table: string, columns: string[], rows: unknown[][]) => {
    const ids: number[] = [];
    for (let start = 0; start < rows.length; start += 300) {
      const chunk = rows.slice(start, start + 300);
      const marks = chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
      for (const row of await all(`insert into ${table} (${columns.join(', ')}) values ${marks} returning id`, chunk.flat())) ids.push(row.id);
    }
    return ids;
  };
  return {
    run: async () => {
      await all('begin');
      const ids = await insert('bench_user', ['name', 'email', 'bio'], Array.from({ length: users }, () => {
        const user = values.user();
        return [user.name, user.email, user.bio];
      }));
      if (withPosts) await insert('bench_post', ['title', 'author_id'], ids.flatMap((id) => Array.from({ length: postsPerUser }, () => [values.post().title, id])));
      await all('commit');
    },
    close: () => new Promise<void>((resolve) => db.close(() => resolve())),
  };
}

async function insertChunks(client: pg.Client, table: string, columns: string[], rows: unknown[][]): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += pgChunk) {
    const chunk = rows.slice(start, start + pgChunk);
    const values = chunk.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
    const result = await client.query<{ id: number }>(`insert into ${table} (${columns.join(', ')}) values ${values} returning id`, chunk.flat());
    for (const row of result.rows) ids.push(row.id);
  }
  return ids;
}

async function rawPostgres(url: string, users: number, withPosts: boolean, values: RowValues): Promise<Prepared> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    run: async () => {
      await client.query('begin');
      const userRows = Array.from({ length: users }, () => {
        const user = values.user();
        return [user.name, user.email, user.bio];
      });
      const ids = await insertChunks(client, 'bench_user', ['name', 'email', 'bio'], userRows);
      if (withPosts) {
        const postRows = ids.flatMap((id) => Array.from({ length: postsPerUser }, () => [values.post().title, id]));
        await insertChunks(client, 'bench_post', ['title', 'author_id'], postRows);
      }
      await client.query('commit');
    },
    close: () => client.end(),
  };
}
