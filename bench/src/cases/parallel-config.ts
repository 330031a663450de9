/** The MikroORM configuration the parallel workload's workers load: the case's target, from FIXTORY_BENCH_TARGET (workers inherit the environment). */
import { BenchPost, BenchUser } from '../entities.js';
import type { Target } from '../targets.js';

export const targetVariable = 'FIXTORY_BENCH_TARGET';

export default async function config(): Promise<Record<string, unknown>> {
  const target = JSON.parse(process.env[targetVariable]!) as Target;
  const common = { entities: [BenchUser, BenchPost], colors: false };
  if (target.kind === 'postgresql') return { ...common, driver: (await import('@mikro-orm/postgresql')).PostgreSqlDriver, clientUrl: target.url };
  // Workers share one SQLite file: a busy timeout makes each wait for the other's transaction.
  const busyTimeout = (connection: { configure(option: 'busyTimeout', ms: number): void }, done: (error: unknown, connection: unknown) => void) => {
    connection.configure('busyTimeout', 60_000);
    done(null, connection);
  };
  return { ...common, driver: (await import('@mikro-orm/sqlite')).SqliteDriver, dbName: target.file, pool: { afterCreate: busyTimeout } };
}
