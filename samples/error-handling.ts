import 'reflect-metadata';
import { ConfigurationException, Factory, Persist } from 'fixtory';
import { sampleFile } from './data-dir.js';
import { JsonFilePersistence, PersonFields } from './json-file-sync.js';

@Factory()
export class UnsavedPersonFactory extends PersonFields {}

@Factory()
@Persist(new JsonFilePersistence(sampleFile('sync-only.json')))
export class SyncOnlyPersonFactory extends PersonFields {}

export async function main() {
  const messages: string[] = [];
  try {
    UnsavedPersonFactory.createSync(); // no handler anywhere
  } catch (error) {
    if (!(error instanceof ConfigurationException)) throw error;
    messages.push(error.message);
  }
  try {
    await SyncOnlyPersonFactory.createAsync(); // only a sync handler
  } catch (error) {
    if (!(error instanceof ConfigurationException)) throw error;
    messages.push(error.message);
  }
  return { messages };
}
