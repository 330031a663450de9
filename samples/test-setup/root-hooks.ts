/**
 * A mocha root hook plugin (`mocha --require dist/samples/test-setup/root-hooks.js`): one ORM for
 * the whole run, its schema made once, and every test in a transaction that is rolled back after it.
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/sqlite';
import { TestTransaction, useMikroOrm } from 'fixtory';
import { sampleFile } from '../data-dir.js';
import { Author, Book, User } from '../demo-entities.js';
import { metadataProvider, refreshSchema } from '../mikro-orm-major.js';

let orm: MikroORM;
/** The running test's transaction: query through `tx.em`, which sees what the test's factories wrote. */
export let tx: TestTransaction<MikroORM>;

export const mochaHooks = {
  async beforeAll() {
    orm = await MikroORM.init({ dbName: process.env['SAMPLE_DB'] ?? sampleFile('tests.sqlite'), entities: [User, Author, Book], metadataProvider });
    await refreshSchema(orm);
    useMikroOrm(orm);
    tx = new TestTransaction(orm);
  },
  beforeEach: () => tx.begin(),
  afterEach: () => tx.rollback(),
  afterAll: () => orm.close(),
};
