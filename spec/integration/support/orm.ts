import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/sqlite';
import { forgetMikroOrms } from 'fixtory';
import { createSchema, metadataProvider } from '../../../samples/mikro-orm-major.js';
import { allEntities } from './entities.js';

export interface TestDatabase {
  orm: MikroORM;
  file: string;
  /** Every SQL statement MikroORM ran, in order ('begin', 'insert into ...', 'commit', ...). */
  queries: string[];
  /** Runs raw SQL on a fresh fork: what is really in the database, not in any identity map. */
  sql<R = Record<string, unknown>>(query: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** The entities of the schema; the integration model (`allEntities`) by default. */
  entities?: unknown[];
}

/** A MikroORM on a new SQLite file, its schema made by the SchemaGenerator. */
export async function openTestDatabase({ entities = allEntities }: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'fixtory-db-'));
  const file = join(dir, 'test.sqlite');
  const queries: string[] = [];
  const orm = await MikroORM.init({
    dbName: file,
    entities: entities as typeof allEntities,
    metadataProvider,
    debug: ['query'],
    colors: false,
    logger: (message) => queries.push(message.replace(/^\[query\]\s*/, '')),
  });
  await createSchema(orm);
  queries.length = 0;
  return {
    orm,
    file,
    queries,
    sql: (query, params = []) => orm.em.fork().getConnection().execute(query, params, 'all'),
    close: async () => {
      await orm.close(true);
      forgetMikroOrms();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
