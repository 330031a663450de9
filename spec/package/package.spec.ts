import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const root = fileURLToPath(new URL('../../../', import.meta.url));

// Installs the packed tarball into a scratch project and compiles and runs there the README's Quick
// start block, verbatim, and a larger example of every handler kind (scratch-example.ts.txt): proves
// that `exports`, the .d.ts files and the ESM entry work for a user.
describe('the npm package', function () {
  this.timeout(120_000);
  let scratch: string;

  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'fixtory-pack-'));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('installs from its tarball, type-checks and runs for a project that imports it', () => {
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' }),
    ) as { filename: string; files: { path: string }[] }[];
    const files = packed[0]!.files.map((f) => f.path);
    expect(files).to.include.members(['package.json', 'README.md', 'dist/lib/index.js', 'dist/lib/index.d.ts']);
    expect(files.filter((f) => f.startsWith('dist/spec') || f.startsWith('dist/samples'))).to.deep.equal([]);

    const project = join(scratch, 'project');
    const installed = join(project, 'node_modules', 'fixtory');
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', join(scratch, packed[0]!.filename), '-C', installed, '--strip-components=1']);
    mkdirSync(join(project, 'node_modules', '@faker-js'), { recursive: true });
    mkdirSync(join(project, 'node_modules', '@types'), { recursive: true });
    for (const dependency of ['reflect-metadata', '@faker-js/faker', '@types/node']) {
      symlinkSync(join(root, 'node_modules', dependency), join(project, 'node_modules', dependency), 'dir');
    }
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', type: 'module', private: true }));
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          types: ['node'],
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
          useDefineForClassFields: false,
          outDir: 'out',
        },
        include: ['example.ts', 'quick-start.ts'],
      }),
    );
    copyFileSync(join(root, 'spec', 'package', 'scratch-example.ts.txt'), join(project, 'example.ts'));
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const quickStart = /## Quick start\n\n```ts\n([\s\S]*?)```/.exec(readme)![1]!;
    writeFileSync(
      join(project, 'quick-start.ts'),
      `${quickStart}\nconsole.log(JSON.stringify({ ada: ada.name, saved: saved.length, rows: users.rows.length, email: saved[0]!.email }));\n`,
    );

    const compile = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { encoding: 'utf8' });
    expect(compile.stdout + compile.stderr, 'tsc output').to.equal('');
    expect(compile.status).to.equal(0);
    const output = execFileSync(process.execPath, [join(project, 'out', 'example.js')], { cwd: project, encoding: 'utf8' });
    const result = JSON.parse(output) as { one: string; five: number; stored: number; rejected: string };
    expect(result).to.deep.include({ one: 'Ada', five: 5, stored: 6 });
    expect(result.rejected).to.include('UserFactory has a sync handler only: use createSync');
    const quick = JSON.parse(execFileSync(process.execPath, [join(project, 'out', 'quick-start.js')], { cwd: project, encoding: 'utf8' })) as Record<string, unknown>;
    expect(quick).to.deep.include({ ada: 'Ada Lovelace', saved: 3, rows: 3 });
    expect(quick['email']).to.match(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
  });

  // Reuses the project the test above installed the tarball into.
  it('type-checks and runs for a project compiled with ES decorators (no experimentalDecorators)', () => {
    const project = join(scratch, 'project');
    const options = { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, types: ['node'], outDir: 'out-es' };
    writeFileSync(join(project, 'tsconfig.es.json'), JSON.stringify({ compilerOptions: options, include: ['es-example.ts'] }));
    copyFileSync(join(root, 'spec', 'package', 'scratch-es-example.ts.txt'), join(project, 'es-example.ts'));

    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const compile = spawnSync(process.execPath, [tsc, '-p', join(project, 'tsconfig.es.json')], { encoding: 'utf8' });
    expect(compile.stdout + compile.stderr, 'tsc output').to.equal('');
    const output = execFileSync(process.execPath, [join(project, 'out-es', 'es-example.js')], { cwd: project, encoding: 'utf8' });
    const result = JSON.parse(output) as { name: string; born: boolean; nickname: string; untyped: string };
    expect(result).to.deep.include({ name: 'Author 1', born: true, nickname: 'Ace' });
    expect(result.untyped).to.include('Author.nickname').and.include('no design:type');
  });
});
