import 'reflect-metadata';
import { Factory, Persist } from 'fixtory';
import { sampleFile } from './data-dir.js';
import { AsyncJsonFilePersistence } from './json-file-async.js';
import { JsonFilePersistence, PersonFields } from './json-file-sync.js';

export const syncFile = sampleFile('both-sync.json');
export const asyncFile = sampleFile('both-async.json');

// One sync and one async handler: createSync* uses the first, createAsync* the second.
@Factory()
@Persist(new JsonFilePersistence(syncFile))
@Persist(new AsyncJsonFilePersistence(asyncFile))
export class DualPersonFactory extends PersonFields {}

export async function main() {
  const viaSync = DualPersonFactory.createBatchSync(2);
  const viaAsync = await DualPersonFactory.createBatchAsync(3);
  return { viaSync, viaAsync, syncFile, asyncFile };
}
