import { ParameterException } from '../errors.js';
import { createCallBuilt, createCallFailed, createCallStarted, type CreateCallParticipant } from '../persistence/create-call.js';
import { AsyncPersistenceProtocol, SyncPersistenceProtocol } from '../persistence/protocols.js';
import { CallGraph } from './call-graph.js';
import { entitiesBuilt, entityManagerForBuild, entityValuesSeen, isEntityManager, isMikroOrm, useMikroOrm, type BuildsWithEntityManager } from './orm-registry.js';
import type { EntityManagerLike } from './orm-types.js';
import { serialised } from './serial-queue.js';
import { checkStillOpen, resolveWriteTarget, serialisationKey, waitForConnection, type EntityManagerSource, type WriteTarget } from './write-target.js';

export type { EntityManagerSource } from './write-target.js';

export interface MikroOrmPersistenceOptions {
  /**
   * 'flush' (default): each save writes its entities, in a transaction of its own (a savepoint when the
   * EntityManager is already in one), and commits it unless an outer transaction is open.
   * 'persist': only registers the entities with `em.persist`; your next `em.flush()` writes them.
   */
  mode?: 'flush' | 'persist';
}

/** One create call: where it writes, and the entities built for it. */
interface CallState extends WriteTarget {
  graph: CallGraph;
}

function checkSource(where: string, source: unknown): void {
  if (source !== undefined && typeof source !== 'function' && !isEntityManager(source) && !isMikroOrm(source)) {
    throw ParameterException.invalidArgument(where, 'an EntityManager, a MikroORM instance or a function returning an EntityManager', source);
  }
}

/** The calls of each ORM (by its metadata) that are built but not saved yet. */
const unsaved = new WeakMap<object, Set<CallGraph>>();

function unsavedOf(em: EntityManagerLike): Set<CallGraph> {
  const key = em.getMetadata() as object;
  let graphs = unsaved.get(key);
  if (!graphs) unsaved.set(key, (graphs = new Set()));
  return graphs;
}

/** Runs a flush while the links that other unsaved calls' hooks made to existing entities are taken out. */
async function flushAlone(state: CallState, flush: () => Promise<unknown>): Promise<void> {
  const graphs = unsavedOf(state.em);
  graphs.delete(state.graph);
  const resumes = [...graphs].map((graph) => graph.suspendUnforeseen());
  try {
    await flush();
  } finally {
    for (const resume of resumes) resume();
  }
}

/** Takes the entities of a failed call out of the EntityManager and of every entity outside the call. */
function discard(state: CallState, roots: readonly object[] = []): void {
  unsavedOf(state.em).delete(state.graph);
  state.graph.detach();
  for (const em of new Set([state.em, ...state.graph.outsideEntityManagers()])) {
    const persistStack = (em as unknown as { getUnitOfWork(): { getPersistStack(): Set<object> } }).getUnitOfWork().getPersistStack();
    for (const entity of state.graph.entities) persistStack.delete(entity);
    for (const entity of roots) persistStack.delete(entity);
  }
}

/**
 * What both MikroORM handlers share: the state of each create call, from its start (where it
 * writes) through the entities built for it to its save or failure.
 */
class CallTracker {
  private readonly calls = new WeakMap<object, CallState>();
  private readonly callOfEntity = new WeakMap<object, object>();

  constructor(
    private readonly owner: string,
    private readonly source: EntityManagerSource | undefined,
    private readonly writes: boolean,
  ) {}

  start(call: object): CallState {
    let state = this.calls.get(call);
    if (!state) {
      const target = resolveWriteTarget(this.owner, this.source, this.writes);
      this.calls.set(call, (state = { ...target, graph: new CallGraph(target.em) }));
      unsavedOf(target.em).add(state.graph);
    }
    return state;
  }

  /** Values an entity of the call is about to be created from. */
  seen(call: object, values: Iterable<unknown>): void {
    this.start(call).graph.prepare(values);
  }

  created(call: object, entities: object[]): void {
    const state = this.start(call);
    for (const entity of entities) {
      state.graph.add(entity);
      this.callOfEntity.set(entity, call);
    }
  }

  /** Everything of the call is built: entities outside it stop pointing at it until its save. */
  built(call: object): void {
    this.calls.get(call)?.graph.built();
  }

  /** The state of the call that built `entities`, ended: a save is the call's last use of it. */
  finish(entities: readonly object[]): CallState {
    const call = entities.length > 0 ? this.callOfEntity.get(entities[0]!) : undefined;
    const state = call ? this.calls.get(call) : undefined;
    if (call) this.calls.delete(call);
    if (state) return state;
    // Entities a user passes to save() themselves: no call built them.
    const target = resolveWriteTarget(this.owner, this.source, this.writes);
    return { ...target, graph: new CallGraph(target.em) };
  }

  fail(call: object): void {
    const state = this.calls.get(call);
    this.calls.delete(call);
    if (state) discard(state);
  }
}

/**
 * Saves entities through a MikroORM EntityManager. `saveMany` writes the whole batch with one flush;
 * if it fails nothing of the batch is written and none of it stays in the EntityManager.
 *
 * Given a MikroORM instance (or nothing: the ORM last passed to `useMikroOrm`), every call runs in a
 * fresh fork that joins the transaction active where the call is made (`em.transactional`, a
 * running TestTransaction); given an EntityManager, saved entities become managed by it. Saves
 * within one transaction, or through one EntityManager, run one after another.
 */
export class MikroOrmPersistence<T extends object> extends AsyncPersistenceProtocol<T> implements BuildsWithEntityManager, CreateCallParticipant {
  private readonly mode: 'flush' | 'persist';
  private readonly tracker: CallTracker;

  constructor(source?: EntityManagerSource, options?: MikroOrmPersistenceOptions);
  // A rest parameter keeps the constructor's length 0: `@Persist(MikroOrmPersistence)` is a valid no-argument handler class.
  constructor(...args: [EntityManagerSource?, MikroOrmPersistenceOptions?]) {
    super();
    const [source, options = {}] = args;
    checkSource('MikroOrmPersistence', source);
    if (options.mode !== undefined && options.mode !== 'flush' && options.mode !== 'persist') {
      throw ParameterException.invalidOption('MikroOrmPersistence', 'mode', "'flush' or 'persist'", options.mode);
    }
    if (options.mode === 'persist' && (source === undefined || isMikroOrm(source))) {
      throw ParameterException.invalidOption('MikroOrmPersistence', 'mode', "'flush' unless an EntityManager is given ('persist' into a throwaway fork would write nothing)", options.mode);
    }
    this.mode = options.mode ?? 'flush';
    this.tracker = new CallTracker('MikroOrmPersistence', source, true);
    if (isEntityManager(source) || isMikroOrm(source)) useMikroOrm(source);
  }

  /** Before a create call builds anything: where it will write (a misconfigured EntityManager fails here). */
  [createCallStarted](call: object): void {
    this.tracker.start(call);
  }

  /** The EntityManager a create call's entities, and the references they hold, are created with. */
  [entityManagerForBuild](call: object): EntityManagerLike {
    return this.tracker.start(call).em;
  }

  [entityValuesSeen](call: object, values: Iterable<unknown>): void {
    this.tracker.seen(call, values);
  }

  [entitiesBuilt](call: object, entities: object[]): void {
    this.tracker.created(call, entities);
  }

  [createCallBuilt](call: object): void {
    this.tracker.built(call);
  }

  [createCallFailed](call: object): void {
    this.tracker.fail(call);
  }

  async save(entity: T): Promise<T> {
    const [saved] = await this.saveMany([entity]);
    return saved!;
  }

  async saveMany(entities: T[]): Promise<T[]> {
    const state = this.tracker.finish(entities);
    const { em } = state;
    if (this.mode === 'persist') {
      unsavedOf(em).delete(state.graph);
      state.graph.attach();
      em.persist(entities);
      return entities;
    }
    const write = async () => {
      try {
        checkStillOpen(state);
        await waitForConnection(state);
        // Only now, with every other save that could reach the same entities waiting, may entities
        // outside the call point at the call's entities: this flush writes the call's graph alone.
        state.graph.attach();
        await flushAlone(state, () => em.transactional(async (tx) => void tx.persist(entities)));
      } catch (error) {
        discard(state, entities);
        throw error;
      }
    };
    const key = serialisationKey(state, state.graph.reachesOutside);
    await (key ? serialised(key, write) : write());
    return entities;
  }
}

/**
 * The synchronous MikroORM handler. MikroORM cannot write synchronously, so `save` and `saveMany`
 * only register the entities with `em.persist` and return them: **nothing is written until your
 * next `await em.flush()`**. Use MikroOrmPersistence with createAsync to write immediately.
 */
export class MikroOrmSyncPersistence<T extends object> extends SyncPersistenceProtocol<T> implements BuildsWithEntityManager, CreateCallParticipant {
  private readonly tracker: CallTracker;

  constructor(source: EntityManagerLike | (() => EntityManagerLike)) {
    super();
    if (typeof source !== 'function') {
      if (!isEntityManager(source) || isMikroOrm(source)) {
        throw ParameterException.invalidArgument('MikroOrmSyncPersistence', 'an EntityManager or a function returning one', source);
      }
      useMikroOrm(source);
    }
    this.tracker = new CallTracker('MikroOrmSyncPersistence', source, false);
  }

  [createCallStarted](call: object): void {
    this.tracker.start(call);
  }

  [entityManagerForBuild](call: object): EntityManagerLike {
    return this.tracker.start(call).em;
  }

  [entityValuesSeen](call: object, values: Iterable<unknown>): void {
    this.tracker.seen(call, values);
  }

  [entitiesBuilt](call: object, entities: object[]): void {
    this.tracker.created(call, entities);
  }

  [createCallBuilt](call: object): void {
    this.tracker.built(call);
  }

  [createCallFailed](call: object): void {
    this.tracker.fail(call);
  }

  save(entity: T): T {
    return this.saveMany([entity])[0]!;
  }

  saveMany(entities: T[]): T[] {
    const state = this.tracker.finish(entities);
    unsavedOf(state.em).delete(state.graph);
    state.graph.attach();
    state.em.persist(entities);
    return entities;
  }
}
