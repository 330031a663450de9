// README "Persistence": JSON-file handlers for plain objects, sync and async, both on one factory,
// set at runtime, and the errors of a create call without the handler it needs.
import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { faker } from '@faker-js/faker';
import { expect } from 'chai';
import {
  AsyncPersistenceProtocol, BaseFactory, ConfigurationException, Factory, Field, Persist, registry, SyncPersistenceProtocol, Use,
} from 'fixtory';
import { dbName } from '../support/db.js';

interface Person {
  id: string;
  name: string;
  email: string;
  age: number;
}
const sampleFile = (name: string): string => `${dbName}-${name}`;
const readJson = (path: string): Person[] => JSON.parse(readFileSync(path, 'utf8'));

// README block

PersonFactory.createBatchSync(2);
expect(readJson(peopleFile)).to.have.length(2);
expect(readJson(peopleFile)[0]!.email).to.match(/@/);

// README block

await AsyncPersonFactory.createBatchAsync(3);
expect(readJson(asyncPeopleFile)).to.have.length(3);

const syncFile = sampleFile('both-sync.json');
const asyncFile = sampleFile('both-async.json');
// README block

DualPersonFactory.createBatchSync(2);
await DualPersonFactory.createAsync();
expect([readJson(syncFile).length, readJson(asyncFile).length]).to.deep.equal([2, 1]);

@Factory()
class TenantPersonFactory extends PersonFields {}
const defaultFile = sampleFile('runtime-default.json');
const tenantFile = sampleFile('runtime-tenant.json');
{
// README block
}
expect(readJson(defaultFile).map((person) => person.name)).to.deep.equal(['via the default', 'via the default again']);
expect(readJson(tenantFile).map((person) => person.name)).to.deep.equal(['via the tenant handler']);
registry.clearDefaultPersistence();

@Factory()
class UnsavedPersonFactory extends PersonFields {}
@Factory()
@Persist(new JsonFilePersistence(sampleFile('sync-only.json')))
class SyncOnlyPersonFactory extends PersonFields {}
const messages: string[] = [];
{
// README block
}
expect(messages).to.have.length(2);
expect(messages[0]).to.include('UnsavedPersonFactory has no sync persistence handler for createSync: decorate it with @Persist(handler)');
expect(messages[1]).to.include('SyncOnlyPersonFactory has a sync handler only: use createSync/createBatchSync, or add an async handler');
