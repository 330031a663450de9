import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/sqlite';
import { expect } from 'chai';
import fc from 'fast-check';
import { BaseFactory, Factory, FactoryException, MikroOrmPersistence, ParameterException, useMikroOrm } from 'fixtory';
import { expectRejects } from '../support/expect-error.js';
import { Author, Book } from './support/entities.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

@Factory(Author)
class HostileAuthorFactory extends BaseFactory<Author> {}

@Factory(Book)
class HostileBookFactory extends BaseFactory<Book> {}

describe('MikroORM: hostile overrides are inert', function () {
  this.timeout(30_000);
  let db: TestDatabase;
  let em: EntityManager;

  async function count(table: string): Promise<number> {
    const [row] = await db.sql<{ n: number }>(`select count(*) as n from ${table}`);
    return row!.n;
  }

  beforeEach(async () => {
    db = await openTestDatabase();
    useMikroOrm(db.orm);
    em = db.orm.em.fork();
    HostileAuthorFactory.setPersistence(new MikroOrmPersistence(em));
    HostileBookFactory.setPersistence(new MikroOrmPersistence(em));
  });
  afterEach(async () => {
    HostileAuthorFactory.clearPersistence();
    HostileBookFactory.clearPersistence();
    await db.close();
  });

  it('refuses a JSON __proto__ payload for an entity, its nested parent and the last child of a collection; writes nothing', async () => {
    const payload = () => JSON.parse('{ "__proto__": { "polluted": true }, "name": "Mallory" }');
    await expectRejects(HostileAuthorFactory.createAsync(payload()), ParameterException, "'__proto__'");
    await expectRejects(HostileBookFactory.createAsync({ author: payload() }), ParameterException, "'__proto__'", "'author'");
    await expectRejects(
      HostileAuthorFactory.createAsync({ books: [{ title: 'One' }, { title: 'Two' }, JSON.parse('{ "constructor": "x", "title": "Three" }')] }),
      ParameterException,
      "'constructor'",
      "'books'",
    );
    await em.flush(); // a later flush through the same EntityManager writes nothing of them either
    expect(await count('author')).to.equal(0);
    expect(await count('book')).to.equal(0);
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    const author = await HostileAuthorFactory.createAsync({ name: 'Ada' });
    expect(Object.getPrototypeOf(author)).to.equal(Author.prototype);
  });

  it('property: hostile keys and values for an entity give the values asked for or a FactoryException', async () => {
    // Keys of the entity and reserved ones (em.create drops keys an entity does not have; the compiler refuses them).
    const keys = fc.constantFrom('name', 'email', '__proto__', 'constructor', 'prototype');
    const values = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.constant(null), fc.constant(undefined), fc.object({ maxDepth: 1 }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(keys, values), { maxLength: 4 }), async (entries) => {
        const overrides: Record<string, unknown> = {};
        for (const [key, value] of entries) Object.defineProperty(overrides, key, { value, enumerable: true, writable: true, configurable: true });
        try {
          const author = HostileAuthorFactory.build(overrides as never);
          expect(Object.getPrototypeOf(author)).to.equal(Author.prototype);
          for (const key of Object.keys(overrides)) expect(Object.is((author as never)[key], overrides[key]), key).to.equal(true);
        } catch (error) {
          expect(error, String((error as Error)?.stack ?? error)).to.be.instanceOf(FactoryException);
        }
      }),
      { numRuns: 200, plugins: [fc.timeout(2_000)] },
    );
  });
});
