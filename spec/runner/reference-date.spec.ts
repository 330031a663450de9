import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, ParameterException, currentReferenceDate, seedAll, setReferenceDate } from 'fixtory';
import { expectThrows } from '../support/expect-error.js';

class Subscription {
  @Field() createdAt!: Date;
  @Field() expiresAt!: Date;
}

@Factory(Subscription)
class SubscriptionFactory extends BaseFactory<Subscription> {}

describe('the reference date', () => {
  const original = currentReferenceDate();
  afterEach(() => setReferenceDate(original));

  it('is the start of a UTC day by default (or FIXTORY_REFERENCE_DATE)', () => {
    if (process.env.FIXTORY_REFERENCE_DATE) return;
    expect(original.getTime() % 86_400_000).to.equal(0);
    expect(Date.now() - original.getTime()).to.be.within(0, 2 * 86_400_000);
  });

  it('with the seed, repeats a run’s dates on any day; past and future names fall on either side of it', () => {
    setReferenceDate('2030-06-01T00:00:00Z');
    seedAll(99);
    const first = SubscriptionFactory.batch(20);
    seedAll(99);
    expect(SubscriptionFactory.batch(20)).to.deep.equal(first);
    const reference = Date.parse('2030-06-01T00:00:00Z');
    for (const s of first) {
      expect(s.createdAt.getTime()).to.be.below(reference);
      expect(s.expiresAt.getTime()).to.be.above(reference);
    }
    setReferenceDate('2031-06-01T00:00:00Z');
    seedAll(99);
    expect(SubscriptionFactory.batch(20)[0]!.createdAt.getTime()).to.be.above(reference);
  });

  it('refuses what is not a date', () => {
    expectThrows(() => setReferenceDate('soon'), ParameterException, 'setReferenceDate', 'a valid Date');
    expectThrows(() => setReferenceDate(new Date(Number.NaN)), ParameterException, 'setReferenceDate');
    expectThrows(() => setReferenceDate(42 as never), ParameterException, 'setReferenceDate');
  });
});
