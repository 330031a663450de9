import { spawnSync } from 'node:child_process';
import { MikroORM } from '@mikro-orm/core';
import { expect } from 'chai';
import { driverOf, serverDatabases, serverUrl, unreachable } from '../integration/support/databases.js';
import { dropStaleDatabases, staleNames } from '../integration/support/stale-databases.js';

describe('databases left by killed spec and bench runs', () => {
  it('are the fixtory_spec_/fixtory_bench_ names whose pid is not alive; everything else is kept', () => {
    const alive = (pid: number) => pid === 42;
    const names = ['fixtory_spec_7_1', 'fixtory_spec_42_3', 'fixtory_bench_7', 'fixtory_bench_42', 'fixtory_spec_x_1', 'fixtory_specs_7_1', 'test', 'fixtory_spec_7_1_extra'];
    expect(staleNames(names, alive)).to.deep.equal(['fixtory_spec_7_1', 'fixtory_bench_7']);
  });

  it('are dropped from PostgreSQL before a run, while a live run keeps its own', async function () {
    const server = serverDatabases.find((s) => s.name === 'postgresql')!;
    if ((await unreachable(server)) !== undefined) this.skip();
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid;
    const dead = `fixtory_spec_${deadPid}_1`;
    const live = `fixtory_spec_${process.pid}_9999`;
    const admin = await MikroORM.init({ driver: await driverOf('postgresql'), clientUrl: serverUrl(server), entities: [], discovery: { warnWhenNoEntities: false }, ensureDatabase: false, logger: () => undefined });
    const names = async () => (await admin.em.getConnection().execute<{ datname: string }[]>('select datname from pg_database', [], 'all')).map((row) => row.datname);
    try {
      for (const name of [dead, live]) await admin.em.getConnection().execute(`create database "${name}"`);
      const dropped = await dropStaleDatabases(server);
      expect(dropped).to.include(dead).and.not.include(live);
      expect(await names()).to.include(live).and.not.include(dead);
    } finally {
      for (const name of [dead, live]) await admin.em.getConnection().execute(`drop database if exists "${name}"`);
      await admin.close(true);
    }
  });
});
