import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/sqlite';
import { forgetMikroOrms } from 'fixtory';
import { allEntities } from './entities.js';

export interface TestDatabase {
  orm: MikroORM;
  file: string;
  /** Runs raw SQL on a fresh fork: what is really in the database, not in any identity map. */
  sql<R = Record<string, unknown>>(query: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

/** A MikroORM on a new SQLite file, its schema made by the SchemaGenerator. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'fixtory-db-'));
  const file = join(dir, 'test.sqlite');
  const orm = await MikroORM.init({ dbName: file, entities: allEntities, debug: false, allowGlobalContext: false });
  await orm.schema.createSchema();
  return {
    orm,
    file,
    sql: (query, params = []) => orm.em.fork().getConnection().execute(query, params, 'all'),
    close: async () => {
      await orm.close(true);
      forgetMikroOrms();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
