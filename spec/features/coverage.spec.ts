import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, type Traits } from 'fixtory';

enum Size {
  S = 'S',
  M = 'M',
  L = 'L',
  XL = 'XL',
}

class Shirt {
  @Field({ enum: Size }) size!: Size;
  @Field({ enum: ['red', 'blue'] }) color!: 'red' | 'blue';
  @Field() organic!: boolean;
  @Field() name!: string;
}

@Factory(Shirt)
class ShirtFactory extends BaseFactory<Shirt> {
  static traits = { large: { overrides: { size: Size.L } } } satisfies Traits<Shirt>;
}

describe('coverage()', () => {
  it('gives the smallest set that uses every enum member, every listed value and both booleans', () => {
    const shirts = ShirtFactory.coverage();
    expect(shirts).to.have.length(4);
    expect(new Set(shirts.map((s) => s.size))).to.deep.equal(new Set(Object.values(Size)));
    expect(new Set(shirts.map((s) => s.color))).to.deep.equal(new Set(['red', 'blue']));
    expect(new Set(shirts.map((s) => s.organic))).to.deep.equal(new Set([true, false]));
    shirts.forEach((s) => expect(s).to.be.instanceOf(Shirt));
  });

  it('keeps fields that are overridden, directly or by a trait, fixed', () => {
    const shirts = ShirtFactory.coverage({ size: Size.M });
    expect(shirts).to.have.length(2);
    shirts.forEach((s) => expect(s.size).to.equal(Size.M));
    const large = ShirtFactory.coverage({}, { traits: ['large'] });
    expect(large).to.have.length(2);
    large.forEach((s) => expect(s.size).to.equal(Size.L));
  });

  it('gives one instance when nothing varies', () => {
    @Factory()
    class PlainFactory extends BaseFactory<{ name: string }> {
      @Field() name!: string;
    }
    expect(PlainFactory.coverage()).to.have.length(1);
  });
});
