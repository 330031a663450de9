/**
 * A worker thread of `seedParallel`: imports the user's module and MikroORM configuration, then
 * builds and writes the blocks the coordinator hands it, one create call per block. Between the
 * build and the write of a block it sends the block's unique values to the coordinator and waits
 * for its decision (which repeated values to replace), so that no two blocks write one value.
 */
import 'reflect-metadata';
import { AsyncLocalStorage } from 'node:async_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { AsyncPersistenceProtocol } from '../persistence/protocols.js';
import { observeUniqueValues } from '../generators/unique-values.js';
import { FactoryException } from '../errors.js';
import { useMikroOrm } from '../mikro-orm/orm-registry.js';
import type { MikroOrmLike } from '../mikro-orm/orm-types.js';
import { registry } from '../registry/registry.js';
import { FactoryRunner } from '../runner/factory-runner.js';
import { setReferenceDate } from '../runner/reference-date.js';
import { seedBlock } from '../runner/seeds.js';
import { loadOrm } from '../cli/load-orm.js';
import { BlockUniques } from './block-uniques.js';
import type { ColumnReplacements, FromWorker, ToWorker, WorkerFailure, WorkerSetup } from './messages.js';

const port = parentPort!;
const setup = workerData as WorkerSetup;
const post = (message: FromWorker) => port.postMessage(message);

function failureOf(error: unknown): WorkerFailure {
  if (error instanceof Error) return { name: error.name, message: error.message, field: error instanceof FactoryException ? error.field : undefined };
  return { name: 'Error', message: String(error) };
}

type FactoryClass = Function & { createBatchAsync(size: number, overrides?: unknown, options?: unknown): Promise<unknown[]>; setPersistence(handler: unknown, options?: unknown): void };

function findFactory(name: string): FactoryClass {
  const matches = registry.list().filter((registration) => registration.factory.name === name);
  if (matches.length === 1) return matches[0]!.factory as unknown as FactoryClass;
  const known = registry.list().map((registration) => registration.factory.name).join(', ') || '(none)';
  throw new Error(
    matches.length === 0
      ? `no factory named ${name} is registered once ${setup.module} is imported (registered: ${known}): import or define it in that module.`
      : `${matches.length} factories are named ${name}: give the one to seed a name of its own.`,
  );
}

const buildOptions = { ...(setup.traits && { traits: setup.traits }), ...(setup.transient && { transient: setup.transient }) };

/** The block a create call belongs to: a worker has up to two in flight (one writing while the next builds). */
interface BlockCall {
  block: number;
  uniques: BlockUniques;
  /** Lets the next block build: this one is built (its hooks ran) and only waits for its decision and its write. */
  built: () => void;
  /** Whether the block's values went to the coordinator: once per block. */
  sent?: boolean;
}
const calls = new AsyncLocalStorage<BlockCall>();
const decisions = new Map<number, (replacements: ColumnReplacements[] | undefined) => void>();
/** Builds run one at a time: a block's generation state (seeds, sequences, unique values) is the worker's. */
let buildTurn: Promise<void> = Promise.resolve();
let close: (() => Promise<void>) | undefined;

/**
 * The factory's own handler, with one step before its saveMany: the block's unique values go to
 * the coordinator, and its replacements are applied. Everything else (the create-call protocol of
 * fixtory's MikroORM handlers) is the handler's own, through the prototype.
 */
function coordinated(handler: AsyncPersistenceProtocol<object>): AsyncPersistenceProtocol<object> {
  const saveMany = handler.saveMany;
  return Object.create(handler, {
    saveMany: {
      value: async function (this: AsyncPersistenceProtocol<object>, entities: object[]) {
        const call = calls.getStore()!;
        // A hook of the block creating more of the seeded factory would be a second, undecided write of the block.
        if (call.sent) throw new Error(`a hook of block ${call.block} created more rows of ${setup.factory}: seedParallel writes a block with one create call; build those rows in the factory (@Related) instead`);
        call.sent = true;
        call.built();
        const replacements = await new Promise<ColumnReplacements[] | undefined>((resolve) => {
          decisions.set(call.block, resolve);
          post({ type: 'values', block: call.block, columns: call.uniques.values() });
        });
        if (!replacements) throw new Error('stopped before its write: another block failed');
        call.uniques.apply(entities, replacements);
        return saveMany.call(this, entities);
      },
    },
  }) as AsyncPersistenceProtocol<object>;
}

async function start(): Promise<FactoryClass> {
  setReferenceDate(setup.referenceDate);
  await import(setup.module);
  const { orm } = await loadOrm(setup.cwd, setup.config);
  close = () => orm.close(true);
  useMikroOrm(orm as unknown as MikroOrmLike);
  const factory = findFactory(setup.factory);
  const runner = FactoryRunner.of(factory);
  factory.setPersistence(coordinated(runner.handler<AsyncPersistenceProtocol<object>>('async')), { kind: 'async' });
  post({ type: 'ready', model: runner.modelName });
  return factory;
}

async function writeBlock(factory: FactoryClass, block: number, first: number, size: number): Promise<void> {
  const previous = buildTurn;
  let built!: () => void;
  buildTurn = new Promise((resolve) => (built = resolve));
  await previous;
  const startedAt = performance.now();
  const uniques = new BlockUniques();
  try {
    seedBlock(setup.seed, block, first);
    await calls.run({ block, uniques, built }, () => factory.createBatchAsync(size, setup.overrides, buildOptions));
    post({ type: 'written', block, size, durationMs: performance.now() - startedAt });
  } catch (error) {
    post({ type: 'failed', block, error: failureOf(error) });
  } finally {
    built();
  }
}

async function stop(code: number): Promise<void> {
  port.removeAllListeners('message');
  try {
    await close?.();
  } finally {
    process.exit(code);
  }
}

try {
  const factory = await start();
  // Values a block takes go to that block's record, wherever the build is (a hook awaited, a nested build).
  observeUniqueValues((...args) => calls.getStore()?.uniques.observe(...args));
  port.on('message', (message: ToWorker) => {
    if (message.type === 'block') void writeBlock(factory, message.block, message.first, message.size);
    else if (message.type === 'decided' || message.type === 'abort') {
      const resolve = decisions.get(message.block);
      decisions.delete(message.block);
      resolve?.(message.type === 'decided' ? message.replacements : undefined);
    } else if (message.type === 'stop') void stop(0);
  });
} catch (error) {
  post({ type: 'failed', block: undefined, error: failureOf(error) });
  await stop(1);
}
