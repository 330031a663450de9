import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import { AsyncPersistenceProtocol, Factory, Persist } from 'fixtory';
import { sampleFile } from './data-dir.js';
import { PersonFields, type Person } from './json-file-sync.js';

export class AsyncJsonFilePersistence extends AsyncPersistenceProtocol<Person> {
  constructor(readonly path: string) {
    super();
  }
  async save(person: Person): Promise<Person> {
    const [saved] = await this.saveMany([person]);
    return saved!;
  }
  async saveMany(people: Person[]): Promise<Person[]> {
    const stored: Person[] = await readFile(this.path, 'utf8').then(JSON.parse, () => []);
    await writeFile(this.path, JSON.stringify([...stored, ...people], null, 2));
    return people;
  }
}

export const asyncPeopleFile = sampleFile('people-async.json');

@Factory()
@Persist(() => new AsyncJsonFilePersistence(asyncPeopleFile)) // a provider: resolved at each create call
export class AsyncPersonFactory extends PersonFields {}

export async function main() {
  const one = await AsyncPersonFactory.createAsync({ age: 42 });
  const many = await AsyncPersonFactory.createBatchAsync(3);
  return { one, many, file: asyncPeopleFile };
}
