import { ParameterException } from '../errors.js';
import { modelAdaptersChanged } from '../inspect/model-adapter.js';
import { assertSupportedMikroOrm } from './orm-major.js';
import type { EntityManagerLike, MikroOrmLike } from './orm-types.js';

/** An initialised ORM: its discovered metadata, and an EntityManager to construct entities with. */
export interface KnownOrm {
  /** MikroORM's MetadataStorage of the ORM (typed loosely here; read by metadata-lookup). */
  metadata: unknown;
  /** The EntityManager it was registered with (for a MikroORM instance: its global one, only ever forked). */
  em: EntityManagerLike;
  /** A fork used only by `em.create(..., { persist: false })`: it never touches the database. */
  constructionEm: EntityManagerLike;
}

const known: KnownOrm[] = [];

export function isEntityManager(value: unknown): value is EntityManagerLike {
  const candidate = value as Partial<EntityManagerLike> | null;
  return typeof candidate?.fork === 'function' && typeof candidate.getMetadata === 'function' && typeof candidate.persist === 'function';
}

export function isMikroOrm(value: unknown): value is MikroOrmLike {
  const candidate = value as Partial<MikroOrmLike> | null;
  return isEntityManager(candidate?.em) && typeof candidate?.getMetadata === 'function';
}

/**
 * Tells fixtory about an initialised ORM: entities are then generated from its discovered metadata
 * and constructed with `em.create`, and `new MikroOrmPersistence()` without arguments writes
 * through it. MikroOrmPersistence calls this itself for the EntityManager it is given.
 */
export function useMikroOrm(source: MikroOrmLike | EntityManagerLike): void {
  const em = isMikroOrm(source) ? source.em : source;
  if (!isEntityManager(em)) throw ParameterException.invalidArgument('useMikroOrm', 'a MikroORM instance or an EntityManager', source);
  assertSupportedMikroOrm();
  const metadata = em.getMetadata();
  const existing = known.findIndex((orm) => orm.metadata === metadata);
  if (existing >= 0) {
    // The latest registration is the default for `new MikroOrmPersistence()`.
    known.push(...known.splice(existing, 1));
    return;
  }
  known.push({ metadata, em, constructionEm: em.fork({ clear: true }) });
  modelAdaptersChanged();
}

/** Forgets every registered ORM (after `orm.close()` in a test suite). */
export function forgetMikroOrms(): void {
  known.length = 0;
  modelAdaptersChanged();
}

/** The ORM registered last, the default of `new MikroOrmPersistence()`. */
export function defaultOrm(): KnownOrm | undefined {
  return known[known.length - 1];
}

/** Registered ORMs, the latest first. */
export function knownOrms(): readonly KnownOrm[] {
  return [...known].reverse();
}

/**
 * Implemented by fixtory's MikroORM handlers: the EntityManager that will save the entities of a
 * create call (`call` is one object per call), so entities and the references they hold are created
 * by the EntityManager that writes them.
 */
export const entityManagerForBuild = Symbol('fixtory.entityManagerForBuild');

/** Optional: told which create call each entity it built belongs to, so its save finds that call's EntityManager. */
export const entitiesBuilt = Symbol('fixtory.entitiesBuilt');

/**
 * Optional: shown the values an entity of a create call is about to be created from (and the
 * entities that will be added to its collections), before MikroORM links them to existing entities.
 */
export const entityValuesSeen = Symbol('fixtory.entityValuesSeen');

export interface BuildsWithEntityManager {
  [entityManagerForBuild](call: object): EntityManagerLike;
  [entitiesBuilt]?(call: object, entities: object[]): void;
  [entityValuesSeen]?(call: object, values: Readonly<Record<string, unknown>>, attachLater?: readonly unknown[]): void;
}

export function buildsWithEntityManager(handler: unknown): handler is BuildsWithEntityManager {
  return typeof (handler as Partial<BuildsWithEntityManager> | null)?.[entityManagerForBuild] === 'function';
}
