import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import validator from 'validator';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { ConfigurationException, PersistenceException } from 'fixtory';
import { CustomerFactory, customerDb, main as betterSqlite } from '../samples/better-sqlite3-sync.js';
import { expectThrows } from './support/expect-error.js';
import { main as bothHandlers } from '../samples/both-handlers.js';
import { main as errorHandling } from '../samples/error-handling.js';
import { main as jsonAsync } from '../samples/json-file-async.js';
import { main as jsonSync, PersonFactory, type Person } from '../samples/json-file-sync.js';
import { quickStart } from '../samples/quick-start.js';
import { main as runtimeHandler } from '../samples/runtime-handler.js';

function stored(file: string): Person[] {
  return JSON.parse(readFileSync(file, 'utf8')) as Person[];
}

function expectPeople(people: Person[]): void {
  for (const person of people) {
    expect(person.id).to.match(/^[0-9a-f-]{36}$/);
    expect(person.email).to.include('@');
    expect(person.age).to.be.within(18, 99);
    expect(Object.keys(person).sort()).to.deep.equal(['age', 'email', 'id', 'name']);
  }
}

describe('samples', () => {
  it('quick start: builds one user and saves three through one handler', () => {
    expect(quickStart.ada.name).to.equal('Ada Lovelace');
    expect(quickStart.saved).to.have.length(3);
    expect(quickStart.users.rows).to.deep.equal(quickStart.saved);
    expect(quickStart.ada.email).to.include("@");
  });

  it('json-file-sync: writes plain-object people to a JSON file', () => {
    const { one, many, file } = jsonSync();
    const people = stored(file);
    expect(people).to.deep.equal([one, ...many]);
    expect(people[0]!.name).to.equal('Ada Lovelace');
    expectPeople(people);
    expect(Object.getPrototypeOf(PersonFactory.build())).to.equal(Object.prototype);
  });

  it('json-file-async: writes through fs/promises', async () => {
    const { one, many, file } = await jsonAsync();
    expect(stored(file)).to.deep.equal([one, ...many]);
    expect(one.age).to.equal(42);
    expectPeople(stored(file));
  });

  it('both-handlers: sync calls go to one file, async calls to the other', async () => {
    const { viaSync, viaAsync, syncFile, asyncFile } = await bothHandlers();
    expect(stored(syncFile)).to.deep.equal(viaSync);
    expect(stored(asyncFile)).to.deep.equal(viaAsync);
  });

  it('runtime-handler: global default, then the own handler, then the default again', () => {
    const { defaultFile, tenantFile } = runtimeHandler();
    expect(stored(defaultFile).map((p) => p.name)).to.deep.equal(['via the default', 'via the default again']);
    expect(stored(tenantFile).map((p) => p.name)).to.deep.equal(['via the tenant handler']);
  });

  it('error-handling: both ConfigurationException cases', async () => {
    const { messages } = await errorHandling();
    expect(messages).to.have.length(2);
    expect(messages[0]).to.include('UnsavedPersonFactory has no sync persistence handler');
    expect(messages[1]).to.include('SyncOnlyPersonFactory has a sync handler only: use createSync');
    expect(ConfigurationException).to.be.a('function');
  });

  it('better-sqlite3-sync: a real synchronous handler writes before createSync returns', () => {
    const { one, many } = betterSqlite();
    const stored = customerDb.prepare('select id, name, email, city from customer order by id').all() as Record<string, unknown>[];
    expect(stored.map((row) => row['id'])).to.include.members([one, ...many].map((c) => c.id));
    expect(stored.find((row) => row['id'] === one.id)).to.deep.include({ city: 'Lisbon', email: one.email });
  });

  it('better-sqlite3-sync: a batch whose last item fails writes nothing (one transaction) and says which factory failed', () => {
    const before = (customerDb.prepare('select count(*) as n from customer').get() as { n: number }).n;
    const taken = CustomerFactory.createSync();
    // Items 1 and 2 are valid: a save that was not one transaction would leave them behind.
    const error = expectThrows(() => CustomerFactory.createBatchSync(3, (index) => (index === 2 ? { email: taken.email } : {})), PersistenceException, 'CustomerFactory.createBatchSync could not save Customer', 'UNIQUE');
    expect((error.cause as Error).constructor.name).to.equal('SqliteError');
    expect((customerDb.prepare('select count(*) as n from customer').get() as { n: number }).n).to.equal(before + 1);
  });

  it('the MikroORM demo (npm start) writes users and a Book/Author graph and reads them back', function () {
    this.timeout(30_000);
    const script = fileURLToPath(new URL('../samples/mikro-orm-demo.js', import.meta.url));
    const { ids, storedUsers, storedBooks } = JSON.parse(execFileSync(process.execPath, [script, '--json'], { encoding: 'utf8' })) as {
      ids: { ada: number; users: number[]; books: [number, string][] };
      storedUsers: { id: number; name: string; email: string }[];
      storedBooks: { id: number; title: string; author: { id: number; name: string } }[];
    };
    expect(storedUsers).to.have.length(6);
    expect(storedUsers[0]!.name).to.equal('Ada Lovelace');
    expect(new Set(storedUsers.map((u) => u.email)).size).to.equal(6);
    expect(storedUsers.map((u) => u.id)).to.deep.equal([ids.ada, ...ids.users]);
    expect(storedBooks.map((b) => [b.id, b.title])).to.deep.equal(ids.books);
    expect(new Set(storedBooks.map((b) => b.author.id)).size).to.equal(3);
    storedBooks.forEach((book) => expect(book.author.name).to.be.a('string').and.not.be.empty);
  });

  it('npm start prints what the demo wrote, read back from the database', function () {
    this.timeout(30_000);
    const script = fileURLToPath(new URL('../samples/mikro-orm-demo.js', import.meta.url));
    const output = execFileSync(process.execPath, [script], { encoding: 'utf8' });
    expect(output).to.match(/fixtory demo: wrote to .*demo\.sqlite/);
    expect(output.match(/^ {2}#\d+ .+ <[^>]+@[^>]+>/gm)).to.have.length(6);
    const isbns = [...output.matchAll(/^ {2}#\d+ ".+" \(ISBN (\S+)\) by .+ \(author #\d+\)$/gm)].map((m) => m[1]!);
    expect(isbns).to.have.length(3);
    for (const isbn of isbns) expect(validator.isISBN(isbn, 13), isbn).to.equal(true);
  });

  it('test-setup: a mocha root hook plugin gives every test a clean database, rolled back after it', function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), 'fixtory-root-hooks-'));
    const dbFile = join(dir, 'tests.sqlite');
    try {
      const sample = (file: string) => fileURLToPath(new URL(`../samples/test-setup/${file}`, import.meta.url));
      const mocha = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');
      const output = execFileSync(process.execPath, [mocha, '--no-config', '--timeout', '10000', '--require', sample('root-hooks.js'), sample('users.test.js')], {
        encoding: 'utf8',
        env: { ...process.env, SAMPLE_DB: dbFile },
      });
      expect(output).to.match(/2 passing/);
      const db = new Database(dbFile, { readonly: true });
      try {
        for (const table of ['user', 'book', 'author']) expect(db.prepare(`select count(*) as n from ${table}`).get(), table).to.deep.equal({ n: 0 });
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('npm run samples runs them all', () => {
    const script = fileURLToPath(new URL('../samples/run-all.js', import.meta.url));
    const output = execFileSync(process.execPath, [script], { encoding: 'utf8' });
    expect(output).to.match(/json-file-sync: 5 people/);
    expect(output).to.match(/both-handlers: 2 saved by the sync handler, 3 by the async one/);
    expect(output).to.match(/runtime-handler: 2 by the global default, 1 by the factory's own/);
    expect(output.match(/error-handling: ConfigurationException/g)).to.have.length(2);
    expect(output).to.match(/better-sqlite3-sync: customers #\d+, #\d+, #\d+, #\d+, #\d+ written synchronously/);
    expect(output).to.match(/mikro-orm-demo: 6 users and 3 books in .*demo\.sqlite/);
  });
});
