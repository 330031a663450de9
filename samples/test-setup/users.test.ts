/** Tests that run with root-hooks.ts: each sees only its own rows. */
import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, MikroOrmPersistence, Persist } from 'fixtory';
import { Book, User } from '../demo-entities.js';
import { tx } from './root-hooks.js';

@Factory(User)
@Persist(MikroOrmPersistence) // its own handler: TestTransaction still keeps its rows in the test's transaction
class UserFactory extends BaseFactory<User> {}

@Factory(Book)
class BookFactory extends BaseFactory<Book> {} // no handler: writes through the test's transaction

describe('a clean database for every test', () => {
  it('sees the rows it creates', async () => {
    await UserFactory.createBatchAsync(3);
    await BookFactory.createAsync();
    expect(await tx.em.count(User)).to.equal(3);
    expect(await tx.em.count(Book)).to.equal(1);
  });

  it('starts from empty tables: the previous test was rolled back', async () => {
    expect(await tx.em.count(User)).to.equal(0);
    expect(await tx.em.count(Book)).to.equal(0);
  });
});
