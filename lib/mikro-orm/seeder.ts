import { createRequire } from 'node:module';
import type { SeedContext } from '../cli/seed-command.js';
import { ConfigurationException, ParameterException } from '../errors.js';
import { currentSeed } from '../runner/seeds.js';
import { useMikroOrm } from './orm-registry.js';
import type { EntityManagerLike } from './orm-types.js';

/** A seeder class of @mikro-orm/seeder, as `orm.seeder.seed(...)` and `npx mikro-orm seeder:run` take it. */
export type SeederClass = new () => { run(em: EntityManagerLike, context?: object): Promise<void> };

type SeederBase = abstract new () => { run(em: EntityManagerLike, context?: object): void | Promise<void> };

/** @mikro-orm/seeder's Seeder class: an optional peer, loaded only when a fixtory seeder is made. */
function seederBase(): SeederBase {
  try {
    return (createRequire(import.meta.url)('@mikro-orm/seeder') as { Seeder: SeederBase }).Seeder;
  } catch (error) {
    throw ConfigurationException.seederNotInstalled(error);
  }
}

/**
 * A MikroORM seeder that runs a fixtory seed function (the same one `fixtory seed` runs), so
 * `npx mikro-orm seeder:run --class=DatabaseSeeder` seeds with your factories:
 * `export class DatabaseSeeder extends fixtorySeeder(seed) {}`. The function's `orm` is the
 * EntityManager the seeder is given; fixtory's MikroORM handlers write through forks of it.
 */
export function fixtorySeeder(seed: (context: SeedContext<EntityManagerLike>) => unknown): SeederClass {
  if (typeof seed !== 'function') throw ParameterException.invalidArgument('fixtorySeeder', 'a seed function ({ orm, count, seed }) => ...', seed);
  const Seeder = seederBase();
  class FixtorySeeder extends Seeder {
    override async run(em: EntityManagerLike): Promise<void> {
      useMikroOrm(em);
      await seed({ orm: em, seed: currentSeed(), dryRun: false });
    }
  }
  return FixtorySeeder;
}
