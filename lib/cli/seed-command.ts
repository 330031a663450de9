import { createInterface } from 'node:readline/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { useMikroOrm } from '../mikro-orm/orm-registry.js';
import type { MikroOrmLike } from '../mikro-orm/orm-types.js';
import { seedParallel } from '../parallel/seed-parallel.js';
import { currentSeed, seedAll } from '../runner/seeds.js';
import { CliError } from './cli-error.js';
import { loadOrm, refreshSchema, type CliOrm } from './load-orm.js';
import { SeedProgress, summaryTable, type ReportMode } from './progress.js';

/** What a seed module's function receives. */
export interface SeedContext<O = unknown> {
  /** The initialised ORM (fixtory's MikroORM handlers already write through it). */
  orm: O;
  /** `--count`: how much to create, where the module scales by it. */
  count?: number;
  /** The run's seed: the same seed, the same rows. */
  seed: number;
  /** `--dry-run`: everything is created inside a transaction that is rolled back. */
  dryRun: boolean;
}

export interface SeedOptions {
  config?: string;
  seed?: string | number;
  count?: string | number;
  dryRun?: boolean;
  fresh?: boolean;
  yes?: boolean;
  quiet?: boolean;
  json?: boolean;
  workers?: string | number;
  factory?: string;
}

class DryRunRollback extends Error {}

function wholeNumber(option: string, value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new CliError(`--${option} must be a whole number of 0 or more, got ${JSON.stringify(value)}.`);
  return n;
}

/** The seed function a module exports: its default export, or `seed`. */
async function seedFunction(modulePath: string): Promise<(context: SeedContext) => unknown> {
  const file = resolve(process.cwd(), modulePath);
  const loaded = (await import(pathToFileURL(file).href)) as { default?: unknown; seed?: unknown };
  const fn = typeof loaded.default === 'function' ? loaded.default : loaded.seed;
  if (typeof fn !== 'function') throw new CliError(`${modulePath} exports no seed function: export default async function ({ orm, count, seed }) { ... }.`);
  return fn as (context: SeedContext) => unknown;
}

async function confirmFresh(orm: CliOrm, yes: boolean | undefined): Promise<void> {
  if (yes) return;
  const target = String(orm.config.get('dbName') ?? orm.config.get('clientUrl') ?? 'the database');
  if (!process.stdin.isTTY) throw new CliError(`--fresh drops every table of ${target}: add --yes to confirm when not run from a terminal.`);
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await prompt.question(`Drop and recreate every table of ${target}? [y/N] `);
  prompt.close();
  if (!/^y(es)?$/i.test(answer.trim())) throw new CliError('Not confirmed: nothing was changed.');
}

function reportMode(options: SeedOptions): ReportMode {
  if (options.json) return 'json';
  if (options.quiet) return 'quiet';
  return process.stderr.isTTY ? 'bars' : 'lines';
}

/**
 * With `--workers`: `count` rows of the factory `--factory` by `seedParallel` (the module is imported
 * by every worker, its seed function is not run); a rolled-back dry run cannot span workers.
 */
function parallelRun(modulePath: string, options: SeedOptions, count: number | undefined, config: string | undefined): ((context: SeedContext) => Promise<void>) | undefined {
  const workers = wholeNumber('workers', options.workers);
  if (workers === undefined) {
    if (options.factory !== undefined) throw new CliError('--factory names the factory of a parallel seed: give --workers <n> too.');
    return undefined;
  }
  if (workers < 1) throw new CliError(`--workers must be 1 or more, got ${workers}.`);
  if (typeof options.factory !== 'string' || options.factory === '') throw new CliError('--workers seeds one factory in parallel: name it with --factory <FactoryClass> (the module must define or import it).');
  if (count === undefined) throw new CliError('--workers needs --count <n>: how many rows of the factory to create.');
  if (options.dryRun) throw new CliError('--dry-run cannot be combined with --workers: each worker writes its blocks in transactions of its own, which one rollback cannot undo.');
  const module = resolve(process.cwd(), modulePath);
  return async ({ seed }) => {
    await seedParallel({ module, factory: options.factory!, count, workers, seed, config });
  };
}

/** `fixtory seed <module>`: loads the ORM, runs the module's seed function, reports what it wrote. */
export async function seedCommand(modulePath: string, options: SeedOptions): Promise<void> {
  const seed = wholeNumber('seed', options.seed);
  const count = wholeNumber('count', options.count);
  const config = options.config === undefined ? undefined : resolve(process.cwd(), options.config);
  const parallel = parallelRun(modulePath, options, count, config);
  if (seed !== undefined) seedAll(seed);
  const run = parallel ?? (await seedFunction(modulePath));
  const { orm } = await loadOrm(process.cwd(), options.config);
  const mode = reportMode(options);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const progress = new SeedProgress(mode, log);
  const finish = (interrupted: boolean) => {
    progress.stop();
    const totals = progress.totals();
    if (mode === 'json') {
      process.stdout.write(`${JSON.stringify({ seed: currentSeed(), dryRun: Boolean(options.dryRun), interrupted, factories: totals, rows: totals.reduce((n, t) => n + t.rows, 0) })}\n`);
    } else if (mode !== 'quiet') {
      if (totals.length > 0) log(`\n${summaryTable(totals)}`);
      log(`\n${options.dryRun ? 'dry run: nothing was written. ' : ''}seed ${currentSeed()} (replay with --seed ${currentSeed()})`);
    }
  };
  const onInterrupt = () => {
    log('\ninterrupted: the chunk in flight is rolled back (each chunk is a transaction of its own), the chunks before it stay written.');
    finish(true);
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  try {
    if (options.fresh) {
      await confirmFresh(orm, options.yes);
      await refreshSchema(orm);
    }
    useMikroOrm(orm as unknown as MikroOrmLike);
    progress.start();
    const context: SeedContext = { orm, count, seed: currentSeed(), dryRun: Boolean(options.dryRun) };
    if (options.dryRun) {
      await orm.em
        .fork()
        .transactional(async () => {
          await run(context);
          throw new DryRunRollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof DryRunRollback)) throw error;
        });
    } else {
      await run(context);
    }
    finish(false);
  } finally {
    process.off('SIGINT', onInterrupt);
    progress.stop();
    await orm.close(true);
  }
}
