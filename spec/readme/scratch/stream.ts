// README "Seeding large volumes": seedRows and stream, a chunk per fork.
import 'reflect-metadata';
import { wrap } from '@mikro-orm/core';
import { expect } from 'chai';
import { BaseFactory, Factory, MikroOrmPersistence, Persist, useMikroOrm } from 'fixtory';
import { openOrm } from '../support/db.js';
import { Author, libraryEntities } from '../support/library.js';

@Factory(Author)
@Persist(MikroOrmPersistence)
class AuthorSeedFactory extends BaseFactory<Author> {}

const { orm } = await openOrm({ entities: libraryEntities });
useMikroOrm(orm);
{
// README block
  expect(await orm.em.fork().count(Author)).to.equal(2_500);
}
{
  const ids: number[] = [];
  const managers = new Set<unknown>();
// README block
  expect(ids).to.have.length(5);
  expect(managers.size).to.equal(3);
}
await orm.close();
