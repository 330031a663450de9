import { Faker, allFakers, faker as sharedFaker } from '@faker-js/faker';
import type { FactoryOptions } from '../registry/factory-options.js';
import { currentReferenceDate, referenceDateVersion } from './reference-date.js';
import { currentSeed, deriveSeed, seedVersion, streamSalt } from './seeds.js';

/**
 * The faker streams of one factory: every field has a stream of its own, derived from the
 * factory's seed (or the run's) and the field's name, so adding a field to a factory changes no
 * other field's values. A faker given in the options is only read, never reseeded.
 */
export class FakerSource {
  private readonly base: Faker;
  private ownSeed?: number;
  private streams = new Map<string, Faker>();
  private streamsSeed?: number;
  private streamsVersion?: number;

  constructor(
    private readonly owner: string,
    options: Pick<FactoryOptions, 'faker' | 'locale' | 'seed'>,
  ) {
    this.base = options.faker ?? (options.locale ? allFakers[options.locale as keyof typeof allFakers] : sharedFaker);
    this.ownSeed = options.seed;
  }

  /** The faker the factory was configured with (its locale and definitions). */
  get faker(): Faker {
    return this.base;
  }

  /** The seed the streams derive from: the factory's own, else the run's. */
  seedBase(): number {
    return this.ownSeed ?? currentSeed();
  }

  /** Whether the factory has a seed of its own (its streams then never follow a nesting factory's). */
  get hasOwnSeed(): boolean {
    return this.ownSeed !== undefined;
  }

  seed(seed: number): void {
    this.ownSeed = seed;
    this.streams.clear();
  }

  /** The stream of one field, for builds whose seed is `seedBase`. Runs per field per instance: keep it cheap. */
  streamFor(field: string, seedBase: number): Faker {
    // Streams generate dates around the run's reference date, not "now", so dates repeat too.
    const version = seedVersion() * 1_000_003 + referenceDateVersion();
    if (this.streamsSeed !== seedBase || this.streamsVersion !== version) {
      this.streams = new Map();
      this.streamsSeed = seedBase;
      this.streamsVersion = version;
    }
    let stream = this.streams.get(field);
    if (!stream) {
      stream = new Faker({ locale: this.base.rawDefinitions, seed: deriveSeed(seedBase, this.owner, field, ...streamSalt()) });
      stream.setDefaultRefDate(currentReferenceDate());
      this.streams.set(field, stream);
    }
    return stream;
  }
}
