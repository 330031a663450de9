import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, ParameterException, Persist } from 'fixtory';
import { expectThrows } from '../support/expect-error.js';
import { MemorySync } from '../support/memory-persistence.js';

interface Volume {
  title: string;
  pages: number;
}

const shelf = new MemorySync<Volume>();

@Factory()
@Persist(shelf)
class VolumeFactory extends BaseFactory<Volume> {
  @Field() title!: string;
  @Field() pages!: number;
}

describe('per-item overrides in batches', () => {
  it('computes each instance’s overrides from its index', () => {
    const volumes = VolumeFactory.batch(3, (i) => ({ title: `Vol. ${i + 1}` }));
    expect(volumes.map((v) => v.title)).to.deep.equal(['Vol. 1', 'Vol. 2', 'Vol. 3']);
  });

  it('takes one partial per instance', () => {
    const volumes = VolumeFactory.createBatchSync(2, [{ pages: 10 }, { pages: 20, title: 'Last' }]);
    expect(volumes.map((v) => v.pages)).to.deep.equal([10, 20]);
    expect(volumes[1]!.title).to.equal('Last');
    expect(shelf.calls.at(-1)).to.equal('saveMany(2)');
  });

  it('rejects a list whose length is not the batch size', () => {
    expectThrows(() => VolumeFactory.batch(3, [{ pages: 1 }]), ParameterException, 'VolumeFactory.batch', '1 item overrides for a batch of 3');
  });

  it('checks every item like any overrides', () => {
    expectThrows(() => VolumeFactory.batch(2, (i) => (i === 1 ? ({ pagez: 1 } as never) : {})), ParameterException, "no field 'pagez'");
    expectThrows(() => VolumeFactory.batch(1, [null as never]), ParameterException, 'overrides must be a plain object');
  });
});
