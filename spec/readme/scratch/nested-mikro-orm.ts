// README "Nested overrides": a list of partials fills a collection, each child pointing back.
import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, MikroOrmPersistence, Persist, useMikroOrm } from 'fixtory';
import { openOrm } from '../support/db.js';
import { Author, libraryEntities } from '../support/library.js';

@Factory(Author)
@Persist(MikroOrmPersistence)
class NovelistFactory extends BaseFactory<Author> {}

const { orm } = await openOrm({ entities: libraryEntities });
useMikroOrm(orm);
{
// README block
  expect(author.books.getItems().map((book) => book.title)).to.deep.equal(['First', 'Second']);
  for (const book of author.books.getItems()) expect(book.author).to.equal(author);
  expect(await orm.em.fork().count('Book')).to.equal(2);
}
await orm.close();
