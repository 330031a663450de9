import { ParallelSeedException } from '../errors.js';
import { emit, startClock } from '../events.js';
import { currentReferenceDate } from '../runner/reference-date.js';
import type { FromWorker, ToWorker, WorkerFailure, WorkerSetup } from './messages.js';
import { shownModule, type CheckedParallel } from './parallel-options.js';
import { UniqueLedger } from './unique-ledger.js';

/** Blocks a worker holds at once: one writing while the next is built, so its thread is not idle while the database works. */
const blocksInFlight = 2;

/** The coordinator's side of one worker: messages to it, and when it has exited. */
export interface WorkerLink {
  send(message: ToWorker): void;
  readonly exited: Promise<void>;
}

/** What the coordinator hears from one worker. */
export interface WorkerListener {
  message(message: FromWorker): void;
  /** The worker itself failed (it could not start, or threw outside a block). */
  error(error: Error): void;
}

/** Starts one worker (a thread in `seedParallel`; anything that speaks the messages in a spec). It must not deliver a message before it returns. */
export type StartWorker = (setup: WorkerSetup, listener: WorkerListener) => WorkerLink;

interface WorkerState {
  inFlight: number;
  stopped: boolean;
  link: WorkerLink;
}

/**
 * One parallel seed, seen from the calling thread: hands blocks to workers as they ask, decides the
 * blocks' unique values in block order, reports progress, and stops at the first failure.
 */
export class Coordinator {
  private readonly blocks: number;
  private nextBlock = 0;
  private decided = 0;
  private readonly waiting = new Map<number, { worker: WorkerLink; message: Extract<FromWorker, { type: 'values' }> }>();
  private readonly ledger = new UniqueLedger();
  private readonly written: number[] = [];
  private rows = 0;
  private model: string | undefined;
  private failure?: { block: number | undefined; error: WorkerFailure };

  constructor(
    private readonly run: CheckedParallel,
    private readonly startWorker: StartWorker,
  ) {
    this.blocks = Math.ceil(run.count / run.chunk);
  }

  get replaced(): number {
    return this.ledger.replaced;
  }

  /** Runs every worker to its exit; the rows written, or the run's ParallelSeedException once all have stopped. */
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
    const state: WorkerState = { inFlight: 0, stopped: false, link: undefined as unknown as WorkerLink };
    state.link = this.startWorker(setup, {
      message: (message) => this.on(state, message),
      error: (error) => this.fail(undefined, { name: error.name, message: error.message }),
    });
    return state.link.exited;
  }

  private on(state: WorkerState, message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        this.model = message.model;
        for (let i = 0; i < blocksInFlight; i++) this.give(state);
        return;
      case 'values':
        // After a failure no block is decided: one queued here would wait for a block before it that
        // was already aborted, and its worker would wait for ever.
        if (this.failure) return state.link.send({ type: 'abort', block: message.block });
        this.waiting.set(message.block, { worker: state.link, message });
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
    if (state.stopped) return;
    if (this.failure || this.nextBlock >= this.blocks) {
      if (state.inFlight > 0) return;
      state.stopped = true;
      return state.link.send({ type: 'stop' });
    }
    const block = this.nextBlock++;
    const first = block * this.run.chunk;
    state.inFlight += 1;
    state.link.send({ type: 'block', block, first, size: Math.min(this.run.chunk, this.run.count - first) });
  }

  /** Decides every block whose turn has come: block b only after every block before it. */
  private decide(): void {
    for (let next = this.waiting.get(this.decided); next; next = this.waiting.get(this.decided)) {
      const { worker, message } = next;
      this.waiting.delete(message.block);
      this.decided += 1;
      if (this.failure) {
        worker.send({ type: 'abort', block: message.block });
        continue;
      }
      try {
        worker.send({ type: 'decided', block: message.block, replacements: this.ledger.decide(message.block, message.columns) });
      } catch (error) {
        worker.send({ type: 'abort', block: message.block });
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
    for (const { worker, message } of this.waiting.values()) worker.send({ type: 'abort', block: message.block });
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
