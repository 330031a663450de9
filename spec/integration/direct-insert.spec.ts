import 'reflect-metadata';
import { expect } from 'chai';
import { UniqueConstraintViolationException, Utils } from '@mikro-orm/core';
import { BaseFactory, Factory, MikroOrmBulkPersistence, PersistenceException, registry, useMikroOrm } from 'fixtory';
import { directInserts } from '../../lib/mikro-orm/direct-insert.js';
import { expectRejects } from '../support/expect-error.js';
import { BulkPost, BulkUser, bulkEntities } from './support/bulk-entities.js';
import { currentDatabase } from './support/databases.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

// The direct INSERT's own guarantees, beside the differential spec: it is the path taken (SQLite,
// PostgreSQL), a failure anywhere leaves nothing of the call and is MikroORM's exception, it joins
// an open transaction as a savepoint, and it leaves to MikroORM what it does not cover.

const database = currentDatabase();
// MikroORM 6 has no RETURNING on MariaDB, and MikroORM 7's kysely transaction does not hand out its connection: MikroORM's insert stays.
const direct = database !== 'mariadb' && Utils.getORMVersion().startsWith('6.');

@Factory(BulkUser)
class DirectUserFactory extends BaseFactory<BulkUser> {}

@Factory(BulkPost)
class DirectPostFactory extends BaseFactory<BulkPost> {}

describe(`direct bulk INSERT on ${database}`, function () {
  this.timeout(30_000);
  let db: TestDatabase;
  const count = async (table: string) => Number((await db.sql<{ n: number | string }>(`select count(*) as n from ${table}`))[0]!.n);

  before(async () => {
    db = await openTestDatabase({ entities: bulkEntities });
  });
  beforeEach(() => {
    useMikroOrm(db.orm);
    DirectUserFactory.setPersistence(new MikroOrmBulkPersistence(db.orm));
    DirectPostFactory.setPersistence(new MikroOrmBulkPersistence(db.orm));
  });
  afterEach(async () => {
    for (const table of ['bulk_post_labels', 'bulk_post', 'bulk_user']) await db.sql(`delete from ${table}`);
  });
  after(async () => {
    registry.unregister(DirectUserFactory);
    registry.unregister(DirectPostFactory);
    await db?.close();
  });

  it(`${direct ? 'writes' : 'does not write'} a bulk call's statements itself, one per batchSize rows and table`, async () => {
    const before = directInserts.statements;
    const posts = await DirectPostFactory.createBatchAsync(310); // 310 users, then 310 posts: two statements each
    expect(directInserts.statements - before).to.equal(direct ? 4 : 0);
    const rows = await db.sql<{ id: number; author_id: number; title: string }>('select id, author_id, title from bulk_post');
    const byId = new Map(rows.map((row) => [Number(row.id), row]));
    for (const post of posts) {
      expect(byId.get(post.id)?.title).to.equal(post.title);
      expect(Number(byId.get(post.id)?.author_id)).to.equal(post.author.id);
    }
  });

  it("logs MikroORM's own statement when its query logger is on", async () => {
    db.queries.length = 0;
    await DirectUserFactory.createBatchAsync(2);
    const inserts = db.queries.filter((query) => query.startsWith('insert'));
    expect(inserts).to.have.length(1);
    expect(inserts[0]).to.match(/^insert into .bulk_user. \(.*\) values \(.*\), \(.*\)/);
  });

  it('a failing row in the second statement of a table leaves nothing of the call, as MikroORM exception', async () => {
    const size = 450;
    const email = (index: number) => (index === 1 || index === size - 1 ? 'twice@example.com' : `direct${index}@example.com`);
    const error = await expectRejects(DirectUserFactory.createBatchAsync(size, (index) => ({ email: email(index) })), PersistenceException);
    expect(error.cause).to.be.instanceOf(UniqueConstraintViolationException);
    expect(await count('bulk_user')).to.equal(0);
  });

  it('inside an open transaction, a failed call rolls back to its savepoint: what the transaction wrote before stays', async () => {
    await db.orm.em.fork().transactional(async () => {
      await DirectUserFactory.createBatchAsync(3, (index) => ({ email: `kept${index}@example.com` }));
      const attempt = DirectPostFactory.createBatchAsync(5, (index) => (index === 4 ? { title: null as unknown as string } : {}));
      await expectRejects(attempt, PersistenceException);
    });
    expect(await count('bulk_user')).to.equal(3);
    expect(await count('bulk_post')).to.equal(0);
  });

  it('leaves the statement to MikroORM when an onQuery hook changes it', async () => {
    const config = db.orm.config;
    const original = config.get('onQuery');
    config.set('onQuery', (sql: string) => `${sql} `);
    try {
      const before = directInserts.statements;
      await DirectUserFactory.createBatchAsync(3);
      expect(directInserts.statements).to.equal(before);
      expect(await count('bulk_user')).to.equal(3);
    } finally {
      config.set('onQuery', original);
    }
  });
});
