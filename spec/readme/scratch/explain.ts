// README "Where a field's value comes from": explain() of a plain model with a provider and a relation.
import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, formatExplanation, Sequence, type Traits } from 'fixtory';

class Money {
  constructor(
    readonly cents: number,
    readonly currency: string,
  ) {}
}
class Shop {
  @Field() name!: string;
}

// README block

const rows = CustomerFactory.explain();
expect(rows.map((row) => [row.field, row.from])).to.deep.equal([
  ['number', 'decorator'], ['email', 'hint'], ['companyName', 'hint'], ['age', 'hint'], ['createdAt', 'hint'],
  ['plan', 'enum'], ['balance', 'provider'], ['shop', 'relation'],
]);
expect(formatExplanation(rows)).to.include('balance      provider   provider for Money');
const customer = CustomerFactory.build();
expect(customer.balance).to.be.instanceOf(Money);
expect(customer.shop).to.be.instanceOf(Shop);
