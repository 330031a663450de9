import type { EntityManager } from '@mikro-orm/core';
import type { EntityManagerLike } from './orm-types.js';

interface CollectionLike {
  isInitialized(): boolean;
  getItems(check?: boolean): object[];
  removeWithoutPropagation(item: object): void;
}

function isCollection(value: unknown): value is CollectionLike {
  return typeof (value as CollectionLike | null)?.getItems === 'function' && typeof (value as CollectionLike).removeWithoutPropagation === 'function';
}

function unwrapReference(value: unknown): unknown {
  const reference = value as { unwrap?: () => unknown } | null;
  return typeof reference?.unwrap === 'function' ? reference.unwrap() : value;
}

/** The entities an entity points at through its relations (references and initialised collections). */
function relatedEntities(em: EntityManager, entity: object): object[] {
  const meta = em.getMetadata().find(entity.constructor);
  const related: object[] = [];
  for (const prop of meta?.relations ?? []) {
    const value = (entity as Record<string, unknown>)[prop.name];
    if (isCollection(value)) {
      if (value.isInitialized()) related.push(...value.getItems(false));
    } else {
      const target = unwrapReference(value);
      if (target && typeof target === 'object') related.push(target);
    }
  }
  return related;
}

/**
 * After a failed save, the new entities of the batch must not stay reachable from entities the
 * EntityManager manages (an existing author whose `books` got the failed book when it was
 * built): its next flush would cascade to them and send them again.
 */
export function detachFailedGraph(emLike: EntityManagerLike, roots: object[]): void {
  const em = emLike as unknown as EntityManager;
  const managed = new Set<object>(em.getUnitOfWork().getIdentityMap().values());
  const failed = new Set<object>();
  const queue = [...roots];
  while (queue.length > 0) {
    const entity = queue.pop()!;
    if (failed.has(entity) || managed.has(entity)) continue;
    failed.add(entity);
    queue.push(...relatedEntities(em, entity));
  }
  for (const entity of managed) {
    const meta = em.getMetadata().find(entity.constructor);
    for (const prop of meta?.relations ?? []) {
      const value = (entity as Record<string, unknown>)[prop.name];
      if (isCollection(value) && value.isInitialized()) {
        for (const item of value.getItems(false)) if (failed.has(item)) value.removeWithoutPropagation(item);
      } else if (failed.has(unwrapReference(value) as object)) {
        (entity as Record<string, unknown>)[prop.name] = undefined; // the inverse side of a one-to-one
      }
    }
  }
}
