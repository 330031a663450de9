import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, MikroOrmBulkPersistence, registry, TestTransaction, useMikroOrm } from 'fixtory';
import { BulkPost, BulkUser, bulkEntities } from './support/bulk-entities.js';
import { currentDatabase } from './support/databases.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

// A bulk call that is still running when the transaction it joined ends (a sibling of
// Promise.all failed, a test timed out or forgot an await, and TestTransaction rolled back): its
// later statements must be refused, never run on the connection after the ROLLBACK, where they
// would be committed for real. A trigger slows the call's first INSERT so that the rollback lands
// between its two statements (450 rows, batchSize 300).

const database = currentDatabase();

class RollbackUserFactory extends BaseFactory<BulkUser> {}
class RollbackPostFactory extends BaseFactory<BulkPost> {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`MikroOrmBulkPersistence: a call still running when its transaction ends (${database})`, function () {
  this.timeout(60_000);
  let db: TestDatabase;
  const count = async (table: string) => Number((await db.sql<{ n: number | string }>(`select count(*) as n from ${table}`))[0]!.n);

  before(async () => {
    Factory(BulkUser)(RollbackUserFactory);
    Factory(BulkPost)(RollbackPostFactory);
    db = await openTestDatabase({ entities: bulkEntities });
  });
  beforeEach(() => {
    useMikroOrm(db.orm);
    RollbackUserFactory.setPersistence(new MikroOrmBulkPersistence(db.orm));
    RollbackPostFactory.setPersistence(new MikroOrmBulkPersistence(db.orm));
  });
  afterEach(async () => {
    for (const table of ['bulk_post_labels', 'bulk_post', 'bulk_user']) await db.sql(`delete from ${table}`);
  });
  after(async () => {
    registry.unregister(RollbackUserFactory);
    registry.unregister(RollbackPostFactory);
    await db?.close();
  });

  /** Makes inserting a user named 'slow' take about two seconds: a statement still running when the test moves on. */
  async function slowUserTrigger(): Promise<() => Promise<void>> {
    if (database === 'mariadb') {
      await db.sql("create trigger slow_user before insert on bulk_user for each row begin if new.name = 'slow' then do sleep(2); end if; end");
      return async () => void (await db.sql('drop trigger slow_user'));
    }
    if (database === 'postgresql') {
      await db.sql("create function slow_user() returns trigger language plpgsql as $$ begin if new.name = 'slow' then perform pg_sleep(2); end if; return new; end $$");
      await db.sql('create trigger slow_user before insert on bulk_user for each row execute function slow_user()');
      return async () => {
        await db.sql('drop trigger slow_user on bulk_user');
        await db.sql('drop function slow_user');
      };
    }
    // SQLite has no sleep: a cross join of 2,500 x 2,500 x 40 rows keeps the statement busy instead.
    await db.sql('create table slow_rows (n integer)');
    await db.sql('insert into slow_rows (n) with recursive c(x) as (select 1 union all select x + 1 from c where x < 2500) select x from c');
    await db.sql("create trigger slow_user before insert on bulk_user when new.name = 'slow' begin select count(*) from slow_rows a, slow_rows b, slow_rows c where c.n <= 40; end");
    return async () => {
      await db.sql('drop trigger slow_user');
      await db.sql('drop table slow_rows');
    };
  }

  it("em.transactional rolled back while a bulk call in it is still running (a sibling in Promise.all failed): none of the call's rows stay", async function () {
    const dropTrigger = await slowUserTrigger();
    try {
      let late: Promise<unknown> | undefined;
      const outcome = await db.orm.em
        .fork()
        .transactional(async () => {
          db.queries.length = 0;
          late = RollbackUserFactory.createBatchAsync(450, (index) => (index === 0 ? { name: 'slow' } : {}));
          late.catch(() => undefined); // read below, after the transaction ended
          const sibling = (async () => {
            const started = Date.now();
            while (!db.queries.some((query) => /^savepoint/i.test(query)) && Date.now() - started < 5_000) await sleep(5);
            await sleep(300); // the bulk call's first INSERT is running
            throw new Error('a sibling failed');
          })();
          await Promise.all([late, sibling]);
        })
        .then(
          () => 'committed',
          (error: Error) => error.message,
        );
      expect(outcome).to.equal('a sibling failed');
      const lateOutcome = await late!.then(
        () => 'saved',
        (error: Error) => error.message,
      );
      expect(await count('bulk_user'), `the bulk call ended as: ${lateOutcome}`).to.equal(0);
    } finally {
      await dropTrigger();
    }
  });

  it('TestTransaction: a bulk call whose first statement is still running when the test rolls back commits none of its rows for real', async function () {
    const dropTrigger = await slowUserTrigger();
    try {
      const tx = new TestTransaction(db.orm);
      await tx.begin();
      db.queries.length = 0;
      // 450 users: two statements (batchSize 300); the first is slow. E.g. a test that timed out, or forgot an await.
      const late = RollbackUserFactory.createBatchAsync(450, (index) => (index === 0 ? { name: 'slow' } : {}));
      late.catch(() => undefined); // read below, after the rollback
      const started = Date.now();
      while (!db.queries.some((query) => /^savepoint/i.test(query)) && Date.now() - started < 5_000) await sleep(5);
      await sleep(300); // the first INSERT has been sent and is running
      await tx.rollback();
      const outcome = await late.then(
        () => 'saved',
        (error: Error) => error.message,
      );
      expect(await count('bulk_user'), `the late call ended as: ${outcome}`).to.equal(0);
    } finally {
      await dropTrigger();
    }
  });
});
