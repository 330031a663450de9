import 'reflect-metadata';
import { expect } from 'chai';
import { BigIntType, type Opt } from '@mikro-orm/core';
import { BaseFactory, ConfigurationException, Factory, registry } from 'fixtory';
import { Embeddable, Embedded, Entity, Enum, PrimaryKey, Property, Unique } from '../../samples/mikro-orm-major.js';
import { expectThrows } from '../support/expect-error.js';

/**
 * What the MikroORM adapter reads from an entity's metadata. Classes and factories are declared
 * inside each test: a factory's plan is made once per class, so each run reads the metadata afresh.
 */
describe('MikroORM adapter: keys, class-level uniques, polymorphic embeddables, unresolvable fields', function () {
  this.timeout(30_000);
  const factories: Function[] = [];
  afterEach(() => {
    for (const factory of factories.splice(0)) registry.unregister(factory as never);
  });

  function factoryOf<T extends object>(model: new () => T) {
    @Factory(model)
    class ModelFactory extends BaseFactory<T> {}
    factories.push(ModelFactory);
    return ModelFactory;
  }

  it("a stub's made-up key has the kind of the entity's key: a number for integer and floating columns, text for the others, bigint as declared", () => {
    const numeric = ['integer', 'int', 'smallint', 'tinyint', 'mediumint', 'float', 'double', 'number'];
    for (const type of numeric) {
      @Entity({ tableName: `ea_key_${type}` })
      class EaKeyed {
        @PrimaryKey({ type }) id!: number;
        @Property() name!: string;
      }
      expect(typeof factoryOf(EaKeyed).stub().id, type).to.equal('number');
    }
    @Entity({ tableName: 'ea_key_uuid' })
    class EaUuidKeyed {
      @PrimaryKey({ type: 'uuid' }) id!: string;
    }
    expect(factoryOf(EaUuidKeyed).stub().id).to.equal('00000000-0000-4000-8000-00007fffffff');
    @Entity({ tableName: 'ea_key_text' })
    class EaTextKeyed {
      @PrimaryKey({ length: 40 }) code!: string;
    }
    expect(factoryOf(EaTextKeyed).stub().code).to.equal('00000000-0000-4000-8000-00007fffffff');
    @Entity({ tableName: 'ea_key_big' })
    class EaBigKeyed {
      @PrimaryKey({ type: new BigIntType('bigint') }) id!: bigint;
    }
    @Entity({ tableName: 'ea_key_big_number' })
    class EaBigNumberKeyed {
      @PrimaryKey({ type: new BigIntType('number') }) id!: number;
    }
    @Entity({ tableName: 'ea_key_big_string' })
    class EaBigStringKeyed {
      @PrimaryKey({ type: new BigIntType('string') }) id!: string;
    }
    expect(factoryOf(EaBigKeyed).stub().id).to.equal(2_147_483_647n);
    expect(factoryOf(EaBigNumberKeyed).stub().id).to.equal(2_147_483_647);
    expect(factoryOf(EaBigStringKeyed).stub().id).to.equal('00000000-0000-4000-8000-00007fffffff');
  });

  it('a class-level @Unique over several properties makes one generated member unique: an integer one, else a text one', () => {
    @Entity({ tableName: 'ea_seat' })
    @Unique({ properties: ['row', 'number'] })
    class EaSeat {
      @PrimaryKey() id!: number;
      @Property({ length: 2 }) row!: string;
      @Property() number!: number;
    }
    const seats = factoryOf(EaSeat).batch(300);
    expect(new Set(seats.map((s) => s.number)).size).to.equal(300);
    expect(factoryOf(EaSeat).explain().filter((f) => f.unique).map((f) => f.field)).to.deep.equal(['number']);

    @Entity({ tableName: 'ea_label' })
    @Unique({ properties: ['prefix', 'suffix'] })
    class EaLabel {
      @PrimaryKey() id!: number;
      @Property({ length: 10 }) prefix!: string;
      @Property({ length: 30 }) suffix!: string;
      @Property() weight!: number;
    }
    // No integer member: one text member is unique (the integer outside the constraint is not).
    const LabelFactory = factoryOf(EaLabel);
    const unique = LabelFactory.explain().filter((f) => f.unique).map((f) => f.field);
    expect(unique).to.have.length(1);
    expect(['prefix', 'suffix']).to.include(unique[0]);
    const labels = LabelFactory.batch(200) as unknown as Record<string, string>[];
    expect(new Set(labels.map((l) => l[unique[0]!])).size).to.equal(200);
  });

  it('a polymorphic embedded property draws its class from the field\'s seeded stream whatever order the classes are listed in, and an array of them holds 1 to 3', () => {
    @Embeddable({ abstract: true, discriminatorColumn: 'kind' })
    abstract class EaShape {
      @Enum({ items: ['ring', 'box'] }) kind!: string & Opt;
    }
    @Embeddable({ discriminatorValue: 'ring' })
    class EaRing extends EaShape {
      @Property() radius!: number;
    }
    @Embeddable({ discriminatorValue: 'box' })
    class EaBox extends EaShape {
      @Property() side!: number;
    }
    @Entity({ tableName: 'ea_ring_first' })
    class EaRingFirst {
      @PrimaryKey() id!: number;
      @Embedded(() => [EaRing, EaBox]) shape!: EaRing | EaBox;
      @Embedded(() => [EaRing, EaBox], { array: true }) shapes!: (EaRing | EaBox)[];
    }
    @Entity({ tableName: 'ea_box_first' })
    class EaBoxFirst {
      @PrimaryKey() id!: number;
      @Embedded(() => [EaBox, EaRing]) shape!: EaRing | EaBox;
      @Embedded(() => [EaBox, EaRing], { array: true }) shapes!: (EaRing | EaBox)[];
    }
    const classesOf = (built: { shape: object; shapes: object[] }[]) => built.map((b) => [b.shape.constructor.name, b.shapes.map((s) => s.constructor.name)]);
    const RingFirstFactory = factoryOf(EaRingFirst);
    const BoxFirstFactory = factoryOf(EaBoxFirst);
    RingFirstFactory.seed(5);
    BoxFirstFactory.seed(5);
    const ringFirst = classesOf(RingFirstFactory.batch(12));
    const boxFirst = classesOf(BoxFirstFactory.batch(12));
    expect(boxFirst).to.deep.equal(ringFirst);
    expect(new Set(ringFirst.map(([shape]) => shape))).to.deep.equal(new Set(['EaRing', 'EaBox']));
    const lengths = ringFirst.map(([, shapes]) => shapes.length);
    expect(Math.min(...lengths)).to.equal(1);
    expect(Math.max(...lengths)).to.equal(3);
    expect(ringFirst.flatMap(([, shapes]) => shapes).every((name) => name === 'EaRing' || name === 'EaBox')).to.equal(true);
  });

  it('an @Enum of a string-literal union (no runtime values) asks for items; a nullable one is left null', () => {
    @Entity({ tableName: 'ea_mood' })
    class EaMood {
      @PrimaryKey() id!: number;
      @Enum() feeling!: 'happy' | 'sad';
    }
    expectThrows(() => factoryOf(EaMood).build(), ConfigurationException, 'EaMood.feeling', 'an @Enum without runtime values (give it items)');
    @Entity({ tableName: 'ea_optional_mood' })
    class EaOptionalMood {
      @PrimaryKey() id!: number;
      @Enum({ nullable: true }) feeling?: 'happy' | 'sad' | null;
    }
    const built = factoryOf(EaOptionalMood).batch(3);
    expect(built.map((m) => m.feeling)).to.deep.equal([null, null, null]);
  });
});
