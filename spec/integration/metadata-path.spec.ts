import 'reflect-metadata';
import { expect } from 'chai';
import { Faker, base, en } from '@faker-js/faker';
import type { InferEntity, Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property } from '../../samples/mikro-orm-major.js';
import { BaseFactory, ConfigurationException, Factory, forgetMikroOrms, useMikroOrm } from 'fixtory';
import { Unresolvable, type GenerationContext } from '../../lib/generators/design-type.js';
import { resolveModel, type AdaptedField } from '../../lib/inspect/model-adapter.js';
import { mikroOrmEntityAdapter } from '../../lib/mikro-orm/entity-adapter.js';
import { expectThrows } from '../support/expect-error.js';
import { allEntities } from './support/entities.js';
import { Gadget, Tool, entityKinds } from './support/entity-kinds.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

// Schemas stand for their class as @Factory resolves them.
const classes = [...allEntities, ...entityKinds].map((e) => (typeof e === 'function' ? e : resolveModel(e)!));

/** What generation reads of a field, and three values its generator draws from a fixed seed. */
function describeField(field: AdaptedField) {
  const { generator, relation, providerKeys, ...facts } = field;
  let samples: unknown = undefined;
  if (generator instanceof Unresolvable) samples = `unresolvable: ${generator.reason}`;
  else if (generator && !relation) {
    const faker = new Faker({ locale: [en, base], seed: 7 });
    faker.setDefaultRefDate(new Date('2025-01-01T00:00:00.000Z'));
    const ctx = { faker, sequence: 1, index: 0, transient: {}, buildNested: (model: Function) => `nested ${model.name}` } as GenerationContext;
    samples = JSON.stringify([generator(ctx), generator(ctx), generator(ctx)], (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
  }
  return { ...facts, relation: relation && { ...relation, target: relation.target.name }, samples };
}

function describeModel(cls: Function) {
  return mikroOrmEntityAdapter.inspect(cls)!.fields.map(describeField);
}

describe('MikroORM: one metadata path', function () {
  this.timeout(60_000);
  let db: TestDatabase;

  before(async () => {
    db = await openTestDatabase({ entities: [...allEntities, ...entityKinds] });
  });
  after(async () => {
    await db.close();
  });

  it('reads every property of the integration models the same before useMikroOrm (discovered on demand) and after', () => {
    forgetMikroOrms();
    const before = classes.map(describeModel);
    useMikroOrm(db.orm);
    const after = classes.map(describeModel);
    forgetMikroOrms();
    const differences: string[] = [];
    const platformNeutral: string[] = [];
    classes.forEach((cls, i) => {
      // The same fields; in the same order, except that MikroORM 7 may list the columns a polymorphic
      // embeddable flattens into in another order when it discovers one entity on demand.
      expect(before[i]!.map((f) => f.name).sort(), cls.name).to.deep.equal(after[i]!.map((f) => f.name).sort());
      if (!cls.name.startsWith('PetOwner')) expect(before[i]!.map((f) => f.name), cls.name).to.deep.equal(after[i]!.map((f) => f.name));
      after[i]!.forEach((field) => {
        const early = before[i]!.find((f) => f.name === field.name)!;
        // The only platform fact: a property of no declared type is varchar(255) to MikroORM's
        // platform-neutral discovery (PostgreSQL, MariaDB) and text to SQLite. Samples still agree.
        if (early.maxLength === 255 && field.maxLength === undefined) {
          platformNeutral.push(`${cls.name}.${field.name}`);
          expect({ ...early, maxLength: undefined }).to.deep.equal({ ...field, maxLength: undefined });
        } else if (JSON.stringify(early) !== JSON.stringify(field)) differences.push(`${cls.name}: ${JSON.stringify(early)} / ${JSON.stringify(field)}`);
      });
    });
    expect(differences).to.deep.equal([]);
    expect(['KitchenSink.nickname', 'Address.city']).to.include.members(platformNeutral);
  });

  it('gives a numeric(6,2) column a value that fits it before registration', () => {
    forgetMikroOrms();
    @Entity()
    class Invoice {
      @PrimaryKey() id!: number;
      @Property({ type: 'decimal', precision: 6, scale: 2 }) total!: string;
    }
    @Factory(Invoice)
    class InvoiceFactory extends BaseFactory<Invoice> {}
    for (const invoice of InvoiceFactory.batch(50)) expect(invoice.total).to.match(/^\d{1,4}\.\d{2}$/);
  });

  it('builds schema-described entities given as schema, class or name before any ORM is registered', () => {
    forgetMikroOrms();
    @Factory(Gadget)
    class ClassGadgetFactory extends BaseFactory<Gadget> {}
    @Factory<Gadget>('Gadget')
    class NamedGadgetFactory extends BaseFactory<Gadget> {}
    @Factory(Tool)
    class EarlyToolFactory extends BaseFactory<InferEntity<typeof Tool>> {}
    for (const gadget of [ClassGadgetFactory.build(), NamedGadgetFactory.build()]) {
      expect(gadget).to.be.instanceOf(Gadget);
      expect(gadget.label.length).to.be.within(1, 40);
      expect(gadget.weight).to.be.a('number');
    }
    // Gadget has several factories across the specs: the Tool gets one of ours.
    const tool = EarlyToolFactory.build({ gadget: ClassGadgetFactory.build() });
    expect(tool.price).to.match(/^\d{1,4}\.\d{2}$/);
    expect(tool.gadget).to.be.instanceOf(Gadget);
  });

  it('says "call useMikroOrm(orm) first" when an entity cannot be discovered without its ORM', () => {
    forgetMikroOrms();
    @Entity()
    class Shelf {
      @PrimaryKey() id!: number;
    }
    @Entity()
    class Volume {
      @PrimaryKey() id!: number;
      @ManyToOne() shelf!: Rel<Shelf>; // no target: only a TsMorph-discovered ORM knows it
    }
    @Factory(Volume)
    class VolumeFactory extends BaseFactory<Volume> {}
    expectThrows(() => VolumeFactory.build(), ConfigurationException, 'Volume', 'useMikroOrm(orm) first');
  });
});
