import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, onFactoryEvent, ParameterException, Persist, Sequence, type ChunkEvent, type Traits } from 'fixtory';
import { expectRejects } from '../support/expect-error.js';
import { MemoryAsync } from '../support/memory-persistence.js';

class Reading {
  @Field() serial!: number;
  @Field() sensor!: string;
}

const store = new MemoryAsync<Reading>();

@Factory(Reading)
@Persist(store)
class ReadingFactory extends BaseFactory<Reading> {
  @Sequence((n) => n) serial!: number;
  static traits = { calibrated: { overrides: { sensor: 'calibrated' } } } satisfies Traits<Reading>;
}

async function collect<T>(iterable: AsyncIterable<T[]>): Promise<T[][]> {
  const chunks: T[][] = [];
  for await (const chunk of iterable) chunks.push(chunk);
  return chunks;
}

describe('stream and seedRows', () => {
  beforeEach(() => {
    store.rows.length = 0;
    store.calls.length = 0;
    ReadingFactory.resetSequence();
  });

  it('creates in chunks: one saveMany per chunk, each saved before the next is built', async () => {
    const chunks = await collect(ReadingFactory.stream(2_500, { chunk: 1_000 }));
    expect(chunks.map((c) => c.length)).to.deep.equal([1_000, 1_000, 500]);
    expect(store.calls).to.deep.equal(['saveMany(1000)', 'saveMany(1000)', 'saveMany(500)']);
    expect(store.rows.map((r) => r.serial)).to.deep.equal(Array.from({ length: 2_500 }, (_, i) => i + 1));
  });

  it('gives per-item overrides the index in the whole stream, and applies traits and overrides to every chunk', async () => {
    await collect(ReadingFactory.stream(5, { chunk: 2, overrides: (index) => ({ sensor: `s${index}` }) }));
    expect(store.rows.map((r) => r.sensor)).to.deep.equal(['s0', 's1', 's2', 's3', 's4']);
  });

  it('seedRows keeps nothing and reports progress after each chunk, to onChunk and to event listeners', async () => {
    const progress: string[] = [];
    const events: ChunkEvent[] = [];
    const stop = onFactoryEvent((event) => event.type === 'chunk' && events.push(event));
    try {
      const summary = await ReadingFactory.seedRows(7, { chunk: 3, onChunk: ({ done, total, chunk }) => progress.push(`${done}/${total} (+${chunk})`) });
      expect(summary).to.include({ created: 7, chunks: 3 });
    } finally {
      stop();
    }
    expect(progress).to.deep.equal(['3/7 (+3)', '6/7 (+3)', '7/7 (+1)']);
    expect(events.map((e) => [e.factory, e.done, e.total, e.count])).to.deep.equal([
      ['ReadingFactory', 3, 7, 3],
      ['ReadingFactory', 6, 7, 3],
      ['ReadingFactory', 7, 7, 1],
    ]);
  });

  it('stops at the first chunk that fails: the chunks before it stay saved, later ones are never built', async () => {
    const overrides = (index: number) => {
      if (index === 4) throw new Error('bad reading 4');
      return {};
    };
    await expectRejects(ReadingFactory.seedRows(9, { chunk: 3, overrides }), Error, 'bad reading 4');
    expect(store.calls).to.deep.equal(['saveMany(3)']);
  });

  it('makes chunks of 250 unless told otherwise', async () => {
    const summary = await ReadingFactory.seedRows(600);
    expect(summary).to.include({ created: 600, chunks: 3 });
    expect(store.calls).to.deep.equal(['saveMany(250)', 'saveMany(250)', 'saveMany(100)']);
  });

  it('writes nothing for a count of 0, and one chunk of everything when the chunk is larger', async () => {
    expect(await ReadingFactory.seedRows(0)).to.include({ created: 0, chunks: 0 });
    expect(store.calls).to.deep.equal([]);
    const summary = await ReadingFactory.seedRows(3, { chunk: 100_000 });
    expect(summary).to.include({ created: 3, chunks: 1 });
    expect(summary.durationMs).to.be.a('number').and.at.least(0);
    expect(store.calls).to.deep.equal(['saveMany(3)']);
  });

  it('applies the same overrides object, and traits, to every chunk (transient values are build options too)', async () => {
    await ReadingFactory.seedRows(5, { chunk: 2, overrides: { sensor: 'north' } });
    await ReadingFactory.seedRows(3, { chunk: 2, traits: ['calibrated'], transient: {} });
    expect(store.rows.map((r) => r.sensor)).to.deep.equal([...Array(5).fill('north'), ...Array(3).fill('calibrated')]);
  });

  it('reports each chunk as a chunk event naming the factory and its model, with its duration', async () => {
    const events: ChunkEvent[] = [];
    const stop = onFactoryEvent((event) => event.type === 'chunk' && events.push(event));
    try {
      await ReadingFactory.seedRows(2, { chunk: 1 });
    } finally {
      stop();
    }
    expect(events).to.have.length(2);
    for (const event of events) {
      expect(event).to.include({ type: 'chunk', factory: 'ReadingFactory', model: 'Reading', count: 1, total: 2 });
      expect(event.durationMs).to.be.a('number').and.at.least(0);
    }
  });

  it('checks the count, the options object, the chunk bounds and onChunk before creating anything', async () => {
    for (const count of [-1, 2 ** 53, '3', Number.NaN]) {
      await expectRejects(ReadingFactory.seedRows(count as never), ParameterException, 'ReadingFactory.seedRows');
    }
    for (const options of [null, [], 5, 'chunk']) {
      await expectRejects(ReadingFactory.seedRows(3, options as never), ParameterException, 'ReadingFactory.seedRows', 'an options object { chunk?, overrides?, traits?, transient?, onChunk? }');
    }
    for (const chunk of [100_001, 2.5, -3, '10']) {
      await expectRejects(ReadingFactory.seedRows(3, { chunk: chunk as never }), ParameterException, 'ReadingFactory.seedRows', "option 'chunk'", 'a whole number from 1 to 100,000');
    }
    await expectRejects(ReadingFactory.seedRows(3, { onChunk: 'log' as never }), ParameterException, 'ReadingFactory.seedRows', "option 'onChunk'", 'a function (progress) => void');
    await expectRejects(collect(ReadingFactory.stream(3, { chunk: 0 })), ParameterException, 'ReadingFactory.stream', "option 'chunk'");
    expect(store.calls).to.deep.equal([]);
    expect(await ReadingFactory.seedRows(1, { chunk: 1 })).to.include({ created: 1, chunks: 1 });
  });

  it('checks its arguments, rejecting rather than throwing', async () => {
    await expectRejects(ReadingFactory.seedRows(1.5), ParameterException, 'ReadingFactory.seedRows', 'size');
    await expectRejects(ReadingFactory.seedRows(3, { chunk: 0 }), ParameterException, "option 'chunk'", 'a whole number from 1 to 100,000');
    await expectRejects(ReadingFactory.seedRows(3, { overrides: [{}, {}, {}] as never }), ParameterException, "option 'overrides'", 'a list would hold every instance');
    await expectRejects(ReadingFactory.seedRows(3, { every: 2 } as never), ParameterException, "option 'every'", 'unknown option');
    await expectRejects(collect(ReadingFactory.stream(3, { traits: ['nope'] as never })), ParameterException, "unknown trait 'nope'");
    expect(store.calls).to.deep.equal([]);
  });
});
