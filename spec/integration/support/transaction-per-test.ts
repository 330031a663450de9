import type { EntityManager } from '@mikro-orm/sqlite';
import { TestTransaction } from 'fixtory';
import { openTestDatabase, type TestDatabase } from './orm.js';

/** Registers mocha hooks: a test database for the suite, and a transaction per test, rolled back after it. */
export function transactionPerTest(): { db(): TestDatabase; tx(): TestTransaction } {
  let db: TestDatabase;
  let tx: TestTransaction;
  before(async () => {
    db = await openTestDatabase();
    // Every factory without a handler of its own writes through the running test's transaction.
    tx = new TestTransaction(db.orm);
  });
  beforeEach(() => tx.begin());
  afterEach(() => tx.rollback());
  after(() => db.close());
  return { db: () => db, tx: () => tx };
}

/** Rows of a table as the running test's transaction sees them. */
export async function countInTransaction(tx: TestTransaction, table: string): Promise<number> {
  const em = tx.em as unknown as EntityManager;
  const [row] = await em.getConnection().execute<{ n: number | string | bigint }[]>(`select count(*) as n from ${table}`, [], 'all', em.getTransactionContext());
  return Number(row!.n);
}
