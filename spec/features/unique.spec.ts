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

let labels = 0;

@Factory(Badge)
class BadgeFactory extends BaseFactory<Badge> {
  @Use(() => `label ${labels++}`) @Field({ unique: true }) label!: string;
}

@Factory(Badge)
class CodeOnlyFactory extends BaseFactory<Badge> {
  @Ignore() tier!: string;
  @Ignore() label!: string;
}

describe('unique values', () => {
  beforeEach(() => resetUniqueValues());

  it('never repeats a unique field’s values', () => {
    const badges = BadgeFactory.batch(3);
    expect(new Set(badges.map((b) => b.label)).size).to.equal(3);
    expect(new Set(badges.map((b) => b.tier))).to.deep.equal(new Set(['gold', 'silver', 'bronze']));
  });

  it('never alters a @Use value: one that keeps repeating is an error that suggests @Sequence', () => {
    @Factory(Badge)
    class SameLabelFactory extends BaseFactory<Badge> {
      @Use(() => 'same') @Field({ unique: true }) label!: string;
      @Ignore() tier!: string;
    }
    expect(SameLabelFactory.build().label).to.equal('same');
    expectThrows(() => SameLabelFactory.build(), ConfigurationException, 'SameLabelFactory', 'Badge.label', 'never alters a @Use value', '@Sequence');
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
    let calls = 0;
    @Factory()
    class PriceFactory extends BaseFactory<{ cents: number }> {
      @Use(() => [999, 999, 1000][calls++]) @Field({ unique: true }) cents!: number;
    }
    const [first, second] = PriceFactory.batch(2).map((p) => p.cents);
    expect(first).to.equal(999);
    expect(second).to.equal(1000); // the repeated 999 was redrawn, not altered
  });

  it('seeding a factory restarts the unique values of its model only', () => {
    class Ticket {
      @Field({ unique: true }) code!: string;
    }
    @Factory(Ticket)
    class TicketFactory extends BaseFactory<Ticket> {}
    @Factory(Badge, { seed: 1 })
    class SeededBadgeFactory extends BaseFactory<Badge> {
      @Ignore() tier!: string;
      @Ignore() label!: string;
    }
    const tickets = TicketFactory.batch(50).map((t) => t.code);
    const first = SeededBadgeFactory.build().code;
    SeededBadgeFactory.seed(1);
    expect(SeededBadgeFactory.build().code).to.equal(first); // Badge restarted: the run repeats
    const later = TicketFactory.batch(50).map((t) => t.code);
    expect(later.filter((code) => tickets.includes(code))).to.deep.equal([]); // Ticket kept its values
  });

  it('rejects a unique option that is not a boolean', () => {
    expectThrows(() => Field({ unique: 'yes' as never }), ParameterException, "option 'unique'", 'a boolean');
  });
});
