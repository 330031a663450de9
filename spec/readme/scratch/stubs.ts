// README "Stubs": keys counted down per model, no query.
import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, MikroOrmPersistence } from 'fixtory';
import { openOrm } from '../support/db.js';
import { Author, Book, libraryEntities } from '../support/library.js';

@Factory(Book)
class StubbedBookFactory extends BaseFactory<Book> {}

const db = await openOrm({ entities: libraryEntities });
StubbedBookFactory.setPersistence(new MikroOrmPersistence(db.orm));
{
// README block
}
await StubbedBookFactory.createAsync();
expect(db.queries, 'the query log works').to.not.deep.equal([]);
await db.orm.close();
