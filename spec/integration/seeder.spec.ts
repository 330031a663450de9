import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM, type EntityManager } from '@mikro-orm/sqlite';
import { SeedManager } from '@mikro-orm/seeder';
import { expect } from 'chai';
import { BaseFactory, currentSeed, Factory, fixtorySeeder, forgetMikroOrms, MikroOrmPersistence, ParameterException, Persist, registry, type SeedContext } from 'fixtory';
import { expectThrows } from '../support/expect-error.js';
import { createSchema, metadataProvider } from '../../samples/mikro-orm-major.js';
import { allEntities, Author, Book } from './support/entities.js';

describe('MikroORM seeder: fixtorySeeder', function () {
  this.timeout(30_000);
  let dir: string;
  let orm: MikroORM;
  const defined: Function[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fixtory-seeder-'));
    orm = await MikroORM.init({ dbName: join(dir, 'seeded.sqlite'), entities: allEntities, extensions: [SeedManager], metadataProvider });
    await createSchema(orm);
  });
  afterEach(async () => {
    for (const factory of defined.splice(0)) registry.unregister(factory as never);
    await orm.close(true);
    forgetMikroOrms();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs a fixtory seed function through MikroORM's SeedManager (what `npx mikro-orm seeder:run` uses)", async () => {
    @Factory(Author)
    @Persist(MikroOrmPersistence)
    class SeededAuthorFactory extends BaseFactory<Author> {}
    @Factory(Book)
    @Persist(MikroOrmPersistence)
    class SeededBookFactory extends BaseFactory<Book> {}
    defined.push(SeededAuthorFactory, SeededBookFactory);

    const seen: SeedContext[] = [];
    async function seed(context: SeedContext) {
      seen.push(context);
      const [author] = await SeededAuthorFactory.createBatchAsync(1);
      await SeededBookFactory.createBatchAsync(3, { author: author! });
    }
    class DatabaseSeeder extends fixtorySeeder(seed) {}

    await orm.seeder.seed(DatabaseSeeder);
    const em = orm.em.fork();
    expect(await em.count(Author)).to.equal(1);
    expect(await em.count(Book, { author: { email: { $ne: null } } })).to.equal(3);
    // The seed function gets the seeder's EntityManager, the run's seed, and a real (not dry) run.
    expect(seen).to.have.length(1);
    expect(seen[0]!.seed).to.equal(currentSeed());
    expect(seen[0]!.dryRun).to.equal(false);
    expect((seen[0]!.orm as EntityManager).getMetadata()).to.equal(orm.getMetadata());
  });

  it('refuses what is not a seed function', () => {
    expectThrows(() => fixtorySeeder('seed' as never), ParameterException, 'fixtorySeeder', 'a seed function');
  });
});
