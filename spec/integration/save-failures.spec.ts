import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, currentSeed, Factory, MikroOrmPersistence, PersistenceException, registry, Use } from 'fixtory';
import { expectRejects } from '../support/expect-error.js';
import { Author, Book } from './support/entities.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

describe('MikroORM: a failed save names the constraint, the field, the value, where the value came from, and the seed', function () {
  this.timeout(30_000);
  let db: TestDatabase;
  const factories: Function[] = [];

  function authors() {
    @Factory(Author)
    class AuthorSaveFactory extends BaseFactory<Author> {}
    AuthorSaveFactory.setPersistence(new MikroOrmPersistence(db.orm));
    factories.push(AuthorSaveFactory);
    return AuthorSaveFactory;
  }

  function books() {
    @Factory(Book)
    class BookSaveFactory extends BaseFactory<Book> {}
    BookSaveFactory.setPersistence(new MikroOrmPersistence(db.orm));
    factories.push(BookSaveFactory);
    return BookSaveFactory;
  }

  beforeEach(async () => {
    db = await openTestDatabase();
  });
  afterEach(async () => {
    for (const factory of factories.splice(0)) registry.unregister(factory as never);
    await db.close();
  });

  it('a unique value two rows of the batch share: the column, Model.field, the value, "an override", the seed', async () => {
    const Authors = authors();
    const overrides = (index: number) => (index === 2 ? { email: 'twice@example.org' } : index === 0 ? { email: 'twice@example.org' } : {});
    const error = await expectRejects(Authors.createBatchAsync(3, overrides), PersistenceException);
    expect(error.message).to.match(/The unique constraint\b.* on author\.email refused Author\.email = "twice@example\.org"/);
    expect(error.message).to.include('(its value came from the overrides of the call (or a trait))');
    expect(error.message).to.include(`Replay this run with FIXTORY_SEED=${currentSeed()}.`);
  });

  it('a value a generator made: names the source and generator explain() reports for the field', async () => {
    @Factory(Author)
    class NamelessFactory extends BaseFactory<Author> {
      @Use(() => null as never) name!: string;
    }
    NamelessFactory.setPersistence(new MikroOrmPersistence(db.orm));
    factories.push(NamelessFactory);
    const row = NamelessFactory.explain().find((r) => r.field === 'name')!;
    const error = await expectRejects(NamelessFactory.createAsync(), PersistenceException);
    expect(error.message).to.include(`refused Author.name = null (its value came from ${row.from}: ${row.generator})`);
  });

  it('a required reference left empty: the not-null constraint and the field, without a value', async () => {
    const Books = books();
    const error = await expectRejects(Books.createAsync({ author: null as never }), PersistenceException);
    expect(error.message).to.match(/The not null constraint on book\.author_id refused Book\.author \(its value came from the overrides/);
  });
});
