/**
 * A worker thread of `seedParallel`: imports the user's module and MikroORM configuration, then
 * builds and writes the blocks the coordinator hands it, one create call per block. Between the
 * build and the write of a block it sends the block's unique values to the coordinator and waits
 * for its decision (which repeated values to replace), so that no two blocks write one value.
 */
import 'reflect-metadata';
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
const uniques = new BlockUniques();
let decision: { block: number; resolve: (replacements: ColumnReplacements[] | undefined) => void } | undefined;
let current: number | undefined;
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
        observeUniqueValues(undefined);
        const block = current!;
        const replacements = await new Promise<ColumnReplacements[] | undefined>((resolve) => {
          decision = { block, resolve };
          post({ type: 'values', block, columns: uniques.values() });
        });
        if (!replacements) throw new Error('stopped before its write: another block failed');
        uniques.apply(entities, replacements);
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
  const startedAt = performance.now();
  current = block;
  seedBlock(setup.seed, block, first);
  uniques.clear();
  observeUniqueValues(uniques.observe);
  try {
    await factory.createBatchAsync(size, setup.overrides, buildOptions);
    post({ type: 'written', block, size, durationMs: performance.now() - startedAt });
  } catch (error) {
    post({ type: 'failed', block, error: failureOf(error) });
  } finally {
    observeUniqueValues(undefined);
    current = undefined;
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
  port.on('message', (message: ToWorker) => {
    if (message.type === 'block') void writeBlock(factory, message.block, message.first, message.size);
    else if (message.type === 'decided' || message.type === 'abort') {
      const waiting = decision;
      decision = undefined;
      if (waiting?.block === message.block) waiting.resolve(message.type === 'decided' ? message.replacements : undefined);
    } else if (message.type === 'stop') void stop(0);
  });
} catch (error) {
  post({ type: 'failed', block: undefined, error: failureOf(error) });
  await stop(1);
}
