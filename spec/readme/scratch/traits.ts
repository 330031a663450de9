// README "Traits": later traits win, included traits apply first, a trait's hook runs.
import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, Persist, type Traits } from 'fixtory';
import { MemoryAsync } from '../support/memory.js';

class Member {
  @Field() name!: string;
  @Field({ enum: ['member', 'admin', 'owner'] }) role!: string;
  @Field() active!: boolean;
  @Field() notes!: string;
}
const saved = new MemoryAsync<Member>();

// README block

// README block
expect(owner).to.include({ role: 'owner', name: 'The Owner', active: false, notes: 'suspended by trait' });
