import { fileURLToPath } from 'node:url';
import { seedParallel } from '../../../dist/lib/index.js';
import { countRows, freshTables, type Target } from '../targets.js';
import { fail, type BenchCase, type Workload } from '../workload.js';
import { targetVariable } from './parallel-config.js';

const model = new URL('./parallel-model.js', import.meta.url);
const config = fileURLToPath(new URL('./parallel-config.js', import.meta.url));

/**
 * `seedParallel` with n workers: the timed work includes starting the workers (each imports the
 * model and initialises its own MikroORM), as a real run does.
 */
function parallel(workers: number): BenchCase {
  return {
    id: `fixtory-parallel-${workers}`,
    role: 'fixtory',
    label: `fixtory \`seedParallel\`, ${workers} worker${workers === 1 ? '' : 's'} + \`MikroOrmBulkPersistence\``,
    prepare: async ({ n, target }) => {
      await freshTables(target!);
      process.env[targetVariable] = JSON.stringify(target);
      return {
        run: async () => {
          const summary = await seedParallel({ module: model, factory: 'ParallelBenchUserFactory', count: n, workers, chunk: 1_000, seed: 1, config });
          if (summary.created !== n) fail(`seedParallel created ${summary.created} of ${n}`);
        },
        verify: async () => {
          const users = await countRows(target as Target, 'bench_user');
          if (users !== n) fail(`expected ${n} users, the database has ${users}`);
        },
      };
    },
  };
}

const raw: BenchCase = {
  id: 'raw',
  role: 'floor',
  label: 'raw driver, one transaction (floor)',
  prepare: async ({ n, target }) => (await import('./raw.js')).rawInsert(target!, n, false),
};

/** Users written by 1 and 2 worker threads (these machines have 2 cores): the speed-up of `seedParallel`. */
export const parallelUsers: Workload = {
  id: 'parallel',
  title: 'Parallel seeding: users by worker threads',
  persists: true,
  targets: ['postgresql'],
  rows: (n) => n,
  size: { full: 100_000, quick: 5_000 },
  cases: [raw, parallel(1), parallel(2)],
};
