import 'reflect-metadata';
import { expect } from 'chai';
import { UniqueConstraintViolationException, Utils } from '@mikro-orm/core';
import { BaseFactory, Factory, MikroOrmBulkPersistence, PersistenceException, registry, useMikroOrm } from 'fixtory';
import { directInsertDriver, directInserts } from '../../lib/mikro-orm/direct-insert.js';
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

// Registered for this file's tests only: the bulk spec's posts must keep one factory to default to.
class DirectUserFactory extends BaseFactory<BulkUser> {}
class DirectPostFactory extends BaseFactory<BulkPost> {}

describe(`direct bulk INSERT on ${database}`, function () {
  this.timeout(30_000);
  let db: TestDatabase;
  const count = async (table: string) => Number((await db.sql<{ n: number | string }>(`select count(*) as n from ${table}`))[0]!.n);

  before(async () => {
    Factory(BulkUser)(DirectUserFactory);
    Factory(BulkPost)(DirectPostFactory);
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
    // As knex reports it on MikroORM 6's path: the statement with its values, then the driver's message.
    const message = (error.cause as Error).message;
    if (!Utils.getORMVersion().startsWith('6.')) return;
    expect(message).to.match(/^insert into .bulk_user. \(/);
    expect(message).to.contain("'direct448@example.com'");
    expect(message).to.match(/ - .*(UNIQUE|duplicate key|Duplicate entry)/);
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

  if (direct) {
    it('refuses a statement whose RETURNING rows are fewer than its rows (a trigger skipped one): no key is guessed, nothing is written', async () => {
      const skip =
        database === 'sqlite'
          ? ["create trigger skip_user before insert on bulk_user when new.name = 'skip me' begin select raise(ignore); end"]
          : [
              "create function skip_user() returns trigger language plpgsql as $$ begin if new.name = 'skip me' then return null; end if; return new; end $$",
              'create trigger skip_user before insert on bulk_user for each row execute function skip_user()',
            ];
      for (const statement of skip) await db.sql(statement);
      try {
        const attempt = DirectUserFactory.createBatchAsync(4, (index) => (index === 2 ? { name: 'skip me' } : {}));
        const error = await expectRejects(attempt, PersistenceException);
        expect((error.cause as Error).message).to.contain('returned 3 rows for 4: no key is back-filled');
        expect(await count('bulk_user')).to.equal(0);
      } finally {
        await db.sql(database === 'sqlite' ? 'drop trigger skip_user' : 'drop trigger skip_user on bulk_user');
        if (database !== 'sqlite') await db.sql('drop function skip_user');
      }
    });

    it('leaves to MikroORM a statement with more strings than the driver binds, and writes it all the same', async () => {
      const limit = database === 'sqlite' ? 32_766 : 65_535;
      const users = Math.floor(limit / 4) + 1; // name, email and the address's street and city: four strings a row
      const config = db.orm.config;
      const batchSize = config.get('batchSize');
      config.set('batchSize', users);
      try {
        const before = directInserts.statements;
        await DirectUserFactory.createBatchAsync(users);
        expect(directInserts.statements).to.equal(before);
        expect(await count('bulk_user')).to.equal(users);
        await db.sql('delete from bulk_user');
        config.set('batchSize', users - 1);
        await DirectUserFactory.createBatchAsync(users - 1);
        expect(directInserts.statements).to.equal(before + 1);
      } finally {
        config.set('batchSize', batchSize);
      }
    });

    it("writes only what the change-set persister asks for: no transaction, custom types to convert or collections to write go to MikroORM's insert", async () => {
      const em = db.orm.em.fork();
      const driver = directInsertDriver(em.getDriver());
      expect(directInsertDriver(em.getDriver())).to.equal(driver); // one view per driver
      const row = (n: number) => ({ name: `n${n}`, email: `raw${n}@example.com`, joinedAt: new Date(0), address_street: 's', address_city: 'c' });
      const persisterOptions = { convertCustomTypes: false, processCollections: false };
      const before = directInserts.statements;
      await driver.nativeInsertMany('BulkUser', [row(1)], { ...persisterOptions });
      await em.transactional(async (tx) => {
        const ctx = tx.getTransactionContext();
        await driver.nativeInsertMany('BulkUser', [row(2)], { ctx, processCollections: false });
        await driver.nativeInsertMany('BulkUser', [row(3)], { ctx, convertCustomTypes: false });
        expect(directInserts.statements).to.equal(before);
        const result = await driver.nativeInsertMany('BulkUser', [row(4), row(5)], { ctx, ...persisterOptions });
        expect(directInserts.statements).to.equal(before + 1);
        expect(result.rows!.map((r) => typeof r.id)).to.deep.equal(['number', 'number']);
        expect(result.affectedRows).to.equal(2);
      });
      expect((await db.sql<{ email: string }>('select email from bulk_user order by id')).map((r) => r.email)).to.deep.equal([1, 2, 3, 4, 5].map((n) => `raw${n}@example.com`));
    });
  }
});
