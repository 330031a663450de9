/**
 * Databases left behind by spec and bench runs that were killed before they could drop them. Their
 * names carry the pid of the run that made them (`fixtory_spec_<pid>_<n>`, `fixtory_bench_<pid>`);
 * one whose process no longer exists on this machine is dropped before a new run starts. The servers
 * are this machine's own, so a pid that is alive may still be using its databases: those are kept.
 */
import { MikroORM } from '@mikro-orm/core';
import { driverOf, serverUrl, type ServerDatabase } from './databases.js';

const leftByRuns = /^fixtory_(?:spec|bench)_(\d+)(?:_\d+)?$/;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The names that a run which is no longer alive left behind. */
export function staleNames(names: readonly string[], alive: (pid: number) => boolean = isAlive): string[] {
  return names.filter((name) => {
    const match = leftByRuns.exec(name);
    return match !== null && !alive(Number(match[1]));
  });
}

const listing: Record<ServerDatabase['name'], string> = {
  postgresql: `select datname as name from pg_database where datname like 'fixtory\\_%'`,
  mariadb: `select schema_name as name from information_schema.schemata where schema_name like 'fixtory\\_%'`,
};

/** Drops the databases of dead runs on one server; returns their names. */
export async function dropStaleDatabases(server: ServerDatabase): Promise<string[]> {
  const orm = await MikroORM.init({
    driver: await driverOf(server.name),
    clientUrl: serverUrl(server),
    entities: [],
    discovery: { warnWhenNoEntities: false },
    ensureDatabase: false,
    logger: () => undefined,
  });
  try {
    const connection = orm.em.getConnection();
    const rows = await connection.execute<{ name: string }[]>(listing[server.name], [], 'all');
    const stale = staleNames(rows.map((row) => row.name));
    const force = server.name === 'postgresql' ? ' with (force)' : '';
    for (const name of stale) await connection.execute(`drop database if exists ${server.quote}${name}${server.quote}${force}`);
    return stale;
  } finally {
    await orm.close(true);
  }
}
