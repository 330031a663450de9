import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, MikroOrmPersistence, registry, resetStubKeys, useMikroOrm } from 'fixtory';
import { Author, Book, Tag } from './support/entities.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

describe('MikroORM: stub() and stubBatch()', function () {
  this.timeout(30_000);
  let db: TestDatabase;
  const defined: Function[] = [];

  beforeEach(async () => {
    db = await openTestDatabase();
    useMikroOrm(db.orm);
    resetStubKeys();
  });
  afterEach(async () => {
    for (const factory of defined.splice(0)) registry.unregister(factory as never);
    await db.close();
  });

  function books() {
    @Factory(Book)
    class StubbedBookFactory extends BaseFactory<Book> {}
    @Factory(Tag)
    class StubbedTagFactory extends BaseFactory<Tag> {}
    StubbedBookFactory.setPersistence(new MikroOrmPersistence(db.orm));
    defined.push(StubbedBookFactory, StubbedTagFactory);
    return { StubbedBookFactory, StubbedTagFactory };
  }

  it('gives the entity and its required parent keys counted down from 2,147,483,647 per model, without any query', async () => {
    const { StubbedBookFactory } = books();
    db.queries.length = 0;
    const [first, second] = StubbedBookFactory.stubBatch(2);
    expect([first!.id, second!.id]).to.deep.equal([2_147_483_647, 2_147_483_646]);
    expect(first!.author).to.be.instanceOf(Author);
    expect([first!.author.id, second!.author.id]).to.deep.equal([2_147_483_647, 2_147_483_646]);
    expect(db.queries).to.deep.equal([]);
    expect(await db.sql('select * from book')).to.deep.equal([]);
  });

  it('gives a uuid key the same number in a UUID-shaped text, and keeps a key given as an override', () => {
    const { StubbedBookFactory, StubbedTagFactory } = books();
    const tag = StubbedTagFactory.stub();
    expect(tag.id).to.equal('00000000-0000-4000-8000-00007fffffff');
    expect(StubbedBookFactory.stub({ id: 42 }).id).to.equal(42);
  });

  it('builds without stub keys: build() leaves the key to the database', () => {
    const { StubbedBookFactory } = books();
    expect(StubbedBookFactory.build().id).to.equal(undefined);
  });
});
