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

/** The raw decorator metadata of a class, before any ORM discovered it. */
export function rawMetadata(cls: Function): EntityMetadata | undefined {
  const storage = mikroOrmCore()?.MetadataStorage;
  if (!storage) return undefined;
  return Object.values(storage.getMetadata()).find((meta) => meta.class === cls);
}
