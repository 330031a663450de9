import { createCallBuilt, createCallFailed, createCallStarted, type CreateCallParticipant } from '../persistence/create-call.js';
import { CallGraph } from './call-graph.js';
import { ParameterException } from '../errors.js';
import { entitiesBuilt, entityManagerForBuild, entityValuesSeen, isEntityManager, isMikroOrm, useMikroOrm, type BuildsWithEntityManager } from './orm-registry.js';
import type { EntityManagerLike } from './orm-types.js';
import { attachSaveFailure } from '../persistence/save-failure.js';
import { readConstraintFailure } from './constraint-errors.js';
import { serialised } from './serial-queue.js';
import { checkStillOpen, resolveWriteTarget, serialisationKey, waitForConnection, type EntityManagerSource, type WriteTarget } from './write-target.js';

/** One create call: where it writes, and the entities built for it. */
export interface CallState extends WriteTarget {
  graph: CallGraph;
}

/** The calls of each ORM (by its metadata) that are built but not saved yet. */
const unsaved = new WeakMap<object, Set<CallGraph>>();

export function unsavedOf(em: EntityManagerLike): Set<CallGraph> {
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

/**
 * Writes one create call the way every MikroORM handler must: after the saves it must wait for
 * (its transaction's, or its ORM's), in a still-open test transaction, with the call's links to
 * existing entities put back only now and other unsaved calls' links kept out; on failure, the
 * driver's error says which field broke, and nothing of the call stays anywhere.
 */
export async function writeCall(state: CallState, entities: readonly object[], write: () => Promise<unknown>, undo?: () => void): Promise<void> {
  const run = async () => {
    try {
      checkStillOpen(state);
      await waitForConnection(state);
      state.graph.attach();
      await flushAlone(state, write);
    } catch (error) {
      undo?.();
      const failure = readConstraintFailure(state.em, error, [...state.graph.entities, ...entities]);
      if (failure) attachSaveFailure(error, failure);
      discard(state, entities);
      throw error;
    }
  };
  const key = serialisationKey(state, state.graph.reachesOutside);
  await (key ? serialised(key, run) : run());
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
export class CallTracker {
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
  seen(call: object, values: Readonly<Record<string, unknown>>, attachLater?: readonly unknown[]): void {
    this.start(call).graph.prepare(values, attachLater);
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
 * The tracker of an async MikroORM handler given `source`: checks the source, and registers the
 * ORM of a given EntityManager or MikroORM instance so entities are built from its metadata.
 */
export function trackerOf(owner: string, source: unknown): CallTracker {
  if (source !== undefined && typeof source !== 'function' && !isEntityManager(source) && !isMikroOrm(source)) {
    throw ParameterException.invalidArgument(owner, 'an EntityManager, a MikroORM instance or a function returning an EntityManager', source);
  }
  if (isEntityManager(source) || isMikroOrm(source)) useMikroOrm(source);
  return new CallTracker(owner, source as EntityManagerSource | undefined, true);
}

/** A handler that hands each step of a create call to its CallTracker. */
export interface TracksCalls extends BuildsWithEntityManager, CreateCallParticipant {
  readonly tracker: CallTracker;
}

/**
 * Gives a handler class the members fixtory calls during a create call (see
 * lib/persistence/create-call.ts and orm-registry.ts); each step goes to the handler's tracker.
 */
export function tracksCreateCalls(cls: { prototype: object }): void {
  const members: Record<symbol, (this: TracksCalls, call: object, more?: never) => unknown> = {
    [createCallStarted](call) {
      this.tracker.start(call);
    },
    [entityManagerForBuild](call): EntityManagerLike {
      return this.tracker.start(call).em;
    },
    [entityValuesSeen](call, values?: Readonly<Record<string, unknown>>, attachLater?: readonly unknown[]) {
      this.tracker.seen(call, values ?? {}, attachLater);
    },
    [entitiesBuilt](call, entities?: object[]) {
      this.tracker.created(call, entities ?? []);
    },
    [createCallBuilt](call) {
      this.tracker.built(call);
    },
    [createCallFailed](call) {
      this.tracker.fail(call);
    },
  };
  for (const key of Object.getOwnPropertySymbols(members)) {
    Object.defineProperty(cls.prototype, key, { value: members[key], writable: true, configurable: true });
  }
}
