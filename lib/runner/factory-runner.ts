import type { Faker } from '@faker-js/faker';
import { ConfigurationException, ParameterException, nameOf, type PersistenceKind } from '../errors.js';
import { emit, listening, startClock } from '../events.js';
import { resetUniqueValues } from '../generators/unique-values.js';
import { checkedKind } from '../persistence/handler-slots.js';
import { HandlerSource, type HandlerInput, type PersistOptions } from '../persistence/handler-source.js';
import type { FactoryOptions } from '../registry/factory-options.js';
import { registry } from '../registry/registry.js';
import type { Constructor, SeedSummary } from '../types.js';
import { checkOverrides, checkSize } from './arguments.js';
import type { BuildPlan } from './build-plan.js';
import { afterBuildSync, BuildRun, type CreateTarget, type RunnerView } from './build-run.js';
import { setupCall, type CallSetup } from './call-setup.js';
import { createAsync, createSync, type CreatingRunner } from './create-call.js';
import { explainPlan, type FieldExplanation } from './explain.js';
import { FakerSource } from './faker-source.js';
import { routeHandler } from './handler-routing.js';
import { refuseAsyncHooks } from './hooks.js';
import { ModelPreparation } from './model-preparation.js';
import type { PreparedModel } from './model-variants.js';
import { checkSeed } from './seeds.js';
import { resetSequences } from './sequences.js';
import { seedRows, streamCreate } from './stream.js';

const runners = new WeakMap<Function, FactoryRunner<any>>();
const automaticRunners = new WeakMap<Function, FactoryRunner<any>>();

/**
 * The engine behind a factory, one per factory class: it plans a build once (which generator
 * serves each field) and hands each call to a BuildRun (build, batch, coverage) or to a create
 * call (create*, routed to the sync or async persistence protocol).
 */
export class FactoryRunner<T> implements RunnerView<T>, CreatingRunner<T> {
  private readonly preparation: ModelPreparation<T>;
  private cachedNestedSetup?: CallSetup;
  readonly fakerSource: FakerSource;
  readonly sequenceOwner: Function | string;
  /** The model's name for messages; undefined for plain-object factories. */
  readonly modelName: string | undefined;

  private constructor(
    /** The factory class, or undefined for the automatic factory of a nested model. */
    readonly factory: Constructor | undefined,
    readonly name: string,
    readonly model: Constructor<T> | undefined,
    private readonly options: FactoryOptions<T>,
    sequenceOwner?: Function | string,
  ) {
    this.modelName = model ? nameOf(model) : undefined;
    this.preparation = new ModelPreparation(factory, name, model, options);
    this.fakerSource = new FakerSource(name, options);
    this.sequenceOwner = sequenceOwner ?? factory ?? name;
    // A seeded factory starts its unique values afresh, as `seed()` does, so a run repeats.
    if (options.seed !== undefined) resetUniqueValues(model ?? name);
  }

  /** The runner of a factory class (created on first use, then reused). */
  static of<T>(factory: Function): FactoryRunner<T> {
    let runner = runners.get(factory);
    if (runner && !registry.isRegistered(factory)) runners.delete(factory); // unregistered since: fail below
    if (!runner || !runners.has(factory)) {
      const { registration, options, parent } = registry.resolve(factory);
      const sequenceOwner = options.shareSequence && parent ? FactoryRunner.of(parent).sequenceOwner : undefined;
      runner = new FactoryRunner(factory as Constructor, nameOf(factory), registration.model, options, sequenceOwner);
      runners.set(factory, runner);
    }
    return runner;
  }

  /** The runner used for a nested model that has no registered factory. */
  private static automatic(model: Function): FactoryRunner<unknown> {
    let runner = automaticRunners.get(model);
    if (!runner) {
      runner = new FactoryRunner(undefined, `the automatic factory of ${nameOf(model)}`, model as Constructor, {});
      automaticRunners.set(model, runner);
    }
    return runner;
  }

  get maxDepth(): number | undefined {
    return this.options.maxDepth;
  }

  /** The plan and instantiation of the model; given an instance's overrides, of the concrete class that instance is built as. */
  prepared(overrides?: Record<string, unknown>): PreparedModel<T> {
    return this.preparation.get(overrides);
  }

  nestedSetup(): CallSetup {
    return (this.cachedNestedSetup ??= setupCall(this.factory, 'build', undefined));
  }

  runnerFor(model: Function, factory: Function | undefined): RunnerView<unknown> {
    const chosen = factory ?? registry.get(model as Constructor);
    return chosen ? FactoryRunner.of(chosen) : FactoryRunner.automatic(model);
  }

  run(setup: CallSetup, target?: CreateTarget, stub = false): BuildRun<T> {
    return new BuildRun(this, setup, target, stub);
  }

  /** Which generator serves each field: computed on first use, and again only when a model adapter or provider changes. */
  get plan(): BuildPlan {
    return this.prepared().plan;
  }

  /** The faker the factory was configured with (each field generates from a seeded stream derived from it). */
  get faker(): Faker {
    return this.fakerSource.faker;
  }

  /**
   * Reseeds this factory's streams and forgets the unique values produced for its model, so the
   * same seed gives the same values again.
   */
  seed(seed: number): void {
    this.fakerSource.seed(checkSeed(`${this.name}.seed`, seed));
    this.preparation.restartVariants();
    resetUniqueValues(this.model ?? this.name);
    // A counter shared with the parent factory is not this factory's to restart.
    if (this.sequenceOwner === this.factory) resetSequences(this.sequenceOwner);
  }

  /** Where each field's value comes from when not overridden (an override always wins). */
  explain(): FieldExplanation[] {
    return explainPlan(this.plan, this.factory);
  }

  /** Restarts this factory's `@Sequence` numbers at 1. */
  resetSequence(): void {
    resetSequences(this.sequenceOwner);
  }

  build(overrides?: unknown, options?: unknown): T {
    // build() runs once per instance in loops of millions: no event wrapping while nobody listens.
    if (!listening()) return this.buildUnobserved(overrides, options);
    return this.observed('build', () => [this.buildUnobserved(overrides, options)])[0]!;
  }

  private buildUnobserved(overrides: unknown, options: unknown): T {
    const setup = this.callSetup('build', options);
    refuseAsyncHooks(this.name, 'build', setup, ['afterBuild']);
    const instance = this.run(setup).root(this.checkedOverrides('build', overrides), 0);
    afterBuildSync(this.name, 'build', setup, [instance]);
    return instance;
  }

  batch(size: unknown, overrides?: unknown, options?: unknown): T[] {
    return this.observed('batch', () => {
      const setup = this.callSetup('batch', options);
      refuseAsyncHooks(this.name, 'batch', setup, ['afterBuild']);
      const count = checkSize(this.name, 'batch', size);
      const built = this.run(setup).many(count, this.itemOverrides('batch', count, overrides));
      afterBuildSync(this.name, 'batch', setup, built);
      return built;
    });
  }

  /** One instance that looks saved: built, with a made-up primary key on it and every instance it nests, and no I/O. */
  stub(overrides?: unknown, options?: unknown): T {
    return this.stubBatchAs('stub', 1, overrides, options)[0]!;
  }

  stubBatch(size: unknown, overrides?: unknown, options?: unknown): T[] {
    return this.stubBatchAs('stubBatch', size, overrides, options);
  }

  private stubBatchAs(method: string, size: unknown, overrides: unknown, options: unknown): T[] {
    return this.observed(method, () => {
      const setup = this.callSetup(method, options);
      refuseAsyncHooks(this.name, method, setup, ['afterBuild']);
      const count = checkSize(this.name, method, size);
      const forItem = method === 'stub' ? ((checked) => () => checked)(this.checkedOverrides(method, overrides)) : this.itemOverrides(method, count, overrides);
      const built = this.run(setup, undefined, true).many(count, forItem);
      afterBuildSync(this.name, method, setup, built);
      return built;
    });
  }

  /** The smallest set of instances that together use every enum member, boolean, null and optional relation. */
  coverage(overrides?: unknown, options?: unknown): T[] {
    return this.observed('coverage', () => this.coverageUnobserved(overrides, options));
  }

  /** Runs a build call, and tells event listeners what it built or how it failed. */
  private observed(method: string, call: () => T[]): T[] {
    const startedAt = startClock();
    let built: T[];
    try {
      built = call();
    } catch (error) {
      emit((durationMs) => ({ type: 'failure', factory: this.name, model: this.modelName, method, error, durationMs }), startedAt);
      throw error;
    }
    emit((durationMs) => ({ type: 'build', factory: this.name, model: this.modelName, method, count: built.length, durationMs }), startedAt);
    return built;
  }

  private coverageUnobserved(overrides: unknown, options: unknown): T[] {
    const setup = this.callSetup('coverage', options);
    refuseAsyncHooks(this.name, 'coverage', setup, ['afterBuild']);
    const checked = this.checkedOverrides('coverage', overrides);
    const fixed = (name: string) => Object.hasOwn(checked, name) || Object.hasOwn(setup.overrides, name);
    const varying = this.plan.fields.filter((f) => f.alternatives && f.alternatives.length > 0 && !fixed(f.name));
    const count = Math.max(1, ...varying.map((f) => f.alternatives!.length));
    const run = this.run(setup);
    const built = Array.from({ length: count }, (_, i) => {
      const choices = new Map(varying.map((f) => [f.name, f.alternatives![i % f.alternatives!.length]!]));
      return run.root(checked, i, choices);
    });
    afterBuildSync(this.name, 'coverage', setup, built);
    return built;
  }

  createSync(overrides?: unknown, options?: unknown): T {
    const args = { method: 'createSync', size: 1, overrides, options } as const;
    return createSync<T>(this, args, (handler, [one]) => handler.save(one!))[0]!;
  }

  createBatchSync(size: unknown, overrides?: unknown, options?: unknown): T[] {
    return createSync<T>(this, { method: 'createBatchSync', size, overrides, options }, (handler, built) => handler.saveMany(built));
  }

  async createAsync(overrides?: unknown, options?: unknown): Promise<T> {
    const args = { method: 'createAsync', size: 1, overrides, options } as const;
    const [saved] = await createAsync<T>(this, args, async (handler, [one]) => [await handler.save(one!)]);
    return saved!;
  }

  async createBatchAsync(size: unknown, overrides?: unknown, options?: unknown): Promise<T[]> {
    return createAsync<T>(this, { method: 'createBatchAsync', size, overrides, options }, (handler, built) => handler.saveMany(built));
  }

  /** A batch create call that builds plain rows (seedRows with plain: true): what the handler saved, for counting only. */
  async createPlainRows(size: unknown, overrides?: unknown, options?: unknown): Promise<unknown[]> {
    return createAsync<T>(this, { method: 'createBatchAsync', size, overrides, options, plain: true }, (handler, built) => handler.saveMany(built));
  }

  /** Creates `count` instances chunk by chunk, yielding each saved chunk. */
  stream(count: unknown, options?: unknown): AsyncGenerator<T[], void, undefined> {
    return streamCreate(this, 'stream', count, options);
  }

  /** Creates `count` instances chunk by chunk and keeps none: a seed of any size in flat memory. */
  seedRows(count: unknown, options?: unknown): Promise<SeedSummary> {
    return seedRows(this, count, options);
  }

  /** Sets or replaces this factory's handler of the handler's kind. */
  setPersistence(handler: HandlerInput<T>, options?: PersistOptions): void {
    const factory = this.requireFactory();
    registry.handlersOf(factory).add(HandlerSource.from(this.name, `${this.name}.setPersistence`, handler, options), 'runtime');
  }

  /** Removes this factory's own handler of one kind, or both; inherited and default handlers apply again. */
  clearPersistence(kind?: PersistenceKind): void {
    const checked = checkedKind(`${this.name}.clearPersistence`, kind); // even when there is nothing to clear
    registry.ownHandlers(this.requireFactory())?.clear(checked);
  }

  /** The traits, transient parameters and hooks of a call; the traits' overrides are checked like the caller's. */
  callSetup(method: string, options: unknown): CallSetup {
    const setup = setupCall(this.factory, method, options);
    if (setup.traits.length > 0) this.checkedOverrides(`${method} (traits ${setup.traits.join(', ')})`, setup.overrides);
    return setup;
  }

  handler<H>(kind: PersistenceKind): H {
    return routeHandler<T>(this.requireFactory(), kind) as H;
  }

  checkedOverrides(method: string, overrides: unknown): Record<string, unknown> {
    return checkOverrides(this.name, this.modelName, method, this.plan, overrides);
  }

  /** The overrides of each instance of a batch: the same object for all, a list of one per instance, or `(index) => overrides`. */
  itemOverrides(method: string, count: number, overrides: unknown): (index: number) => Record<string, unknown> {
    if (typeof overrides === 'function') return (index) => this.checkedOverrides(method, (overrides as (i: number) => unknown)(index));
    if (Array.isArray(overrides)) {
      if (overrides.length !== count) throw ParameterException.itemOverridesLength(this.name, method, count, overrides.length);
      const checked = overrides.map((item) => this.checkedOverrides(method, item));
      return (index) => checked[index]!;
    }
    const checked = this.checkedOverrides(method, overrides);
    return () => checked;
  }

  private requireFactory(): Constructor {
    if (!this.factory) throw ConfigurationException.notDecorated(this.name);
    return this.factory;
  }
}
