import 'reflect-metadata';
import { RequestContext, type EntityManager } from '@mikro-orm/sqlite';
import { expect } from 'chai';
import { BaseFactory, ConfigurationException, Factory, MikroOrmPersistence, Persist, registry, TestTransaction, useMikroOrm } from 'fixtory';
import { Author, Publisher } from './support/entities.js';
import { onlyOnSqlite } from './support/databases.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

@Factory(Publisher)
@Persist(MikroOrmPersistence)
class HouseFactory extends BaseFactory<Publisher> {}

async function count(db: TestDatabase, table: string): Promise<number> {
  const [row] = await db.sql<{ n: number }>(`select count(*) as n from ${table}`);
  return row!.n;
}
/** Rejects with 'HUNG' after ms: a create call waiting for SQLite's only connection. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`HUNG for ${ms} ms`)), ms))]);
}

describe('MikroORM: create calls join transactions, never wait for a pool, and TestTransaction keeps every async handler inside', function () {
  this.timeout(20_000);
  let db: TestDatabase;
  beforeEach(async () => {
    db = await openTestDatabase();
    useMikroOrm(db.orm);
  });
  afterEach(() => db.close());
  after(() => registry.unregister(HouseFactory));

  it('@Persist(MikroOrmPersistence) while a fork holds a transaction opened with em.begin(): fails fast (or joins), never waits', async function () {
    onlyOnSqlite(this);
    const mine: EntityManager = db.orm.em.fork();
    await mine.begin();
    const call = HouseFactory.createAsync();
    let outcome: unknown;
    try {
      outcome = await within(3_000, call).catch((e: Error) => e);
    } finally {
      await mine.rollback();
    }
    await call.catch(() => undefined);
    const written = await count(db, 'publisher');
    expect(outcome, `then, after the rollback, the call wrote ${written} row(s) for real`).to.be.instanceOf(ConfigurationException);
  });

  it('MikroOrmPersistence(fork) while another fork holds em.begin(): fails fast, never waits', async function () {
    onlyOnSqlite(this);
    @Factory(Publisher)
    class PressFactory extends BaseFactory<Publisher> {}
    const HouseFactory = PressFactory;
    HouseFactory.setPersistence(new MikroOrmPersistence(db.orm.em.fork()));
    const mine = db.orm.em.fork();
    await mine.begin();
    const call = HouseFactory.createAsync();
    let outcome: unknown;
    try {
      outcome = await within(3_000, call).catch((e: Error) => e);
    } finally {
      await mine.rollback();
      registry.unregister(PressFactory);
    }
    await call.catch(() => undefined);
    expect(outcome).to.be.instanceOf(ConfigurationException);
  });

  it('in one em.transactional, a valid call succeeds beside a concurrent one whose flush fails', async () => {
    @Factory(Author)
    @Persist(MikroOrmPersistence)
    class PenFactory extends BaseFactory<Author> {}
    try {
      await db.orm.em.fork().transactional(async (em) => {
        em.create(Author, { name: 'x', email: 'taken@example.org' });
        await em.flush();
        const results = await Promise.allSettled([
          PenFactory.createBatchAsync(3, (i: number) => ({ email: `a${i}@example.org` })),
          PenFactory.createBatchAsync(3, (i: number) => ({ email: i === 2 ? 'taken@example.org' : `b${i}@example.org` })),
        ]);
        expect(results.map((r) => r.status)).to.deep.equal(['fulfilled', 'rejected']);
      });
      expect(await count(db, 'author')).to.equal(4);
    } finally {
      registry.unregister(PenFactory);
    }
  });

  it('TestTransaction: a call still running when the test rolls back never commits for real', async () => {
    @Factory(Publisher)
    @Persist(MikroOrmPersistence)
    class SlowFactory extends BaseFactory<Publisher> {
      static async beforeCreate(): Promise<void> {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const tx = new TestTransaction(db.orm);
    await tx.begin();
    const late = SlowFactory.createAsync(); // e.g. a test that forgot an await, or timed out
    await tx.rollback();
    const outcome = await late.then(() => 'saved', (e: Error) => e);
    registry.unregister(SlowFactory);
    expect(await count(db, 'publisher'), `the late call ended as: ${String(outcome)}`).to.equal(0);
  });

  it('TestTransaction + a handler given a RequestContext EntityManager: rolled back', async () => {
    const tx = new TestTransaction(db.orm);
    await tx.begin();
    await within(3_000, RequestContext.create(db.orm.em, () => HouseFactory.createBatchAsync(2)));
    await tx.rollback();
    expect(await count(db, 'publisher')).to.equal(0);
  });

  it('TestTransaction + orm.em.transactional inside the test: @Persist(MikroOrmPersistence) neither hangs nor commits for real', async () => {
    const tx = new TestTransaction(db.orm);
    await tx.begin();
    const outcome = await within(3_000, tx.em.transactional(() => HouseFactory.createBatchAsync(2))).catch((e: Error) => e);
    const seen = [...db.queries];
    await tx.rollback();
    expect(outcome, seen.join('\n')).to.not.be.instanceOf(Error);
    expect(await count(db, 'publisher')).to.equal(0);
  });

  it('TestTransaction (README set-up) + a factory without handler, called inside tx.em.transactional: no hang', async () => {
    @Factory(Publisher)
    class PlainFactory extends BaseFactory<Publisher> {}
    const tx = new TestTransaction(db.orm);
    await tx.begin();
    try {
      const outcome = await within(3_000, tx.em.transactional(() => PlainFactory.createBatchAsync(2))).catch((e: Error) => e);
      expect(outcome).to.not.be.instanceOf(Error);
    } finally {
      await tx.rollback();
      registry.unregister(PlainFactory);
    }
    expect(await count(db, 'publisher')).to.equal(0);
  });

  it('MikroOrmPersistence(em) where em.begin() was called, used inside em.transactional: no hang', async () => {
    @Factory(Publisher)
    class PlainFactory extends BaseFactory<Publisher> {}
    const em = db.orm.em.fork();
    PlainFactory.setPersistence(new MikroOrmPersistence(em));
    await em.begin();
    try {
      const outcome = await within(3_000, em.transactional(() => PlainFactory.createAsync())).catch((e: Error) => e);
      expect(outcome).to.not.be.instanceOf(Error);
    } finally {
      await em.rollback();
      registry.unregister(PlainFactory);
    }
    expect(await count(db, 'publisher')).to.equal(0);
  });

  it('a nested create call from a beforeCreate hook, inside em.transactional: no wait', async () => {
    @Factory(Publisher)
    @Persist(MikroOrmPersistence)
    class NestingFactory extends BaseFactory<Publisher> {
      static async beforeCreate(): Promise<void> {
        await HouseFactory.createAsync();
      }
    }
    try {
      await within(3_000, db.orm.em.fork().transactional(() => NestingFactory.createBatchAsync(2)));
      expect(await count(db, 'publisher')).to.equal(4);
    } finally {
      registry.unregister(NestingFactory);
    }
  });
});
