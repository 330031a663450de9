// README "MikroORM": factories with no field declarations, on a SQLite file.
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/sqlite';
import { expect } from 'chai';
import { BaseFactory, Factory, MikroOrmPersistence, Persist, useMikroOrm } from 'fixtory';
import { dbName } from '../support/db.js';
import { Author, Book, User } from '../support/demo-entities.js';

// README block

const orm = await MikroORM.init({ dbName, entities: [User, Author, Book] });
await orm.schema.refreshDatabase();
{
// README block
  expect(ada.name).to.equal('Ada Lovelace');
  expect(users).to.have.length(5);
  const em = orm.em.fork();
  expect(await em.count(User)).to.equal(6);
  const stored = await em.find(Book, {}, { populate: ['author'] });
  expect(stored.map((book) => book.id).sort()).to.deep.equal(books.map((book) => book.id).sort());
  for (const book of stored) expect(book.author.name).to.be.a('string').and.not.equal('');
}
await orm.close();
