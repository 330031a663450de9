import type { EntityMetadata, MetadataStorage } from '@mikro-orm/core';
import { knownOrms, type KnownOrm } from './orm-registry.js';
import { declaredMetadata } from './orm-major.js';

/** The discovered metadata of a class, with the ORM that discovered it. */
export function discoveredMetadata(cls: Function): { meta: EntityMetadata; orm: KnownOrm } | undefined {
  for (const orm of knownOrms()) {
    const meta = (orm.metadata as MetadataStorage).find(cls);
    if (meta?.class === cls) return { meta, orm };
  }
  return undefined;
}

/**
 * The raw decorator metadata of a class, before any ORM discovered it, with the properties its
 * parent classes declare (an abstract base entity's id and timestamps).
 */
export function rawMetadata(cls: Function): EntityMetadata | undefined {
  const own = declaredMetadata(cls);
  // Only a class decorated with @Entity or @Embeddable is one (its metadata's class is set to it).
  if (own?.class !== cls) return undefined;
  const properties: EntityMetadata['properties'] = {};
  for (let parent = Object.getPrototypeOf(cls); parent && parent !== Function.prototype; parent = Object.getPrototypeOf(parent)) {
    const inherited = declaredMetadata(parent);
    for (const [name, prop] of Object.entries(inherited?.properties ?? {})) properties[name] ??= prop;
  }
  return Object.assign(Object.create(Object.getPrototypeOf(own)), own, { properties: { ...properties, ...own.properties } }) as EntityMetadata;
}
