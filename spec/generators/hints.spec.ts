import 'reflect-metadata';
import { expect } from 'chai';
import fc from 'fast-check';
import {
  BaseFactory,
  Factory,
  Field,
  ParameterException,
  currentReferenceDate,
  registerHint,
  resetUniqueValues,
  unregisterHint,
} from 'fixtory';
import { fieldWords } from '../../lib/generators/field-words.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinHints } from '../../lib/generators/hint-table.js';
import { hintFor } from '../../lib/generators/hints.js';
import { expectThrows } from '../support/expect-error.js';
import { formatChecks, smallSpaces } from '../support/format-checks.js';

type Built = Record<string, unknown>;
type Statics = { batch(size: number): Built[]; seed(seed: number): void };

/** A factory of plain objects with one field of `type`, declared by hand (one per hint and case). */
function factoryOf(field: string, type: Function, unique: boolean, model?: Function): Statics {
  class Declared extends BaseFactory<Built> {}
  Object.defineProperty(Declared, 'name', { value: `${model?.name ?? ''}${field}${unique ? 'Unique' : ''}Factory` });
  (Field({ type: () => type, unique }) as (target: object, key: string) => void)(Declared.prototype, field);
  (Factory(model as never) as (target: Function) => void)(Declared);
  return Declared as unknown as Statics;
}

describe('name hints', () => {
  it('split a field name into whole words, whatever its case', () => {
    expect(fieldWords('ipAddress')).to.deep.equal(['ip', 'address']);
    expect(fieldWords('IPAddress')).to.deep.equal(['ip', 'address']);
    expect(fieldWords('ip_address')).to.deep.equal(['ip', 'address']);
    expect(fieldWords('zip-code')).to.deep.equal(['zip', 'code']);
    expect(fieldWords('CompanyName')).to.deep.equal(['company', 'name']);
  });

  it('match whole words, the most words first: companyName is a company, fileName a file name, ipAddress an IPv4', () => {
    const describe = (field: string) => hintFor(field, 'string').describe;
    expect(describe('companyName')).to.equal('faker.company.name()');
    expect(describe('fileName')).to.equal('faker.system.fileName()');
    expect(describe('productName')).to.equal('faker.commerce.productName()');
    expect(describe('hostname')).to.equal('faker.internet.domainName()');
    expect(describe('ipAddress')).to.equal('faker.internet.ipv4()');
    expect(describe('streetAddress')).to.equal('faker.location.streetAddress()');
    expect(describe('countryCode')).to.equal('faker.location.countryCode()');
    expect(describe('contact_email')).to.equal('faker.internet.email()');
    expect(describe('profile')).to.equal('faker.lorem.words(1..3)'); // 'file' is not a whole word of it
    expect(describe('_')).to.equal('faker.lorem.words(1..3)'); // no words at all: no hint
    expect(describe('lastName')).to.equal('faker.person.lastName()');
    expect(describe('name')).to.equal('faker.person.fullName()');
  });

  it('may start a name in the model’s name: Company.name is a company, Book.title a book title, User.name a person', () => {
    const describe = (model: string, field: string) => hintFor(field, 'string', false, model).describe;
    expect(describe('Company', 'name')).to.equal('faker.company.name()');
    expect(describe('Book', 'title')).to.equal('faker.book.title()');
    expect(describe('Product', 'name')).to.equal('faker.commerce.productName()');
    expect(describe('User', 'name')).to.equal('faker.person.fullName()');
    expect(describe('Address', 'note')).to.equal('faker.lorem.words(1..3)'); // a name must end in the field's words
  });

  for (const [field, check] of Object.entries(formatChecks)) {
    for (const unique of [false, true]) {
      it(`${unique ? 'unique ' : ''}${field}: thousands of values pass validator's check`, () => {
        const factory = factoryOf(field, String, unique);
        const size = unique && smallSpaces[field] ? 20 : 50;
        fc.assert(
          fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
            factory.seed(seed); // seed() also restarts the model's unique values: each run starts afresh
            for (const item of factory.batch(size)) {
              const value = item[field] as string;
              if (!check(value)) throw new Error(`${field}: ${JSON.stringify(value)} is not valid`);
            }
          }),
          { numRuns: 40 },
        );
        resetUniqueValues();
      });
    }
  }

  it('give numbers by meaning: age 0..120, price positive with two decimals, rating 1..5, percent 0..100, year', () => {
    const values = (field: string) => factoryOf(field, Number, false).batch(500).map((item) => item[field] as number);
    for (const age of values('age')) expect(age).to.be.within(0, 120).and.satisfy(Number.isInteger);
    for (const price of values('unitPrice')) expect(price).to.be.above(0).and.satisfy((p: number) => Math.round(p * 100) / 100 === p);
    for (const rating of values('rating')) expect(rating).to.be.oneOf([1, 2, 3, 4, 5]);
    for (const percent of values('discountPercent')) expect(percent).to.be.within(0, 100);
    for (const count of values('itemCount')) expect(count).to.be.within(0, 100);
    const year = currentReferenceDate().getUTCFullYear();
    for (const y of values('year')) expect(y).to.be.within(year - 31, year);
    for (const other of values('weight')) expect(other).to.be.within(0, 1000); // no hint: a small range
  });

  it('give dates relative to the reference date: adults’ birth dates, past createdAt, future expiresAt', () => {
    const reference = currentReferenceDate().getTime();
    const year = 365.25 * 24 * 3600 * 1000;
    const values = (field: string) => factoryOf(field, Date, false).batch(300).map((item) => (item[field] as Date).getTime());
    for (const birth of values('birthDate')) expect((reference - birth) / year).to.be.within(18, 81);
    for (const created of values('createdAt')) expect(created).to.be.below(reference);
    for (const updated of values('updated_at')) expect(updated).to.be.below(reference);
    for (const expires of values('expiresAt')) expect(expires).to.be.above(reference);
    for (const due of values('dueAt')) expect(due).to.be.above(reference);
    for (const ends of values('endsAt')) expect(ends).to.be.above(reference);
  });

  it('give every field named after a built-in hint a value of its kind', () => {
    for (const [names, definition] of builtinHints()) {
      const kind = definition.kind ?? 'string';
      const field = fieldWords(names[0]!).map((word, i) => (i === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join('');
      const type = { string: String, number: Number, date: Date }[kind];
      for (const item of factoryOf(field, type, false).batch(5)) {
        const value = item[field];
        if (kind === 'string') expect(value, field).to.be.a('string').and.match(/\S/);
        if (kind === 'number') expect(value, field).to.be.a('number').and.satisfy(Number.isFinite);
        if (kind === 'date') expect((value as Date).getTime(), field).to.satisfy(Number.isFinite);
      }
    }
  });

  it('keep a unique field of a small set of words going past the set: 60 distinct US states and colours', () => {
    for (const field of ['state', 'color']) {
      const values = factoryOf(field, String, true).batch(60).map((item) => item[field] as string);
      expect(new Set(values).size, field).to.equal(60);
    }
    resetUniqueValues();
  });

  it('give ISBN-13 without separators (it fits a char(13) column) and years spread over 30 years', () => {
    for (const item of factoryOf('isbn', String, false).batch(50)) expect(item.isbn).to.match(/^97[89]\d{10}$/);
    const years = factoryOf('year', Number, false).batch(500).map((item) => item.year as number);
    expect(Math.max(...years) - Math.min(...years)).to.be.at.least(20);
  });

  it('are listed in the README’s table as they are in the code', () => {
    const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
    for (const [names, definition] of builtinHints()) {
      const row = `| ${names.map((name) => `\`${name}\``).join(', ')} | ${definition.kind ?? 'string'} | ${definition.describe} |`;
      expect(readme, row).to.include(row);
    }
  });

  describe('registered by the user', () => {
    afterEach(() => unregisterHint());

    it('add an entry and replace a built-in one, by whole words', () => {
      registerHint('sku', { generate: (f) => `SKU-${f.string.numeric(6)}` });
      registerHint(['email'], { generate: (f) => `${f.string.alpha(5).toLowerCase()}@example.com`, unique: 'email' });
      const sku = factoryOf('productSku', String, false).batch(20).map((item) => item.productSku as string);
      for (const value of sku) expect(value).to.match(/^SKU-\d{6}$/);
      const emails = factoryOf('email', String, false).batch(20).map((item) => item.email as string);
      for (const value of emails) expect(value).to.match(/^[a-z]{5}@example\.com$/);
      unregisterHint('email');
      expect(hintFor('email', 'string').describe).to.equal('faker.internet.email()');
    });

    it('replace an entry of the same words and kind, whatever the spelling; other kinds and names stay', () => {
      registerHint('order number', { generate: () => 'first' });
      registerHint('orderNumber', { generate: () => 'second' });
      registerHint('order number', { kind: 'number', generate: () => 7, integer: true });
      registerHint(['ticket'], { generate: () => 'T-1' });
      expect(hintFor('orderNumber', 'string').generate(null as never)).to.equal('second');
      expect(hintFor('orderNumber', 'number').generate(null as never)).to.equal(7);
      expect(hintFor('ticket', 'string').matched).to.equal('ticket');
      expect(hintFor('orderNumber', 'string').describe).to.equal('order number'); // no describe: the hint's name
      expect(hintFor('orderNumber', 'string').unique).to.equal('redraw'); // no unique: only ever redrawn
      unregisterHint('Order-Number');
      expect(hintFor('orderNumber', 'string').matched).to.equal(undefined);
      expect(hintFor('orderNumber', 'number').matched).to.equal(undefined);
      expect(hintFor('ticket', 'string').matched).to.equal('ticket');
      unregisterHint(['ticket']);
      expect(hintFor('ticket', 'string').describe).to.equal('faker.lorem.words(1..3)');
    });

    it('may start in the model’s name for numbers and dates too: Order.total, Trial.ends', () => {
      registerHint('order total', { kind: 'number', generate: () => 99 });
      registerHint('trial ends', { kind: 'date', generate: () => new Date('2040-01-01T00:00:00Z') });
      class Order {}
      class Trial {}
      const order = factoryOf('total', Number, false, Order).batch(3);
      const trial = factoryOf('ends', Date, false, Trial).batch(3);
      expect(order.map((o) => o.total)).to.deep.equal([99, 99, 99]);
      expect(trial.map((t) => (t.ends as Date).toISOString())).to.deep.equal(Array(3).fill('2040-01-01T00:00:00.000Z'));
    });

    it('serve integer columns only when they give whole numbers', () => {
      expect(hintFor('unitPrice', 'number', true).describe).to.equal('integer 0..1000'); // prices have cents
      expect(hintFor('unitPrice', 'number').describe).to.equal('positive, 2 decimals, 0.01..1000');
      expect(hintFor('age', 'number', true).describe).to.equal('integer 0..120');
      for (const field of ['quantity', 'rating', 'discountPercent', 'year']) expect(hintFor(field, 'number', true).matched, field).to.not.equal(undefined);
      registerHint('score', { kind: 'number', generate: () => 2.5 });
      expect(hintFor('score', 'number', true).matched).to.equal(undefined);
      expect(hintFor('score', 'number').matched).to.equal('score');
    });

    it('accept every kind and every unique fallback they document', () => {
      for (const kind of ['string', 'number', 'date'] as const) registerHint(`k ${kind}`, { kind, generate: () => null });
      for (const unique of ['email', 'url', 'slug', 'username', 'words', 'redraw'] as const) registerHint(`u ${unique}`, { generate: () => 'x', unique });
      expect(hintFor('kDate', 'date').matched).to.equal('k date');
      expect(hintFor('uSlug', 'string').unique).to.equal('slug');
    });

    it('reject names that are not words, and definitions that are not objects with a generator', () => {
      const generate = () => 'x';
      const names = 'a field name or a list of them (words such as "sku" or "order number")';
      for (const bad of [[], [''], ['sku', '--'], [42], 42]) {
        expectThrows(() => registerHint(bad as never, { generate }), ParameterException, 'registerHint', names);
      }
      const definition = 'a hint definition { generate: (faker) => value, kind?, unique?, prose? }';
      for (const bad of [undefined, null, generate, 'x', { generate: 'x' }]) {
        expectThrows(() => registerHint('sku', bad as never), ParameterException, 'registerHint', definition);
      }
      expectThrows(() => registerHint('sku', { generate, kind: 'bool' as never }), ParameterException, "option 'kind' must be 'string', 'number' or 'date'");
      expectThrows(() => registerHint('sku', { generate, unique: 'suffix' as never }), ParameterException, "option 'unique' must be 'email', 'url', 'slug', 'username', 'words' or 'redraw'");
      expect(hintFor('sku', 'string').matched).to.equal(undefined); // nothing was registered
    });

    it('reject a definition without a generator or with an unknown option', () => {
      expectThrows(() => registerHint('sku', {} as never), ParameterException, 'registerHint', 'generate');
      expectThrows(() => registerHint('', { generate: () => 'x' }), ParameterException, 'registerHint');
      expectThrows(() => registerHint('sku', { generate: () => 'x', unique: 'suffix' as never }), ParameterException, "option 'unique'");
      expectThrows(() => registerHint('sku', { generate: () => 'x', kind: 'bool' as never }), ParameterException, "option 'kind'");
    });
  });
});
