// README "Bulk inserts": MikroOrmBulkPersistence writes users and their posts with multi-row INSERTs.
import 'reflect-metadata';
import { expect } from 'chai';
import { MikroOrmBulkPersistence } from 'fixtory';
import { openOrm } from '../support/db.js';
import { Member, Post, UserWithPostsFactory } from '../support/members.js';

const db = await openOrm({ entities: [Member, Post] });
{
// README block
  expect(await db.orm.em.fork().count(Post)).to.equal(3_000);
}
await db.orm.close();
