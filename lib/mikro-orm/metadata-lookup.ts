import type { EntityMetadata, MetadataStorage } from '@mikro-orm/core';
import { mikroOrmCore } from './mikro-orm-core.js';
import { discoverWithoutOrm } from './on-demand-discovery.js';
import { allMetadata, metadataNamed } from './orm-major.js';
import { knownOrms, type KnownOrm } from './orm-registry.js';

export { mikroOrmCore } from './mikro-orm-core.js';

/** A class generated for an EntitySchema without a class of its own: each ORM may hold another one of the same name. */
function isSchemaClass(cls: Function): boolean {
  const schema = mikroOrmCore()?.EntitySchema.REGISTRY.get(cls) as { meta: EntityMetadata } | undefined;
  return schema !== undefined && schema.meta.className === cls.name;
}

/**
 * The discovered metadata of a class: from the latest registered ORM that knows it (with that ORM),
 * else from MikroORM's discovery run on demand without a database. One reading for both cases.
 */
export function discoveredMetadata(cls: Function): DiscoveredModel | undefined {
  for (const orm of knownOrms()) {
    const storage = orm.metadata as MetadataStorage;
    const meta = storage.find(cls);
    if (meta && (meta.class === cls || isSchemaClass(cls))) return { meta, orm, find: (name) => metadataNamed(storage, name) };
  }
  const storage = discoverWithoutOrm(cls);
  const meta = storage && allMetadata(storage).find((m) => m.class === cls);
  return meta ? { meta, find: (name) => metadataNamed(storage!, name) } : undefined;
}

export interface DiscoveredModel {
  meta: EntityMetadata;
  /** The registered ORM whose metadata it is; undefined when discovered on demand. */
  orm?: KnownOrm;
  /** Other metadata of the same discovery, by class name. */
  find(className: string): EntityMetadata | undefined;
}
