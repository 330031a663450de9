// README "Per-item overrides in batches": a function of the index, or one partial per instance.
import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, Persist } from 'fixtory';
import { MemorySync } from '../support/memory.js';

interface Volume {
  title: string;
  pages: number;
}
@Factory()
@Persist(new MemorySync<Volume>())
class VolumeFactory extends BaseFactory<Volume> {
  @Field() title!: string;
  @Field() pages!: number;
}
{
// README block
  expect(volumes.map((volume) => volume.title)).to.deep.equal(['Vol. 1', 'Vol. 2', 'Vol. 3']);
}
{
// README block
  expect(volumes.map((volume) => volume.pages)).to.deep.equal([10, 20]);
  expect(volumes[1]!.title).to.equal('Last');
}
