import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { runOutcomes, type Outcome } from '../support/fixture-outcomes.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs a TypeScript file through tsx (esbuild) with the given tsconfig. */
function runWithTsx(tsconfig: string, file: string): Record<string, Outcome> {
  return runOutcomes([`${root}node_modules/tsx/dist/cli.mjs`, '--tsconfig', tsconfig, file], root);
}

// tsx compiles with esbuild, which emits no design:type in either mode and never calls
// Reflect.decorate: fixtory's own decorators record their fields, and types come from @Field({ type }).
for (const [mode, tsconfig, es] of [
  ['legacy decorators (tsconfig.json)', 'tsconfig.json', false],
  ['ES decorators (tsconfig.es.json)', 'tsconfig.es.json', true],
] as const) {
  describe(`tsx with ${mode}`, function () {
    this.timeout(60_000);
    let results: Record<string, Outcome>;
    before(() => {
      results = runWithTsx(tsconfig, 'spec/compilers/fixtures/plain-models.ts');
    });

    it(`compiles the models with ${es ? 'ES' : 'legacy'} decorators`, () => {
      expect(results['mode']!.built).to.deep.equal({ es });
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
