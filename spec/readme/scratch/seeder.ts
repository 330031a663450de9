// README "Seeding from the command line": a fixtory seed function as a @mikro-orm/seeder class.
import 'reflect-metadata';
import { SeedManager } from '@mikro-orm/seeder';
import { expect } from 'chai';
import { BaseFactory, Factory, fixtorySeeder, MikroOrmPersistence, Persist, type SeedContext } from 'fixtory';
import { openOrm } from '../support/db.js';
import { Author, Book, libraryEntities } from '../support/library.js';

@Factory(Author)
@Persist(MikroOrmPersistence)
class AuthorFactory extends BaseFactory<Author> {}

const seen: number[] = [];
async function seed({ orm, seed }: SeedContext): Promise<void> {
  seen.push(seed);
  expect(orm).to.not.equal(undefined);
  await AuthorFactory.createBatchAsync(2);
}
const { orm } = await openOrm({ entities: libraryEntities, extensions: [SeedManager] });
{
// README block
}
expect(seen).to.have.length(1);
expect(await orm.em.fork().count(Author)).to.equal(2);
expect(await orm.em.fork().count(Book)).to.equal(0);
await orm.close();
