// README "Relations": collections filled by @Related, an optional reference built.
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/sqlite';
import { expect } from 'chai';
import { BaseFactory, Factory, Related, useMikroOrm } from 'fixtory';
import { dbName } from '../support/db.js';
import { Author, Book, libraryEntities, Publisher } from '../support/library.js';

const orm = await MikroORM.init({ dbName, entities: libraryEntities });
useMikroOrm(orm);

// README block

const author = ProlificAuthorFactory.build();
expect(author.books.getItems()).to.have.length(3);
for (const book of author.books.getItems()) expect(book.author).to.equal(author);
const book = TaggedBookFactory.build();
expect(book.tags.getItems()).to.have.length(2);
expect(book.publisher).to.be.instanceOf(Publisher);
await orm.close();
