import 'reflect-metadata';
import { wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sqlite';
import { expect } from 'chai';
import { BaseFactory, ConfigurationException, Factory, Related, Use, type TestTransaction } from 'fixtory';
import { expectThrows } from '../support/expect-error.js';
import { Author, Book, Category, Chicken, Citizen, Image, Profile, Publisher, Tag } from './support/entities.js';
import type { TestDatabase } from './support/orm.js';
import { countInTransaction, transactionPerTest } from './support/transaction-per-test.js';
import { statements } from './support/sql.js';

@Factory(Author, { default: true })
class AuthorFactory extends BaseFactory<Author> {
  @Use(() => 'Registered Author') name!: string;
}

@Factory(Book, { default: true })
class BookFactory extends BaseFactory<Book> {}

@Factory(Book, { optionalRelations: 'build' })
class PublishedBookFactory extends BaseFactory<Book> {}

@Factory(Author)
class ProlificAuthorFactory extends BaseFactory<Author> {
  @Related({ size: 3 }) books!: unknown;
}

@Factory(Book)
class TaggedBookFactory extends BaseFactory<Book> {
  @Related({ size: [2, 2] }) tags!: unknown;
  @Related() publisher!: unknown;
}

@Factory(Citizen)
class CitizenFactory extends BaseFactory<Citizen> {}

@Factory(Category)
class CategoryFactory extends BaseFactory<Category> {}

@Factory(Category)
class NestedCategoryFactory extends BaseFactory<Category> {
  @Related({ factory: () => NestedCategoryFactory }) parent!: unknown;
}

@Factory(Category, { maxDepth: 1 })
class ShallowCategoryFactory extends BaseFactory<Category> {
  @Related({ factory: () => ShallowCategoryFactory }) parent!: unknown;
}

@Factory(Chicken)
class ChickenFactory extends BaseFactory<Chicken> {}

@Factory(Profile)
class ProfileFactory extends BaseFactory<Profile> {
  @Related() avatar!: unknown;
}

const count = (tx: TestTransaction, table: string) => countInTransaction(tx, table);

describe('MikroORM: relations', function () {
  this.timeout(30_000);
  const suite = transactionPerTest();
  let tx: TestTransaction;
  let db: TestDatabase;
  beforeEach(() => {
    tx = suite.tx();
    db = suite.db();
  });

  it('creates a Book with its required Author in one call and one flush, with zero field declarations', async () => {
    db.queries.length = 0;
    const book = await BookFactory.createAsync();
    expect(book.id).to.be.a('number');
    expect(book.author.id).to.be.a('number');
    expect(book.author.name).to.equal('Registered Author'); // the model's default factory from the registry
    expect(book.publisher ?? null).to.equal(null); // optional relations stay null by default
    expect(statements(db.queries, 'savepoint')).to.have.length(1);
    expect(statements(db.queries, 'insert into `author`')).to.have.length(1);
    expect(statements(db.queries, 'insert into `book`')).to.have.length(1);
    expect(await count(tx, 'book')).to.equal(1);
  });

  it('builds optional relations when the factory asks for them', async () => {
    const book = await PublishedBookFactory.createAsync();
    expect(book.publisher).to.be.instanceOf(Publisher);
    expect(book.publisher!.id).to.be.a('number');
  });

  it('fills a one-to-many collection with @Related, both sides consistent', async () => {
    const author = await ProlificAuthorFactory.createAsync();
    expect(author.books).to.have.length(3);
    for (const book of author.books) {
      expect(book.author).to.equal(author);
      expect(book.id).to.be.a('number');
    }
    expect(await count(tx, 'author')).to.equal(1);
    expect(await count(tx, 'book')).to.equal(3);
  });

  it('fills a many-to-many collection and builds an optional parent with @Related', async () => {
    const book = await TaggedBookFactory.createAsync();
    expect(book.tags).to.have.length(2);
    for (const tag of book.tags) {
      expect(tag).to.be.instanceOf(Tag);
      expect(tag.books.contains(book)).to.equal(true);
    }
    expect(book.publisher).to.be.instanceOf(Publisher);
    expect(await count(tx, 'book_tags')).to.equal(2);
  });

  it('uses an existing entity, or its primary key, passed as an override', async () => {
    const author = await AuthorFactory.createAsync();
    const withEntity = await BookFactory.createAsync({ author });
    const withKey = await BookFactory.createAsync({ author: author.id as never });
    expect(withEntity.author).to.equal(author);
    expect(withKey.author.id).to.equal(author.id);
    expect(await count(tx, 'author')).to.equal(1);
    expect(await count(tx, 'book')).to.equal(2);
  });

  it('binds a relation given by primary key to the EntityManager that saves it', async function () {
    this.timeout(5_000); // a reference bound elsewhere would wait for the connection the test's transaction holds
    const author = await AuthorFactory.createAsync();
    (tx.em as unknown as EntityManager).clear();
    const book = await BookFactory.createAsync({ author: author.id as never });
    expect(wrap(book.author).isInitialized()).to.equal(false);
    await wrap(book.author).init();
    expect(book.author.name).to.equal('Registered Author');
    expect((tx.em as unknown as EntityManager).getUnitOfWork().getById(Author.name, author.id)).to.equal(book.author);
  });

  it('builds the required owning side of a one-to-one relation', async () => {
    const citizen = await CitizenFactory.createAsync();
    expect(citizen.passport.id).to.be.a('number');
    expect(citizen.passport.number.length).to.be.at.most(9);
  });

  it('leaves an optional self-reference null by default, and builds it from a nested partial', () => {
    expect(CategoryFactory.build().parent ?? null).to.equal(null);
    expect(CategoryFactory.build({ parent: { name: 'Root' } }).parent!.name).to.equal('Root');
  });

  it('follows an optional self-reference up to maxDepth, then stops', async () => {
    const category = await NestedCategoryFactory.createAsync();
    const chain: Category[] = [];
    for (let c: Category | null | undefined = category; c; c = c.parent) chain.push(c);
    expect(chain).to.have.length(3);
    expect(ShallowCategoryFactory.build().parent ?? null).to.equal(null);
    expect(await count(tx, 'category')).to.equal(3);
  });

  it('closes a loop that runs through an optional relation at maxDepth', async () => {
    const profile = await ProfileFactory.createAsync();
    expect(profile.avatar).to.be.instanceOf(Image);
    const uploader = profile.avatar!.uploadedBy;
    expect(uploader).to.be.instanceOf(Profile);
    expect(uploader).not.to.equal(profile);
    expect(uploader.avatar ?? null).to.equal(null);
    expect(await count(tx, 'profile')).to.equal(2);
  });

  it('refuses a required cycle with a ConfigurationException that shows the path', () => {
    expectThrows(() => ChickenFactory.build(), ConfigurationException, 'Chicken.egg -> Egg.chicken -> Chicken', '@Ignore()');
  });
});
