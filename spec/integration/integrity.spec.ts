import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { MikroORM, type EntityManager } from '@mikro-orm/sqlite';
import { expect } from 'chai';
import {
  BaseFactory,
  ConfigurationException,
  Factory,
  forgetMikroOrms,
  Lazy,
  MikroOrmPersistence,
  MikroOrmSyncPersistence,
  Persist,
  PersistenceException,
  registry,
  TestTransaction,
  useMikroOrm,
  type Traits,
} from 'fixtory';
import { expectRejects, expectThrows } from '../support/expect-error.js';
import { allEntities, Author, Book, Publisher, Tag } from './support/entities.js';
import { metadataProvider } from '../../samples/mikro-orm-major.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

const refuse = (): never => {
  throw new Error('refused by the hook');
};

@Factory(Book)
class ShelvedBookFactory extends BaseFactory<Book> {
  static traits = {
    refusedBeforeCreate: { beforeCreate: refuse },
    rejectedLater: {
      beforeCreate: async () => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        throw new Error('rejected after a while');
      },
    },
  } satisfies Traits<Book>;
}

@Factory(Book)
class FailingLazyBookFactory extends BaseFactory<Book> {
  @Lazy(({ index }) => {
    if (index === 2) throw new Error('no title for the third book');
    return `Book ${index}`;
  })
  title!: string;
}

@Factory(Tag)
class LabelFactory extends BaseFactory<Tag> {
  static traits = { refused: { beforeCreate: refuse } } satisfies Traits<Tag>;
}

/** A factory of its own class handler, registered only while the transaction specs run (Publisher's other factories stay unambiguous). */
function defineHouseFactory() {
  @Factory(Publisher)
  @Persist(MikroOrmPersistence)
  class HouseFactory extends BaseFactory<Publisher> {}
  return HouseFactory;
}

async function count(db: TestDatabase, table: string): Promise<number> {
  const [row] = await db.sql<{ n: number }>(`select count(*) as n from ${table}`);
  return row!.n;
}

/** What the running transaction of `em` sees in a table. */
async function countIn(em: EntityManager, table: string): Promise<number> {
  const [row] = await em.getConnection().execute<{ n: number | string }[]>(`select count(*) as n from ${table}`, [], 'all', em.getTransactionContext());
  return Number(row!.n); // PostgreSQL's count() is a bigint, read as a string
}

describe('MikroORM: a create call is all or nothing, and alone', function () {
  this.timeout(20_000);
  let db: TestDatabase;
  let em: EntityManager;
  let publisher: Publisher;
  let author: Author;

  beforeEach(async () => {
    db = await openTestDatabase();
    em = db.orm.em.fork();
    publisher = em.create(Publisher, { name: 'Existing House' });
    author = em.create(Author, { name: 'Existing Author', email: 'existing@example.org' });
    await em.flush();
    for (const factory of [ShelvedBookFactory, FailingLazyBookFactory, LabelFactory]) factory.setPersistence(new MikroOrmPersistence(em));
  });
  afterEach(async () => {
    for (const factory of [ShelvedBookFactory, FailingLazyBookFactory, LabelFactory]) factory.clearPersistence();
    await db.close();
  });

  describe('a failed call writes nothing, not even with the next flush', () => {
    it('when a beforeCreate hook throws', async () => {
      await expectRejects(ShelvedBookFactory.createBatchAsync(3, { publisher, author }, { traits: ['refusedBeforeCreate'] }), Error, 'refused by the hook');
      expect(publisher.books.getItems()).to.deep.equal([]);
      const next = await ShelvedBookFactory.createAsync({ publisher, author });
      await em.flush();
      expect(await count(db, 'book')).to.equal(1);
      expect(publisher.books.getItems()).to.deep.equal([next]);
    });

    it('when an async beforeCreate hook rejects', async () => {
      await expectRejects(ShelvedBookFactory.createBatchAsync(3, { publisher, author }, { traits: ['rejectedLater'] }), Error, 'rejected after a while');
      await ShelvedBookFactory.createAsync({ publisher, author });
      await em.flush();
      expect(await count(db, 'book')).to.equal(1);
    });

    it('when the per-item overrides function throws at the third item', async () => {
      const overrides = (index: number) => {
        if (index === 2) throw new Error('no overrides for item 3');
        return { publisher, author };
      };
      await expectRejects(ShelvedBookFactory.createBatchAsync(3, overrides), Error, 'no overrides for item 3');
      await ShelvedBookFactory.createAsync({ publisher, author });
      await em.flush();
      expect(await count(db, 'book')).to.equal(1);
    });

    it('when a @Lazy generator throws at the third item', async () => {
      await expectRejects(FailingLazyBookFactory.createBatchAsync(3, { publisher, author }), Error, 'no title for the third book');
      await em.flush();
      expect(await count(db, 'book')).to.equal(0);
      expect(publisher.books.getItems()).to.deep.equal([]);
    });

    it('when the entities sit in the owning many-to-many collection of an existing entity', async () => {
      const book = em.create(Book, { title: 'Existing Book', author, publisher });
      await em.flush();
      await expectRejects(LabelFactory.createBatchAsync(3, { books: [book] }, { traits: ['refused'] }), Error, 'refused by the hook');
      expect(book.tags.getItems()).to.deep.equal([]);
      await em.flush();
      expect(await count(db, 'tag')).to.equal(0);
      expect(await count(db, 'book_tags')).to.equal(0);
    });

    it('with the sync handler: a refused call leaves nothing persisted in the unit of work', async () => {
      ShelvedBookFactory.setPersistence(new MikroOrmSyncPersistence(em));
      expectThrows(() => ShelvedBookFactory.createBatchSync(3, { publisher, author }, { traits: ['refusedBeforeCreate'] }), Error, 'refused by the hook');
      await em.flush();
      expect(await count(db, 'book')).to.equal(0);
      const saved = ShelvedBookFactory.createBatchSync(2, { publisher, author });
      await em.flush();
      expect(await count(db, 'book')).to.equal(2);
      expect(publisher.books.getItems()).to.have.members(saved);
    });
  });

  describe('concurrent calls on one EntityManager', () => {
    it('a valid call succeeds beside one that fails on the last item of its batch', async () => {
      const book = em.create(Book, { title: 'Existing Book', author, publisher });
      em.create(Tag, { id: randomUUID(), label: 'taken' });
      await em.flush();
      const labels = (prefix: string, last: string) => (index: number) => ({ books: [book], label: index === 2 ? last : `${prefix}-${index}` });
      const [valid, invalid] = await Promise.allSettled([
        LabelFactory.createBatchAsync(3, labels('first', 'first-2')),
        LabelFactory.createBatchAsync(3, labels('second', 'taken')),
      ]);
      expect(valid.status).to.equal('fulfilled');
      expect(invalid.status).to.equal('rejected');
      expect((invalid as PromiseRejectedResult).reason).to.be.instanceOf(PersistenceException);
      const rows = await db.sql<{ label: string }>('select label from tag order by label');
      expect(rows.map((r) => r.label)).to.deep.equal(['first-0', 'first-1', 'first-2', 'taken']);
      expect(await count(db, 'book_tags')).to.equal(3);
    });

    it("a call whose hook rejects is never written by another call's flush", async () => {
      const [refused, written] = await Promise.allSettled([
        ShelvedBookFactory.createBatchAsync(2, { publisher, author }, { traits: ['rejectedLater'] }),
        ShelvedBookFactory.createBatchAsync(2, { publisher, author }),
      ]);
      expect(refused.status).to.equal('rejected');
      expect(written.status).to.equal('fulfilled');
      await em.flush();
      expect(await count(db, 'book')).to.equal(2);
      expect(publisher.books.getItems()).to.have.members((written as PromiseFulfilledResult<Book[]>).value);
    });

    it('200 concurrent createAsync calls write 200 rows; 20 concurrent batches of 50 write 1,000', async () => {
      const single = await Promise.all(Array.from({ length: 200 }, () => ShelvedBookFactory.createAsync({ publisher, author })));
      expect(new Set(single.map((b) => b.id)).size).to.equal(200);
      await Promise.all(Array.from({ length: 20 }, () => ShelvedBookFactory.createBatchAsync(50, { publisher, author })));
      expect(await count(db, 'book')).to.equal(1_200);
    });
  });

  describe('transactions', () => {
    let HouseFactory: ReturnType<typeof defineHouseFactory>;
    before(() => (HouseFactory = defineHouseFactory()));
    after(() => registry.unregister(HouseFactory));

    it('@Persist(MikroOrmPersistence) joins em.transactional: no wait, and a rollback leaves no row', async function () {
      this.timeout(5_000); // a handler waiting for SQLite's only connection would hang for 60 s
      useMikroOrm(db.orm);
      await db.orm.em
        .fork()
        .transactional(async (scope) => {
          await HouseFactory.createBatchAsync(2);
          expect(await countIn(scope, 'publisher')).to.equal(3);
          throw new Error('roll back');
        })
        .catch((error: Error) => expect(error.message).to.equal('roll back'));
      expect(await count(db, 'publisher')).to.equal(1);
      await db.orm.em.fork().transactional(() => HouseFactory.createBatchAsync(2));
      expect(await count(db, 'publisher')).to.equal(3);
    });

    it('concurrent calls in one transaction each write their rows', async function () {
      this.timeout(5_000);
      useMikroOrm(db.orm);
      await db.orm.em.fork().transactional(async (scope) => {
        await Promise.all(Array.from({ length: 10 }, () => HouseFactory.createBatchAsync(3)));
        expect(await countIn(scope, 'publisher')).to.equal(31);
      });
      expect(await count(db, 'publisher')).to.equal(31);
    });

    it('TestTransaction isolates @Persist(MikroOrmPersistence) factories and handlers given another EntityManager', async function () {
      this.timeout(5_000);
      useMikroOrm(db.orm);
      const elsewhere = db.orm.em.fork();
      ShelvedBookFactory.setPersistence(new MikroOrmPersistence(elsewhere));
      const tx = new TestTransaction(db.orm);
      await tx.begin();
      await HouseFactory.createBatchAsync(2);
      const house = await tx.em.findOneOrFail(Publisher, { name: 'Existing House' });
      await ShelvedBookFactory.createAsync({ publisher: house, author: author.id as never });
      const seen: number = await tx.em.count(Publisher);
      expect(seen).to.equal(3);
      expect(await countIn(tx.em, 'book')).to.equal(1);
      await tx.rollback();
      expect(await count(db, 'publisher')).to.equal(1);
      expect(await count(db, 'book')).to.equal(0);
    });

    it('a handler given an EntityManager outside the active transaction joins it: no wait, rolled back with it', async function () {
      this.timeout(5_000);
      ShelvedBookFactory.setPersistence(new MikroOrmPersistence(db.orm.em.fork()));
      await db.orm.em
        .fork()
        .transactional(async (scope) => {
          await ShelvedBookFactory.createAsync({ publisher: publisher.id as never, author: author.id as never });
          expect(await countIn(scope, 'book')).to.equal(1);
          throw new Error('roll back');
        })
        .catch((error: Error) => expect(error.message).to.equal('roll back'));
      expect(await count(db, 'book')).to.equal(0);
    });
  });
});

describe('MikroORM: the global EntityManager where the ORM forbids it', () => {
  it('is a ConfigurationException that says to fork, before anything is built', async () => {
    const orm = await MikroORM.init({ dbName: ':memory:', entities: allEntities, metadataProvider, allowGlobalContext: false });
    try {
      let built = 0;
      @Factory(Publisher)
      class CountedFactory extends BaseFactory<Publisher> {
        static afterBuild(): void {
          built += 1;
        }
      }
      try {
        CountedFactory.setPersistence(new MikroOrmPersistence(orm.em));
        await expectRejects(CountedFactory.createAsync(), ConfigurationException, 'global EntityManager', 'allowGlobalContext', 'orm.em.fork()');
        expect(built).to.equal(0);
      } finally {
        registry.unregister(CountedFactory);
      }
    } finally {
      await orm.close(true);
      forgetMikroOrms();
    }
  });
});
