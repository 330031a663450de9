import { expect } from 'chai';
import { Faker, en } from '@faker-js/faker';
import { parseColumnType } from '../../lib/mikro-orm/column-types.js';
import { scalarGenerator, type ScalarGenerator } from '../../lib/mikro-orm/scalar-generators.js';
import type { PropertyFacts } from '../../lib/mikro-orm/property-facts.js';
import { Unresolvable, type GenerationContext } from '../../lib/generators/design-type.js';

describe('MikroORM column types: parsing a declared column type', () => {
  const cases: [string | undefined, ReturnType<typeof parseColumnType>][] = [
    ['numeric(6,2)', { name: 'numeric', args: [6, 2], array: false }],
    ['  Character Varying(12) ', { name: 'character varying', args: [12], array: false }],
    ['double precision', { name: 'double precision', args: [], array: false }],
    ['decimal(6, 2) unsigned', { name: 'decimal', args: [6, 2], array: false }],
    ['int unsigned zerofill', { name: 'int', args: [], array: false }],
    ["enum('red','it''s', 'a,b')", { name: 'enum', args: ['red', "it's", 'a,b'], array: false }],
    ['int[]', { name: 'int', args: [], array: true }],
    ['numeric(5,2)[]', { name: 'numeric', args: [5, 2], array: true }],
    ['text[][]', { name: 'text', args: [], array: true }],
    ['timestamptz(3)', { name: 'timestamptz', args: [3], array: false }],
    ['int4', { name: 'int4', args: [], array: false }],
    [undefined, undefined],
    ['', undefined],
    ['(5)', undefined],
    ['5int', undefined],
    ['int[] extra', undefined],
  ];
  for (const [text, parsed] of cases) {
    it(`${JSON.stringify(text)}`, () => {
      expect(parseColumnType(text)).to.deep.equal(parsed);
    });
  }
});

function factsOf(declared: Partial<PropertyFacts>): PropertyFacts {
  return { name: 'value', kind: 'scalar', type: 'unknown', nullable: false, unique: false, primary: false, managed: false, hasDefault: false, enum: false, array: false, owner: false, ...declared };
}

function generatorOf(declared: Partial<PropertyFacts>): ScalarGenerator {
  const generator = scalarGenerator(factsOf(declared));
  if (generator instanceof Unresolvable) throw new Error(generator.reason);
  return generator;
}

/** 200 values of the generator the facts get, from a seeded faker. */
function valuesOf(declared: Partial<PropertyFacts>, count = 200): unknown[] {
  const { generate } = generatorOf(declared);
  const faker = new Faker({ locale: [en], seed: 7 });
  return Array.from({ length: count }, (_, index) => generate({ faker, sequence: index + 1, index, transient: {}, buildNested: () => undefined } as GenerationContext));
}

function texts(declared: Partial<PropertyFacts>): string[] {
  const values = valuesOf(declared);
  values.forEach((value) => expect(value).to.be.a('string'));
  return values as string[];
}

function expectAllMatch(values: string[], pattern: RegExp): void {
  const misfits = values.filter((value) => !pattern.test(value));
  expect(misfits, `values not matching ${pattern}`).to.deep.equal([]);
}

describe('MikroORM column types: the values each column type gets fit it', () => {
  describe('decimals: within the precision and scale, the last decimal never 0 (it reads back as written)', () => {
    const cases: [Partial<PropertyFacts>, RegExp, number][] = [
      [{ type: 'decimal', columnType: 'numeric(6,2)' }, /^\d{1,4}\.\d[1-9]$/, 4],
      [{ type: 'decimal', precision: 5, scale: 3 }, /^\d{1,2}\.\d\d[1-9]$/, 2],
      [{ type: 'decimal', precision: 4, scale: 0 }, /^\d{1,4}$/, 4],
      [{ type: 'decimal', precision: 2, scale: 2 }, /^0\.\d[1-9]$/, 1],
      [{ type: 'decimal' }, /^\d{1,8}\.\d[1-9]$/, 8],
      [{ type: 'string', columnType: 'numeric' }, /^\d{1,8}\.\d[1-9]$/, 8],
      [{ type: 'string', columnType: 'numeric(7)' }, /^\d{1,7}$/, 7],
      [{ type: 'decimal', precision: 30, scale: 4 }, /^\d{1,11}\.\d{3}[1-9]$/, 11],
      [{ type: 'string', columnType: 'decimal(6,2) unsigned' }, /^\d{1,4}\.\d[1-9]$/, 4],
    ];
    for (const [declared, pattern, digits] of cases) {
      it(`${JSON.stringify(declared)}: ${pattern}, up to ${digits} integer digits`, () => {
        const values = texts(declared);
        expectAllMatch(values, pattern);
        expect(Math.max(...values.map((v) => v.split('.')[0]!.length))).to.equal(digits);
      });
    }
    it('a number when the property is a number', () => {
      const values = valuesOf({ type: 'double', columnType: 'numeric(6,2)', runtimeType: 'number' });
      values.forEach((value) => expect(value).to.be.a('number').within(0, 9999.99));
      expect(values.some((value) => !Number.isInteger(value))).to.equal(true);
    });
  });

  describe('integers: within the type, and unique values know the largest', () => {
    const cases: [string, number][] = [['tinyint', 127], ['smallint', 32_767], ['mediumint', 8_388_607], ['integer', 2_147_483_647], ['int', 2_147_483_647], ['int2', 32_767], ['int4', 2_147_483_647], ['number', 2_147_483_647]];
    for (const [type, max] of cases) {
      it(`${type}: 0..${Math.min(max, 100_000)}, maxInteger ${max}`, () => {
        const generator = generatorOf({ type });
        expect([generator.type, generator.maxInteger]).to.deep.equal([Number, max]);
        const values = valuesOf({ type }) as number[];
        values.forEach((value) => expect(Number.isInteger(value) && value >= 0 && value <= Math.min(max, 100_000), `${value}`).to.equal(true));
        expect(Math.max(...values)).to.be.greaterThan(Math.min(max, 100_000) / 2);
      });
    }
    it('a declared int column refines a string or number property: int2 is a smallint', () => {
      expect(generatorOf({ type: 'number', columnType: 'int2' }).maxInteger).to.equal(32_767);
      expect(generatorOf({ type: 'string', columnType: 'int4' }).maxInteger).to.equal(2_147_483_647);
    });
    it('bigint: as the property holds it, a bigint, a number or a string of digits', () => {
      expect(valuesOf({ type: 'bigint', runtimeType: 'bigint' }).every((v) => typeof v === 'bigint')).to.equal(true);
      expect(valuesOf({ type: 'bigint', runtimeType: 'number' }).every((v) => Number.isInteger(v))).to.equal(true);
      expectAllMatch(texts({ type: 'bigint', runtimeType: 'string' }), /^\d{1,13}$/);
      expectAllMatch(texts({ type: 'int8' }), /^\d{1,13}$/);
    });
    it('year: one MariaDB accepts (1901..2155)', () => {
      const values = valuesOf({ type: 'number', columnType: 'year' }) as number[];
      expect(values.every((v) => Number.isInteger(v) && v >= 1901 && v <= 2155)).to.equal(true);
    });
  });

  describe('sized texts and bits', () => {
    it('character(n): exactly n letters, so nothing is padded; one letter without a size', () => {
      expectAllMatch(texts({ type: 'string', columnType: 'character(5)' }), /^[a-z]{5}$/i);
      expectAllMatch(texts({ type: 'character', length: 2 }), /^[a-z]{2}$/i);
      expectAllMatch(texts({ type: 'character' }), /^[a-z]$/i);
      expectAllMatch(texts({ type: 'string', columnType: 'bpchar(3)' }), /^[a-z]{3}$/i);
      const generator = generatorOf({ type: 'string', columnType: 'char(4)' });
      expect([generator.type, generator.maxLength]).to.deep.equal([String, 4]);
    });
    it('bit(n): n binary digits; bit varying(n): 1 to n; varbit: 1 to 16', () => {
      expectAllMatch(texts({ type: 'string', columnType: 'bit(8)' }), /^[01]{8}$/);
      expectAllMatch(texts({ type: 'string', columnType: 'bit' }), /^[01]$/);
      const varying = texts({ type: 'string', columnType: 'bit varying(12)' });
      expectAllMatch(varying, /^[01]{1,12}$/);
      expect(Math.max(...varying.map((v) => v.length))).to.equal(12);
      const varbit = texts({ type: 'string', columnType: 'varbit' });
      expectAllMatch(varbit, /^[01]{1,16}$/);
      expect(Math.max(...varbit.map((v) => v.length))).to.equal(16);
    });
    it('strings and texts: the hint table, at most the length (255 for a varchar without one; none for a text)', () => {
      expect(generatorOf({ type: 'string', name: 'email' }).maxLength).to.equal(255);
      expect(generatorOf({ type: 'string', length: 20 }).maxLength).to.equal(20);
      expect(generatorOf({ type: 'unknown', columnType: 'varchar(7)' }).maxLength).to.equal(7);
      expect(generatorOf({ type: 'text' }).maxLength).to.equal(undefined);
      expect(generatorOf({ type: 'unknown', columnType: 'tinytext' }).type).to.equal(String);
      expect(generatorOf({ type: 'unknown', columnType: 'mediumtext(100)' }).maxLength).to.equal(100);
    });
  });

  describe('bytes', () => {
    const lengths = (declared: Partial<PropertyFacts>) => valuesOf(declared).map((v) => (v as Uint8Array).length);
    it('binary(n): exactly n bytes; varbinary(n): at most n, and at most 16; blobs: 16', () => {
      expect(new Set(lengths({ type: 'blob', columnType: 'binary(16)' }))).to.deep.equal(new Set([16]));
      expect(new Set(lengths({ type: 'buffer', columnType: 'binary(40)' }))).to.deep.equal(new Set([40]));
      expect(Math.max(...lengths({ type: 'blob', columnType: 'varbinary(8)' }))).to.equal(8);
      expect(Math.max(...lengths({ type: 'blob', columnType: 'varbinary(40)' }))).to.equal(16);
      expect(new Set(lengths({ type: 'blob' }))).to.deep.equal(new Set([16]));
      expect(new Set(lengths({ type: 'bytea' }))).to.deep.equal(new Set([16]));
      expect(new Set(lengths({ type: 'blob', length: 4 }))).to.deep.equal(new Set([4]));
      expect(Math.max(...lengths({ type: 'buffer', length: 40 }))).to.equal(16);
      expect(Math.max(...lengths({ type: 'uint8array', length: 40 }))).to.equal(16);
      expect(Math.max(...lengths({ type: 'blob', columnType: 'tinyblob' }))).to.equal(16);
    });
    it('a Buffer, or a Uint8Array for a uint8array property', () => {
      expect(valuesOf({ type: 'blob' }).every((v) => Buffer.isBuffer(v))).to.equal(true);
      expect(valuesOf({ type: 'uint8array' }).every((v) => v instanceof Uint8Array && !Buffer.isBuffer(v))).to.equal(true);
      expect(valuesOf({ type: 'buffer' }).every((v) => Buffer.isBuffer(v))).to.equal(true);
    });
  });

  describe('dates and times, as every database reads them back', () => {
    it('datetime: whole seconds within the last five years', () => {
      const now = Date.now();
      for (const type of ['datetime', 'timestamp', 'timestamptz', 'datetimetz']) {
        valuesOf({ type }).forEach((v) => {
          expect(v).to.be.instanceOf(Date);
          const time = (v as Date).getTime();
          expect(time % 1000).to.equal(0);
          expect(time).to.be.within(now - 5 * 366 * 86_400_000, now);
        });
      }
    });
    it('date: a day, as a string or a Date at midnight UTC', () => {
      expectAllMatch(texts({ type: 'date' }), /^\d{4}-\d\d-\d\d$/);
      valuesOf({ type: 'date', runtimeType: 'Date' }).forEach((v) => expect((v as Date).toISOString()).to.match(/T00:00:00\.000Z$/));
    });
    it('time: hh:mm:ss on a 24-hour clock; timetz with its offset; interval as PostgreSQL prints days', () => {
      const times = texts({ type: 'time' });
      expectAllMatch(times, /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/);
      expect(times.some((t) => t.startsWith('23') || t.startsWith('2'))).to.equal(true);
      expectAllMatch(texts({ type: 'string', columnType: 'timetz' }), /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d\+00$/);
      const intervals = texts({ type: 'interval' });
      expectAllMatch(intervals, /^(1 day|([2-9]|[12]\d|30) days)$/);
      expect(intervals).to.include('1 day');
    });
  });

  describe('PostgreSQL types, in the form PostgreSQL prints them', () => {
    const cases: [string, RegExp][] = [
      ['inet', /^\d{1,3}(\.\d{1,3}){3}$/],
      ['cidr', /^\d{1,3}(\.\d{1,3}){2}\.0\/24$/],
      ['macaddr', /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/],
      ['macaddr8', /^[0-9a-f]{2}(:[0-9a-f]{2}){7}$/],
      ['point', /^\(-?\d{1,3},-?\d{1,3}\)$/],
      ['line', /^\{([1-9]|[1-4]\d|50),-?\d{1,3},-?\d{1,3}\}$/],
      ['lseg', /^\[\(-?\d+,-?\d+\),\(-?\d+,-?\d+\)\]$/],
      ['path', /^\[\(-?\d+,-?\d+\)(,\(-?\d+,-?\d+\)){2}\]$/],
      ['polygon', /^\(\(-?\d+,-?\d+\)(,\(-?\d+,-?\d+\)){2}\)$/],
      ['circle', /^<\(-?\d+,-?\d+\),([1-9]\d?|100)>$/],
      ['money', /^\$\d{1,2}(,\d{3})?\.\d\d$|^\$\d{1,3}\.\d\d$/],
      ['xml', /^<note>\w+ \w+ \w+<\/note>$/],
      ['tsvector', /^[a-z]+( [a-z]+)*$/],
    ];
    for (const [columnType, pattern] of cases) {
      it(columnType, () => expectAllMatch(texts({ type: 'string', columnType }), pattern));
    }
    it('coordinates stay within -500..500 and a box has its upper-right corner first', () => {
      const coordinates = texts({ type: 'string', columnType: 'point' }).flatMap((p) => p.slice(1, -1).split(',').map(Number));
      expect(Math.min(...coordinates)).to.be.within(-500, -400);
      expect(Math.max(...coordinates)).to.be.within(400, 500);
      for (const box of texts({ type: 'string', columnType: 'box' })) {
        const [x1, y1, x2, y2] = box.match(/-?\d+/g)!.map(Number);
        expect(x1! >= x2! && y1! >= y2!, box).to.equal(true);
      }
    });
    it('a tsvector: several words, none twice (PostgreSQL keeps each lexeme once)', () => {
      const vectors = texts({ type: 'string', columnType: 'tsvector' });
      for (const text of vectors) expect(new Set(text.split(' ')).size).to.equal(text.split(' ').length);
      expect(Math.max(...vectors.map((text) => text.split(' ').length))).to.be.greaterThan(2);
    });
  });

  describe('MariaDB enum and set: declared members only', () => {
    it("enum('red','green','blue'): each member, nothing else", () => {
      expect(new Set(texts({ type: 'string', columnType: "enum('red','green','blue')" }))).to.deep.equal(new Set(['red', 'green', 'blue']));
    });
    it("set('read','write','admin'): a non-empty subset, in declared order, joined by commas", () => {
      const values = texts({ type: 'string', columnType: "set('read','write','admin')" });
      expectAllMatch(values, /^(read)?(,?write)?(,?admin)?$/);
      expect(values.every((v) => v.length > 0 && !v.startsWith(','))).to.equal(true);
      expect(new Set(values.map((v) => v.split(',').length))).to.deep.equal(new Set([1, 2, 3]));
    });
  });

  describe('arrays (PostgreSQL)', () => {
    it('int[]: 1 to 4 integers; numeric(5,2)[]: numbers within the precision', () => {
      const ints = valuesOf({ type: 'array', columnType: 'int[]' }) as number[][];
      ints.forEach((a) => expect(a.length >= 1 && a.length <= 4 && a.every(Number.isInteger)).to.equal(true));
      expect(new Set(ints.map((a) => a.length))).to.deep.equal(new Set([1, 2, 3, 4]));
      const prices = valuesOf({ type: 'array', columnType: 'numeric(5,2)[]' }) as number[][];
      prices.flat().forEach((p) => expect(p).to.be.a('number').within(0, 999.99));
    });
    it('an array of a PostgreSQL type: its values (inet[] holds addresses)', () => {
      const addresses = (valuesOf({ type: 'array', columnType: 'inet[]' }) as string[][]).flat();
      expectAllMatch(addresses, /^\d{1,3}(\.\d{1,3}){3}$/);
    });
    it('text[] and element types no table covers: words', () => {
      for (const columnType of ['text[]', 'mood[]']) {
        valuesOf({ type: 'array', columnType }).forEach((a) => expect((a as string[]).every((w) => /^[a-z]+$/i.test(w))).to.equal(true));
      }
    });
  });

  describe('what the column type does not decide', () => {
    it('an integer property declared as inet stays an integer: only refinable MikroORM types follow the column', () => {
      expect(generatorOf({ type: 'integer', columnType: 'inet' }).maxInteger).to.equal(2_147_483_647);
    });
    it('a custom Type, or a type fixtory does not know: why there is no generator', () => {
      expect(scalarGenerator(factsOf({ type: 'string', customType: 'PointType' }))).to.deep.equal(
        new Unresolvable('its type is the custom MikroORM type PointType, which fixtory cannot generate'),
      );
      expect(scalarGenerator(factsOf({ type: 'geometry' }))).to.deep.equal(new Unresolvable("its MikroORM type 'geometry' is not one fixtory knows how to generate"));
    });
    it('an enum array: a non-empty subset of its items', () => {
      const values = valuesOf({ type: 'array', array: true, items: ['a', 'b', 'c'] }) as string[][];
      values.forEach((v) => expect(v.length >= 1 && v.every((i) => ['a', 'b', 'c'].includes(i))).to.equal(true));
      expect(new Set(values.map((v) => v.length))).to.deep.equal(new Set([1, 2, 3]));
    });
    it('booleans, uuids, json', () => {
      expect(generatorOf({ type: 'boolean' }).type).to.equal(Boolean);
      expect(new Set(valuesOf({ type: 'bool' }))).to.deep.equal(new Set([true, false]));
      expectAllMatch(texts({ type: 'uuid' }), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      valuesOf({ type: 'json', runtimeType: 'array' }).forEach((v) => expect(v).to.be.an('array').with.length.within(1, 3));
      valuesOf({ type: 'jsonb' }).forEach((v) => expect(Object.keys(v as object)).to.have.length(2).and.include('count'));
      valuesOf({ type: 'float' }).forEach((v) => expect(v).to.be.a('number').within(0, 10_000));
    });
  });
});
