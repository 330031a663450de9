import { MikroORM, type Options } from '@mikro-orm/sqlite';

/** The SQLite file of this program (the runner gives each program its own). */
export const dbName = process.env['README_SCRATCH_DB'] ?? ':memory:';

/** An ORM on this program's SQLite file, with a fresh schema; `queries` logs every statement. */
export async function openOrm(options: Options): Promise<{ orm: MikroORM; queries: string[] }> {
  const queries: string[] = [];
  const orm = await MikroORM.init({ dbName, debug: ['query'], logger: (line) => queries.push(line), ...options });
  await orm.schema.refreshDatabase();
  queries.length = 0;
  return { orm, queries };
}
