import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { faker } from '@faker-js/faker';
import { BaseFactory, Factory, Field, Persist, SyncPersistenceProtocol, Use } from 'fixtory';
import { sampleFile } from './data-dir.js';

export interface Person {
  id: string;
  name: string;
  email: string;
  age: number;
}

export class JsonFilePersistence extends SyncPersistenceProtocol<Person> {
  constructor(readonly path: string) {
    super();
  }
  save(person: Person): Person {
    return this.saveMany([person])[0]!;
  }
  saveMany(people: Person[]): Person[] {
    const stored: Person[] = existsSync(this.path) ? JSON.parse(readFileSync(this.path, 'utf8')) : [];
    writeFileSync(this.path, JSON.stringify([...stored, ...people], null, 2));
    return people;
  }
}

export const peopleFile = sampleFile('people.json');

// The fields of a Person, shared by the factories of the samples (an undecorated factory is a mixin).
export abstract class PersonFields extends BaseFactory<Person> {
  @Use(() => faker.string.uuid()) id!: string;
  @Field() name!: string;
  @Field() email!: string;
  @Use(() => faker.number.int({ min: 18, max: 99 })) age!: number;
}

@Factory() // no model: builds plain objects shaped by the declared fields
@Persist(new JsonFilePersistence(peopleFile))
export class PersonFactory extends PersonFields {}

export function main() {
  const one = PersonFactory.createSync({ name: 'Ada Lovelace' });
  const many = PersonFactory.createBatchSync(4);
  return { one, many, file: peopleFile };
}
