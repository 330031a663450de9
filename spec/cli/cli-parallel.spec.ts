import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { expect } from 'chai';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cliMain = join(root, 'dist/lib/cli/main.js');
const fixture = (name: string) => join(root, 'dist/spec/cli/fixtures', name);

function fixtory(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, [cliMain, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the fixtory CLI: seed --workers', function () {
  this.timeout(120_000);
  let dir: string;
  let db: string;

  beforeEach(() => {
    dir = join(root, '.tmp', `cli-parallel-${process.pid}-${Math.random().toString(36).slice(2)}`);
    mkdirSync(dir, { recursive: true });
    db = join(dir, 'shop.sqlite');
    // Workers write one SQLite file: with a busy timeout each waits for the other's transaction.
    writeFileSync(
      join(dir, 'mikro-orm.config.js'),
      `import { defineConfig } from '@mikro-orm/sqlite';\n` +
        `import { Item, Shop } from ${JSON.stringify(fixture('shop.js'))};\n` +
        `export default defineConfig({ dbName: ${JSON.stringify(db)}, entities: [Shop, Item], ` +
        `pool: { afterCreate: (connection, done) => { connection.configure('busyTimeout', 30000); done(null, connection); } } });\n`,
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const items = () => {
    const sqlite = new Database(db, { readonly: true });
    try {
      return sqlite.prepare('select i.title, i.sku, s.name from item i join shop s on s.id = i.shop_id order by i.sku').all();
    } finally {
      sqlite.close();
    }
  };

  it('creates --count rows of --factory with n workers, reports them, and writes the same rows for 1 and 2 workers', () => {
    const two = fixtory(dir, ['seed', fixture('shop.js'), '--fresh', '--yes', '--workers', '2', '--factory', 'ItemFactory', '--count', '45', '--seed', '5', '--json']);
    expect(two.code, two.stderr).to.equal(0);
    const summary = JSON.parse(two.stdout) as { seed: number; rows: number; factories: { factory: string; rows: number }[] };
    expect(summary).to.include({ seed: 5, rows: 45 });
    expect(summary.factories.map((f) => f.factory)).to.deep.equal(['ItemFactory']);
    const written = items();
    expect(written).to.have.length(45);
    const one = fixtory(dir, ['seed', fixture('shop.js'), '--fresh', '--yes', '--workers', '1', '--factory', 'ItemFactory', '--count', '45', '--seed', '5', '--quiet']);
    expect(one.code, one.stderr).to.equal(0);
    expect(items()).to.deep.equal(written);
  });

  it('refuses --workers without --factory or --count, and with --dry-run; a factory the module lacks fails with exit code 1', () => {
    const cases: [string[], string][] = [
      [['--workers', '2', '--count', '5'], 'name it with --factory'],
      [['--workers', '2', '--factory', 'ItemFactory'], '--workers needs --count'],
      [['--workers', '2', '--factory', 'ItemFactory', '--count', '5', '--dry-run'], '--dry-run cannot be combined with --workers'],
      [['--factory', 'ItemFactory'], 'give --workers'],
      [['--workers', '0', '--factory', 'ItemFactory', '--count', '5'], '--workers must be 1 or more'],
      [['--fresh', '--yes', '--workers', '2', '--factory', 'NoSuchFactory', '--count', '5'], 'no factory named NoSuchFactory'],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = fixtory(dir, ['seed', fixture('shop.js'), ...args]);
      expect(code, stderr).to.equal(1);
      expect(stderr).to.include(message);
    }
  });
});
