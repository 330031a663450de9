// README "A clean database for every test": the root hook plugin and the tests, with describe/it and
// the hooks run the way mocha runs them.
import 'reflect-metadata';
import { MikroORM, ReflectMetadataProvider } from '@mikro-orm/sqlite';
import { expect } from 'chai';
import { BaseFactory, Factory, MikroOrmPersistence, Persist, TestTransaction, useMikroOrm } from 'fixtory';
import { dbName } from '../support/db.js';
import { Author, Book, User } from '../support/demo-entities.js';

const sampleFile = (_name: string): string => dbName;
const metadataProvider = ReflectMetadataProvider;
const refreshSchema = (orm: MikroORM): Promise<void> => orm.schema.refreshDatabase();

// README block

const tests: [string, () => Promise<void>][] = [];
const describe = (_name: string, define: () => void): void => define();
const it = (name: string, test: () => Promise<void>): void => void tests.push([name, test]);

// README block

await mochaHooks.beforeAll();
for (const [, test] of tests) {
  await mochaHooks.beforeEach();
  try {
    await test();
  } finally {
    await mochaHooks.afterEach();
  }
}
expect(tests).to.have.length(2);
const check = await MikroORM.init({ dbName, entities: [User, Author, Book] });
expect(await check.em.fork().count(User)).to.equal(0);
await check.close();
await mochaHooks.afterAll();
