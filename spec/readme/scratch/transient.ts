// README "Transient parameters": @Lazy fields and hooks read them; they are not fields.
import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, Lazy, type HookInfo } from 'fixtory';

class Order {
  @Field() customer!: string;
  @Field() lines!: number;
  @Field() total!: number;
  @Field() note!: string;
}
const seen: HookInfo[] = [];

// README block

// README block
expect(order).to.include({ lines: 2, total: 14, note: 'RUSH #1' });
expect(order).to.not.have.property('unitPrice');
expect(seen[0]!.transient).to.deep.equal({ unitPrice: 7, rush: true });
