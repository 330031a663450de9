import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, Lazy, ParameterException, type HookInfo } from 'fixtory';
import { expectThrows } from '../support/expect-error.js';

class Order {
  @Field() customer!: string;
  @Field() lines!: number;
  @Field() total!: number;
  @Field() note!: string;
}

const seen: HookInfo[] = [];

@Factory(Order)
class OrderFactory extends BaseFactory<Order> {
  static transient = { unitPrice: 10, rush: false };

  @Lazy(({ values, transient }) => Number(values['lines']) * Number(transient['unitPrice'])) total!: number;
  @Lazy(({ transient, sequence }) => `${transient['rush'] ? 'RUSH ' : ''}#${sequence}`) note!: string;

  static afterBuild(_order: Order, info: HookInfo): void {
    seen.push(info);
  }
}

describe('transient parameters', () => {
  it('steer generation with their defaults, and are not fields of the result', () => {
    const order = OrderFactory.build({ lines: 3 });
    expect(order.total).to.equal(30);
    expect(order).not.to.have.property('unitPrice');
    expect(order).not.to.have.property('rush');
  });

  it('take the values a call gives them', () => {
    const order = OrderFactory.build({ lines: 2 }, { transient: { unitPrice: 7, rush: true } });
    expect(order.total).to.equal(14);
    expect(order.note).to.match(/^RUSH #\d+$/);
  });

  it('reach the hooks', () => {
    OrderFactory.batch(2, {}, { transient: { rush: true } });
    expect(seen.at(-1)).to.deep.include({ factory: 'OrderFactory', index: 1 });
    expect(seen.at(-1)!.transient).to.deep.equal({ unitPrice: 10, rush: true });
  });

  it('rejects a transient parameter the factory does not declare', () => {
    expectThrows(
      () => OrderFactory.build({}, { transient: { discount: 5 } as never }),
      ParameterException,
      "unknown transient parameter 'discount'",
      'unitPrice, rush',
    );
  });

  it('rejects @Lazy without a function', () => {
    expectThrows(() => Lazy('x' as never), ParameterException, '@Lazy', 'expected a function');
  });
});
