/** The MikroORM configuration README "Parallel seeding"'s workers load: this program's SQLite file. */
import { defineConfig } from '@mikro-orm/sqlite';
import { dbName } from './db.js';
import { parallelEntities } from './parallel-model.js';

// Workers are separate connections to one file: each waits for the other's transaction.
const busyTimeout = (connection: { configure(option: 'busyTimeout', ms: number): void }, done: (error: unknown, connection: unknown) => void) => {
  connection.configure('busyTimeout', 30_000);
  done(null, connection);
};

export default defineConfig({ dbName, entities: parallelEntities, pool: { afterCreate: busyTimeout } as never });
