import 'reflect-metadata';
import { wrap } from '@mikro-orm/core';
import { expect } from 'chai';
import { BaseFactory, Factory, MikroOrmPersistence, PersistenceException, registry } from 'fixtory';
import { expectRejects } from '../support/expect-error.js';
import { Author } from './support/entities.js';
import { currentDatabase, uniqueViolation } from './support/databases.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

describe('MikroORM: seedRows and stream', function () {
  this.timeout(60_000);
  let db: TestDatabase;
  let AuthorSeedFactory: typeof BaseFactory<Author> & (new () => BaseFactory<Author>);

  beforeEach(async () => {
    db = await openTestDatabase();
    @Factory(Author)
    class SeedFactory extends BaseFactory<Author> {}
    SeedFactory.setPersistence(new MikroOrmPersistence(db.orm)); // a fresh fork per chunk
    AuthorSeedFactory = SeedFactory;
  });
  afterEach(async () => {
    registry.unregister(AuthorSeedFactory);
    await db.close();
  });

  it('writes every row, one transaction per chunk, none through the global EntityManager', async () => {
    db.queries.length = 0;
    const summary = await AuthorSeedFactory.seedRows(2_500, { chunk: 1_000 });
    expect(summary).to.include({ created: 2_500, chunks: 3 });
    const [row] = await db.sql<{ n: number; emails: number }>('select count(*) as n, count(distinct email) as emails from author');
    expect(row).to.deep.equal({ n: 2_500, emails: 2_500 });
    expect(db.queries.filter((q) => q.startsWith('commit'))).to.have.length(3);
    expect(db.orm.em.getUnitOfWork(false).getIdentityMap().keys()).to.have.length(0);
  });

  it('a chunk that fails on its last row writes nothing of that chunk; the chunks before it stay', async () => {
    const overrides = (index: number) => (index === 5 ? { email: 'first@example.org' } : index === 0 ? { email: 'first@example.org' } : {});
    await expectRejects(AuthorSeedFactory.seedRows(9, { chunk: 3, overrides }), PersistenceException, uniqueViolation[currentDatabase()]);
    const rows = await db.sql<{ email: string }>('select email from author order by id');
    expect(rows).to.have.length(3);
    expect(rows[0]!.email).to.equal('first@example.org');
  });

  it('yields each saved chunk with its database ids, each chunk from an EntityManager of its own', async () => {
    const ids: number[] = [];
    const managers = new Set<unknown>();
    for await (const chunk of AuthorSeedFactory.stream(5, { chunk: 2 })) {
      ids.push(...chunk.map((author) => author.id));
      managers.add(wrap(chunk[0]!, true).__em);
    }
    expect(managers.size).to.equal(3);
    expect(ids).to.have.length(5);
    expect(new Set(ids).size).to.equal(5);
    expect(ids.every((id) => Number.isInteger(id) && id > 0)).to.equal(true);
  });
});
