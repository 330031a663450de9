import { createRequire } from 'node:module';
import type { EntityMetadata, MetadataStorage } from '@mikro-orm/core';
import { knownOrms, type KnownOrm } from './orm-registry.js';

type MikroOrmCore = typeof import('@mikro-orm/core');
let core: MikroOrmCore | null | undefined;

/** @mikro-orm/core, if the project has it: an optional peer dependency, loaded only when needed. */
export function mikroOrmCore(): MikroOrmCore | undefined {
  if (core === undefined) {
    try {
      core = createRequire(import.meta.url)('@mikro-orm/core') as MikroOrmCore;
    } catch {
      core = null;
    }
  }
  return core ?? undefined;
}

/** The discovered metadata of a class, with the ORM that discovered it. */
export function discoveredMetadata(cls: Function): { meta: EntityMetadata; orm: KnownOrm } | undefined {
  for (const orm of knownOrms()) {
    const meta = (orm.metadata as MetadataStorage).find(cls.name);
    if (meta?.class === cls) return { meta, orm };
  }
  return undefined;
}

/**
 * The raw decorator metadata of a class, before any ORM discovered it, with the properties its
 * parent classes declare (an abstract base entity's id and timestamps).
 */
export function rawMetadata(cls: Function): EntityMetadata | undefined {
  const storage = mikroOrmCore()?.MetadataStorage;
  if (!storage) return undefined;
  const all = Object.values(storage.getMetadata());
  const own = all.find((meta) => meta.class === cls);
  if (!own) return undefined;
  const properties: EntityMetadata['properties'] = {};
  for (let parent = Object.getPrototypeOf(cls); parent && parent !== Function.prototype; parent = Object.getPrototypeOf(parent)) {
    // A base class without @Entity has raw metadata with its class name but no class.
    const inherited = all.find((meta) => meta.class === parent || (!meta.class && meta.className === parent.name));
    for (const [name, prop] of Object.entries(inherited?.properties ?? {})) properties[name] ??= prop;
  }
  return Object.assign(Object.create(Object.getPrototypeOf(own)), own, { properties: { ...properties, ...own.properties } }) as EntityMetadata;
}
