import { FactoryException, LintException, MissingBuildKwargException, ParameterException, type LintFailure } from './errors.js';
import { buildsWithEntityManager, isMikroOrm } from './mikro-orm/orm-registry.js';
import type { MikroOrmLike } from './mikro-orm/orm-types.js';
import { saveFailureOf } from './persistence/save-failure.js';
import { registry } from './registry/registry.js';
import { FactoryRunner } from './runner/factory-runner.js';
import { routeHandler } from './runner/handler-routing.js';

export interface LintOptions {
  /**
   * The ORM to create through: every factory whose async handler is a fixtory MikroORM handler is
   * also created, each trait too, inside one transaction of this ORM that is rolled back.
   */
  orm?: MikroOrmLike;
  /** Only these factory classes (default: every registered one). */
  factories?: readonly Function[];
}

/** What `lintFactories` checked. */
export interface LintReport {
  /** Builds and creates that succeeded, as `Factory` or `Factory (trait)` with the step. */
  passed: string[];
  /** Steps not tried, with why (a `@Require` field, a handler that would write for real). */
  skipped: string[];
}

class Rollback extends Error {}

function fieldOf(error: unknown): string | undefined {
  const failure = saveFailureOf((error as { cause?: unknown } | null)?.cause ?? error);
  if (failure?.field) return `${failure.model ?? ''}.${failure.field}`;
  return error instanceof FactoryException ? error.field : undefined;
}

function traitsOf(factory: Function): (string | undefined)[] {
  const traits = (factory as { traits?: Record<string, unknown> }).traits;
  return [undefined, ...(traits && typeof traits === 'object' ? Object.keys(traits) : [])];
}

/** Whether a create call of the factory would go to a fixtory MikroORM handler (which the lint's transaction holds). */
function createsThroughMikroOrm(factory: Function): boolean {
  try {
    return buildsWithEntityManager(routeHandler(factory, 'async'));
  } catch {
    return false;
  }
}

/**
 * FactoryBot's `lint` for fixtory: builds every registered factory, and every trait of each, and
 * (given an ORM) creates each through its MikroORM handler inside a transaction that is rolled back,
 * so nothing is written. Throws one LintException listing every failure (factory, trait, step,
 * field, cause); returns what passed and what was skipped otherwise.
 */
export async function lintFactories(options: LintOptions = {}): Promise<LintReport> {
  if (options.orm !== undefined && !isMikroOrm(options.orm)) throw ParameterException.invalidOption('lintFactories', 'orm', 'a MikroORM instance', options.orm);
  const factories = options.factories ?? registry.list().map((registration) => registration.factory);
  const failures: LintFailure[] = [];
  const report: LintReport = { passed: [], skipped: [] };
  const label = (factory: Function, trait: string | undefined) => `${factory.name}${trait ? ` (${trait})` : ''}`;
  const attempt = async (factory: Function, trait: string | undefined, step: 'build' | 'create', run: () => unknown) => {
    try {
      await run();
      report.passed.push(`${label(factory, trait)} ${step}`);
    } catch (error) {
      if (error instanceof MissingBuildKwargException) report.skipped.push(`${label(factory, trait)} ${step}: ${error.message}`);
      else failures.push({ factory: factory.name, trait, step, field: fieldOf(error), error });
    }
  };
  for (const factory of factories) {
    for (const trait of traitsOf(factory)) {
      await attempt(factory, trait, 'build', () => FactoryRunner.of(factory).build({}, trait ? { traits: [trait] } : undefined));
    }
  }
  if (options.orm) {
    await options.orm.em
      .fork()
      .transactional(async () => {
        for (const factory of factories) {
          if (!createsThroughMikroOrm(factory)) {
            report.skipped.push(`${factory.name} create: its async handler is not a fixtory MikroORM handler (or it has none): creating would write for real`);
            continue;
          }
          for (const trait of traitsOf(factory)) {
            await attempt(factory, trait, 'create', () => FactoryRunner.of(factory).createAsync({}, trait ? { traits: [trait] } : undefined));
          }
        }
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error instanceof FactoryException ? error : LintException.transactionFailed(error);
      });
  }
  if (failures.length > 0) throw LintException.of(failures);
  return report;
}
