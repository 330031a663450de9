import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, forgetMikroOrms, registry, useMikroOrm } from 'fixtory';
import { Entity, PrimaryKey, Property } from '../../samples/mikro-orm-major.js';
import { twinWithSize } from './support/en-twin.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

// Two entity classes may share a name (two modules, two apps in one test suite): a name given to
// @Factory stands for the class of the latest registered ORM that has it, and a factory given a
// class builds that class, from its own metadata, whatever an ORM knows under the same name.

function twinWithColour() {
  @Entity({ tableName: 'en_twin_colour' })
  class EnTwin {
    @PrimaryKey() id!: number;
    @Property({ length: 20 }) colour!: string;
  }
  return EnTwin;
}

describe('MikroORM: models given by name, and classes that share a name', function () {
  this.timeout(30_000);
  const factories: Function[] = [];
  let db: TestDatabase | undefined;
  afterEach(async () => {
    for (const factory of factories.splice(0)) registry.unregister(factory as never);
    forgetMikroOrms();
    await db?.close();
    db = undefined;
  });

  it('a name stands for the class of the registered ORM that knows it, before another decorated class of that name', async () => {
    const Coloured = twinWithColour();
    const { EnTwin: Sized, schema } = twinWithSize();
    db = await openTestDatabase({ entities: [schema] });
    useMikroOrm(db.orm);
    @Factory<InstanceType<typeof Sized>>('EnTwin')
    class ByNameFactory extends BaseFactory<InstanceType<typeof Sized>> {}
    @Factory(Coloured)
    class ColouredFactory extends BaseFactory<InstanceType<typeof Coloured>> {}
    factories.push(ByNameFactory, ColouredFactory);
    const byName = ByNameFactory.build();
    expect(byName).to.be.instanceOf(Sized);
    expect(byName.size).to.be.a('number');
    // The class the ORM does not know is built as itself, from its own metadata.
    const coloured = ColouredFactory.build() as unknown as Record<string, unknown>;
    expect(coloured).to.be.instanceOf(Coloured);
    expect(coloured.colour).to.be.a('string');
    expect(coloured.size).to.equal(undefined);
  });

  it('a name no ORM knows stands for the decorated entity of that name', () => {
    @Entity({ tableName: 'en_loner' })
    class EnLoner {
      @PrimaryKey() id!: number;
      @Property({ length: 30 }) motto!: string;
    }
    @Factory<EnLoner>('EnLoner')
    class LonerFactory extends BaseFactory<EnLoner> {}
    factories.push(LonerFactory);
    const loner = LonerFactory.build();
    expect(loner).to.be.instanceOf(EnLoner);
    expect(loner.motto).to.be.a('string');
  });
});
