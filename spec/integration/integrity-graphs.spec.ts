import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sqlite';
import { expect } from 'chai';
import { BaseFactory, Factory, MikroOrmPersistence, registry, type Traits } from 'fixtory';
import { expectRejects } from '../support/expect-error.js';
import { Author, Book, Category, Citizen, Passport, Publisher, Tag } from './support/entities.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

const refuse = (): never => {
  throw new Error('refused');
};
let linkTo: Publisher | undefined;

@Factory(Author)
class WriterFactory extends BaseFactory<Author> {
  static traits = { refused: { beforeCreate: refuse } } satisfies Traits<Author>;
}
@Factory(Book)
class VolumeFactory extends BaseFactory<Book> {
  static traits = {
    refused: { beforeCreate: refuse },
    // a hook that links the built book to a managed publisher, then the call fails
    linkThenRefuse: { afterBuild: (b: Book) => void (b.publisher = linkTo), beforeCreate: refuse },
    linkThenRejectLater: {
      beforeCreate: async (b: Book) => {
        b.publisher = linkTo;
        await new Promise((r) => setTimeout(r, 50));
        throw new Error('rejected later');
      },
    },
  } satisfies Traits<Book>;
}
@Factory(Passport)
class PassportFactory extends BaseFactory<Passport> {
  static traits = { refused: { beforeCreate: refuse } } satisfies Traits<Passport>;
}
@Factory(Tag)
class TagFactory extends BaseFactory<Tag> {
  static traits = { refused: { beforeCreate: refuse } } satisfies Traits<Tag>;
}
@Factory(Category)
class CategoryFactory extends BaseFactory<Category> {
  static traits = { refused: { beforeCreate: refuse } } satisfies Traits<Category>;
}
let linkPassport: Passport | undefined;
@Factory(Citizen)
class CitizenFactory extends BaseFactory<Citizen> {
  static traits = {
    refused: { beforeCreate: refuse },
    // a hook that gives the built citizen an existing passport (MikroORM points the passport back at it), then the call fails
    linkPassportThenRefuse: { afterBuild: (c: Citizen) => void (c.passport = linkPassport!), beforeCreate: refuse },
  } satisfies Traits<Citizen>;
}
const all = [WriterFactory, VolumeFactory, PassportFactory, TagFactory, CategoryFactory, CitizenFactory];

async function count(db: TestDatabase, table: string): Promise<number> {
  const [row] = await db.sql<{ n: number }>(`select count(*) as n from ${table}`);
  return row!.n;
}

describe('MikroORM: a failed call changes no existing entity, and calls never carry each other (existing entities in every kind of relation)', function () {
  this.timeout(20_000);
  let db: TestDatabase;
  let em: EntityManager;
  let publisher: Publisher;
  let author: Author;
  let book: Book;
  after(() => all.forEach((f) => registry.unregister(f)));
  beforeEach(async () => {
    db = await openTestDatabase();
    em = db.orm.em.fork();
    publisher = em.create(Publisher, { name: 'House' });
    author = em.create(Author, { name: 'Old', email: 'old@example.org' });
    book = em.create(Book, { title: 'Existing', author, publisher });
    await em.flush();
    linkTo = publisher;
  });
  afterEach(async () => {
    all.forEach((f) => f.clearPersistence());
    await db.close();
  });

  for (const kind of ['given em', 'orm (fork per call)'] as const) {
    const use = () => all.forEach((f) => f.setPersistence(new MikroOrmPersistence(kind === 'given em' ? em : db.orm)));

    it(`[${kind}] refused new author given an existing book in its collection: the next flush keeps the book's author`, async () => {
      use();
      await expectRejects(WriterFactory.createAsync({ books: [book] }, { traits: ['refused'] }), Error, 'refused');
      await em.flush();
      expect(await db.sql('select author_id from book')).to.deep.equal([{ author_id: author.id }]);
      expect(await count(db, 'author')).to.equal(1);
    });

    it(`[${kind}] refused new author given [existing book, partial]: the next flush writes nothing`, async () => {
      use();
      await expectRejects(WriterFactory.createAsync({ books: [book, { title: 'fresh' }] }, { traits: ['refused'] }), Error, 'refused');
      await em.flush();
      expect(await count(db, 'author')).to.equal(1);
      expect(await db.sql('select title, author_id from book')).to.deep.equal([{ title: 'Existing', author_id: author.id }]);
    });

    it(`[${kind}] refused new passport for an existing citizen (owning one-to-one): the citizen keeps its passport`, async () => {
      use();
      const citizen = em.create(Citizen, { name: 'C', passport: em.create(Passport, { number: 'P0' }) });
      await em.flush();
      const before = await db.sql('select passport_id from citizen');
      await expectRejects(PassportFactory.createAsync({ citizen }, { traits: ['refused'] }), Error, 'refused');
      await em.flush();
      expect(await db.sql('select passport_id from citizen')).to.deep.equal(before);
      expect(await count(db, 'passport')).to.equal(1);
    });

    it(`[${kind}] refused new category given an existing child: the child keeps its parent (silent NULL otherwise)`, async () => {
      use();
      const root = em.create(Category, { name: 'root' });
      const child = em.create(Category, { name: 'child', parent: root });
      await em.flush();
      await expectRejects(CategoryFactory.createAsync({ children: [child] }, { traits: ['refused'] }), Error, 'refused');
      await em.flush();
      expect(await db.sql('select name, parent_id from category order by id')).to.deep.equal([
        { name: 'root', parent_id: null },
        { name: 'child', parent_id: root.id },
      ]);
    });

    it(`[${kind}] refused new citizen given an existing passport: the old citizen keeps it`, async () => {
      use();
      const citizen = em.create(Citizen, { name: 'C', passport: em.create(Passport, { number: 'P0' }) });
      await em.flush();
      const before = await db.sql('select id, passport_id from citizen');
      await expectRejects(CitizenFactory.createAsync({ passport: citizen.passport }, { traits: ['refused'] }), Error, 'refused');
      await em.flush();
      expect(await db.sql('select id, passport_id from citizen')).to.deep.equal(before);
    });

    it(`[${kind}] a hook gives the new citizen an existing passport, then the call fails: the passport points at no citizen, and the next flush writes nothing`, async () => {
      use();
      linkPassport = em.create(Passport, { number: 'P-free' });
      await em.flush();
      await expectRejects(CitizenFactory.createAsync({}, { traits: ['linkPassportThenRefuse'] }), Error, 'refused');
      expect(linkPassport.citizen).to.equal(undefined);
      await em.flush();
      expect(await count(db, 'citizen')).to.equal(0);
      expect(await db.sql('select number from passport')).to.deep.equal([{ number: 'P-free' }]);
    });

    it(`[${kind}] refused: nested partial author, author by PK, existing tag in owning M:N, parent: existing category`, async () => {
      use();
      const tag = em.create(Tag, { id: randomUUID(), label: 'existing' });
      const root = em.create(Category, { name: 'root' });
      await em.flush();
      await expectRejects(VolumeFactory.createAsync({ author: { name: 'N', email: 'n@example.org' }, publisher, tags: [tag] }, { traits: ['refused'] }), Error, 'refused');
      await expectRejects(VolumeFactory.createBatchAsync(3, { author: author.id as never, publisher: publisher.id as never }, { traits: ['refused'] }), Error, 'refused');
      await expectRejects(CategoryFactory.createBatchAsync(3, { parent: root }, { traits: ['refused'] }), Error, 'refused');
      await em.flush();
      expect([await count(db, 'book'), await count(db, 'author'), await count(db, 'category'), await count(db, 'book_tags')]).to.deep.equal([1, 1, 1, 0]);
    });

    it(`[${kind}] refused new tag given [existing book, partial] (inverse many-to-many): the next flush writes nothing`, async () => {
      use();
      await expectRejects(TagFactory.createAsync({ books: [book, { title: 'n', author }] }, { traits: ['refused'] }), Error, 'refused');
      await em.flush();
      expect([await count(db, 'book'), await count(db, 'tag'), await count(db, 'book_tags')]).to.deep.equal([1, 0, 0]);
    });

    it(`[${kind}] 20 concurrent createBatchAsync(50) for one existing author write exactly 1,000 rows`, async () => {
      use();
      const results = await Promise.allSettled(Array.from({ length: 20 }, () => VolumeFactory.createBatchAsync(50, { author })));
      const failed = results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason).slice(0, 160));
      expect(failed).to.deep.equal([]);
      expect(await count(db, 'book')).to.equal(1_001);
    });

    it(`[${kind}] a hook links the book to a managed publisher, then the call fails: the next flush writes nothing`, async () => {
      use();
      await expectRejects(VolumeFactory.createBatchAsync(2, { author }, { traits: ['linkThenRefuse'] }), Error, 'refused');
      await em.flush();
      expect(await count(db, 'book')).to.equal(1);
    });

    it(`[${kind}] concurrent: a call whose hook links to a managed entity and rejects is not written by the other call`, async () => {
      use();
      const [refused, valid] = await Promise.allSettled([
        VolumeFactory.createBatchAsync(2, { author }, { traits: ['linkThenRejectLater'] }),
        (async () => {
          await new Promise((r) => setTimeout(r, 10));
          return VolumeFactory.createBatchAsync(2, { author });
        })(),
      ]);
      expect(refused.status).to.equal('rejected');
      expect(valid.status).to.equal('fulfilled');
      expect(await count(db, 'book')).to.equal(3);
    });

    it(`[${kind}] concurrent: a valid batch succeeds beside one whose last label is taken`, async () => {
      use();
      em.create(Tag, { id: randomUUID(), label: 'taken' });
      await em.flush();
      const labels = (prefix: string, last: string) => (i: number) => ({ books: [book], label: i === 2 ? last : `${prefix}-${i}` });
      const [valid, invalid] = await Promise.allSettled([TagFactory.createBatchAsync(3, labels('a', 'a-2')), TagFactory.createBatchAsync(3, labels('b', 'taken'))]);
      expect(invalid.status).to.equal('rejected');
      expect(valid.status, String((valid as PromiseRejectedResult).reason)).to.equal('fulfilled');
      expect(await count(db, 'tag')).to.equal(4);
    });
  }
});
