import 'reflect-metadata';
import { expect } from 'chai';
import { EntityMetadata, MetadataStorage } from '@mikro-orm/core';
import { ConfigurationException } from 'fixtory';
import { allMetadata, discriminatorClasses, metadataNamed, supportedMajor } from '../../lib/mikro-orm/orm-major.js';
import { expectThrows } from '../support/expect-error.js';
import { Contractor, Employee, Manager, Staff, entityKinds } from './support/entity-kinds.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

/**
 * What orm-major.ts decides in this process (mikro-orm-major.spec.ts checks the same end to end,
 * in processes of their own, which Stryker cannot switch mutants on in).
 */
describe('MikroORM majors: the decisions of orm-major', function () {
  this.timeout(30_000);

  it('supports MikroORM 6 and 7 (releases and pre-releases) and refuses any other major, naming the version and the fix', () => {
    expect(supportedMajor('6.6.16')).to.equal(6);
    expect(supportedMajor('7.2.1')).to.equal(7);
    expect(supportedMajor('7.0.0-rc.3')).to.equal(7);
    for (const version of ['8.0.0', '5.9.8', '67.0.0', '16.0.0', 'v7.2.1', '']) {
      const error = expectThrows(() => supportedMajor(version), ConfigurationException, `@mikro-orm/core ${version} is installed`, 'MikroORM 6.6 and 7', 'install');
      expect(error.message).not.to.include('useMikroOrm');
    }
  });

  describe('single-table inheritance classes', () => {
    let db: TestDatabase;
    before(async () => {
      db = await openTestDatabase({ entities: entityKinds });
    });
    after(() => db.close());

    it("are the root's discriminator map, sorted by value, found by class name (MikroORM 6's map)", () => {
      const storage = db.orm.getMetadata();
      const root = storage.find(Staff)!;
      const choices = discriminatorClasses(root, (name) => metadataNamed(storage, name)?.class);
      expect(choices).to.deep.equal([
        { value: 'contractor', model: Contractor },
        { value: 'employee', model: Employee },
        { value: 'manager', model: Manager },
      ]);
    });

    it('are taken as they are where the map holds the classes (MikroORM 7), in value order whatever the map order', () => {
      // MikroORM 7's discovery stores the classes themselves in discriminatorMap.
      const root = new EntityMetadata({ className: 'Staff', discriminatorColumn: 'role', discriminatorMap: { manager: Manager, contractor: Contractor, employee: Employee } as never });
      const asked: string[] = [];
      const choices = discriminatorClasses(root, (name) => void asked.push(name) as undefined);
      expect(choices.map((c) => [c.value, c.model])).to.deep.equal([
        ['contractor', Contractor],
        ['employee', Employee],
        ['manager', Manager],
      ]);
      expect(asked).to.deep.equal([]);
    });

    it('leave out a class name no metadata knows, and are none without a map', () => {
      const root = new EntityMetadata({ className: 'Staff', discriminatorMap: { ghost: 'Ghost', employee: 'Employee' } });
      expect(discriminatorClasses(root, (name) => (name === 'Employee' ? Employee : undefined))).to.deep.equal([{ value: 'employee', model: Employee }]);
      expect(discriminatorClasses(new EntityMetadata({ className: 'Plain' }), () => Employee)).to.deep.equal([]);
    });

    it("are every discovered entity's metadata, and one class's metadata by its name", () => {
      const storage = db.orm.getMetadata();
      const names = allMetadata(storage).map((meta) => meta.className);
      expect(names).to.include.members(['Staff', 'Employee', 'Manager', 'Contractor', 'Badge']);
      expect(metadataNamed(storage, 'Manager')?.class).to.equal(Manager);
      expect(metadataNamed(storage, 'Nobody')).to.equal(undefined);
      expect(allMetadata(new MetadataStorage())).to.deep.equal([]);
    });
  });
});
