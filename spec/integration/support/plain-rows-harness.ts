/**
 * The hostile reviews' harness for plain rows: seed one factory both ways (entities, plain rows)
 * from one seed on an emptied schema, dump the tables, and compare.
 */
import { expect } from 'chai';
import type { MikroORM } from '@mikro-orm/core';
import { MikroOrmBulkPersistence } from 'fixtory';
import { clearSchema } from '../../../samples/mikro-orm-major.js';
import { currentDatabase } from './databases.js';

export interface HarnessDb {
  orm: MikroORM;
  sql<R = Record<string, unknown>>(query: string): Promise<R[]>;
}

export interface Outcome {
  error?: string;
  rows: Record<string, unknown[]>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- factories of several models
type AnyFactory = any;

function normalise(value: unknown): unknown {
  if (value instanceof Date) return `date:${value.toISOString()}`;
  if (typeof value === 'bigint') return `bigint:${value}`;
  return value;
}

/** The harness over `tables` (dumped by id), reseeding `factories` before each seed. */
export function plainRowsHarness(tables: readonly string[], factories: readonly (readonly [AnyFactory, ...unknown[]])[]) {
  const database = currentDatabase();

  async function dump(db: HarnessDb): Promise<Outcome['rows']> {
    const rows: Outcome['rows'] = {};
    for (const table of tables) {
      const found = await db.sql(`select * from ${table} order by id`);
      rows[table] = found.map((row) => Object.fromEntries(Object.entries(row as object).map(([k, v]) => [k, normalise(v)])));
    }
    return rows;
  }

  /** Empties the schema (keys from 1 again) and reseeds every factory, each with a bulk handler. */
  async function resetAll(db: HarnessDb): Promise<void> {
    await clearSchema(db.orm as never);
    if (database === 'sqlite') await db.sql('delete from sqlite_sequence');
    for (const [each] of factories) {
      each.setPersistence(new MikroOrmBulkPersistence(db.orm as never));
      each.seed(20261129);
      each.resetSequence();
    }
  }

  async function seedOnce(db: HarnessDb, factory: AnyFactory, count: number, options: Record<string, unknown>, plain: boolean, setup?: () => Promise<void>): Promise<Outcome> {
    await resetAll(db);
    await setup?.();
    try {
      await factory.seedRows(count, { ...options, plain });
      return { rows: await dump(db) };
    } catch (error) {
      return { error: `${(error as Error).constructor.name}: ${(error as Error).message}`, rows: await dump(db) };
    }
  }

  /** Plain rows write what entities write, or are refused with a ConfigurationException before writing; where entities fail, plain rows fail and write the same. */
  async function expectSameRows(db: HarnessDb, factory: AnyFactory, count: number, options: Record<string, unknown> = {}, setup?: () => Promise<void>): Promise<void> {
    const entities = await seedOnce(db, factory, count, options, false, setup);
    const plain = await seedOnce(db, factory, count, options, true, setup);
    if (entities.error !== undefined) {
      expect(plain.error, `entities fail (${entities.error}), plain rows do not`).to.be.a('string');
      expect(plain.rows, `entities fail (${entities.error}); plain rows: ${plain.error}`).to.deep.equal(entities.rows);
      return;
    }
    if (plain.error?.startsWith('ConfigurationException')) {
      for (const [table, rows] of Object.entries(plain.rows)) expect(rows, `${table}: refused, yet written`).to.deep.equal([]);
      return;
    }
    expect(plain.error === undefined, `plain rows: neither the same rows nor a ConfigurationException: ${plain.error}`).to.equal(true);
    expect(plain.rows).to.deep.equal(entities.rows);
  }

  return { dump, resetAll, seedOnce, expectSameRows };
}
