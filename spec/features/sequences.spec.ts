import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, ParameterException, Sequence, resetSequences } from 'fixtory';
import { expectThrows } from '../support/expect-error.js';

interface Ticket {
  number: number;
  code: string;
}

@Factory()
class TicketFactory extends BaseFactory<Ticket> {
  @Sequence((n) => n) number!: number;
  @Sequence((n) => `T-${String(n).padStart(4, '0')}`) code!: string;
}

@Factory()
class PriorityTicketFactory extends TicketFactory {}

@Factory(undefined, { shareSequence: true })
class SharedTicketFactory extends TicketFactory {}

describe('sequences', () => {
  beforeEach(() => resetSequences());

  it('numbers the instances of a factory from 1, every @Sequence field of one instance seeing the same n', () => {
    expect(TicketFactory.batch(3)).to.deep.equal([
      { number: 1, code: 'T-0001' },
      { number: 2, code: 'T-0002' },
      { number: 3, code: 'T-0003' },
    ]);
    expect(TicketFactory.build().number).to.equal(4);
  });

  it('gives a subclass its own counter, unless it asks to share its parent’s', () => {
    TicketFactory.batch(2);
    expect(PriorityTicketFactory.build().number).to.equal(1);
    expect(SharedTicketFactory.build().number).to.equal(3);
    expect(TicketFactory.build().number).to.equal(4);
  });

  it('seeding a factory that shares its parent’s counter leaves the counter alone', () => {
    TicketFactory.batch(3);
    SharedTicketFactory.seed(1);
    expect(TicketFactory.build().number).to.equal(4);
  });

  it('resets per factory, and for all factories at once', () => {
    TicketFactory.batch(2);
    PriorityTicketFactory.batch(2);
    TicketFactory.resetSequence();
    expect(TicketFactory.build().number).to.equal(1);
    expect(PriorityTicketFactory.build().number).to.equal(3);
    resetSequences();
    expect(PriorityTicketFactory.build().number).to.equal(1);
  });

  it('an override wins over the sequence (the number is still used up)', () => {
    expect(TicketFactory.build({ code: 'given' })).to.deep.equal({ number: 1, code: 'given' });
    expect(TicketFactory.build().code).to.equal('T-0002');
  });

  it('rejects a @Sequence that is not given a function', () => {
    expectThrows(() => Sequence(3 as never), ParameterException, '@Sequence', 'expected a function');
  });
});
