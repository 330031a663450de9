import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const root = fileURLToPath(new URL('../../../', import.meta.url));

type Outcome = { built?: Record<string, unknown>; error?: string; message?: string };

/** Runs a TypeScript file through tsx (esbuild) with the given tsconfig; one JSON line per case. */
function runWithTsx(tsconfig: string, file: string): Record<string, Outcome> {
  const run = spawnSync(process.execPath, [`${root}node_modules/tsx/dist/cli.mjs`, '--tsconfig', tsconfig, file], { cwd: root, encoding: 'utf8' });
  expect(run.stderr, 'stderr').to.equal('');
  return Object.fromEntries(
    run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { name: string } & Outcome)
      .map(({ name, ...rest }) => [name, rest]),
  );
}

// tsx compiles with esbuild, which emits no design:type in either mode and never calls
// Reflect.decorate: fixtory's own decorators record their fields, and types come from @Field({ type }).
for (const [mode, tsconfig, file] of [
  ['legacy decorators (tsconfig.json)', 'tsconfig.json', 'spec/compilers/fixtures/tsx-legacy.ts'],
  ['ES decorators (tsconfig.es.json)', 'tsconfig.es.json', 'spec-es/fixtures/tsx-es.ts'],
] as const) {
  describe(`tsx with ${mode}`, function () {
    this.timeout(60_000);
    let results: Record<string, Outcome>;
    before(() => {
      results = runWithTsx(tsconfig, file);
    });

    it('builds a plain model whose fields give their types with @Field({ type }), and runs field decorators', () => {
      const built = results['typed']!.built!;
      expect(built['email']).to.match(/^\S+@\S+\.\S+$/);
      expect(built['joined']).to.equal('Date');
      expect(built['rank']).to.equal(10);
    });

    it('builds the fields a factory declares', () => {
      expect(results['factory-declared']!.built).to.deep.equal({ text: 'hello' });
    });

    it('refuses a field with no type, saying design:type is missing and what to declare', () => {
      expect(results['untyped']!.error).to.equal('ConfigurationException');
      expect(results['untyped']!.message).to.include('Untyped.email').and.include('no design:type').and.include('@Field({ type: () => String })');
    });
  });
}
