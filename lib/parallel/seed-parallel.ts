import { Worker } from 'node:worker_threads';
import { Coordinator, type StartWorker } from './coordinator.js';
import type { FromWorker, ToWorker } from './messages.js';
import { checkParallel, type ParallelSeedOptions, type ParallelSeedSummary } from './parallel-options.js';

const workerScript = new URL('./worker.js', import.meta.url);
/** How long a stopped worker may take to close its ORM before it is terminated. */
const stopGraceMs = 30_000;

/** A worker thread running worker.ts. */
const startThread: StartWorker = (setup, listener) => {
  const worker = new Worker(workerScript, { workerData: setup });
  worker.on('message', (message: FromWorker) => listener.message(message));
  worker.on('error', (error) => listener.error(error));
  return {
    send: (message: ToWorker) => {
      worker.postMessage(message);
      // A worker closes its ORM and exits; one that cannot (a connection that never closes) must not hold the run.
      if (message.type === 'stop') setTimeout(() => void worker.terminate(), stopGraceMs).unref();
    },
    exited: new Promise((resolve) => worker.once('exit', () => resolve())),
  };
};

/**
 * Seeds `count` rows of a factory with worker threads, each building and writing whole blocks of
 * `chunk` rows (one create call each, all or nothing). A block's rows depend only on the run's seed,
 * the block and the chunk size, so the rows are the same whatever `workers` is; unique values are
 * kept distinct across blocks by the calling thread, which decides each block in block order.
 */
export async function seedParallel(options: ParallelSeedOptions): Promise<ParallelSeedSummary> {
  const run = checkParallel(options);
  const startedAt = performance.now();
  const coordinator = new Coordinator(run, startThread);
  const created = await coordinator.start();
  return { created, chunks: Math.ceil(run.count / run.chunk), durationMs: performance.now() - startedAt, workers: Math.min(run.workers, Math.ceil(run.count / run.chunk)), seed: run.seed, replaced: coordinator.replaced };
}
