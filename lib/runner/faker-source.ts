import { Faker, allFakers, faker as sharedFaker } from '@faker-js/faker';
import type { FactoryOptions } from '../registry/factory-options.js';

/** Dates of a seeded factory are generated around this instant instead of "now", so they repeat too. */
export const SEEDED_REFERENCE_DATE = new Date('2025-01-01T00:00:00.000Z');

/**
 * The faker instance of one factory. A factory shares faker's global instance until it is seeded;
 * a seed gives it an instance of its own, so seeding one factory never disturbs another.
 */
export class FakerSource {
  private readonly base: Faker;
  private own?: Faker;

  constructor(options: Pick<FactoryOptions, 'faker' | 'locale' | 'seed'>) {
    this.base = options.faker ?? (options.locale ? allFakers[options.locale as keyof typeof allFakers] : sharedFaker);
    if (options.seed !== undefined) this.seed(options.seed);
  }

  get faker(): Faker {
    return this.own ?? this.base;
  }

  /** Seeds an instance of this factory's own (a given or shared faker is never reseeded, so nothing else changes). */
  seed(seed: number): void {
    this.own ??= new Faker({ locale: this.base.rawDefinitions });
    this.own.seed(seed);
    this.own.setDefaultRefDate(SEEDED_REFERENCE_DATE);
  }
}
