import 'reflect-metadata';
import { expect } from 'chai';
import { ref } from '@mikro-orm/core';
import { ConfigurationException, MikroOrmBulkPersistence } from 'fixtory';
import { expectRejects } from '../support/expect-error.js';
import { bulkGraphEntities, GraphAccount, GraphComment, GraphProfile, GraphTag, GraphThread } from './support/bulk-graph-entities.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

function account(name: string): GraphAccount {
  return Object.assign(new GraphAccount(), { name });
}

describe('MikroOrmBulkPersistence: the walk of a call\'s new entities', function () {
  this.timeout(30_000);
  let db: TestDatabase;
  const count = async (table: string) => Number((await db.numbers(`select count(*) as n from ${table}`))[0]!.n);

  before(async () => {
    db = await openTestDatabase({ entities: bulkGraphEntities });
  });
  afterEach(async () => {
    for (const table of ['graph_comment_tags', 'graph_comment', 'graph_thread', 'graph_profile', 'graph_tag', 'graph_account']) await db.sql(`delete from ${table}`);
  });
  after(async () => {
    await db?.close();
  });

  it('inserts the new target of an owning one-to-one (held in a Reference) before its owner', async () => {
    const owner = Object.assign(new GraphProfile(), { bio: 'owner first in the call' });
    const target = account('target');
    owner.account = ref(target);
    await new MikroOrmBulkPersistence<GraphProfile>(db.orm).saveMany([owner]);
    const rows = await db.sql<{ id: number; account_id: number }>('select id, account_id from graph_profile');
    expect(rows.map((row) => [Number(row.id), Number(row.account_id)])).to.deep.equal([[owner.id, target.id]]);
    expect(await count('graph_account')).to.equal(1);
  });

  it('inserts the owner of an inverse one-to-one after the inverse side it points at', async () => {
    const inverse = account('inverse first in the call');
    const owner = Object.assign(new GraphProfile(), { bio: 'owner' });
    owner.account = ref(inverse);
    inverse.profile = owner;
    await new MikroOrmBulkPersistence<GraphAccount>(db.orm).saveMany([inverse]);
    const rows = await db.sql<{ account_id: number }>('select account_id from graph_profile');
    expect(rows.map((row) => Number(row.account_id))).to.deep.equal([inverse.id]);
  });

  it('waits for the deepest of a child\'s new parents, whichever foreign key is declared first', async () => {
    const thread = Object.assign(new GraphThread(), { title: 'thread', starter: account('starter') });
    const comment = Object.assign(new GraphComment(), { body: 'body', thread, author: account('author') });
    await new MikroOrmBulkPersistence<GraphComment>(db.orm).saveMany([comment]);
    const rows = await db.sql<{ thread_id: number; author_id: number }>('select thread_id, author_id from graph_comment');
    expect(rows.map((row) => [Number(row.thread_id), Number(row.author_id)])).to.deep.equal([[thread.id, comment.author.id]]);
    expect(await count('graph_account')).to.equal(2);
  });

  it('runs the onCreate of an embeddable, and leaves a value the entity already has', async () => {
    const author = account('author');
    const thread = Object.assign(new GraphThread(), { title: 'thread', starter: author });
    const stamped = Object.assign(new GraphComment(), { body: 'stamped', thread, author });
    const signed = Object.assign(new GraphComment(), { body: 'signed', thread, author });
    signed.stamp.by = 'me';
    await new MikroOrmBulkPersistence<GraphComment>(db.orm).saveMany([stamped, signed]);
    const rows = await db.sql<{ body: string; stamp_by: string }>('select body, stamp_by from graph_comment order by body');
    expect(rows.map((row) => [row.body, row.stamp_by])).to.deep.equal([['signed', 'me'], ['stamped', 'stamped']]);
  });

  it('inserts an entity given twice once, and an entity it already wrote not again', async () => {
    const handler = new MikroOrmBulkPersistence<GraphAccount>(db.orm);
    const one = account('one');
    await handler.saveMany([one, one]);
    expect(await count('graph_account')).to.equal(1);
    const before = db.queries.length;
    await handler.saveMany([one]);
    expect(db.queries.slice(before)).to.deep.equal([]); // nothing to write: not even an empty transaction
    expect(await count('graph_account')).to.equal(1);
  });

  it('gives back a key the entity was given before the call when the call fails', async () => {
    const first = Object.assign(new GraphTag(), { code: 7, name: 'first' });
    const clash = Object.assign(new GraphTag(), { code: 7, name: 'clash' });
    const handler = new MikroOrmBulkPersistence<GraphTag>(db.orm);
    await expectRejects(handler.saveMany([first, clash]), Error);
    expect([first.code, clash.code]).to.deep.equal([7, 7]);
    clash.code = 8;
    await handler.saveMany([first, clash]);
    const rows = await db.sql<{ code: number }>('select code from graph_tag order by code');
    expect(rows.map((row) => Number(row.code))).to.deep.equal([7, 8]);
  });

  it('refuses a many-to-many collection holding only existing entities (it cannot write their pivot rows)', async () => {
    const tag = Object.assign(new GraphTag(), { code: 1, name: 'existing' });
    await new MikroOrmBulkPersistence<GraphTag>(db.orm).saveMany([tag]);
    const author = account('author');
    const comment = Object.assign(new GraphComment(), { body: 'tagged', thread: Object.assign(new GraphThread(), { title: 't', starter: author }), author });
    comment.tags.add(tag);
    const attempt = new MikroOrmBulkPersistence<GraphComment>(db.orm).saveMany([comment]);
    await expectRejects(attempt, ConfigurationException, 'GraphComment.tags', 'many-to-many');
    expect(await count('graph_comment')).to.equal(0);
    expect(await count('graph_account')).to.equal(0);
  });

  it('refuses a new entity\'s one-to-many or inverse one-to-one holding an existing entity (its foreign key would need an update)', async () => {
    const handler = new MikroOrmBulkPersistence<GraphAccount>(db.orm);
    const first = account('first');
    const thread = Object.assign(new GraphThread(), { title: 'thread', starter: first });
    const comment = Object.assign(new GraphComment(), { body: 'moved', thread, author: first });
    const profile = Object.assign(new GraphProfile(), { bio: 'moved' });
    profile.account = ref(first);
    first.profile = profile;
    await new MikroOrmBulkPersistence<GraphComment>(db.orm).saveMany([comment]);
    await new MikroOrmBulkPersistence<GraphProfile>(db.orm).saveMany([profile]);

    const second = account('second');
    second.comments.add(comment);
    await expectRejects(handler.saveMany([second]), ConfigurationException, 'GraphAccount.comments', 'MikroOrmPersistence');
    const inverse = account('inverse');
    inverse.profile = profile;
    await expectRejects(handler.saveMany([inverse]), ConfigurationException, 'GraphAccount.profile', 'MikroOrmPersistence');
    expect(await count('graph_account')).to.equal(1);
  });

});
