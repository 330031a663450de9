import { expect } from 'chai';
import { Faker, en } from '@faker-js/faker';
import { EntityMetadata, Type } from '@mikro-orm/core';
import { ConfigurationException } from 'fixtory';
import { customTypeGenerator, setByEntity } from '../../lib/mikro-orm/custom-types.js';
import type { PropertyFacts } from '../../lib/mikro-orm/property-facts.js';
import { Unresolvable, type GenerationContext } from '../../lib/generators/design-type.js';
import { expectThrows } from '../support/expect-error.js';

/** The facts of a property typed by `type` over `columnType`, as discovery reports them. */
function factsOf(type: Type<unknown, unknown>, columnType: string | undefined): PropertyFacts {
  return {
    name: 'value', kind: 'scalar', type: 'unknown', columnType, customType: type.constructor.name, customTypeClass: type.constructor, customTypeInstance: type,
    nullable: false, unique: false, primary: false, managed: false, hasDefault: false, enum: false, array: false, owner: false,
  };
}

function valuesOf(type: Type<unknown, unknown>, columnType: string | undefined, count = 50): unknown[] {
  const generator = customTypeGenerator('Logbook', factsOf(type, columnType), undefined);
  if (generator instanceof Unresolvable) throw new Error(generator.reason);
  const faker = new Faker({ locale: [en], seed: 3 });
  return Array.from({ length: count }, (_, index) => generator.generate({ faker, sequence: index + 1, index, transient: {}, buildNested: () => undefined } as GenerationContext));
}

function refusal(type: Type<unknown, unknown>, columnType: string | undefined): string {
  const generator = customTypeGenerator('Logbook', factsOf(type, columnType), undefined);
  expect(generator).to.be.instanceOf(Unresolvable);
  return (generator as Unresolvable).reason;
}

class Cents {
  constructor(readonly cents: number) {}
}
class CentsType extends Type<Cents, number> {
  override convertToDatabaseValue(value: Cents): number {
    return value.cents;
  }
  override convertToJSValue(value: number): Cents {
    return new Cents(value);
  }
}

class Stamp {
  constructor(readonly at: Date) {}
}
/** Its column value is a Date: the same instant comes back as another Date object. */
class StampType extends Type<Stamp, Date> {
  override convertToDatabaseValue(value: Stamp): Date {
    return new Date(value.at.getTime());
  }
  override convertToJSValue(value: Date): Stamp {
    return new Stamp(new Date(value.getTime()));
  }
}

class Tally {
  constructor(readonly words: Record<string, unknown>) {}
}
/** Its column value is a JSON object: an equal object comes back, not the same one. */
class TallyType extends Type<Tally, Record<string, unknown>> {
  override convertToDatabaseValue(value: Tally): Record<string, unknown> {
    return { ...value.words };
  }
  override convertToJSValue(value: Record<string, unknown>): Tally {
    return new Tally({ ...value });
  }
}
/** Loses a key on the way back: not derivable. */
class LossyTallyType extends TallyType {
  override convertToDatabaseValue(value: Tally): Record<string, unknown> {
    const { count: _dropped, ...rest } = value.words;
    return rest;
  }
}

/** Upper-cases what it reads: 'abc' does not come back as 'abc'. */
class ShoutType extends Type<string, string> {
  override convertToJSValue(value: string): string {
    return value.toUpperCase();
  }
}

/** Parses its column ('B7'), so arbitrary text throws. */
class GridType extends Type<{ column: string; row: number }, string> {
  override convertToJSValue(value: string): { column: string; row: number } {
    const match = /^([A-Z])(\d+)$/.exec(value);
    if (!match) throw new Error(`not a grid reference: ${value}`);
    return { column: match[1]!, row: Number(match[2]) };
  }
  override convertToDatabaseValue(value: { column: string; row: number }): string {
    return `${value.column}${value.row}`;
  }
}

/** Round-trips its first values only, as one whose conversion depends on state that changes. */
class FadingType extends Type<number, number> {
  private conversions = 0;
  override convertToDatabaseValue(value: number): number {
    this.conversions += 1;
    return this.conversions > 8 ? -1 : value;
  }
}

describe('MikroORM custom Types: values derived from the column type, only where the Type gives them back', () => {
  it('an integer column: the Type\'s JS values, from column values it gives back', () => {
    const values = valuesOf(new CentsType(), 'int');
    values.forEach((v) => expect(v).to.be.instanceOf(Cents));
    expect(new Set(values.map((v) => (v as Cents).cents)).size).to.be.greaterThan(40);
  });

  it('a datetime column: a Date comes back as an equal Date, which is the same value', () => {
    const values = valuesOf(new StampType(), 'datetime');
    values.forEach((v) => expect((v as Stamp).at).to.be.instanceOf(Date));
  });

  it('a json column: an equal object is the same value; one missing a key is not', () => {
    valuesOf(new TallyType(), 'json').forEach((v) => expect(Object.keys((v as Tally).words)).to.include('count'));
    expect(refusal(new LossyTallyType(), 'json')).to.equal(
      "its type is the custom MikroORM type LossyTallyType, whose values fixtory cannot derive from its column type 'json'",
    );
  });

  it('refuses a Type that changes the column value, one that throws on it, and one without a column type', () => {
    expect(refusal(new ShoutType(), 'varchar(20)')).to.equal(
      "its type is the custom MikroORM type ShoutType, whose values fixtory cannot derive from its column type 'varchar(20)'",
    );
    expect(refusal(new GridType(), 'varchar(4)')).to.include("from its column type 'varchar(4)'");
    expect(refusal(new CentsType(), undefined)).to.include("from its column type 'unknown'");
    expect(refusal(new CentsType(), 'geometry')).to.include("from its column type 'geometry'");
  });

  it('checks every generated value, not only the probes: a value the Type does not give back is a ConfigurationException', () => {
    const generator = customTypeGenerator('Logbook', factsOf(new FadingType(), 'int'), undefined);
    expect(generator).not.to.be.instanceOf(Unresolvable);
    const faker = new Faker({ locale: [en], seed: 3 });
    const generate = () => (generator as { generate: (ctx: GenerationContext) => unknown }).generate({ faker, sequence: 1, index: 0, transient: {}, buildNested: () => undefined } as GenerationContext);
    for (let i = 0; i < 3; i++) expect(generate()).to.be.a('number');
    expectThrows(generate, ConfigurationException, 'Logbook.value: its custom MikroORM type FadingType does not give the column value', 'Declare it with @Use(...)');
  });
});

describe('MikroORM entities: a value the entity gives a property itself is kept', () => {
  // Classes made in each test: what is learned of a class is kept for the run.
  const metaOf = (cls: Function) => new EntityMetadata({ class: cls as never, className: cls.name });

  it('an initialiser or the constructor sets it; null, undefined or nothing does not', () => {
    class Voucher {
      code = 'FIXED';
      note: string | null = null;
      memo?: string = undefined;
      amount!: number;
      issuedBy: string;
      constructor() {
        this.issuedBy = 'desk';
      }
    }
    const meta = metaOf(Voucher);
    expect(['code', 'note', 'memo', 'amount', 'issuedBy'].map((p) => setByEntity(meta, p))).to.deep.equal([true, false, false, false, true]);
  });

  it('an entity whose constructor needs arguments sets nothing fixtory can see', () => {
    class Receipt {
      total = 0;
      constructor(readonly order: { id: number }) {
        this.total = order.id;
      }
    }
    expect(setByEntity(metaOf(Receipt), 'total')).to.equal(false);
  });

  it('constructs the entity once, however many properties are asked about', () => {
    let constructed = 0;
    class Coupon {
      code = 'X';
      constructor() {
        constructed += 1;
      }
    }
    const meta = metaOf(Coupon);
    setByEntity(meta, 'code');
    setByEntity(meta, 'other');
    expect(constructed).to.equal(1);
  });
});
