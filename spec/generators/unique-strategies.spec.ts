import 'reflect-metadata';
import { expect } from 'chai';
import validator from 'validator';
import { BaseFactory, ConfigurationException, Factory, Field, Use, registerHint, resetUniqueValues, unregisterHint } from 'fixtory';
import type { GenerationContext } from '../../lib/generators/design-type.js';
import { SeenValues } from '../../lib/generators/seen-values.js';
import { uniqueGenerator } from '../../lib/generators/unique-values.js';
import { expectThrows } from '../support/expect-error.js';

type Built = Record<string, unknown>;
type Statics = { batch(size: number, overrides?: Built): Built[]; build(overrides?: Built): Built };

function uniqueFactory(field: string, model?: Function, name = `${field}Factory`): Statics {
  class Declared extends BaseFactory<Built> {}
  Object.defineProperty(Declared, 'name', { value: name });
  (Field({ type: () => String, unique: true }) as (target: object, key: string) => void)(Declared.prototype, field);
  (Factory(model as never) as (target: Function) => void)(Declared);
  return Declared as unknown as Statics;
}

/** A hint with only two values: redraws keep colliding from the third value on. */
function tinyHint(name: string, values: string[], unique: 'email' | 'url' | 'slug' | 'username' | 'words' | 'redraw'): void {
  registerHint(name, { generate: (f) => f.helpers.arrayElement(values), unique });
}

const context = { faker: undefined, sequence: 0, index: 0, transient: {}, buildNested: () => undefined } as unknown as GenerationContext;

describe('unique values keep their format', () => {
  beforeEach(() => resetUniqueValues());
  afterEach(() => unregisterHint());

  const fallbacks = [
    { field: 'workEmail', values: ['ada@example.com', 'bob@example.org'], unique: 'email', check: (v: string) => validator.isEmail(v) && /^\w+(\+\d+)?@example\.(com|org)$/.test(v) },
    { field: 'homeUrl', values: ['https://example.com', 'https://example.org/'], unique: 'url', check: (v: string) => validator.isURL(v, { require_protocol: true }) },
    { field: 'pageSlug', values: ['quia-vel', 'et-nemo'], unique: 'slug', check: (v: string) => validator.isSlug(v) },
    { field: 'login', values: ['ada.l', 'bob_k'], unique: 'username', check: (v: string) => /^[a-z]+[._][a-z](_\d+)?$/.test(v) },
    { field: 'teamName', values: ['Red Lions', 'Blue Owls'], unique: 'words', check: (v: string) => /^(Red Lions|Blue Owls)( \d+)?$/.test(v) },
  ] as const;

  for (const { field, values, unique, check } of fallbacks) {
    it(`${unique}: keeps the drawn values while new, then falls back to a valid distinct value`, () => {
      tinyHint(field, [...values], unique);
      const built = uniqueFactory(field).batch(200).map((item) => item[field] as string);
      expect(new Set(built).size).to.equal(200);
      expect(built.slice(0, 30)).to.include.members(values.map(String)); // the plain values come first, unaltered
      for (const value of built) expect(check(value), value).to.equal(true);
    });
  }

  it('a redraw-only format (check digits, fixed shapes) is never altered: it runs out loudly', () => {
    tinyHint('serialIsbn', ['9780306406157', '9781861972712'], 'redraw');
    const factory = uniqueFactory('serialIsbn');
    const built = factory.batch(2).map((item) => item.serialIsbn);
    expect(built).to.have.members(['9780306406157', '9781861972712']);
    expectThrows(() => factory.build(), ConfigurationException, 'serialIsbnFactory.serialIsbn', 'after 2 distinct values', 'widen');
  });

  it('a fallback keeps the column length; when even it cannot fit, the column runs out loudly', () => {
    const generate = () => 'ada@example.com';
    const unique = uniqueGenerator({ owner: 'Tight', key: 'email', factory: 'TightFactory', label: 'Tight.email' }, generate, {
      kind: 'string',
      fallback: 'email',
      maxLength: 15,
    });
    const values = Array.from({ length: 9 }, () => unique.generate(context) as string);
    expect(values.slice(0, 3)).to.deep.equal(['ada@example.com', 'a+2@example.com', 'a+3@example.com']);
    for (const value of values) expect(value.length <= 15 && validator.isEmail(value), value).to.equal(true);
    expect(new Set(values).size).to.equal(9);
    expectThrows(() => unique.generate(context), ConfigurationException, 'TightFactory ran out of unique values for Tight.email after 9');
  });

  it('integers count up from the largest value taken, within the column’s range', () => {
    const unique = uniqueGenerator({ owner: 'Counter', key: 'n', factory: 'CounterFactory', label: 'Counter.n' }, () => 120, {
      kind: 'integer',
      maxInteger: 125,
    });
    unique.record(122);
    const values = Array.from({ length: 4 }, () => unique.generate(context));
    expect(values).to.deep.equal([120, 123, 124, 125]);
    expectThrows(() => unique.generate(context), ConfigurationException, 'Counter.n', 'after 5 distinct values');
  });

  it('takes a value given as an override, so no generated value repeats it', () => {
    tinyHint('pin', ['1111', '2222'], 'redraw');
    const factory = uniqueFactory('pin');
    expect(factory.build({ pin: '1111' }).pin).to.equal('1111');
    expect(factory.build().pin).to.equal('2222');
    expectThrows(() => factory.build(), ConfigurationException, 'after 2 distinct values');
  });

  it('belongs to the model column: two factories of one model never give the same value', () => {
    class Voucher {}
    tinyHint('voucherCode', ['AAA', 'BBB', 'CCC', 'DDD'], 'redraw');
    const first = uniqueFactory('voucherCode', Voucher, 'FirstVoucherFactory');
    const second = uniqueFactory('voucherCode', Voucher, 'SecondVoucherFactory');
    const values = [...first.batch(2), ...second.batch(2)].map((item) => item.voucherCode);
    expect(values).to.have.members(['AAA', 'BBB', 'CCC', 'DDD']);
    expectThrows(() => first.build(), ConfigurationException, 'Voucher.voucherCode', 'after 4 distinct values');
  });

  it('keeps 100,000 values of a hinted column distinct and valid', function () {
    this.timeout(120_000);
    const emails = uniqueFactory('email', undefined, 'ManyEmailsFactory').batch(100_000).map((item) => item.email as string);
    expect(new Set(emails).size).to.equal(100_000);
    expect(emails.filter((email) => !validator.isEmail(email))).to.deep.equal([]);
    // Most values are as faker made them: only a collision gets a `+N`.
    expect(emails.filter((email) => email.includes('+')).length).to.be.below(5_000);
  });

  it('never alters a @Use value, even when unique', () => {
    let n = 0;
    @Factory()
    class CodeFactory extends BaseFactory<{ code: string }> {
      @Use(() => `CODE-${n++ % 3}`) @Field({ unique: true }) code!: string;
    }
    expect(CodeFactory.batch(3).map((c) => c.code)).to.have.members(['CODE-0', 'CODE-1', 'CODE-2']);
    expectThrows(() => CodeFactory.build(), ConfigurationException, 'never alters a @Use value', '@Sequence');
  });

  it('remembers at most a bounded number of values per column, in a few bytes each', () => {
    const seen = new SeenValues(1000);
    for (let i = 0; i < 1500; i++) seen.add(`value ${i}`);
    expect(seen.size).to.equal(1000);
    expect(seen.full).to.equal(true);
    expect(seen.has('value 10')).to.equal(true);
    expect(seen.has('value 1200')).to.equal(false);
  });

  it('keeps plain words distinct in a column of 3 characters long after a spaced number stops fitting: "Bl12", then base 36', () => {
    const column = { owner: 'Tiny', key: 'code', factory: 'TinyFactory', label: 'Tiny.code' };
    const codes = uniqueGenerator(column, () => 'Blu', { kind: 'string', fallback: 'words', maxLength: 3 });
    const values = Array.from({ length: 2_000 }, () => codes.generate(context) as string);
    expect(new Set(values).size).to.equal(2_000);
    for (const value of values) expect(value).to.match(/^\S{1,3}$|^\S \d$/);
    expect(values).to.include.members(['Blu', 'B 2', 'B10', '2s']);
  });

  it('once a column’s memory is full, stays distinct without remembering: counts up, or numbers every string', () => {
    const column = (key: string) => ({ owner: 'Full', key, factory: 'FullFactory', label: `Full.${key}` });
    let i = 0;
    const integers = uniqueGenerator(column('n'), () => (i++ % 50) * 7, { kind: 'integer' }, 20);
    const numbers = Array.from({ length: 200 }, () => integers.generate(context) as number);
    expect(new Set(numbers).size).to.equal(200);
    const words = uniqueGenerator(column('name'), () => 'Blue Owls', { kind: 'string', fallback: 'words' }, 20);
    const names = Array.from({ length: 200 }, () => words.generate(context) as string);
    expect(new Set(names).size).to.equal(200);
    for (const name of names) expect(name).to.match(/^Blue Owls( \d+)?$/);
    const redrawn = uniqueGenerator(column('isbn'), () => `97800000${i++}`, { kind: 'redraw' }, 20);
    Array.from({ length: 20 }, () => redrawn.generate(context));
    expectThrows(() => redrawn.generate(context), ConfigurationException, 'remembers at most 20 unique values', 'resetUniqueValues()');
  });
});
