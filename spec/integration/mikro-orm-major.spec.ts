import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

/**
 * Builds an entity (an EntitySchema: the same on both majors) in a process of its own whose
 * @mikro-orm/core reports `version` (the installed one when undefined). Run from the compiled spec's
 * folder, so 'fixtory' and '@mikro-orm/core' resolve as they do for the specs: MikroORM 6 under
 * `npm test`, 7 under `npm run test:mikro-orm-7`.
 */
function buildWithMikroOrmVersion(version: string | undefined): Record<'built' | 'buildError' | 'registerError', unknown> {
  const script = `
    import 'reflect-metadata';
    import { EntitySchema, Utils } from '@mikro-orm/core';
    import { MikroORM } from '@mikro-orm/sqlite';
    const { BaseFactory, Factory, Use, useMikroOrm } = await import('fixtory');
    class Thing { id; name; }
    const schema = new EntitySchema({ class: Thing, properties: { id: { type: 'number', primary: true }, name: { type: 'string' } } });
    const orm = await MikroORM.init({ dbName: ':memory:', entities: [schema] });
    ${version === undefined ? '' : `Utils.getORMVersion = () => ${JSON.stringify(version)};`}
    class ThingFactory extends BaseFactory {}
    Use(() => 'Ada')(ThingFactory.prototype, 'name');
    Factory(Thing)(ThingFactory);
    const out = {};
    const failure = (error) => ({ name: error.name, message: error.message });
    try { out.built = { ...ThingFactory.build() }; } catch (error) { out.buildError = failure(error); }
    try { useMikroOrm(orm); } catch (error) { out.registerError = failure(error); }
    await orm.close();
    console.log(JSON.stringify(out));`;
  const cwd = dirname(fileURLToPath(import.meta.url));
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd, encoding: 'utf8' })) as never;
}

describe('MikroORM majors', function () {
  this.timeout(30_000);

  it('works with the installed MikroORM major', () => {
    expect(buildWithMikroOrmVersion(undefined)).to.deep.equal({ built: { name: 'Ada' } });
  });

  it('refuses a MikroORM major it does not know, before and after MikroORM.init, naming the installed version', () => {
    for (const version of ['8.0.0', '5.9.8']) {
      const outcome = buildWithMikroOrmVersion(version);
      expect(outcome).to.have.all.keys('buildError', 'registerError');
      for (const error of [outcome.buildError, outcome.registerError] as { name: string; message: string }[]) {
        expect(error.name).to.equal('ConfigurationException');
        expect(error.message).to.include(`@mikro-orm/core ${version} is installed`).and.include('MikroORM 6.6 and 7').and.not.include('useMikroOrm');
      }
    }
  });
});
