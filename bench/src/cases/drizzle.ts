import Database from 'better-sqlite3';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { integer as pgInteger, pgTable, serial, text as pgText, varchar } from 'drizzle-orm/pg-core';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { seed } from 'drizzle-seed';
import pg from 'pg';
import { postsPerUser } from '../data.js';
import { freshTables, type Target } from '../targets.js';
import type { Prepared } from '../workload.js';

// The tables MikroORM created, described to drizzle.
const sqliteUser = sqliteTable('bench_user', { id: integer('id').primaryKey(), name: text('name').notNull(), email: text('email').notNull(), bio: text('bio').notNull() });
const sqlitePost = sqliteTable('bench_post', { id: integer('id').primaryKey(), title: text('title').notNull(), authorId: integer('author_id').notNull().references(() => sqliteUser.id) });
const pgUser = pgTable('bench_user', { id: serial('id').primaryKey(), name: varchar('name', { length: 255 }).notNull(), email: varchar('email', { length: 255 }).notNull(), bio: pgText('bio').notNull() });
const pgPost = pgTable('bench_post', { id: serial('id').primaryKey(), title: varchar('title', { length: 255 }).notNull(), authorId: pgInteger('author_id').notNull().references(() => pgUser.id) });

/**
 * drizzle-seed writes with its own generators (it has no faker): names, e-mails and lorem text of
 * the same kinds, chosen per column with `refine`.
 */
export async function drizzleSeed(target: Target, users: number, withPosts: boolean): Promise<Prepared> {
  await freshTables(target);
  if (target.kind === 'sqlite') {
    const sqlite = new Database(target.file);
    const db = drizzleSqlite(sqlite);
    const schema = withPosts ? { bench_user: sqliteUser, bench_post: sqlitePost } : { bench_user: sqliteUser };
    return { run: () => seedUsers(db, schema, users, withPosts), close: () => void sqlite.close() };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 1 });
  const db = drizzlePg(pool);
  const schema = withPosts ? { bench_user: pgUser, bench_post: pgPost } : { bench_user: pgUser };
  return { run: () => seedUsers(db, schema, users, withPosts), close: () => pool.end() };
}

function seedUsers(db: any, schema: Record<string, any>, users: number, withPosts: boolean): Promise<unknown> {
  return seed(db, schema).refine((f) => ({
    bench_user: {
      count: users,
      columns: { name: f.fullName(), email: f.email(), bio: f.loremIpsum({ sentencesCount: 4 }) },
      ...(withPosts ? { with: { bench_post: postsPerUser } } : {}),
    },
    ...(withPosts ? { bench_post: { columns: { title: f.loremIpsum({ sentencesCount: 1 }) } } } : {}),
  })) as Promise<unknown>;
}
