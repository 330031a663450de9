import { ConfigurationException, ParameterException } from '../errors.js';
import { mikroOrmCore } from './mikro-orm-core.js';
import { sqliteConnectionInUse } from './orm-major.js';
import { defaultOrm, isEntityManager, isMikroOrm, useMikroOrm } from './orm-registry.js';
import type { EntityManagerLike, MikroOrmLike } from './orm-types.js';

/** Where a MikroORM handler gets its EntityManager: given, from a MikroORM instance, or from a provider per call. */
export type EntityManagerSource = EntityManagerLike | MikroOrmLike | (() => EntityManagerLike);

/** The EntityManager one create call builds and writes with. */
export interface WriteTarget {
  em: EntityManagerLike;
  /** A fork made for this call alone: nothing else writes through it. */
  throwaway: boolean;
}

/** What MikroORM's EntityManager offers beyond the structural type fixtory's public API names. */
interface ContextualEntityManager extends EntityManagerLike {
  name?: string;
  global?: boolean;
  getContext(validate?: boolean): ContextualEntityManager;
  isInTransaction(): boolean;
  getTransactionContext(): unknown;
  getPlatform(): object;
  fork(options?: { clear?: boolean; keepTransactionContext?: boolean }): ContextualEntityManager;
}

/** The EntityManager of the TestTransaction running for each ORM, keyed by the ORM's metadata. */
const testTransactions = new Map<unknown, EntityManagerLike>();
/** EntityManagers of test transactions that were rolled back: a save still under way through one must not autocommit. */
const endedTests = new WeakSet<object>();

/** Called by TestTransaction: while a test runs, every fixtory MikroORM handler of that ORM writes through `em`. */
export function enterTestTransaction(em: EntityManagerLike): void {
  testTransactions.set(em.getMetadata(), em);
}

export function leaveTestTransaction(em: EntityManagerLike): void {
  endedTests.add(em);
  if (testTransactions.get(em.getMetadata()) === em) testTransactions.delete(em.getMetadata());
}

/** Refuses a save through the EntityManager of a test transaction that has ended: outside it, its rows would be committed for real. */
export function checkStillOpen(target: WriteTarget): void {
  if (endedTests.has(target.em)) throw ConfigurationException.testTransactionEnded();
}

/** The EntityManager of a transaction MikroORM runs in this async context (`em.transactional`) for this ORM. */
function activeTransaction(em: ContextualEntityManager): ContextualEntityManager | undefined {
  const context = mikroOrmCore()?.TransactionContext as { getEntityManager(name?: string): ContextualEntityManager | undefined } | undefined;
  const active = context?.getEntityManager(em.name);
  return active && active.getMetadata() === em.getMetadata() && active.isInTransaction() ? active : undefined;
}

/** SQLite has one connection: an EntityManager outside the transaction holding it would wait for the pool's timeout. */
function holdsOneConnection(em: ContextualEntityManager): boolean {
  return /sqlite|libsql/i.test(em.getPlatform().constructor.name);
}

/** The EntityManager of a request or transaction context, for the global one; a ConfigurationException where MikroORM forbids the global one. */
function contextOf(owner: string, em: ContextualEntityManager): ContextualEntityManager {
  if (!em.global) return em;
  try {
    return em.getContext(true);
  } catch (error) {
    throw ConfigurationException.globalEntityManager(owner, error);
  }
}

/**
 * A fork for one call that joins the transaction active where the call is made: MikroORM's
 * (`em.transactional`), else a running TestTransaction's; outside both, a plain fork.
 */
function forkJoining(global: ContextualEntityManager): WriteTarget {
  const transaction = activeTransaction(global);
  if (transaction) return { em: transaction.fork({ clear: true, keepTransactionContext: true }), throwaway: true };
  const test = testTransactions.get(global.getMetadata());
  if (test) return { em: test, throwaway: false };
  // Stryker disable next-line ObjectLiteral: MikroORM's fork() clears by default; the option says what the call relies on.
  return { em: global.fork({ clear: true }), throwaway: true };
}

/**
 * A given EntityManager. A writing handler's is redirected into a running test's transaction when
 * it is outside every transaction (else the test's rows would be committed for real).
 */
function given(owner: string, em: ContextualEntityManager, writes: boolean): WriteTarget {
  const resolved = contextOf(owner, em);
  if (!writes) return { em: resolved, throwaway: false };
  // Inside em.transactional, the innermost transaction is where the call's rows belong, whatever
  // EntityManager the handler was given: writing beside it would wait for its connection (SQLite),
  // or for the transaction the caller is waiting in (an outer one on the same connection).
  const transaction = activeTransaction(resolved);
  if (transaction && transaction !== resolved) return { em: transaction.fork({ clear: true, keepTransactionContext: true }), throwaway: true };
  if (resolved.isInTransaction()) return { em: resolved, throwaway: false };
  const test = testTransactions.get(resolved.getMetadata());
  if (test) return { em: test, throwaway: false };
  return { em: resolved, throwaway: false };
}

/**
 * The EntityManager one create call of a MikroORM handler builds and writes with. `writes` is false
 * for the sync handler, which only persists into the EntityManager its user flushes.
 */
export function resolveWriteTarget(owner: string, source: EntityManagerSource | undefined, writes = true): WriteTarget {
  if (source === undefined) {
    const orm = defaultOrm();
    if (!orm) throw ConfigurationException.noEntityManager(owner);
    return forkJoining(orm.em as ContextualEntityManager);
  }
  if (isMikroOrm(source)) {
    useMikroOrm(source);
    return forkJoining(source.em as ContextualEntityManager);
  }
  const em = isEntityManager(source) ? source : (source as () => EntityManagerLike)();
  if (!isEntityManager(em)) throw ParameterException.invalidArgument(`${owner} (the value its provider returned)`, 'an EntityManager', em);
  useMikroOrm(em);
  return given(owner, em as ContextualEntityManager, writes);
}

/**
 * What a save through this target must wait for: the other saves in its transaction (savepoints on
 * one connection cannot interleave); else the other saves of its ORM, when it shares entities
 * with them or the database has a single connection; nothing for a fork of its own on a pooled database.
 */
export function serialisationKey(target: WriteTarget, reachesOutside: boolean): object | undefined {
  const em = target.em as ContextualEntityManager;
  const transaction = em.getTransactionContext() as object | undefined;
  if (transaction) return transaction;
  if (target.throwaway && !reachesOutside && !holdsOneConnection(em)) return undefined;
  return em.getMetadata() as object;
}

/** How long a save outside every transaction waits for SQLite's only connection before it says why it cannot have it. */
const connectionPatienceMs = 300;

/**
 * A save outside every transaction on SQLite needs its only connection. fixtory's own saves of the
 * ORM run one after another (see serialisationKey), so a connection still in use when a save's turn
 * comes is held by someone else — a transaction begun with `em.begin()` that fixtory cannot join,
 * or a query that ends in a moment. Waiting for the pool's timeout would look like a hang.
 */
export async function waitForConnection(target: WriteTarget): Promise<void> {
  const em = target.em as ContextualEntityManager;
  if (em.getTransactionContext() || !holdsOneConnection(em)) return;
  for (let waited = 0; sqliteConnectionInUse(em); waited += 10) {
    if (waited >= connectionPatienceMs) throw ConfigurationException.connectionHeld();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
