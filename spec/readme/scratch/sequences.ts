// README "Sequences": every @Sequence field of an instance sees the same n.
import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Sequence } from 'fixtory';

interface Ticket {
  number: number;
  code: string;
}

// README block

expect(TicketFactory.batch(2)).to.deep.equal([
  { number: 1, code: 'T-0001' },
  { number: 2, code: 'T-0002' },
]);
