// README "Plain rows": seedRows(n, { plain: true }) writes users and their posts without building entities.
import 'reflect-metadata';
import { expect } from 'chai';
import { MikroOrmBulkPersistence } from 'fixtory';
import { openOrm } from '../support/db.js';
import { Member, Post, UserWithPostsFactory } from '../support/members.js';

const db = await openOrm({ entities: [Member, Post] });
{
// README block
  const em = db.orm.em.fork();
  expect(await em.count(Member)).to.equal(10_000);
  expect(await em.count(Post)).to.equal(30_000);
  // Every post points at a member written by the same call.
  const orphans = await em.getConnection().execute('select count(*) as n from post p left join member m on m.id = p.author_id where m.id is null');
  expect(Number(orphans[0].n)).to.equal(0);
}
await db.orm.close();
