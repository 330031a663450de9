import { Faker, allFakers, faker as sharedFaker } from '@faker-js/faker';
import type { FactoryOptions } from '../registry/factory-options.js';

/** Dates of a seeded factory are generated around this instant instead of "now", so they repeat too. */
export const SEEDED_REFERENCE_DATE = new Date('2025-01-01T00:00:00.000Z');

/**
 * The faker instance of one factory. A factory shares faker's global instance until it is seeded;
 * a seed gives it an instance of its own, so seeding one factory never disturbs another.
 */
export class FakerSource {
  private instance: Faker;
  private owned: boolean;

  constructor(options: Pick<FactoryOptions, 'faker' | 'locale' | 'seed'>) {
    this.instance = options.faker ?? (options.locale ? allFakers[options.locale as keyof typeof allFakers] : sharedFaker);
    this.owned = options.faker !== undefined;
    if (options.seed !== undefined) this.seed(options.seed);
  }

  get faker(): Faker {
    return this.instance;
  }

  seed(seed: number): void {
    if (!this.owned) {
      this.instance = new Faker({ locale: this.instance.rawDefinitions });
      this.owned = true;
    }
    this.instance.seed(seed);
    this.instance.setDefaultRefDate(SEEDED_REFERENCE_DATE);
  }
}
