import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, HookException, onFactoryEvent, ParameterException, Persist, type FactoryEvent } from 'fixtory';
import { expectRejects, expectThrows } from '../support/expect-error.js';
import { MemoryAsync, MemorySync } from '../support/memory-persistence.js';

class Ticket {
  @Field() code!: string;
}

const store = new MemoryAsync<Ticket>();

@Factory(Ticket)
@Persist(store)
@Persist(new MemorySync<Ticket>())
class TicketFactory extends BaseFactory<Ticket> {
  static traits = {
    broken: {
      beforeCreate: () => {
        throw new Error('no ticket today');
      },
    },
  };
}

/** The events sent while `run` runs, without their durations (which vary). */
async function eventsOf(run: () => unknown): Promise<Omit<FactoryEvent, 'durationMs'>[]> {
  const seen: FactoryEvent[] = [];
  const stop = onFactoryEvent((event) => seen.push(event));
  try {
    await run();
  } catch {
    // the failure event is what the spec looks at
  } finally {
    stop();
  }
  for (const event of seen) expect(event.durationMs).to.be.a('number').and.at.least(0);
  return seen.map(({ durationMs: _, ...rest }) => rest);
}

describe('factory events', () => {
  it('tells what build, batch and coverage built', async () => {
    expect(await eventsOf(() => [TicketFactory.build(), TicketFactory.batch(3), TicketFactory.coverage()])).to.deep.equal([
      { type: 'build', factory: 'TicketFactory', model: 'Ticket', method: 'build', count: 1 },
      { type: 'build', factory: 'TicketFactory', model: 'Ticket', method: 'batch', count: 3 },
      { type: 'build', factory: 'TicketFactory', model: 'Ticket', method: 'coverage', count: 1 },
    ]);
  });

  it('tells what a create call built and saved, sync and async', async () => {
    expect(await eventsOf(() => TicketFactory.createBatchSync(2))).to.deep.equal([
      { type: 'build', factory: 'TicketFactory', model: 'Ticket', method: 'createBatchSync', count: 2 },
      { type: 'save', factory: 'TicketFactory', model: 'Ticket', method: 'createBatchSync', count: 2 },
    ]);
    expect(await eventsOf(() => TicketFactory.createAsync())).to.deep.equal([
      { type: 'build', factory: 'TicketFactory', model: 'Ticket', method: 'createAsync', count: 1 },
      { type: 'save', factory: 'TicketFactory', model: 'Ticket', method: 'createAsync', count: 1 },
    ]);
  });

  it('tells how a call failed, with what it threw', async () => {
    const events = await eventsOf(() => TicketFactory.createBatchAsync(2, undefined, { traits: ['broken'] }));
    expect(events.map((e) => e.type)).to.deep.equal(['build', 'failure']);
    const failure = (events[1] as unknown as { error: Error }).error; // the hook's error, wrapped as a HookException
    expect(failure).to.be.instanceOf(HookException);
    expect((failure.cause as Error).message).to.equal('no ticket today');
    const invalid = await eventsOf(() => TicketFactory.batch(-1));
    expect(invalid).to.have.length(1);
    expect((invalid[0] as unknown as { error: unknown }).error).to.be.instanceOf(ParameterException);
  });

  it('stops when unsubscribed, and a listener that throws fails no call', async () => {
    const seen: string[] = [];
    const stop = onFactoryEvent((event) => {
      seen.push(event.type);
      throw new Error('listener bug');
    });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      await TicketFactory.createAsync();
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      stop();
      process.off('warning', onWarning);
    }
    TicketFactory.build();
    expect(seen).to.deep.equal(['build', 'save']);
    expect(warnings.some((w) => w.includes("threw on a 'build' event of TicketFactory: listener bug"))).to.equal(true);
  });

  it('refuses a listener that is not a function', () => {
    expectThrows(() => onFactoryEvent('log' as never), ParameterException, 'onFactoryEvent', 'a function');
  });

  it('rejects instead of throwing when the factory cannot stream', async () => {
    await expectRejects(TicketFactory.seedRows(-1), ParameterException, 'TicketFactory.seedRows', 'size');
  });
});
