import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { expect } from 'chai';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cliMain = join(root, 'dist/lib/cli/main.js');
const fixture = (name: string) => join(root, 'dist/spec/cli/fixtures', name);

/** A project folder inside the repository (so its imports resolve to this checkout's node_modules), with a MikroORM config on a SQLite file. */
function project(): { dir: string; db: string; rows(table: string): Record<string, unknown>[]; remove(): void } {
  const dir = join(root, '.tmp', `cli-${process.pid}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir, { recursive: true });
  const db = join(dir, 'shop.sqlite');
  writeFileSync(
    join(dir, 'mikro-orm.config.js'),
    `import { defineConfig } from '@mikro-orm/sqlite';\n` +
      `import { Item, Shop } from ${JSON.stringify(fixture('shop.js'))};\n` +
      `export default defineConfig({ dbName: ${JSON.stringify(db)}, entities: [Shop, Item] });\n`,
  );
  const rows = (table: string) => {
    const sqlite = new Database(db, { readonly: true });
    try {
      return sqlite.prepare(`select * from ${table} order by id`).all() as Record<string, unknown>[];
    } finally {
      sqlite.close();
    }
  };
  return { dir, db, rows, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function fixtory(cwd: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [cliMain, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the fixtory CLI', function () {
  this.timeout(120_000);
  let shop: ReturnType<typeof project>;

  beforeEach(() => {
    shop = project();
    // The schema, made once per project by the CLI itself.
    expect(fixtory(shop.dir, ['seed', fixture('empty-seed.js'), '--fresh', '--yes', '--quiet']).code).to.equal(0);
  });
  afterEach(() => shop.remove());

  it('--help lists the commands and options a person needs', () => {
    const { code, stdout } = fixtory(shop.dir, ['--help']);
    expect(code).to.equal(0);
    expect(stdout).to.include('seed <module>').and.include('lint <module>').and.include('--config <file>');
    const seedHelp = fixtory(shop.dir, ['seed', '--help']).stdout;
    for (const option of ['--seed <n>', '--count <n>', '--dry-run', '--fresh', '--yes', '--quiet', '--json']) expect(seedHelp).to.include(option);
  });

  it('seed: runs the module against the configured database, a line per chunk when not on a terminal, a summary and the seed', () => {
    const { code, stderr } = fixtory(shop.dir, ['seed', fixture('shop.js'), '--count', '12']);
    expect(code, stderr).to.equal(0);
    expect(shop.rows('shop')).to.have.length(2);
    expect(shop.rows('item')).to.have.length(12);
    expect(stderr.match(/^ItemFactory: \d+\/12 rows \([\d,]+ rows\/s\)$/gm)).to.have.length(3);
    expect(stderr).to.match(/^factory\s+rows\s+time\s+rows\/s$/m);
    expect(stderr).to.match(/^ItemFactory\s+12\s+[\d.]+ s\s+[\d,]+ rows\/s$/m);
    expect(stderr).to.match(/^ShopFactory\s+2\s/m);
    expect(stderr).to.match(/seed (\d+) \(replay with --seed \1\)/);
  });

  it('--seed replays a run: the same seed writes the same rows', () => {
    const again = project();
    try {
      fixtory(again.dir, ['seed', fixture('empty-seed.js'), '--fresh', '--yes', '--quiet']);
      for (const p of [shop, again]) expect(fixtory(p.dir, ['seed', fixture('shop.js'), '--count', '6', '--seed', '42', '--quiet']).code).to.equal(0);
      const items = (p: typeof shop) => p.rows('item').map((r) => [r['title'], r['sku']]);
      expect(items(shop)).to.have.length(6);
      expect(items(again)).to.deep.equal(items(shop));
    } finally {
      again.remove();
    }
  });

  it('--dry-run builds and creates everything, writes nothing, and reports what would be written', () => {
    const { code, stderr } = fixtory(shop.dir, ['seed', fixture('shop.js'), '--count', '7', '--dry-run']);
    expect(code, stderr).to.equal(0);
    expect(stderr).to.match(/^ItemFactory\s+7\s/m).and.include('dry run: nothing was written.');
    expect(shop.rows('item')).to.deep.equal([]);
    expect(shop.rows('shop')).to.deep.equal([]);
  });

  it('--json prints a summary a program can read', () => {
    const { code, stdout } = fixtory(shop.dir, ['seed', fixture('shop.js'), '--count', '3', '--seed', '7', '--json']);
    expect(code).to.equal(0);
    const summary = JSON.parse(stdout) as { seed: number; rows: number; dryRun: boolean; factories: { factory: string; rows: number }[] };
    expect(summary).to.include({ seed: 7, rows: 5, dryRun: false });
    expect(summary.factories.map((f) => [f.factory, f.rows])).to.deep.equal([['ShopFactory', 2], ['ItemFactory', 3]]);
  });

  it('--fresh asks for --yes when not on a terminal, and with it starts from an empty schema', () => {
    fixtory(shop.dir, ['seed', fixture('shop.js'), '--count', '4', '--quiet']);
    const refused = fixtory(shop.dir, ['seed', fixture('shop.js'), '--fresh', '--count', '1']);
    expect(refused.code).to.equal(1);
    expect(refused.stderr).to.include('--fresh drops every table').and.include('--yes');
    expect(shop.rows('item')).to.have.length(4);
    expect(fixtory(shop.dir, ['seed', fixture('shop.js'), '--fresh', '--yes', '--count', '1', '--quiet']).code).to.equal(0);
    expect(shop.rows('item')).to.have.length(1);
  });

  it('errors: a clear message and exit code 1, the stack trace only with --verbose', () => {
    const plain = fixtory(shop.dir, ['seed', fixture('no-seed.js')]);
    expect(plain.code).to.equal(1);
    expect(plain.stderr).to.include('exports no seed function');
    expect(plain.stderr).not.to.include('    at ');
    const verbose = fixtory(shop.dir, ['seed', fixture('no-seed.js'), '--verbose']);
    expect(verbose.stderr).to.include('    at ');
    const badCount = fixtory(shop.dir, ['seed', fixture('shop.js'), '--count', 'many']);
    expect(badCount.code).to.equal(1);
    expect(badCount.stderr).to.include('--count must be a whole number');
    writeFileSync(join(shop.dir, 'empty.config.js'), 'export const unrelated = 1;\n');
    const emptyConfig = fixtory(shop.dir, ['seed', fixture('shop.js'), '--config', 'empty.config.js']);
    expect(emptyConfig.code).to.equal(1);
    expect(emptyConfig.stderr).to.include('exports no MikroORM configuration');
    const noConfig = fixtory(join(root, 'spec'), ['seed', fixture('shop.js')]);
    expect(noConfig.code).to.equal(1);
    expect(noConfig.stderr).to.include('no MikroORM configuration found').and.include('--config');
  });

  it('lint: passes the shop factories, and lists a factory that cannot build with its field', () => {
    const passing = fixtory(shop.dir, ['lint', fixture('shop.js')]);
    expect(passing.code, passing.stderr).to.equal(0);
    expect(passing.stderr).to.match(/^4 checks passed\.$/m);
    const failing = fixtory(shop.dir, ['lint', fixture('broken-factories.js')]);
    expect(failing.code).to.equal(1);
    expect(failing.stderr).to.include('GaugeFactory build [Gauge.calibration]');
    expect(shop.rows('item')).to.deep.equal([]);
  });

  it('Ctrl-C: exit code 130, the chunk in flight rolled back, the chunks before it written', async () => {
    const child = spawn(process.execPath, [cliMain, 'seed', fixture('shop.js'), '--count', '200'], {
      cwd: shop.dir,
      env: { ...process.env, SLOW_SEED: '40' },
    });
    let stderr = '';
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (data: Buffer) => {
        stderr += data.toString();
        if (/ItemFactory: 10\/200/.test(stderr) && !child.killed) child.kill('SIGINT');
      });
      child.on('exit', (exit) => resolve(exit));
    });
    expect(code, stderr).to.equal(130);
    expect(stderr).to.include('interrupted: the chunk in flight is rolled back');
    const written = shop.rows('item').length;
    expect(written % 5, `${written} rows: whole chunks only`).to.equal(0);
    expect(written).to.be.at.least(10).and.below(200);
  });
});
