// README "Events": what a create call reports to onFactoryEvent listeners.
import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, onFactoryEvent, Persist, type FactoryEvent } from 'fixtory';
import { MemoryAsync, MemorySync } from '../support/memory.js';

class Ticket {
  @Field() code!: string;
}

@Factory(Ticket)
@Persist(new MemoryAsync<Ticket>())
@Persist(new MemorySync<Ticket>())
class TicketFactory extends BaseFactory<Ticket> {}

/** The events sent while `run` runs, without their durations (which vary). */
async function eventsOf(run: () => unknown): Promise<Omit<FactoryEvent, 'durationMs'>[]> {
  const seen: FactoryEvent[] = [];
  const stop = onFactoryEvent((event) => seen.push(event));
  try {
    await run();
  } finally {
    stop();
  }
  return seen.map(({ durationMs: _, ...rest }) => rest);
}

// README block
