import { ConfigurationException, type PersistenceKind } from '../errors.js';
import { emit, startClock } from '../events.js';
import { acceptsPlainRows, builtCreateCall, failCreateCall, startCreateCall } from '../persistence/create-call.js';
import type { AsyncPersistenceProtocol, SyncPersistenceProtocol } from '../persistence/protocols.js';
import { checkSize } from './arguments.js';
import { afterBuildSync, hookInfo, type BuildRun, type CreateTarget } from './build-run.js';
import { hookPhases, type CallSetup } from './call-setup.js';
import { refuseAsyncHooks, runHooksAsync, runHooksSync } from './hooks.js';
import type { FieldExplanation } from './explain.js';
import { expectSync, persisting, persistingAsync, refuseThenables, savedRows, type SaveContext } from './persisting.js';

/** What a create call needs of the factory's runner. */
export interface CreatingRunner<T> {
  readonly name: string;
  readonly modelName: string | undefined;
  /** Checks the call's build options and resolves its traits, transient parameters and hooks. */
  callSetup(method: string, options: unknown): CallSetup;
  /** Checks one overrides argument. */
  checkedOverrides(method: string, overrides: unknown): Record<string, unknown>;
  /** Checks a batch's overrides and returns those of each instance. */
  itemOverrides(method: string, count: number, overrides: unknown): (index: number) => Record<string, unknown>;
  /** The handler of this kind that serves the factory, or a ConfigurationException saying how to configure one. */
  handler<H>(kind: PersistenceKind): H;
  run(setup: CallSetup, target?: CreateTarget): BuildRun<T>;
  /** Where each field's value comes from, for the message of a failed save. */
  explain(): FieldExplanation[];
}

function saveContext<T>(runner: CreatingRunner<T>, method: string): SaveContext {
  return { factory: runner.name, model: runner.modelName, method, explain: () => runner.explain() };
}

/** One create call's arguments, as the factory statics received them. */
export interface CreateArguments {
  method: 'createSync' | 'createBatchSync' | 'createAsync' | 'createBatchAsync';
  size: unknown;
  overrides: unknown;
  options: unknown;
  /** Build plain rows instead of instances (seedRows with plain: true); the handler must accept them. */
  plain?: boolean;
}

/** The events of one create call: what it built, what it saved, or how it failed, each with its duration. */
class CallEvents {
  private readonly startedAt = startClock();
  private savingFrom = this.startedAt;

  constructor(
    private readonly runner: { name: string; modelName: string | undefined },
    private readonly method: string,
  ) {}

  failingWith<R>(step: () => R): R {
    try {
      return step();
    } catch (error) {
      this.failed(error);
      throw error;
    }
  }

  built(count: number): void {
    const { name: factory, modelName: model } = this.runner;
    emit((durationMs) => ({ type: 'build', factory, model, method: this.method, count, durationMs }), this.startedAt);
  }

  saving(): void {
    this.savingFrom = startClock();
  }

  saved(count: number): void {
    const { name: factory, modelName: model } = this.runner;
    emit((durationMs) => ({ type: 'save', factory, model, method: this.method, count, durationMs }), this.savingFrom);
  }

  failed(error: unknown): void {
    const { name: factory, modelName: model } = this.runner;
    emit((durationMs) => ({ type: 'failure', factory, model, method: this.method, error, durationMs }), this.startedAt);
  }
}

/** Plain rows go only to a handler that writes them, and never to hooks, which expect instances. */
function refusePlainRows(factory: string, setup: CallSetup, handler: object): void {
  const phase = hookPhases.find((name) => setup.hooks[name].length > 0);
  if (phase) throw ConfigurationException.plainRowsHooks(factory, phase);
  if (!acceptsPlainRows(handler)) throw ConfigurationException.plainRowsHandler(factory, handler.constructor?.name ?? 'a handler');
}

/**
 * Checks a create call's arguments and finds its handler, then tells the handler the call starts
 * (it may refuse it: nothing is built then). Building waits for `build`.
 */
function start<T, H extends object>(runner: CreatingRunner<T>, kind: PersistenceKind, args: CreateArguments) {
  const { method, size, overrides, options } = args;
  const setup = runner.callSetup(method, options);
  if (kind === 'sync') refuseAsyncHooks(runner.name, method, setup, hookPhases);
  const single = method === 'createSync' || method === 'createAsync';
  const count = single ? 1 : checkSize(runner.name, method, size);
  const forItem = single ? ((checked) => () => checked)(runner.checkedOverrides(method, overrides)) : undefined;
  const handler = runner.handler<H>(kind);
  if (args.plain) refusePlainRows(runner.name, setup, handler);
  const target: CreateTarget = { handler, call: {}, plain: args.plain };
  startCreateCall(handler, target.call);
  const build = () => {
    const built = runner.run(setup, target).many(count, forItem ?? runner.itemOverrides(method, count, overrides));
    builtCreateCall(handler, target.call);
    return built;
  };
  return { setup, handler, single, target, build, count };
}

/** A synchronous create call: build, afterBuild, beforeCreate, the handler's save, afterCreate. */
export function createSync<T>(runner: CreatingRunner<T>, args: CreateArguments, save: (handler: SyncPersistenceProtocol<T>, built: T[]) => T | T[]): T[] {
  const events = new CallEvents(runner, args.method);
  const { setup, handler, single, target, build, count } = events.failingWith(() => start<T, SyncPersistenceProtocol<T>>(runner, 'sync', args));
  let saved: T[];
  try {
    const built = build();
    events.built(built.length);
    afterBuildSync(runner.name, args.method, setup, built);
    built.forEach((instance, index) => runHooksSync(runner.name, args.method, setup, 'beforeCreate', instance, hookInfo(runner.name, setup, index)));
    events.saving();
    const result = expectSync(runner.name, single ? 'save' : 'saveMany', persisting(saveContext(runner, args.method), () => save(handler, built)));
    saved = single ? [result as T] : (result as T[]);
  } catch (error) {
    // Whatever failed before the save succeeded, nothing built for this call may be written later.
    failCreateCall(handler, target.call);
    events.failed(error);
    throw error;
  }
  // After the save (its rows may be written): a saveMany result of the wrong shape fails the call here.
  // Stryker disable next-line ConditionalExpression: a single call's `saved` is [result], which savedRows accepts for a count of 1.
  if (!single) saved = events.failingWith(() => savedRows<T>(runner.name, args.method, count, saved));
  events.saved(saved.length);
  saved.forEach((instance, index) => runHooksSync(runner.name, args.method, setup, 'afterCreate', instance, hookInfo(runner.name, setup, index)));
  return saved;
}

/** An asynchronous create call: the same steps, hooks awaited one after another. */
export async function createAsync<T>(
  runner: CreatingRunner<T>,
  args: CreateArguments,
  save: (handler: AsyncPersistenceProtocol<T>, built: T[]) => Promise<T[]>,
): Promise<T[]> {
  const events = new CallEvents(runner, args.method);
  const { setup, handler, target, build, count } = events.failingWith(() => start<T, AsyncPersistenceProtocol<T>>(runner, 'async', args));
  let saved: T[];
  try {
    const built = build();
    events.built(built.length);
    // The same order as synchronous calls: every afterBuild, then every beforeCreate. A phase without
    // hooks awaits nothing (a batch of 10,000 would otherwise wait 20,000 times for no hook).
    for (const phase of ['afterBuild', 'beforeCreate'] as const) {
      if (setup.hooks[phase].length === 0) continue;
      for (const [index, instance] of built.entries()) await runHooksAsync(setup, phase, instance, hookInfo(runner.name, setup, index));
    }
    refuseThenables(runner.name, args.method, runner.modelName, built);
    events.saving();
    saved = await persistingAsync(saveContext(runner, args.method), () => save(handler, built));
  } catch (error) {
    failCreateCall(handler, target.call);
    events.failed(error);
    throw error;
  }
  // After the save (its rows may be written): a saveMany result of the wrong shape fails the call here.
  saved = events.failingWith(() => savedRows<T>(runner.name, args.method, count, saved));
  events.saved(saved.length);
  if (setup.hooks.afterCreate.length > 0) {
    for (const [index, instance] of saved.entries()) await runHooksAsync(setup, 'afterCreate', instance, hookInfo(runner.name, setup, index));
  }
  return saved;
}
