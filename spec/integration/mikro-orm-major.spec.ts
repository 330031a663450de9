import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

/**
 * Builds a plain model in a process of its own whose @mikro-orm/core reports `version` (the
 * installed one when undefined). Run from the compiled spec's folder, so 'fixtory' and
 * '@mikro-orm/core' resolve as they do for the specs: MikroORM 6 under `npm test`, 7 under
 * `npm run test:mikro-orm-7`.
 */
function buildWithMikroOrmVersion(version: string | undefined): { built?: unknown; error?: { name: string; message: string } } {
  const script = `
    import { Utils } from '@mikro-orm/core';
    ${version === undefined ? '' : `Utils.getORMVersion = () => ${JSON.stringify(version)};`}
    const { BaseFactory, Factory, Use } = await import('fixtory');
    class Plain { name; }
    class PlainFactory extends BaseFactory {}
    Use(() => 'Ada')(PlainFactory.prototype, 'name');
    Factory(Plain)(PlainFactory);
    try {
      console.log(JSON.stringify({ built: PlainFactory.build() }));
    } catch (error) {
      console.log(JSON.stringify({ error: { name: error.name, message: error.message } }));
    }`;
  const cwd = dirname(fileURLToPath(import.meta.url));
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd, encoding: 'utf8' })) as never;
}

describe('MikroORM majors', function () {
  this.timeout(30_000);

  it('works with the installed MikroORM major', () => {
    expect(buildWithMikroOrmVersion(undefined)).to.deep.equal({ built: { name: 'Ada' } });
  });

  it('refuses a MikroORM major it does not know, naming the installed version and the supported ones', () => {
    for (const version of ['8.0.0', '5.9.8']) {
      const { error } = buildWithMikroOrmVersion(version);
      expect(error?.name).to.equal('ConfigurationException');
      expect(error?.message).to.include(`@mikro-orm/core ${version} is installed`).and.include('MikroORM 6.6 and 7');
    }
  });
});
