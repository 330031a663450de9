import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { MikroORM } from '@mikro-orm/postgresql';
import { serverDatabases, serverUrl, uniqueDatabaseName, unreachable } from '../integration/support/databases.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cliMain = join(root, 'dist/lib/cli/main.js');
const fixture = (name: string) => join(root, 'dist/spec/cli/fixtures', name);
const postgresql = serverDatabases.find((d) => d.name === 'postgresql')!;

/** A connection without entities, for raw SQL. */
function connect(clientUrl: string): Promise<MikroORM> {
  return MikroORM.init({ clientUrl, entities: [], discovery: { warnWhenNoEntities: false }, allowGlobalContext: true });
}

function fixtory(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, [cliMain, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stderr: result.stderr };
}

describe('the fixtory CLI on PostgreSQL', function () {
  this.timeout(120_000);
  let admin: MikroORM;
  let database: string;
  let dir: string;
  let url: URL;

  before(async function () {
    const why = await unreachable(postgresql);
    if (why && process.env['CI'] === 'true') throw new Error(`PostgreSQL is required under CI=true: ${why}`);
    if (why) this.skip();
  });

  beforeEach(async () => {
    admin = await connect(serverUrl(postgresql));
    database = uniqueDatabaseName();
    await admin.em.getConnection().execute(`create database ${database}`);
    url = new URL(serverUrl(postgresql));
    url.pathname = `/${database}`;
    dir = join(root, '.tmp', `cli-pg-${process.pid}-${database}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'mikro-orm.config.js'),
      `import { defineConfig } from '@mikro-orm/postgresql';\n` +
        `import { Item, Shop } from ${JSON.stringify(fixture('shop.js'))};\n` +
        `export default defineConfig({ clientUrl: ${JSON.stringify(url.href)}, entities: [Shop, Item] });\n`,
    );
    expect(fixtory(dir, ['seed', fixture('empty-seed.js'), '--fresh', '--yes', '--quiet']).code).to.equal(0);
  });

  afterEach(async () => {
    await admin.em.getConnection().execute(`drop database if exists ${database} with (force)`);
    await admin.close(true);
    rmSync(dir, { recursive: true, force: true });
  });

  async function count(table: string): Promise<number> {
    const orm = await connect(url.href);
    try {
      const [row] = await orm.em.getConnection().execute<{ n: string }[]>(`select count(*) as n from ${table}`);
      return Number(row!.n);
    } finally {
      await orm.close(true);
    }
  }

  it('seeds the configured PostgreSQL database, chunk by chunk', async () => {
    const { code, stderr } = fixtory(dir, ['seed', fixture('shop.js'), '--count', '12']);
    expect(code, stderr).to.equal(0);
    expect(await count('shop')).to.equal(2);
    expect(await count('item')).to.equal(12);
    expect(stderr.match(/^ItemFactory: \d+\/12 rows/gm)).to.have.length(3);
  });

  it('--dry-run writes nothing to PostgreSQL', async () => {
    const { code, stderr } = fixtory(dir, ['seed', fixture('shop.js'), '--count', '7', '--dry-run']);
    expect(code, stderr).to.equal(0);
    expect(stderr).to.match(/^ItemFactory\s+7\s/m);
    expect(await count('item')).to.equal(0);
    expect(await count('shop')).to.equal(0);
  });
});
