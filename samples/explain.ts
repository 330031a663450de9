/** `Factory.explain()`: where each field of a model gets its value from. */
import 'reflect-metadata';
import { BaseFactory, Factory, Field, Sequence, formatExplanation, type Traits } from 'fixtory';

export class Money {
  constructor(
    readonly cents: number,
    readonly currency: string,
  ) {}
}

export class Shop {
  @Field() name!: string;
}

export class Customer {
  @Field() number!: string;
  @Field({ unique: true }) email!: string;
  @Field() companyName!: string;
  @Field() age!: number;
  @Field() createdAt!: Date;
  @Field({ enum: ['free', 'pro'] }) plan!: string;
  @Field() balance!: Money;
  @Field() shop!: Shop;
}

@Factory(Customer, { providers: [[Money, ({ faker }) => new Money(faker.number.int(10_000), 'EUR')]] })
export class CustomerFactory extends BaseFactory<Customer> {
  static traits = { pro: { overrides: { plan: 'pro' } } } satisfies Traits<Customer>;
  @Sequence((n) => `C-${n}`) number!: string;
}

export function explainCustomer(): string {
  return formatExplanation(CustomerFactory.explain());
}
