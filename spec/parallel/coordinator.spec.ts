import { expect } from 'chai';
import { ParallelSeedException } from 'fixtory';
import { Coordinator, type WorkerLink, type WorkerListener } from '../../lib/parallel/coordinator.js';
import type { ColumnValues, FromWorker, ToWorker } from '../../lib/parallel/messages.js';
import type { CheckedParallel } from '../../lib/parallel/parallel-options.js';
import type { StreamProgress } from '../../lib/types.js';

/**
 * The coordinator's side of seedParallel, driven message by message: each fake worker is told
 * exactly what a worker thread would say, in an order the spec chooses, so races between workers
 * are replayed deterministically.
 */
class ScriptedWorker implements WorkerLink {
  readonly received: ToWorker[] = [];
  readonly exited: Promise<void>;
  private exit!: () => void;

  constructor(private readonly listener: WorkerListener) {
    this.exited = new Promise((resolve) => (this.exit = resolve));
  }

  send(message: ToWorker): void {
    this.received.push(message);
    if (message.type === 'stop') this.exit();
  }

  says(message: FromWorker): void {
    this.listener.message(message);
  }

  /** What the coordinator answered about one block: decided, aborted, or nothing yet. */
  answerFor(block: number): ToWorker | undefined {
    return this.received.find((m) => (m.type === 'decided' || m.type === 'abort') && m.block === block);
  }

  blocksGiven(): number[] {
    return this.received.flatMap((m) => (m.type === 'block' ? [m.block] : []));
  }
}

const email = (values: string[]): ColumnValues => ({
  id: 'User\u0000email',
  factory: 'UserFactory',
  label: 'User.email',
  strategy: { kind: 'string', fallback: 'email' },
  values,
  given: values.map(() => false),
});

function coordinate(count: number, chunk: number, workers: number, onChunk?: (p: StreamProgress) => void) {
  const run: CheckedParallel = {
    module: new URL(import.meta.url).href,
    factory: 'UserFactory',
    count,
    workers,
    seed: 7,
    chunk,
    config: undefined,
    overrides: undefined,
    traits: undefined,
    transient: undefined,
    onChunk,
  };
  const started: ScriptedWorker[] = [];
  const coordinator = new Coordinator(run, (_setup, listener) => {
    const worker = new ScriptedWorker(listener);
    started.push(worker);
    return worker;
  });
  const result = coordinator.start();
  result.catch(() => undefined);
  return { coordinator, result, workers: started };
}

describe('seedParallel coordinator: blocks, decisions in block order, failures (workers scripted message by message)', () => {
  it('hands two blocks to each worker, decides them in block order whatever order they arrive in, and stops each worker after its last', async () => {
    const progress: StreamProgress[] = [];
    const { coordinator, result, workers } = coordinate(5, 2, 2, (p) => progress.push(p));
    const [a, b] = workers as [ScriptedWorker, ScriptedWorker];
    a.says({ type: 'ready', model: 'User' });
    b.says({ type: 'ready', model: 'User' });
    expect(a.blocksGiven()).to.deep.equal([0, 1]);
    expect(b.blocksGiven()).to.deep.equal([2]);
    expect(b.received.some((m) => m.type === 'stop')).to.equal(false);

    // Block 2 is built first and takes the email block 0 takes later: block 0 keeps it all the same.
    b.says({ type: 'values', block: 2, columns: [email(['ada@example.com'])] });
    expect(b.answerFor(2)).to.equal(undefined);
    a.says({ type: 'values', block: 1, columns: [email(['bob@example.com'])] });
    expect(a.answerFor(1)).to.equal(undefined);
    a.says({ type: 'values', block: 0, columns: [email(['ada@example.com', 'cyd@example.com'])] });
    expect(a.answerFor(0)).to.deep.equal({ type: 'decided', block: 0, replacements: [] });
    expect(a.answerFor(1)).to.deep.equal({ type: 'decided', block: 1, replacements: [] });
    expect(b.answerFor(2)).to.deep.equal({ type: 'decided', block: 2, replacements: [{ id: 'User\u0000email', pairs: [['ada@example.com', 'ada+2@example.com']] }] });

    b.says({ type: 'written', block: 2, size: 1, durationMs: 3 });
    expect(b.received.at(-1)).to.deep.equal({ type: 'stop' });
    a.says({ type: 'written', block: 0, size: 2, durationMs: 3 });
    expect(a.received.some((m) => m.type === 'stop')).to.equal(false);
    a.says({ type: 'written', block: 1, size: 2, durationMs: 3 });
    expect(a.received.at(-1)).to.deep.equal({ type: 'stop' });

    expect(await result).to.equal(5);
    expect(coordinator.replaced).to.equal(1);
    expect(progress.map((p) => [p.done, p.chunk])).to.deep.equal([[1, 1], [3, 2], [5, 2]]);
  });

  it('aborts at once a block whose values arrive after another block failed, so its worker never waits for a decision that cannot come', async () => {
    const { result, workers } = coordinate(4, 1, 2);
    const [a, b] = workers as [ScriptedWorker, ScriptedWorker];
    a.says({ type: 'ready', model: 'User' });
    b.says({ type: 'ready', model: 'User' });
    b.says({ type: 'values', block: 2, columns: [] });
    a.says({ type: 'failed', block: 0, error: { name: 'PersistenceException', message: 'UNIQUE constraint failed: user.email', field: 'email' } });
    expect(b.answerFor(2)).to.deep.equal({ type: 'abort', block: 2 });

    // The race: block 3's values come after the failure, behind block 0 that will never be decided.
    b.says({ type: 'values', block: 3, columns: [] });
    expect(b.answerFor(3)).to.deep.equal({ type: 'abort', block: 3 });

    a.says({ type: 'values', block: 1, columns: [] });
    expect(a.answerFor(1)).to.deep.equal({ type: 'abort', block: 1 });
    for (const [worker, block] of [[b, 2], [b, 3], [a, 1]] as const) worker.says({ type: 'failed', block, error: { name: 'Error', message: 'stopped before its write: another block failed' } });
    expect(a.received.at(-1)).to.deep.equal({ type: 'stop' });
    expect(b.received.at(-1)).to.deep.equal({ type: 'stop' });
    expect(a.blocksGiven().concat(b.blocksGiven()).sort()).to.deep.equal([0, 1, 2, 3]);

    const error = await result.then(() => expect.fail('the run should fail'), (e: unknown) => e);
    expect(error).to.be.instanceOf(ParallelSeedException);
    expect((error as ParallelSeedException).block).to.equal(0);
    expect((error as ParallelSeedException).field).to.equal('email');
    expect((error as ParallelSeedException).written).to.deep.equal({ blocks: [], rows: 0 });
    expect((error as Error).message).to.contain('block 0').and.contain('UNIQUE constraint failed: user.email (PersistenceException)');
  });

  it('hands out no block after a failure and reports the blocks written before it', async () => {
    const { result, workers } = coordinate(6, 1, 1);
    const [a] = workers as [ScriptedWorker];
    a.says({ type: 'ready', model: 'User' });
    a.says({ type: 'values', block: 0, columns: [] });
    a.says({ type: 'written', block: 0, size: 1, durationMs: 1 });
    expect(a.blocksGiven()).to.deep.equal([0, 1, 2]);
    a.says({ type: 'failed', block: 1, error: { name: 'Error', message: 'boom' } });
    expect(a.blocksGiven()).to.deep.equal([0, 1, 2]);
    a.says({ type: 'values', block: 2, columns: [] });
    a.says({ type: 'failed', block: 2, error: { name: 'Error', message: 'stopped before its write: another block failed' } });
    const error = (await result.catch((e: unknown) => e)) as ParallelSeedException;
    expect(error.block).to.equal(1);
    expect(error.written).to.deep.equal({ blocks: [0], rows: 1 });
    expect(error.message).to.contain('boom').and.not.contain('(Error)');
  });

  it('reports a worker that fails outside any block, naming the module it loads', async () => {
    const { result, workers } = coordinate(2, 1, 2);
    const [a, b] = workers as [ScriptedWorker, ScriptedWorker];
    a.says({ type: 'failed', block: undefined, error: { name: 'TypeError', message: 'Cannot find module x' } });
    a.send({ type: 'stop' });
    b.says({ type: 'ready', model: 'User' });
    expect(b.blocksGiven()).to.deep.equal([]);
    expect(b.received).to.deep.equal([{ type: 'stop' }]);
    const error = (await result.catch((e: unknown) => e)) as ParallelSeedException;
    expect(error.message).to.contain('outside any block').and.contain('coordinator.spec.js').and.contain('Cannot find module x (TypeError)');
  });
});
