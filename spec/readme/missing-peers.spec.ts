/**
 * fixtory installed without its optional MikroORM peers, in a scratch project where fixtory is a copy
 * (package.json and dist/lib), so that it finds only the packages the project has: what a user sees
 * when a peer is missing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { run, runPrograms, writeScratchProject, type Program } from './scratch.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('a project without an optional MikroORM peer', function () {
  this.timeout(120_000);

  it('fixtorySeeder() without @mikro-orm/seeder is a ConfigurationException that says what to install', async () => {
    const program: Program = {
      name: 'no-seeder',
      es: false,
      blocks: [],
      starts: [],
      source: [
        "import { expect } from 'chai';",
        "import { ConfigurationException, fixtorySeeder } from 'fixtory';",
        'try {',
        '  fixtorySeeder(async () => {});',
        "  expect.fail('fixtorySeeder made a seeder class without @mikro-orm/seeder');",
        '} catch (error) {',
        '  expect(error).to.be.instanceOf(ConfigurationException);',
        '  console.log((error as Error).message);',
        '}',
      ].join('\n'),
    };
    const packages = ['reflect-metadata', '@faker-js/faker', 'cac', 'cli-progress', 'chai', '@types/chai', '@types/node', '@mikro-orm/core', '@mikro-orm/sqlite'];
    const [result] = await runPrograms(root, [program], { fixtory: 'copy', packages });
    expect(result!.failure).to.equal(undefined);
    expect(result!.output).to.include('fixtorySeeder needs @mikro-orm/seeder, which is not installed: npm i -D @mikro-orm/seeder');
  });

  it("the CLI says that @mikro-orm/core is not installed next to the project's configuration", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fixtory-no-core-'));
    try {
      writeScratchProject(root, dir, [], { fixtory: 'copy', packages: ['reflect-metadata', '@faker-js/faker', 'cac', 'cli-progress'] });
      writeFileSync(join(dir, 'mikro-orm.config.js'), "export default { dbName: ':memory:' };\n");
      writeFileSync(join(dir, 'seed.js'), 'export default async function seed() {}\n');
      const cli = await run(process.execPath, ['node_modules/fixtory/dist/lib/cli/main.js', 'seed', 'seed.js'], dir);
      expect(cli.code, cli.output).to.equal(1);
      expect(cli.output).to.include(`@mikro-orm/core is not installed next to ${join(dir, 'mikro-orm.config.js')}: fixtory's CLI runs your MikroORM.`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
