import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, ParameterException, REFERENCE_DATE_ENV, currentReferenceDate, seedAll, setReferenceDate } from 'fixtory';
import { forgetReferenceDate, referenceDateVersion } from '../../lib/runner/reference-date.js';
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

  it('does not move when the caller changes a date it gave or got', () => {
    const given = new Date('2030-06-01T00:00:00Z');
    setReferenceDate(given);
    given.setUTCFullYear(1999);
    currentReferenceDate().setUTCFullYear(1998);
    expect(currentReferenceDate().toISOString()).to.equal('2030-06-01T00:00:00.000Z');
  });

  it('derives every stream again when it changes, so no build keeps an old date', () => {
    const before = referenceDateVersion();
    setReferenceDate('2030-06-01T00:00:00Z');
    expect(referenceDateVersion()).to.equal(before + 1);
    forgetReferenceDate();
    expect(referenceDateVersion()).to.equal(before + 2);
  });

  describe(`read from ${REFERENCE_DATE_ENV} at first use`, () => {
    const saved = process.env.FIXTORY_REFERENCE_DATE;
    afterEach(() => {
      if (saved === undefined) delete process.env.FIXTORY_REFERENCE_DATE;
      else process.env.FIXTORY_REFERENCE_DATE = saved;
      forgetReferenceDate();
    });

    it('is named by REFERENCE_DATE_ENV', () => {
      expect(REFERENCE_DATE_ENV).to.equal('FIXTORY_REFERENCE_DATE');
    });

    it('takes a date set after fixtory was imported, and the next builds use it', () => {
      seedAll(7);
      SubscriptionFactory.batch(3); // streams derived around the date in force so far
      process.env.FIXTORY_REFERENCE_DATE = '2001-01-01';
      forgetReferenceDate(); // what a fresh process does at its first build
      expect(currentReferenceDate().toISOString()).to.equal('2001-01-01T00:00:00.000Z');
      const reference = Date.parse('2001-01-01T00:00:00Z');
      const year = 366 * 86_400_000;
      for (const s of SubscriptionFactory.batch(20)) {
        expect(s.createdAt.getTime()).to.be.within(reference - year, reference - 1);
        expect(s.expiresAt.getTime()).to.be.within(reference + 1, reference + year);
      }
    });

    it('is the start of today (UTC) when the variable is unset or blank', () => {
      const now = new Date();
      const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
      for (const value of [undefined, '', '   ']) {
        if (value === undefined) delete process.env.FIXTORY_REFERENCE_DATE;
        else process.env.FIXTORY_REFERENCE_DATE = value;
        forgetReferenceDate();
        expect(currentReferenceDate().getTime(), JSON.stringify(value)).to.equal(today);
      }
    });

    it('refuses a value that is not a date, naming the variable and the value', () => {
      process.env.FIXTORY_REFERENCE_DATE = 'next tuesday';
      forgetReferenceDate();
      expectThrows(() => currentReferenceDate(), ParameterException, 'FIXTORY_REFERENCE_DATE', 'an ISO date such as 2026-11-29', 'next tuesday');
    });
  });

  it('refuses what is not a date', () => {
    expectThrows(() => setReferenceDate('soon'), ParameterException, 'setReferenceDate', 'a valid Date');
    expectThrows(() => setReferenceDate(new Date(Number.NaN)), ParameterException, 'setReferenceDate');
    expectThrows(() => setReferenceDate(42 as never), ParameterException, 'setReferenceDate');
  });
});
