import 'reflect-metadata';
import { expect } from 'chai';
import { Collection, type Rel } from '@mikro-orm/core';
import { BaseFactory, ConfigurationException, Factory, MikroOrmBulkPersistence, MikroOrmPersistence, ParameterException, PersistenceException, Related, registry, useMikroOrm } from 'fixtory';
import { expectRejects } from '../support/expect-error.js';
import { clearSchema, Entity, ManyToOne, OneToMany, PrimaryKey, Property } from '../../samples/mikro-orm-major.js';
import { BulkAddress, BulkLabel, BulkNode, BulkPost, BulkUser } from './support/bulk-entities.js';
import { currentDatabase } from './support/databases.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

// seedRows(n, { plain: true }): rows built as plain objects and written by MikroOrmBulkPersistence.
// What they write is compared with the entity path class by class in plain-rows.differential.spec.ts;
// here: relations, chunks, failures, refusals and transactions.

const database = currentDatabase();

/** A class whose constructor takes its values: only em.create knows how to call it. */
@Entity({ tableName: 'plain_book' })
class PlainBook {
  @PrimaryKey() id!: number;
  @Property({ length: 80 }) title: string;
  @ManyToOne(() => PlainShelf) shelf!: Rel<PlainShelf>;
  constructor(title: string) {
    this.title = title;
  }
}

@Entity({ tableName: 'plain_shelf' })
class PlainShelf {
  @PrimaryKey() id!: number;
  @Property({ length: 40 }) name!: string;
  @OneToMany(() => PlainBook, (book) => book.shelf) books = new Collection<PlainBook>(this);
}

// Nested builds name their factory: other specs of the same run register factories of these classes too.
class UserFactory extends BaseFactory<BulkUser> {}
class UserWithPostsFactory extends BaseFactory<BulkUser> {
  @Related({ size: 3, factory: () => PostFactory }) posts!: unknown;
}
class PostFactory extends BaseFactory<BulkPost> {
  @Related({ factory: () => UserFactory }) author!: unknown;
}
class LabelFactory extends BaseFactory<BulkLabel> {}
class NodeFactory extends BaseFactory<BulkNode> {}
class ShelfFactory extends BaseFactory<PlainShelf> {}
class HookedUserFactory extends BaseFactory<BulkUser> {
  static afterCreate = () => undefined;
}
class HookedPostAuthorFactory extends BaseFactory<BulkUser> {
  static afterBuild = () => undefined;
}
class PostOfHookedAuthorFactory extends BaseFactory<BulkPost> {
  @Related({ factory: () => HookedPostAuthorFactory }) author!: unknown;
}

const factories = [UserFactory, UserWithPostsFactory, PostFactory, LabelFactory, NodeFactory, ShelfFactory, HookedUserFactory, HookedPostAuthorFactory, PostOfHookedAuthorFactory];

describe(`seedRows with plain: true (${database})`, function () {
  this.timeout(60_000);
  let db: TestDatabase;
  const count = async (table: string) => (await db.numbers<'n'>(`select count(*) as n from ${table}`))[0]!.n;

  before(async () => {
    Factory(BulkUser)(UserFactory);
    Factory(BulkUser)(UserWithPostsFactory);
    Factory(BulkPost)(PostFactory);
    Factory(BulkLabel)(LabelFactory);
    Factory(BulkNode)(NodeFactory);
    Factory(PlainShelf)(ShelfFactory);
    Factory(BulkUser)(HookedUserFactory);
    Factory(BulkUser)(HookedPostAuthorFactory);
    Factory(BulkPost)(PostOfHookedAuthorFactory);
    db = await openTestDatabase({ entities: [BulkAddress, BulkUser, BulkPost, BulkLabel, BulkNode, PlainBook, PlainShelf] });
  });
  beforeEach(() => {
    useMikroOrm(db.orm);
    for (const factory of factories) factory.setPersistence(new MikroOrmBulkPersistence(db.orm));
  });
  afterEach(async () => {
    for (const table of ['bulk_post_labels', 'bulk_post', 'bulk_label', 'bulk_user', 'bulk_node', 'plain_book', 'plain_shelf']) await db.sql(`delete from ${table}`);
  });
  after(async () => {
    for (const factory of factories) registry.unregister(factory);
    await db?.close();
  });

  it('writes users with their posts in chunks; every post points at its own user', async () => {
    const summary = await UserWithPostsFactory.seedRows(700, { plain: true, chunk: 320 });
    expect(summary).to.include({ created: 700, chunks: 3 });
    expect(await count('bulk_user')).to.equal(700);
    expect(await count('bulk_post')).to.equal(2_100);
    // Each user has exactly its three posts: the children got the keys their parents were given.
    const perUser = await db.numbers<'n'>('select count(p.id) as n from bulk_user u left join bulk_post p on p.author_id = u.id group by u.id');
    expect(perUser.every((row) => row.n === 3)).to.equal(true);
    const rows = await db.sql<{ joined_at: unknown; address_city: string | null }>('select joined_at, address_city from bulk_user');
    expect(rows.every((row) => row.joined_at !== null && row.address_city !== null)).to.equal(true); // onCreate and the embeddable
  });

  it('builds the required parent of each row, and points at an existing entity without writing it again', async () => {
    await PostFactory.seedRows(5, { plain: true });
    expect(await count('bulk_user')).to.equal(5);
    expect(await db.numbers<'n'>('select count(*) as n from bulk_post p join bulk_user u on u.id = p.author_id')).to.deep.equal([{ n: 5 }]);
    const existing = await UserFactory.createAsync();
    await PostFactory.seedRows(4, { plain: true, overrides: { author: existing } });
    expect(await count('bulk_user')).to.equal(6);
    expect(await db.numbers<'n'>(`select count(*) as n from bulk_post where author_id = ${existing.id}`)).to.deep.equal([{ n: 4 }]);
  });

  it('children given as partial overrides point back at their row', async () => {
    await UserWithPostsFactory.seedRows(2, { plain: true, overrides: { posts: [{ title: 'first' }, { title: 'second' }] } as never });
    const rows = await db.sql<{ title: string; email: string }>('select p.title, u.email from bulk_post p join bulk_user u on u.id = p.author_id order by p.id');
    expect(rows.map((row) => row.title)).to.deep.equal(['first', 'second', 'first', 'second']);
    expect(new Set(rows.map((row) => row.email)).size).to.equal(2);
  });

  for (const plain of [true, false]) {
    it(`keys given to some rows and numbered by the database for others: every child gets its own parent's key (${plain ? 'plain rows' : 'entities'})`, async () => {
      // MariaDB's driver maps the keys it returns by position from the first generated one: a statement mixing both would shift them.
      const overrides = (index: number) => (index % 2 === 1 ? { id: 5_000 + index } : {});
      if (plain) await UserWithPostsFactory.seedRows(6, { plain: true, overrides });
      else {
        UserWithPostsFactory.setPersistence(new MikroOrmBulkPersistence(db.orm));
        await UserWithPostsFactory.createBatchAsync(6, overrides);
      }
      const rows = await db.numbers<'id' | 'n'>('select u.id as id, count(p.id) as n from bulk_user u left join bulk_post p on p.author_id = u.id group by u.id order by u.id');
      expect(rows.map((row) => row.n)).to.deep.equal([3, 3, 3, 3, 3, 3]);
      expect(rows.map((row) => row.id)).to.include.members([5_001, 5_003, 5_005]);
    });
  }

  it('a failed chunk writes nothing of itself, keeps the chunks before it, and names the field', async () => {
    const attempt = UserFactory.seedRows(10, { plain: true, chunk: 4, overrides: (index: number) => (index === 5 || index === 6 ? { email: 'taken@example.com' } : {}) });
    const error = await expectRejects(attempt, PersistenceException, 'UserFactory.createBatchAsync', 'email');
    expect(error.message).to.contain('BulkUser.email');
    expect(await count('bulk_user')).to.equal(4);
  });

  it('joins the transaction open where it is called: its rollback takes the rows back', async () => {
    const rolledBack = db.orm.em.fork().transactional(async () => {
      await UserWithPostsFactory.seedRows(6, { plain: true });
      throw new Error('roll back');
    });
    await expectRejects(rolledBack, Error, 'roll back');
    expect(await count('bulk_user')).to.equal(0);
    expect(await count('bulk_post')).to.equal(0);
  });

  it('refuses hooks, which expect entities, before anything is written (the root factory and nested ones)', async () => {
    await expectRejects(HookedUserFactory.seedRows(3, { plain: true }), ConfigurationException, 'HookedUserFactory', 'afterCreate', 'without plain: true');
    await expectRejects(PostOfHookedAuthorFactory.seedRows(3, { plain: true }), ConfigurationException, 'HookedPostAuthorFactory', 'afterBuild');
    expect(await count('bulk_user')).to.equal(0);
    expect(await count('bulk_post')).to.equal(0);
  });

  it('refuses a handler other than MikroOrmBulkPersistence, and the option anywhere but seedRows', async () => {
    UserFactory.setPersistence(new MikroOrmPersistence(db.orm));
    await expectRejects(UserFactory.seedRows(3, { plain: true }), ConfigurationException, 'MikroOrmBulkPersistence', 'MikroOrmPersistence', 'setPersistence');
    const stream = UserFactory.stream(3, { plain: true } as never);
    await expectRejects(stream.next(), ParameterException, 'UserFactory.stream', 'plain');
    await expectRejects(UserFactory.seedRows(3, { plain: 'yes' } as never), ParameterException, 'plain', 'true or false');
    expect(await count('bulk_user')).to.equal(0);
  });

  it('refuses what plain rows cannot stand for, naming the class, the reason and the fix, before writing', async () => {
    // A constructor with parameters.
    await expectRejects(ShelfFactory.seedRows(2, { plain: true, overrides: { books: [{}] } as never }), ConfigurationException, 'PlainBook', 'constructor', 'without plain: true');
    // A filled many-to-many, a new entity the call did not build, a cycle.
    await expectRejects(PostFactory.seedRows(2, { plain: true, overrides: { labels: [LabelFactory.build()] } }), ConfigurationException, 'BulkPost.labels', 'many-to-many');
    await expectRejects(PostFactory.seedRows(2, { plain: true, overrides: { author: UserFactory.build() } }), ConfigurationException, 'BulkUser', 'Flush the BulkUser first');
    for (const table of ['bulk_user', 'bulk_post', 'bulk_label', 'plain_shelf', 'plain_book']) expect(await count(table), table).to.equal(0);
  });

  it('seeds the same rows as the entity path from the same seed (users with posts)', async () => {
    const dump = async () => ({
      users: await db.sql('select id, name, email, address_street, address_city from bulk_user order by id'),
      posts: await db.sql('select id, title, author_id from bulk_post order by id'),
    });
    const run = async (plain: boolean) => {
      await clearSchema(db.orm);
      if (database === 'sqlite') await db.sql('delete from sqlite_sequence');
      UserWithPostsFactory.seed(7);
      PostFactory.seed(7);
      await UserWithPostsFactory.seedRows(40, { plain, chunk: 15 });
      return dump();
    };
    const entities = await run(false);
    const plain = await run(true);
    expect(entities.posts).to.have.length(120);
    expect(plain).to.deep.equal(entities);
  });
});
