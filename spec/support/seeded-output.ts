/** Prints a seeded batch as JSON; the faker spec runs this in two processes and compares. */
import 'reflect-metadata';
import { BaseFactory, Factory, Field } from 'fixtory';

class Order {
  @Field() reference!: string;
  @Field() total!: number;
  @Field() placedAt!: Date;
}

@Factory(Order, { seed: 2026 })
class OrderFactory extends BaseFactory<Order> {}

process.stdout.write(JSON.stringify(OrderFactory.batch(5)));
