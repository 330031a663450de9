// README "Seeds": seedAll repeats a run; a @Lazy draws from the field's own stream.
import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, Lazy, seedAll } from 'fixtory';

class Venue {
  @Field() name!: string;
  @Field() city!: string;
  @Field() opened!: Date;
}
@Factory(Venue)
class VenueFactory extends BaseFactory<Venue> {}

// README block

@Factory()
// README block
}
seedAll(7);
const rolls = DiceFactory.batch(20).map((dice) => dice.roll);
seedAll(7);
expect(DiceFactory.batch(20).map((dice) => dice.roll)).to.deep.equal(rolls);
for (const roll of rolls) expect(roll).to.be.within(1, 6);
