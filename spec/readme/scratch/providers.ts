// README "Custom providers": a global provider for a type, and a factory's own, which wins.
import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, registerProvider } from 'fixtory';

class Money {
  constructor(
    readonly amount: number,
    readonly currency: string,
  ) {}
}
class Invoice {
  @Field() total!: Money;
  @Field() fee!: Money;
}
@Factory(Invoice)
class InvoiceFactory extends BaseFactory<Invoice> {}

// README block
const invoice = InvoiceFactory.build();
expect(invoice.total).to.be.instanceOf(Money).and.include({ currency: 'EUR' });
expect(invoice.fee.currency).to.equal('USD');

// README block
expect(SwissInvoiceFactory.build().fee).to.deep.equal(new Money(1, 'CHF'));
