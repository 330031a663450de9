/**
 * The MikroORM configuration the workers of the parallel seeding specs load: the database the spec
 * opened, named by FIXTORY_PARALLEL_SPEC_DB (workers inherit the environment).
 */
import type { Options } from '@mikro-orm/core';
import { metadataProvider } from '../../../samples/mikro-orm-major.js';
import { driverOf, serverDatabases, serverUrl, type DatabaseName } from './databases.js';
import { parallelEntities } from './parallel-entities.js';

export const parallelDatabaseVariable = 'FIXTORY_PARALLEL_SPEC_DB';

export default async function config(): Promise<Options> {
  const { database, file } = JSON.parse(process.env[parallelDatabaseVariable] ?? '{}') as { database: DatabaseName; file: string };
  const common = { driver: await driverOf(database), entities: parallelEntities, metadataProvider, logger: () => undefined } as Options;
  if (database === 'sqlite') {
    // Two workers write one SQLite file: each waits for the other's transaction instead of failing with SQLITE_BUSY.
    const busyTimeout = (connection: { configure(option: 'busyTimeout', ms: number): void }, done: (error: unknown, connection: unknown) => void) => {
      connection.configure('busyTimeout', 30_000);
      done(null, connection);
    };
    return { ...common, dbName: file, pool: { afterCreate: busyTimeout } } as Options;
  }
  const server = serverDatabases.find((d) => d.name === database)!;
  return { ...common, clientUrl: serverUrl(server), dbName: file };
}
