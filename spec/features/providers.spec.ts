import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, ParameterException, registerProvider, unregisterProvider } from 'fixtory';
import { expectThrows } from '../support/expect-error.js';

class Money {
  constructor(
    readonly amount: number,
    readonly currency: string,
  ) {}
}
class Invoice {
  @Field() total!: Money;
  @Field() fee!: Money;
  @Field() issued!: Date;
}

@Factory(Invoice)
class InvoiceFactory extends BaseFactory<Invoice> {}

@Factory(Invoice, { providers: [[Money, () => new Money(1, 'CHF')]] })
class SwissInvoiceFactory extends BaseFactory<Invoice> {}

describe('custom providers', () => {
  afterEach(() => unregisterProvider());

  it('generates every field of a type with a globally registered provider', () => {
    registerProvider(Money, ({ faker, field }) => new Money(faker.number.int({ min: 1, max: 99 }), field === 'fee' ? 'USD' : 'EUR'));
    const invoice = InvoiceFactory.build();
    expect(invoice.total).to.be.instanceOf(Money);
    expect(invoice.total.currency).to.equal('EUR');
    expect(invoice.fee.currency).to.equal('USD');
  });

  it('lets a factory’s own providers win over global ones', () => {
    registerProvider(Money, () => new Money(5, 'EUR'));
    expect(SwissInvoiceFactory.build().total).to.deep.equal(new Money(1, 'CHF'));
  });

  it('replaces built-in generators too', () => {
    const epoch = new Date(0);
    registerProvider(Date, () => epoch);
    expect(InvoiceFactory.build({ total: new Money(0, 'X'), fee: new Money(0, 'X') }).issued).to.equal(epoch);
  });

  it('rejects a key or provider of the wrong kind', () => {
    expectThrows(() => registerProvider(42 as never, () => 1), ParameterException, 'registerProvider', 'a class or a type name');
    expectThrows(() => registerProvider(Money, 'x' as never), ParameterException, 'registerProvider', '(ctx) => value');
  });
});
