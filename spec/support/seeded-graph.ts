/** Prints a seeded graph as JSON; the seeds spec runs this in two processes with FIXTORY_SEED and compares. */
import 'reflect-metadata';
import { BaseFactory, Factory, Field, Related, Sequence, currentSeed } from 'fixtory';

class Manager {
  @Field() name!: string;
  @Field() email!: string;
}
class Venue {
  @Sequence((n) => n) id!: number;
  @Field() name!: string;
  @Field() opened!: Date;
  @Field({ unique: true }) code!: string;
  @Field() manager!: Manager;
  @Field({ items: () => Manager }) staff!: Manager[];
}

@Factory(Venue)
class VenueFactory extends BaseFactory<Venue> {
  @Related({ size: [1, 3] }) staff!: Manager[];
}

process.stdout.write(JSON.stringify({ seed: currentSeed(), venues: VenueFactory.batch(4) }));
