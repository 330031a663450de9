import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/sqlite';
import { UniqueConstraintViolationException, wrap } from '@mikro-orm/core';
import { expect } from 'chai';
import {
  BaseFactory,
  ConfigurationException,
  Factory,
  MikroOrmPersistence,
  MikroOrmSyncPersistence,
  ParameterException,
  PersistenceException,
  registry,
  TestTransaction,
  useMikroOrm,
} from 'fixtory';
import { expectRejects, expectThrows } from '../support/expect-error.js';
import { Author, Book, Publisher } from './support/entities.js';
import { uniqueViolation } from './support/databases.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';
import { statements } from './support/sql.js';
import { countInTransaction } from './support/transaction-per-test.js';

@Factory(Publisher)
class PublisherFactory extends BaseFactory<Publisher> {}

@Factory(Author)
class WriterFactory extends BaseFactory<Author> {}

@Factory(Book)
class ReleaseFactory extends BaseFactory<Book> {}

async function rows(db: TestDatabase, table: string): Promise<number> {
  const [row] = await db.numbers(`select count(*) as n from ${table}`);
  return row!['n']!;
}

describe('MikroORM: persistence handlers', function () {
  this.timeout(30_000);
  let db: TestDatabase;
  let em: EntityManager;

  beforeEach(async () => {
    db = await openTestDatabase();
    em = db.orm.em.fork();
    PublisherFactory.clearPersistence();
    WriterFactory.clearPersistence();
  });
  afterEach(() => db.close());

  describe('MikroOrmPersistence', () => {
    it('save writes and returns the entity with its database id', async () => {
      PublisherFactory.setPersistence(new MikroOrmPersistence(em));
      const publisher = await PublisherFactory.createAsync({ name: 'Penguin' });
      expect(publisher.id).to.be.a('number');
      const [row] = await db.sql<{ name: string }>('select name from publisher where id = ?', [publisher.id]);
      expect(row!.name).to.equal('Penguin');
      expect(em.getUnitOfWork().getById(Publisher.name, publisher.id)).to.equal(publisher);
    });

    it('saveMany writes the whole batch with one flush, in one transaction', async () => {
      PublisherFactory.setPersistence(new MikroOrmPersistence(em));
      db.queries.length = 0;
      const publishers = await PublisherFactory.createBatchAsync(25);
      expect(statements(db.queries, 'begin')).to.have.length(1);
      expect(statements(db.queries, 'commit')).to.have.length(1);
      expect(new Set(publishers.map((p) => p.id)).size).to.equal(25);
      expect(await rows(db, 'publisher')).to.equal(25);
    });

    it('works as a handler class with no arguments, through the ORM registered with useMikroOrm', async () => {
      useMikroOrm(db.orm);
      PublisherFactory.setPersistence(MikroOrmPersistence);
      await PublisherFactory.createBatchAsync(2);
      expect(await rows(db, 'publisher')).to.equal(2);
    });

    it('takes a MikroORM instance (a fresh fork per save) or a provider resolved per save', async () => {
      PublisherFactory.setPersistence(new MikroOrmPersistence(db.orm));
      await PublisherFactory.createAsync();
      let calls = 0;
      PublisherFactory.setPersistence(
        new MikroOrmPersistence(() => {
          calls += 1;
          return em;
        }),
      );
      await PublisherFactory.createBatchAsync(2);
      expect(calls).to.equal(1);
      expect(await rows(db, 'publisher')).to.equal(3);
    });

    it("mode 'persist' only registers: nothing is written before the caller's flush", async () => {
      PublisherFactory.setPersistence(new MikroOrmPersistence(em, { mode: 'persist' }));
      await PublisherFactory.createBatchAsync(3);
      expect(await rows(db, 'publisher')).to.equal(0);
      await em.flush();
      expect(await rows(db, 'publisher')).to.equal(3);
    });

    it('a failed flush writes nothing of the batch (only its last item conflicts), keeps none of it, and leaves the EntityManager usable', async () => {
      WriterFactory.setPersistence(new MikroOrmPersistence(em));
      const existing = await WriterFactory.createAsync({ email: 'taken@example.org' });
      // Items 1 and 2 are valid: a save that was not one transaction would leave them behind.
      const lastTaken = (index: number) => (index === 2 ? { email: 'taken@example.org' } : {});
      const error = await expectRejects(
        WriterFactory.createBatchAsync(3, lastTaken),
        PersistenceException,
        'WriterFactory.createBatchAsync could not save Author',
        uniqueViolation[db.database],
      );
      expect(error.cause).to.be.instanceOf(UniqueConstraintViolationException);
      expect(await rows(db, 'author')).to.equal(1);

      const next = await WriterFactory.createAsync();
      expect(next.id).to.be.a('number');
      await em.flush(); // must not re-send the failed batch
      expect(await rows(db, 'author')).to.equal(2);
      const managed = em.getUnitOfWork().getIdentityMap().values().filter((e) => e instanceof Author);
      expect(managed.map((a) => (a as Author).id).sort()).to.deep.equal([existing.id, next.id].sort());
    });

    it('a failed batch does not stay in the collection of an existing entity it was added to', async () => {
      PublisherFactory.setPersistence(new MikroOrmPersistence(em));
      ReleaseFactory.setPersistence(new MikroOrmPersistence(em));
      const publisher = await PublisherFactory.createAsync();
      await expectRejects(ReleaseFactory.createBatchAsync(2, { publisher, author: null as never }), PersistenceException, 'ReleaseFactory.createBatchAsync could not save Book');
      expect(publisher.books.getItems()).to.deep.equal([]);
      const book = await ReleaseFactory.createAsync({ publisher });
      await em.flush();
      expect(publisher.books.getItems()).to.deep.equal([book]);
      expect(await rows(db, 'book')).to.equal(1);
    });

    it('builds and saves a create call on one EntityManager, also when async hooks run before the save', async () => {
      @Factory(Book)
      class HookedBookFactory extends BaseFactory<Book> {
        static async beforeCreate(): Promise<void> {
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      }
      WriterFactory.setPersistence(new MikroOrmPersistence(em));
      const author = await WriterFactory.createAsync();
      HookedBookFactory.setPersistence(new MikroOrmPersistence(db.orm)); // a fresh fork per call
      const [one, two] = await Promise.all([HookedBookFactory.createAsync({ author: author.id as never }), HookedBookFactory.createAsync()]);
      for (const book of [one!, two!]) {
        expect(wrap(book, true).__em).to.be.an('object');
        expect(wrap(book.author, true).__em).to.equal(wrap(book, true).__em);
      }
      expect(wrap(one!, true).__em).not.to.equal(wrap(two!, true).__em);
      expect(await rows(db, 'book')).to.equal(2);
    });

    it('50 concurrent createAsync calls on one handler write exactly 50 rows', async () => {
      PublisherFactory.setPersistence(new MikroOrmPersistence(em));
      const created = await Promise.all(Array.from({ length: 50 }, () => PublisherFactory.createAsync()));
      expect(new Set(created.map((p) => p.id)).size).to.equal(50);
      expect(await rows(db, 'publisher')).to.equal(50);
    });

    it('writes inside an em.transactional scope, and is rolled back with it', async () => {
      await em
        .transactional(async (scope) => {
          PublisherFactory.setPersistence(new MikroOrmPersistence(scope));
          await PublisherFactory.createBatchAsync(2);
          const [row] = await scope.getConnection().execute<{ n: unknown }[]>('select count(*) as n from publisher', [], 'all', scope.getTransactionContext());
          expect(Number(row!.n)).to.equal(2);
          throw new Error('roll back');
        })
        .catch((error: Error) => expect(error.message).to.equal('roll back'));
      expect(await rows(db, 'publisher')).to.equal(0);
      await em.transactional(async (scope) => {
        PublisherFactory.setPersistence(new MikroOrmPersistence(scope));
        await PublisherFactory.createBatchAsync(2);
      });
      expect(await rows(db, 'publisher')).to.equal(2);
    });

    it('works on a forked EntityManager', async () => {
      const fork = em.fork();
      PublisherFactory.setPersistence(new MikroOrmPersistence(fork));
      const publisher = await PublisherFactory.createAsync();
      expect(fork.getUnitOfWork().getById(Publisher.name, publisher.id)).to.equal(publisher);
      expect(em.getUnitOfWork().getById(Publisher.name, publisher.id)).to.equal(undefined);
    });

    it('rejects what is not an EntityManager, a MikroORM or a provider', () => {
      expectThrows(() => new MikroOrmPersistence('db' as never), ParameterException, 'MikroOrmPersistence', 'an EntityManager, a MikroORM instance or a function');
      expectThrows(() => new MikroOrmPersistence(em, { mode: 'commit' as never }), ParameterException, "option 'mode'", "'flush' or 'persist'");
      expectThrows(() => new MikroOrmPersistence(db.orm, { mode: 'persist' }), ParameterException, "option 'mode'", 'throwaway fork');
    });

    it('rejects a provider that returns something else, naming the handler', async () => {
      PublisherFactory.setPersistence(new MikroOrmPersistence((() => 'nope') as never));
      await expectRejects(PublisherFactory.createAsync(), ParameterException, 'MikroOrmPersistence (the value its provider returned)', 'the string "nope"');
    });

    it('rejects useMikroOrm without an ORM or EntityManager', () => {
      expectThrows(() => useMikroOrm({} as never), ParameterException, 'useMikroOrm', 'a MikroORM instance or an EntityManager');
    });
  });

  describe('MikroOrmSyncPersistence', () => {
    it('registers entities with em.persist: nothing is written before the flush, everything after it', async () => {
      PublisherFactory.setPersistence(new MikroOrmSyncPersistence(em));
      const one = PublisherFactory.createSync();
      const many = PublisherFactory.createBatchSync(4);
      expect(await rows(db, 'publisher')).to.equal(0);
      expect(one.id).to.equal(undefined);
      await em.flush();
      expect(await rows(db, 'publisher')).to.equal(5);
      expect([one, ...many].every((p) => typeof p.id === 'number')).to.equal(true);
    });

    it('accepts a provider and rejects a MikroORM instance (its global EntityManager cannot hold entities)', async () => {
      PublisherFactory.setPersistence(new MikroOrmSyncPersistence(() => em));
      PublisherFactory.createSync();
      await em.flush();
      expect(await rows(db, 'publisher')).to.equal(1);
      expectThrows(() => new MikroOrmSyncPersistence(db.orm as never), ParameterException, 'MikroOrmSyncPersistence', 'an EntityManager or a function');
    });
  });

  describe('TestTransaction', () => {
    it('isolates tests: what one test writes, the next does not see', async () => {
      const tx = new TestTransaction(db.orm);
      const hooks = tx.mochaHooks();
      const count = () => countInTransaction(tx, 'publisher');
      await hooks.beforeEach();
      await PublisherFactory.createBatchAsync(3); // through the default handler the helper sets
      expect(await count()).to.equal(3);
      await hooks.afterEach();
      await hooks.beforeEach();
      expect(await count()).to.equal(0);
      await hooks.afterEach();
      expect(await rows(db, 'publisher')).to.equal(0);
      await expectRejects(PublisherFactory.createAsync(), ConfigurationException, 'no async persistence handler');
    });

    it("puts back the user's own global default after each test", async () => {
      const own = new MikroOrmPersistence(db.orm);
      registry.setDefaultPersistence(own);
      try {
        const tx = new TestTransaction(db.orm);
        await tx.begin();
        await PublisherFactory.createAsync();
        await tx.rollback();
        await PublisherFactory.createAsync();
        expect(await rows(db, 'publisher')).to.equal(1);
      } finally {
        registry.clearDefaultPersistence();
      }
    });

    it('leaves the default handler alone with { setDefaultPersistence: false }', async () => {
      const tx = new TestTransaction(db.orm, { setDefaultPersistence: false });
      await tx.begin();
      try {
        await expectRejects(PublisherFactory.createAsync(), ConfigurationException, 'no async persistence handler');
        PublisherFactory.setPersistence(new MikroOrmPersistence(tx.em));
        await PublisherFactory.createAsync();
        expect(await countInTransaction(tx, 'publisher')).to.equal(1);
      } finally {
        await tx.rollback();
      }
      expect(await rows(db, 'publisher')).to.equal(0);
    });

    it('has no EntityManager outside a test', () => {
      expectThrows(() => new TestTransaction(db.orm).em, ConfigurationException, 'only set while a test runs', 'begin()');
    });
  });
});
