import 'reflect-metadata';
import { expect } from 'chai';
import type { Opt } from '@mikro-orm/core';
import { BaseFactory, Factory, registry } from 'fixtory';
import { mikroOrmEntityAdapter } from '../../lib/mikro-orm/entity-adapter.js';
import { discoverWithoutOrm, isMikroOrmModel } from '../../lib/mikro-orm/on-demand-discovery.js';
import { Embeddable, Embedded, Entity, Enum, PrimaryKey, Property } from '../../samples/mikro-orm-major.js';

/**
 * Entities built before any ORM knows them are read from MikroORM's own discovery, run on demand.
 * The classes are declared inside each test, so every run discovers them afresh (a class already
 * discovered is read from the cache).
 */
describe('MikroORM: entities discovered on demand, before useMikroOrm', function () {
  this.timeout(30_000);
  const factories: Function[] = [];
  afterEach(() => {
    for (const factory of factories.splice(0)) registry.unregister(factory as never);
  });

  function sti() {
    @Entity({ abstract: true, discriminatorColumn: 'kind', tableName: 'od_shape' })
    abstract class OdShape {
      @PrimaryKey() id!: number;
      @Property() kind!: string & Opt;
    }
    @Entity({ discriminatorValue: 'circle' })
    class OdCircle extends OdShape {
      @Property() radius!: number;
    }
    @Entity({ discriminatorValue: 'square' })
    class OdSquare extends OdShape {
      @Property({ length: 60 }) name!: string;
    }
    @Entity({ discriminatorValue: 'big-square' })
    class OdBigSquare extends OdSquare {
      @Property() side!: number;
    }
    return { OdShape, OdCircle, OdSquare, OdBigSquare };
  }

  it('a single-table inheritance root: its factory rotates through every concrete class below it, each with its own columns and discriminator', () => {
    const { OdShape, OdCircle, OdSquare, OdBigSquare } = sti();
    @Factory(OdShape)
    class ShapeFactory extends BaseFactory<InstanceType<typeof OdShape>> {}
    factories.push(ShapeFactory);
    const shapes = ShapeFactory.batch(9);
    expect(new Set(shapes.map((s) => s.constructor))).to.deep.equal(new Set([OdCircle, OdSquare, OdBigSquare]));
    for (const shape of shapes) {
      const { kind, radius, name, side } = shape as unknown as Record<string, unknown>;
      const facts = [kind, typeof radius, typeof name, typeof side];
      if (shape.constructor === OdCircle) expect(facts).to.deep.equal(['circle', 'number', 'undefined', 'undefined']);
      if (shape.constructor === OdSquare) expect(facts).to.deep.equal(['square', 'undefined', 'string', 'undefined']);
      if (shape.constructor === OdBigSquare) expect(facts).to.deep.equal(['big-square', 'undefined', 'string', 'number']);
    }
  });

  it('a subclass of a single-table inheritance root (discovered with its family): its own class, its discriminator, its parents\' columns', () => {
    const { OdSquare, OdBigSquare } = sti();
    @Factory(OdSquare)
    class SquareFactory extends BaseFactory<InstanceType<typeof OdSquare>> {}
    @Factory(OdBigSquare)
    class BigSquareFactory extends BaseFactory<InstanceType<typeof OdBigSquare>> {}
    factories.push(SquareFactory, BigSquareFactory);
    const square = SquareFactory.build() as unknown as Record<string, unknown>;
    expect(square.constructor).to.equal(OdSquare);
    expect(square.kind).to.equal('square');
    expect(square.name).to.be.a('string').with.length.within(1, 60);
    const big = BigSquareFactory.build() as unknown as Record<string, unknown>;
    expect([big.constructor, big.kind, typeof big.side]).to.deep.equal([OdBigSquare, 'big-square', 'number']);
    expect(big.name).to.be.a('string').with.length.within(1, 60);
  });

  it('a polymorphic embeddable built alone is of its own class, with its discriminator value', () => {
    enum OdKind {
      OdCat = 'cat',
      OdDog = 'dog',
    }
    @Embeddable({ abstract: true, discriminatorColumn: 'kind' })
    abstract class OdPet {
      @Enum(() => OdKind) kind!: OdKind;
      @Property({ length: 20 }) petName!: string;
    }
    @Embeddable({ discriminatorValue: OdKind.OdCat })
    class OdCat extends OdPet {
      @Property() lives!: number;
    }
    @Embeddable({ discriminatorValue: OdKind.OdDog })
    class OdDog extends OdPet {
      @Property() goodBoy!: boolean;
    }
    @Entity({ tableName: 'od_pet_owner' })
    class OdOwner {
      @PrimaryKey() id!: number;
      @Embedded(() => [OdCat, OdDog]) pet!: OdCat | OdDog;
    }
    @Factory(OdCat)
    class CatFactory extends BaseFactory<OdCat> {}
    @Factory(OdOwner)
    class OwnerFactory extends BaseFactory<OdOwner> {}
    factories.push(CatFactory, OwnerFactory);
    const cat = CatFactory.build();
    expect(cat).to.be.instanceOf(OdCat);
    expect([cat.kind, typeof cat.lives, typeof cat.petName]).to.deep.equal([OdKind.OdCat, 'number', 'string']);
    const pets = OwnerFactory.batch(40).map((owner) => owner.pet); // 8 gave one class alone about once in 128 runs
    expect(new Set(pets.map((pet) => pet.constructor))).to.deep.equal(new Set([OdCat, OdDog]));
    for (const pet of pets) expect(pet.kind).to.equal(pet instanceof OdCat ? OdKind.OdCat : OdKind.OdDog);
    // The abstract root, discovered alone, has its own properties, not its subclasses' (a single-table root would).
    expect(mikroOrmEntityAdapter.inspect(OdPet)?.fields.map((f) => f.name)).to.deep.equal(['kind', 'petName']);
  });

  it('an abstract entity built alone (no concrete entity discovered with it) is built from its properties', () => {
    @Entity({ abstract: true })
    abstract class OdStamped {
      @PrimaryKey() id!: number;
      @Property() createdAt!: Date;
      @Property({ length: 30 }) createdBy!: string;
    }
    @Factory(OdStamped)
    class StampedFactory extends BaseFactory<OdStamped> {}
    factories.push(StampedFactory);
    const stamped = StampedFactory.build();
    expect(stamped).to.be.instanceOf(OdStamped);
    expect(stamped.createdAt).to.be.instanceOf(Date);
    expect(stamped.createdBy).to.be.a('string');
  });

  it('discovers a class once, and only a class MikroORM knows', () => {
    @Entity({ tableName: 'od_lamp' })
    class OdLamp {
      @PrimaryKey() id!: number;
      @Property() watts!: number;
    }
    class OdNotAnEntity {
      watts!: number;
    }
    expect(isMikroOrmModel(OdLamp)).to.equal(true);
    expect(isMikroOrmModel(OdNotAnEntity)).to.equal(false);
    const first = discoverWithoutOrm(OdLamp);
    expect(first?.find(OdLamp)?.properties.watts?.type).to.equal('number');
    expect(discoverWithoutOrm(OdLamp)).to.equal(first);
    expect(discoverWithoutOrm(OdNotAnEntity)).to.equal(undefined);
  });
});
