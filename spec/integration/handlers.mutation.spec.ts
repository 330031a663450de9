import 'reflect-metadata';
import { expect } from 'chai';
import {
  BaseFactory,
  ConfigurationException,
  Factory,
  MikroOrmBulkPersistence,
  MikroOrmPersistence,
  MikroOrmSyncPersistence,
  ParameterException,
  TestTransaction,
  registry,
} from 'fixtory';
import { serialised } from '../../lib/mikro-orm/serial-queue.js';
import { expectRejects, expectThrows } from '../support/expect-error.js';
import { Publisher } from './support/entities.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

/** A second factory of Publisher, registered only while these specs run (other specs build Publisher by its only factory). */
function imprintFactory() {
  @Factory(Publisher)
  class ImprintFactory extends BaseFactory<Publisher> {}
  return ImprintFactory;
}
let ImprintFactory: ReturnType<typeof imprintFactory>;

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('MikroORM handlers: options, serial saves and test transactions', function () {
  this.timeout(30_000);
  before(() => {
    ImprintFactory = imprintFactory();
  });
  after(() => registry.unregister(ImprintFactory));

  describe('serial saves', () => {
    it('run one after another per key, also after a failure, and side by side for different keys', async () => {
      const log: string[] = [];
      const task = (name: string, fail = false) => async () => {
        log.push(`${name} starts`);
        await tick();
        log.push(`${name} ends`);
        if (fail) throw new Error(`${name} failed`);
        return name;
      };
      const key = {};
      const first = serialised(key, task('a', true));
      const second = serialised(key, task('b'));
      const elsewhere = serialised({}, task('c'));
      const results = await Promise.allSettled([first, second, elsewhere]);
      expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).to.deep.equal(['a failed', 'b', 'c']);
      expect(log.indexOf('b starts')).to.be.above(log.indexOf('a ends'));
      expect(log.indexOf('c starts')).to.be.below(log.indexOf('a ends'));
    });
  });

  describe('MikroOrmPersistence options', () => {
    let db: TestDatabase;
    before(async () => {
      db = await openTestDatabase();
    });
    after(() => db.close());

    it("accepts mode 'flush' or 'persist', and 'persist' only with an EntityManager it is given", () => {
      expect(() => new MikroOrmPersistence(db.orm.em.fork(), { mode: 'persist' })).not.to.throw();
      expect(() => new MikroOrmPersistence(db.orm, { mode: 'flush' })).not.to.throw();
      expectThrows(() => new MikroOrmPersistence(db.orm.em.fork(), { mode: 'later' as never }), ParameterException, 'MikroOrmPersistence', 'mode', "'flush' or 'persist'");
      expectThrows(() => new MikroOrmPersistence(db.orm, { mode: 'persist' }), ParameterException, 'MikroOrmPersistence', 'mode', 'would write nothing');
      expectThrows(() => new MikroOrmPersistence(undefined, { mode: 'persist' }), ParameterException, 'mode', 'would write nothing');
    });
  });

  describe('handler arguments', () => {
    let db: TestDatabase;
    before(async () => {
      db = await openTestDatabase();
    });
    after(() => db.close());

    it('each handler names itself when given something that is not an EntityManager', async () => {
      expectThrows(() => new MikroOrmSyncPersistence(42 as never), ParameterException, 'MikroOrmSyncPersistence', 'an EntityManager or a function returning one', '42');
      expectThrows(() => new MikroOrmBulkPersistence(42 as never), ParameterException, 'MikroOrmBulkPersistence', 'an EntityManager, a MikroORM instance or a function');
      ImprintFactory.setPersistence(new MikroOrmSyncPersistence((() => 'nope') as never));
      expectThrows(() => ImprintFactory.createSync(), ParameterException, 'MikroOrmSyncPersistence (the value its provider returned)', 'an EntityManager', 'the string "nope"');
      ImprintFactory.setPersistence(new MikroOrmBulkPersistence((() => 'nope') as never));
      await expectRejects(ImprintFactory.createAsync(), ParameterException, 'MikroOrmBulkPersistence (the value its provider returned)', 'an EntityManager');
      ImprintFactory.clearPersistence();
    });
  });

  describe('SQLite’s only connection', () => {
    let db: TestDatabase;
    beforeEach(async () => {
      db = await openTestDatabase();
      ImprintFactory.setPersistence(new MikroOrmPersistence<Publisher>(db.orm));
    });
    afterEach(async () => {
      ImprintFactory.clearPersistence();
      await db.close();
    });

    it('a save waits for a transaction that ends in a moment, and says why when one keeps the connection', async function () {
      if (db.database !== 'sqlite') this.skip(); // a pooled server has a connection for each
      const other = db.orm.em.fork();
      await other.begin();
      setTimeout(() => void other.commit(), 60);
      const saved = await ImprintFactory.createAsync();
      expect(saved.id).to.be.a('number');
      const holder = db.orm.em.fork();
      await holder.begin();
      try {
        const started = Date.now();
        await expectRejects(ImprintFactory.createAsync(), ConfigurationException, "needs SQLite's only connection", 'em.transactional');
        expect(Date.now() - started).to.be.at.least(250);
      } finally {
        await holder.rollback();
      }
    });
  });

  describe('TestTransaction', () => {
    let db: TestDatabase;
    beforeEach(async () => {
      db = await openTestDatabase();
      ImprintFactory.clearPersistence();
    });
    afterEach(async () => {
      registry.clearDefaultPersistence();
      await db.close();
    });

    const publishers = async () => (await db.numbers<'n'>('select count(*) as n from publisher'))[0]!.n;

    it('a second begin rolls the first test back; a rollback without a test does nothing', async () => {
      const tx = new TestTransaction(db.orm);
      await tx.rollback();
      await tx.begin();
      const firstEm = tx.em;
      await ImprintFactory.createAsync();
      await tx.begin();
      expect(tx.em).not.to.equal(firstEm);
      expect(await tx.em.count(Publisher)).to.equal(0);
      await ImprintFactory.createAsync();
      expect(await tx.em.count(Publisher)).to.equal(1);
      await tx.rollback();
      await tx.rollback();
      expect(await publishers()).to.equal(0);
      expectThrows(() => tx.em, ConfigurationException, 'only set while a test runs');
    });

    it('refuses a save through the EntityManager of a test that has ended: outside it, rows would be committed', async () => {
      const tx = new TestTransaction(db.orm);
      await tx.begin();
      const handler = new MikroOrmPersistence<Publisher>(tx.em);
      ImprintFactory.setPersistence(handler);
      await ImprintFactory.createAsync();
      await tx.rollback();
      await expectRejects(ImprintFactory.createAsync(), ConfigurationException, "after its test's transaction was rolled back", 'nothing was written');
      expect(await publishers()).to.equal(0);
    });

    it('a sync handler given an EntityManager persists into that one, not into the running test', async () => {
      const tx = new TestTransaction(db.orm);
      await tx.begin();
      try {
        const mine = db.orm.em.fork();
        ImprintFactory.setPersistence(new MikroOrmSyncPersistence<Publisher>(mine));
        const publisher = ImprintFactory.createSync();
        const pending = (em: typeof mine) => [...em.getUnitOfWork().getPersistStack()];
        expect(pending(mine)).to.include(publisher);
        expect(pending(tx.em as typeof mine)).not.to.include(publisher);
      } finally {
        await tx.rollback();
      }
    });

    it('its mocha hooks begin and roll back each test', async () => {
      const hooks = new TestTransaction(db.orm).mochaHooks();
      await hooks.beforeEach();
      await ImprintFactory.createBatchAsync(2);
      await hooks.afterEach();
      expect(await publishers()).to.equal(0);
      await ImprintFactory.createAsync().then(
        () => expect.fail('the default handler of the test must be gone'),
        (error: unknown) => expect(error).to.be.instanceOf(ConfigurationException),
      );
    });
  });
});
