import { Worker } from 'node:worker_threads';
import { ParallelSeedException } from '../errors.js';
import { emit, startClock } from '../events.js';
import { currentReferenceDate } from '../runner/reference-date.js';
import type { FromWorker, ToWorker, WorkerFailure, WorkerSetup } from './messages.js';
import { checkParallel, shownModule, type CheckedParallel, type ParallelSeedOptions, type ParallelSeedSummary } from './parallel-options.js';
import { UniqueLedger } from './unique-ledger.js';

const workerScript = new URL('./worker.js', import.meta.url);
/** Blocks a worker holds at once: one writing while the next is built, so its thread is not idle while the database works. */
const blocksInFlight = 2;
/** How long a stopped worker may take to close its ORM before it is terminated. */
const stopGraceMs = 30_000;

interface WorkerState {
  inFlight: number;
  send(message: ToWorker): void;
}

/**
 * One parallel seed, seen from the calling thread: hands blocks to workers as they ask, decides the
 * blocks' unique values in block order, reports progress, and stops at the first failure.
 */
class Coordinator {
  private readonly blocks: number;
  private nextBlock = 0;
  private decided = 0;
  private readonly waiting = new Map<number, { worker: Worker; message: Extract<FromWorker, { type: 'values' }> }>();
  private readonly ledger = new UniqueLedger();
  private readonly written: number[] = [];
  private rows = 0;
  private model: string | undefined;
  private failure?: { block: number | undefined; error: WorkerFailure };

  constructor(private readonly run: CheckedParallel) {
    this.blocks = Math.ceil(run.count / run.chunk);
  }

  get replaced(): number {
    return this.ledger.replaced;
  }

  async start(): Promise<number> {
    const setup: WorkerSetup = {
      module: this.run.module,
      factory: this.run.factory,
      config: this.run.config,
      cwd: process.cwd(),
      seed: this.run.seed,
      referenceDate: currentReferenceDate().toISOString(),
      overrides: this.run.overrides,
      traits: this.run.traits,
      transient: this.run.transient,
    };
    const count = Math.min(this.run.workers, this.blocks);
    const exits = Array.from({ length: count }, () => this.spawn(setup));
    await Promise.all(exits);
    if (this.failure) throw this.exception(this.failure.block, this.failure.error);
    return this.rows;
  }

  private spawn(setup: WorkerSetup): Promise<void> {
    const worker = new Worker(workerScript, { workerData: setup });
    const state = {
      inFlight: 0,
      send: (message: ToWorker) => {
        worker.postMessage(message);
        // A worker closes its ORM and exits; one that cannot (a connection that never closes) must not hold the run.
        if (message.type === 'stop') setTimeout(() => void worker.terminate(), stopGraceMs).unref();
      },
    };
    worker.on('message', (message: FromWorker) => this.on(worker, state, message));
    worker.on('error', (error) => this.fail(undefined, { name: error.name, message: error.message }));
    return new Promise((resolve) => worker.once('exit', () => resolve()));
  }

  private on(worker: Worker, state: WorkerState, message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        this.model = message.model;
        for (let i = 0; i < blocksInFlight; i++) this.give(state);
        return;
      case 'values':
        // After a failure no block is decided: one queued here would wait for a block before it that
        // was already aborted, and its worker would wait for ever.
        if (this.failure) return worker.postMessage({ type: 'abort', block: message.block } satisfies ToWorker);
        this.waiting.set(message.block, { worker, message });
        return this.decide();
      case 'written':
        this.wrote(message.block, message.size, message.durationMs);
        state.inFlight -= 1;
        return this.give(state);
      case 'failed':
        this.fail(message.block, message.error);
        if (message.block === undefined) return;
        state.inFlight -= 1;
        return this.give(state);
    }
  }

  /** The next block for a worker; once there is none (or the run failed), `stop` when its last block is done. */
  private give(state: WorkerState): void {
    if (this.failure || this.nextBlock >= this.blocks) {
      if (state.inFlight === 0) state.send({ type: 'stop' });
      return;
    }
    const block = this.nextBlock++;
    const first = block * this.run.chunk;
    state.inFlight += 1;
    state.send({ type: 'block', block, first, size: Math.min(this.run.chunk, this.run.count - first) });
  }

  /** Decides every block whose turn has come: block b only after every block before it. */
  private decide(): void {
    for (let next = this.waiting.get(this.decided); next; next = this.waiting.get(this.decided)) {
      const { worker, message } = next;
      this.waiting.delete(message.block);
      this.decided += 1;
      if (this.failure) {
        worker.postMessage({ type: 'abort', block: message.block } satisfies ToWorker);
        continue;
      }
      try {
        worker.postMessage({ type: 'decided', block: message.block, replacements: this.ledger.decide(message.block, message.columns) } satisfies ToWorker);
      } catch (error) {
        worker.postMessage({ type: 'abort', block: message.block } satisfies ToWorker);
        this.fail(message.block, { name: (error as Error).name, message: (error as Error).message, field: (error as ParallelSeedException).field });
      }
    }
  }

  private wrote(block: number, size: number, durationMs: number): void {
    this.written.push(block);
    this.rows += size;
    const { factory } = this.run;
    const startedAt = startClock() - durationMs;
    emit((ms) => ({ type: 'save', factory, model: this.model, method: 'seedParallel', count: size, durationMs: ms }), startedAt);
    emit((ms) => ({ type: 'chunk', factory, model: this.model, count: size, done: this.rows, total: this.run.count, durationMs: ms }), startedAt);
    this.run.onChunk?.({ done: this.rows, total: this.run.count, chunk: size });
  }

  /** The first failure stops the run: no block is handed out after it, blocks waiting for a decision are aborted. */
  private fail(block: number | undefined, error: WorkerFailure): void {
    if (this.failure) return;
    this.failure = { block, error };
    for (const { worker, message } of this.waiting.values()) worker.postMessage({ type: 'abort', block: message.block } satisfies ToWorker);
    this.waiting.clear();
  }

  /** The run's error, once every worker stopped: only then is it known which blocks were written. */
  private exception(block: number | undefined, error: WorkerFailure): ParallelSeedException {
    const written = { blocks: [...this.written].sort((a, b) => a - b), rows: this.rows };
    const reason = `${error.message}${error.name && !['Error', 'FactoryException'].includes(error.name) ? ` (${error.name})` : ''}`;
    const { factory, chunk, count } = this.run;
    if (block === undefined) return ParallelSeedException.workerFailed(factory, shownModule(this.run.module), reason, written);
    return ParallelSeedException.blockFailed(factory, block, block * chunk, Math.min(chunk, count - block * chunk), reason, written, error.field);
  }
}

/**
 * Seeds `count` rows of a factory with worker threads, each building and writing whole blocks of
 * `chunk` rows (one create call each, all or nothing). A block's rows depend only on the run's seed,
 * the block and the chunk size, so the rows are the same whatever `workers` is; unique values are
 * kept distinct across blocks by the calling thread, which decides each block in block order.
 */
export async function seedParallel(options: ParallelSeedOptions): Promise<ParallelSeedSummary> {
  const run = checkParallel(options);
  const startedAt = performance.now();
  const coordinator = new Coordinator(run);
  const created = await coordinator.start();
  return { created, chunks: Math.ceil(run.count / run.chunk), durationMs: performance.now() - startedAt, workers: Math.min(run.workers, Math.ceil(run.count / run.chunk)), seed: run.seed, replaced: coordinator.replaced };
}
