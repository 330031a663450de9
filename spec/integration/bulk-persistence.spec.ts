import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, ConfigurationException, Factory, MikroOrmBulkPersistence, MikroOrmPersistence, PersistenceException, Related, useMikroOrm } from 'fixtory';
import { expectRejects } from '../support/expect-error.js';
import { BulkLabel, BulkNode, BulkPost, BulkUser } from './support/bulk-entities.js';
import { bulkDatabases, type BulkDatabase } from './support/bulk-databases.js';

@Factory(BulkUser, { default: true })
class BulkUserFactory extends BaseFactory<BulkUser> {}

@Factory(BulkUser)
class UserWithPostsFactory extends BaseFactory<BulkUser> {
  @Related({ size: 3 }) posts!: unknown;
}

@Factory(BulkPost)
class BulkPostFactory extends BaseFactory<BulkPost> {}

@Factory(BulkLabel)
class BulkLabelFactory extends BaseFactory<BulkLabel> {}

@Factory(BulkNode)
class BulkNodeFactory extends BaseFactory<BulkNode> {}

const factories = [BulkUserFactory, UserWithPostsFactory, BulkPostFactory, BulkLabelFactory, BulkNodeFactory];

for (const kind of bulkDatabases) {
  describe(`MikroOrmBulkPersistence on ${kind.name}`, function () {
    this.timeout(30_000);
    let db: BulkDatabase;

    before(async function () {
      const opened = await kind.open();
      if (!opened) this.skip(); // no server on this machine
      db = opened!;
    });
    beforeEach(() => {
      useMikroOrm(db.orm);
      for (const factory of factories) factory.setPersistence(new MikroOrmBulkPersistence(db.orm));
    });
    afterEach(async () => {
      for (const table of ['bulk_post_labels', 'bulk_post', 'bulk_label', 'bulk_user', 'bulk_node']) await db.sql(`delete from ${table}`);
    });
    after(async () => {
      for (const factory of factories) factory.clearPersistence();
      await db?.close();
    });

    it('writes every row of a batch and back-fills the primary keys on the returned entities', async () => {
      const users = await BulkUserFactory.createBatchAsync(700); // more than one statement (batchSize 300)
      expect(await db.count('bulk_user')).to.equal(700);
      const ids = users.map((user) => user.id);
      expect(ids.every((id) => typeof id === 'number')).to.equal(true);
      expect(new Set(ids).size).to.equal(700);
      const rows = await db.sql<{ id: number; email: string; address_city: string }>('select id, email, address_city from bulk_user');
      const byId = new Map(rows.map((row) => [Number(row.id), row]));
      for (const user of users) {
        expect(byId.get(user.id)?.email).to.equal(user.email);
        expect(byId.get(user.id)?.address_city).to.equal(user.address.city);
      }
    });

    it('README: a thousand users with three posts each, in multi-row inserts', async () => {
      UserWithPostsFactory.setPersistence(new MikroOrmBulkPersistence(db.orm));
      const users = await UserWithPostsFactory.createBatchAsync(1_000);
      const [post] = users[0]!.posts.getItems();
      expect(post!.author.id).to.equal(users[0]!.id);
      expect(await db.count('bulk_post')).to.equal(3_000);
    });

    it('runs onCreate initialisers, as a flush would', async () => {
      const [user] = await BulkUserFactory.createBatchAsync(1);
      expect(user!.joinedAt.toISOString()).to.equal('2001-01-01T00:00:00.000Z');
      const [row] = await db.sql<{ joined_at: unknown }>('select joined_at from bulk_user');
      expect(row!.joined_at).to.not.equal(null);
    });

    it('inserts parents before children: posts point at their users by the keys the users got', async () => {
      const users = await UserWithPostsFactory.createBatchAsync(40);
      expect(await db.count('bulk_user')).to.equal(40);
      expect(await db.count('bulk_post')).to.equal(120);
      const rows = await db.sql<{ id: number; author_id: number }>('select id, author_id from bulk_post');
      const authorOf = new Map(rows.map((row) => [Number(row.id), Number(row.author_id)]));
      for (const user of users) {
        expect(user.posts.getItems()).to.have.length(3);
        for (const post of user.posts) expect(authorOf.get(post.id)).to.equal(user.id);
      }
    });

    it('builds and inserts the required parent of each child (the parent reached through a foreign key)', async () => {
      const posts = await BulkPostFactory.createBatchAsync(25);
      expect(await db.count('bulk_user')).to.equal(25);
      const rows = await db.sql<{ id: number; author_id: number }>('select id, author_id from bulk_post');
      const authorOf = new Map(rows.map((row) => [Number(row.id), Number(row.author_id)]));
      for (const post of posts) expect(authorOf.get(post.id)).to.equal(post.author.id);
    });

    it('references an existing entity without inserting it again', async () => {
      const existing = await BulkUserFactory.createAsync({}, undefined);
      const posts = await BulkPostFactory.createBatchAsync(5, { author: existing });
      expect(await db.count('bulk_user')).to.equal(1);
      const rows = await db.sql<{ author_id: number }>('select author_id from bulk_post');
      expect(rows.map((row) => Number(row.author_id))).to.deep.equal(posts.map(() => existing.id));
    });

    it('also works beside MikroOrmPersistence: bulk-written users are existing parents to it', async () => {
      const [author] = await BulkUserFactory.createBatchAsync(1);
      BulkPostFactory.setPersistence(new MikroOrmPersistence(db.orm));
      await BulkPostFactory.createAsync({ author });
      expect(await db.count('bulk_user')).to.equal(1);
      expect(await db.count('bulk_post')).to.equal(1);
    });

    it('writes nothing when only the last row of a batch fails', async () => {
      const size = 500;
      const email = (index: number) => (index === 0 || index === size - 1 ? 'taken@example.com' : `user${index}@example.com`);
      const attempt = BulkUserFactory.createBatchAsync(size, (index) => ({ email: email(index) }));
      await expectRejects(attempt, PersistenceException, 'BulkUserFactory.createBatchAsync');
      expect(await db.count('bulk_user')).to.equal(0);
    });

    it('rolls back the parents when the last child fails', async () => {
      const size = 30;
      const attempt = BulkPostFactory.createBatchAsync(size, (index) => (index === size - 1 ? { title: null as unknown as string } : {}));
      const error = await expectRejects(attempt, PersistenceException);
      expect(error.message).to.contain('BulkPostFactory.createBatchAsync');
      expect(await db.count('bulk_user')).to.equal(0);
      expect(await db.count('bulk_post')).to.equal(0);
    });

    it('leaves the entities of a failed call new: parents lose the keys they got, and the call can be retried', async () => {
      const posts = BulkPostFactory.batch(3);
      const handler = new MikroOrmBulkPersistence<BulkPost>(db.orm);
      posts[2]!.title = null as unknown as string; // the users are inserted, then the last post fails
      await expectRejects(handler.saveMany(posts), Error);
      expect(posts.map((post) => post.author.id)).to.deep.equal([undefined, undefined, undefined]);
      expect(posts.map((post) => post.id)).to.deep.equal([undefined, undefined, undefined]);
      posts[2]!.title = 'fixed';
      await handler.saveMany(posts);
      expect(await db.count('bulk_user')).to.equal(3);
      expect(await db.count('bulk_post')).to.equal(3);
    });

    it('a failed call leaves an existing parent as it was: a later flush of its EntityManager writes nothing of the call', async () => {
      const existing = await BulkUserFactory.createAsync();
      const em = db.orm.em.fork();
      const author = await em.findOneOrFail(BulkUser, existing.id, { populate: ['posts'] });
      const size = 4;
      const attempt = BulkPostFactory.createBatchAsync(size, (index) => ({ author, ...(index === size - 1 ? { title: null as unknown as string } : {}) }));
      await expectRejects(attempt, PersistenceException);
      expect(author.posts.getItems()).to.have.length(0);
      await em.flush();
      expect(await db.count('bulk_post')).to.equal(0);
    });

    it('joins the transaction open where the call is made: its rollback takes the rows back', async () => {
      const rolledBack = db.orm.em.fork().transactional(async () => {
        await UserWithPostsFactory.createBatchAsync(3);
        throw new Error('roll back');
      });
      await expectRejects(rolledBack, Error, 'roll back');
      expect(await db.count('bulk_user')).to.equal(0);
      expect(await db.count('bulk_post')).to.equal(0);
    });

    it('refuses a filled many-to-many collection before writing anything', async () => {
      const label = BulkLabelFactory.build();
      const attempt = BulkPostFactory.createBatchAsync(2, { labels: [label] });
      await expectRejects(attempt, ConfigurationException, 'BulkPost.labels', 'many-to-many', 'MikroOrmPersistence');
      expect(await db.count('bulk_user')).to.equal(0);
      expect(await db.count('bulk_label')).to.equal(0);
    });

    it('orders chains of new entities of one class, and refuses a cycle before writing anything', async () => {
      const [first, second, third] = BulkNodeFactory.batch(3);
      first!.next = second;
      second!.next = third; // third must be inserted first, then second, then first
      const handler = new MikroOrmBulkPersistence<BulkNode>(db.orm);
      await handler.saveMany([first!]);
      const rows = await db.sql<{ id: number; next_id: number | null }>('select id, next_id from bulk_node');
      const nextOf = new Map(rows.map((row) => [Number(row.id), row.next_id === null ? null : Number(row.next_id)]));
      expect(nextOf.get(first!.id)).to.equal(second!.id);
      expect(nextOf.get(second!.id)).to.equal(third!.id);
      expect(nextOf.get(third!.id)).to.equal(null);

      const [a, b] = BulkNodeFactory.batch(2);
      a!.next = b;
      b!.next = a;
      await expectRejects(handler.saveMany([a!, b!]), ConfigurationException, 'cycle', 'BulkNode -> BulkNode');
      expect(await db.count('bulk_node')).to.equal(3);
    });
  });
}
