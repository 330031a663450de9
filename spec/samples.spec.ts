import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { ConfigurationException } from 'fixtory';
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

  it('npm run samples runs them all', () => {
    const script = fileURLToPath(new URL('../samples/run-all.js', import.meta.url));
    const output = execFileSync(process.execPath, [script], { encoding: 'utf8' });
    expect(output).to.match(/json-file-sync: 5 people/);
    expect(output).to.match(/both-handlers: 2 saved by the sync handler, 3 by the async one/);
    expect(output).to.match(/runtime-handler: 2 by the global default, 1 by the factory's own/);
    expect(output.match(/error-handling: ConfigurationException/g)).to.have.length(2);
  });
});
