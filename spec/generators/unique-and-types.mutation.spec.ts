import { faker } from '@faker-js/faker';
import { expect } from 'chai';
import { ConfigurationException, ParameterException, registerProvider, resetUniqueValues, unregisterProvider } from 'fixtory';
import { Unresolvable, generatorForType, type GenerationContext, type ValueGenerator } from '../../lib/generators/design-type.js';
import { findProvider } from '../../lib/generators/providers.js';
import { sourceOf } from '../../lib/generators/generator-sources.js';
import { uniqueFallbacks } from '../../lib/generators/unique-fallbacks.js';
import { uniqueGenerator } from '../../lib/generators/unique-values.js';
import { expectThrows } from '../support/expect-error.js';

const context = { faker, sequence: 0, index: 0, transient: {}, buildNested: () => 'nested' } as unknown as GenerationContext;
const column = (owner: Function | string, key = 'code') => ({ owner, key, factory: 'CodeFactory', label: `Code.${key}` });
const draws = (generate: ValueGenerator, count: number) => Array.from({ length: count }, () => generate(context));

describe('unique values: fallbacks, identities and resets', () => {
  beforeEach(() => resetUniqueValues());

  describe('the fallbacks', () => {
    const { email, url, slug, username, words, redraw } = uniqueFallbacks;

    it('email: numbers the local part and keeps the domain, the local part cut to fit without a dangling separator', () => {
      expect(email('ada.l@example.com', 2, 100)).to.equal('ada.l+2@example.com');
      expect(email('ada.lovelace@example.com', 12, 20)).to.equal('ada.l+12@example.com');
      expect(email('ada.lovelace@example.com', 12, 19)).to.equal('ada+12@example.com');
      expect(email('ada..lovelace@example.com', 12, 20)).to.equal('ada+12@example.com');
      expect(email('ada@example.com', 12, 14)).to.equal(undefined); // no room for the local part
      expect(email('no-at-sign', 2, 100)).to.equal(undefined);
      expect(email('@example.com', 2, 100)).to.equal(undefined);
    });

    it('url: a numbered path segment, after any trailing slashes, never cut', () => {
      expect(url('https://example.com//', 3, 100)).to.equal('https://example.com/3');
      expect(url('https://example.com', 3, 100)).to.equal('https://example.com/3');
      expect(url('https://example.com', 3, 20)).to.equal(undefined);
    });

    it('slug and username: a numbered suffix, the value cut to fit without a dangling separator', () => {
      expect(slug('quia-vel', 4, 100)).to.equal('quia-vel-4');
      expect(slug('quia-vel-et', 4, 10)).to.equal('quia-vel-4');
      expect(slug('quia--vel', 4, 7)).to.equal('quia-4');
      expect(username('ada.l', 5, 100)).to.equal('ada.l_5');
      expect(username('ada._lovelace', 5, 8)).to.equal('ada._l_5');
      expect(username('ada._lovelace', 5, 7)).to.equal('ada_5');
      expect(username('ada-lovelace', 5, 6)).to.equal('ada_5');
      expect(username('-_-lovelace', 5, 5)).to.equal(undefined); // nothing left but separators
    });

    it('words: "text N", else "teN", else the number alone in base 36, else nothing', () => {
      expect(words('Blue Owls ', 7, 100)).to.equal('Blue Owls 7');
      expect(words('Blue Owls', 7, 6)).to.equal('Blue 7');
      expect(words('Blue', 12, 3)).to.equal('B12');
      expect(words('Blue', 40, 2)).to.equal('14');
      expect(words('Blue', 1295, 1)).to.equal(undefined);
      expect(redraw('anything', 2, 100)).to.equal(undefined);
    });
  });

  it('tells a date from its number, and objects by their content', () => {
    const values: unknown[] = [new Date(5000), 5000, { a: 1 }, { a: 1 }, '5000'];
    let i = 0;
    const unique = uniqueGenerator(column('Mixed'), () => values[i++ % values.length], { kind: 'redraw' });
    expect(draws(unique.generate, 4)).to.deep.equal([new Date(5000), 5000, { a: 1 }, '5000']);
  });

  it('dates count up by a second from the latest date taken, once redraws keep colliding', () => {
    const unique = uniqueGenerator(column('Event', 'at'), () => new Date('2026-01-01T00:00:00.500Z'), { kind: 'date' });
    unique.record(new Date('2026-01-01T00:00:10.250Z'));
    const values = draws(unique.generate, 3).map((value) => (value as Date).toISOString());
    expect(values).to.deep.equal(['2026-01-01T00:00:00.500Z', '2026-01-01T00:00:11.000Z', '2026-01-01T00:00:12.000Z']);
  });

  it('integers count up past every value taken, not only past the largest', () => {
    const unique = uniqueGenerator(column('Seat', 'n'), () => 1, { kind: 'integer' });
    for (const n of [3, 2]) unique.record(n);
    expect(draws(unique.generate, 3)).to.deep.equal([1, 4, 5]);
  });

  it('resets one model by its class or its name, leaving the others', () => {
    class Voucher {}
    const make = (owner: Function | string) => uniqueGenerator(column(owner), () => 'SAME', { kind: 'redraw' });
    const voucher = make(Voucher);
    const coupon = make('CouponFactory');
    voucher.generate(context);
    coupon.generate(context);
    resetUniqueValues('Voucher');
    expect(voucher.generate(context)).to.equal('SAME');
    expectThrows(() => coupon.generate(context), ConfigurationException, 'ran out of unique values');
    resetUniqueValues(Voucher);
    resetUniqueValues('CouponFactory');
    expect([voucher.generate(context), coupon.generate(context)]).to.deep.equal(['SAME', 'SAME']);
    resetUniqueValues('Coupon');
    expectThrows(() => coupon.generate(context), ConfigurationException, 'ran out of unique values');
  });

  it('says how each strategy keeps values distinct', () => {
    const describe = (strategy: Parameters<typeof uniqueGenerator>[2]) => uniqueGenerator(column('D'), () => 1, strategy).describe;
    expect(describe({ kind: 'string', fallback: 'email' })).to.equal("redraw, then the 'email' fallback");
    expect(describe({ kind: 'string', fallback: 'redraw' })).to.equal('redraw only');
    expect(describe({ kind: 'integer' })).to.equal('redraw, then count up from the largest value taken');
    expect(describe({ kind: 'date' })).to.equal('redraw, then count up by a second from the latest date taken');
    expect(describe({ kind: 'redraw' })).to.equal('redraw only');
    expect(describe({ kind: 'use' })).to.equal('redraw only (a @Use value is never altered)');
  });
});

describe('generators by design type', () => {
  it('booleans give both values, bigints stay within 0..1e9, and each says where it comes from', () => {
    const booleans = generatorForType('active', Boolean) as ValueGenerator;
    expect(new Set(draws(booleans, 60))).to.deep.equal(new Set([true, false]));
    expect(sourceOf(booleans)).to.deep.equal({ from: 'type', generator: 'faker.datatype.boolean()' });
    const bigints = generatorForType('total', BigInt) as ValueGenerator;
    for (const value of draws(bigints, 50)) expect(typeof value === 'bigint' && value >= 0n && value <= 1_000_000_000n, String(value)).to.equal(true);
    expect(sourceOf(bigints)).to.deep.equal({ from: 'type', generator: 'bigint 0..1e9' });
  });

  it('says why a type gives no generator; a class of the model is built nested', () => {
    expect((generatorForType('x', undefined) as Unresolvable).reason).to.include('no design:type was emitted');
    expect((generatorForType('x', Object) as Unresolvable).reason).to.include('a union, `T | null`, a type alias or an interface');
    expect((generatorForType('x', Map) as Unresolvable).reason).to.equal('its design:type is Map, which says too little about the value');
    expect((generatorForType('x', Array, Promise) as Unresolvable).reason).to.equal('its items cannot be generated: its design:type is Promise, which says too little about the value');
    expect((generatorForType('x', Array) as ValueGenerator)(context)).to.deep.equal([]);
    class Address {}
    expect((generatorForType('address', Address) as ValueGenerator)(context)).to.equal('nested');
  });
});

describe('global providers', () => {
  afterEach(() => unregisterProvider());

  it('are found by class or by type name (any case); unregistering one leaves the others', () => {
    class Money {}
    const money = () => 'money';
    const point = () => 'point';
    registerProvider(Money, money);
    registerProvider('Point', point);
    expect(findProvider([Money], undefined)).to.equal(money);
    expect(findProvider(['POINT'], undefined)).to.equal(point);
    unregisterProvider('point');
    expect(findProvider(['Point'], undefined)).to.equal(undefined);
    expect(findProvider([Money], undefined)).to.equal(money);
    unregisterProvider();
    expect(findProvider([Money], undefined)).to.equal(undefined);
  });

  it('need a class or a non-empty type name, and a function', () => {
    expectThrows(() => registerProvider('', () => 1), ParameterException, 'registerProvider', 'a class or a type name as the key');
    expectThrows(() => registerProvider(42 as never, () => 1), ParameterException, 'a class or a type name as the key');
    expectThrows(() => registerProvider('point', 'value' as never), ParameterException, 'registerProvider', 'a function (ctx) => value');
  });
});
