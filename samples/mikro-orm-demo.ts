/** `npm start`: the main demo. MikroORM on an embedded SQLite file, fixtory filling it. */
import 'reflect-metadata';
import { BaseFactory, Factory, MikroOrmPersistence, Persist, useMikroOrm } from 'fixtory';
import { MikroORM } from '@mikro-orm/sqlite';
import { Author, Book, User } from './demo-entities.js';
import { sampleFile } from './data-dir.js';
import { metadataProvider, refreshSchema } from './mikro-orm-major.js';

// No field declarations: every column is generated from MikroORM's metadata.
@Factory(User)
@Persist(MikroOrmPersistence) // a handler class: a new instance per create call
class UserFactory extends BaseFactory<User> {}

@Factory(Book)
@Persist(MikroOrmPersistence)
class BookFactory extends BaseFactory<Book> {} // each Book gets a new Author in the same flush

export async function main(dbFile = sampleFile('demo.sqlite')) {
  const orm = await MikroORM.init({ dbName: dbFile, entities: [User, Author, Book], metadataProvider });
  await refreshSchema(orm);
  useMikroOrm(orm); // MikroOrmPersistence writes through this ORM; entities are built from its metadata

  const ada = await UserFactory.createAsync({ name: 'Ada Lovelace' });
  const users = await UserFactory.createBatchAsync(5);
  const books = await BookFactory.createBatchAsync(3);

  // Read back through a fresh EntityManager: what is really in the database.
  const em = orm.em.fork();
  const storedUsers = await em.find(User, {}, { orderBy: { id: 'asc' } });
  const storedBooks = await em.find(Book, {}, { populate: ['author'], orderBy: { id: 'asc' } });
  await orm.close();
  return { dbFile, created: { ada, users, books }, storedUsers, storedBooks };
}

if (process.argv[1]?.endsWith('mikro-orm-demo.js')) {
  const { dbFile, created, storedUsers, storedBooks } = await main();
  if (process.argv.includes('--json')) {
    // For the spec, which runs the demo in its own process (its entity names would clash with the specs' in one).
    const ids = { ada: created.ada.id, users: created.users.map((u) => u.id), books: created.books.map((b) => [b.id, b.title]) };
    console.log(JSON.stringify({ ids, storedUsers, storedBooks: storedBooks.map((b) => ({ ...b, author: { id: b.author.id, name: b.author.name } })) }));
  } else {
    console.log(`fixtory demo: wrote to ${dbFile}\n`);
    console.log('users');
    for (const user of storedUsers) console.log(`  #${user.id} ${user.name} <${user.email}> signed up ${user.signedUpAt.toISOString().slice(0, 10)}`);
    console.log('books');
    for (const book of storedBooks) console.log(`  #${book.id} "${book.title}" (ISBN ${book.isbn}) by ${book.author.name} (author #${book.author.id})`);
  }
}
