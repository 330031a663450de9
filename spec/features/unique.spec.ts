import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, ConfigurationException, Factory, Field, Ignore, ParameterException, Use, resetUniqueValues } from 'fixtory';
import { expectThrows } from '../support/expect-error.js';

class Badge {
  @Field({ unique: true }) code!: string;
  @Field({ unique: true }) serial!: number;
  @Field({ unique: true, enum: ['gold', 'silver', 'bronze'] }) tier!: string;
  @Use(() => 'same') @Field({ unique: true }) label!: string;
}

@Factory(Badge)
class BadgeFactory extends BaseFactory<Badge> {
  @Use(() => 'same') @Field({ unique: true }) label!: string;
}

@Factory(Badge)
class CodeOnlyFactory extends BaseFactory<Badge> {
  @Ignore() tier!: string;
  @Ignore() label!: string;
}

describe('unique values', () => {
  beforeEach(() => resetUniqueValues());

  it('never repeats a unique field’s values, even from a generator that always gives the same', () => {
    const badges = BadgeFactory.batch(3);
    expect(new Set(badges.map((b) => b.label)).size).to.equal(3);
    expect(new Set(badges.map((b) => b.tier))).to.deep.equal(new Set(['gold', 'silver', 'bronze']));
  });

  it('says which field ran out and after how many values', () => {
    BadgeFactory.batch(3);
    expectThrows(() => BadgeFactory.build(), ConfigurationException, 'ran out of unique values for Badge.tier after 3 distinct values');
  });

  it('starts afresh after resetUniqueValues()', () => {
    BadgeFactory.batch(3);
    resetUniqueValues();
    expect(BadgeFactory.batch(3)).to.have.length(3);
  });

  it('keeps 100,000 values distinct', function () {
    this.timeout(60_000);
    const badges = CodeOnlyFactory.batch(100_000);
    expect(new Set(badges.map((b) => b.code)).size).to.equal(100_000);
    expect(new Set(badges.map((b) => b.serial)).size).to.equal(100_000);
  });

  it('keeps the generator’s integers while they are new', () => {
    @Factory()
    class PriceFactory extends BaseFactory<{ cents: number }> {
      @Use(() => 999) @Field({ unique: true }) cents!: number;
    }
    const [first, second] = PriceFactory.batch(2).map((p) => p.cents);
    expect(first).to.equal(999);
    expect(second).to.not.equal(999);
  });

  it('seeding one factory never restarts another factory’s unique values', () => {
    @Factory(Badge, { seed: 1 })
    class SeededBadgeFactory extends BaseFactory<Badge> {}
    const others = BadgeFactory.batch(2).map((b) => b.code);
    SeededBadgeFactory.build();
    SeededBadgeFactory.seed(1);
    SeededBadgeFactory.build();
    const more = BadgeFactory.build({ tier: undefined as never });
    expect(others).not.to.include(more.code);
  });

  it('rejects a unique option that is not a boolean', () => {
    expectThrows(() => Field({ unique: 'yes' as never }), ParameterException, "option 'unique'", 'a boolean');
  });
});
