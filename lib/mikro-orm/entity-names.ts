import type { EntityMetadata, EntitySchema, MetadataStorage } from '@mikro-orm/core';
import { mikroOrmCore } from './mikro-orm-core.js';
import { metadataNamed } from './orm-major.js';
import { knownOrms } from './orm-registry.js';

/**
 * The class an `EntitySchema` describes. A schema without a class of its own (`defineEntity`, or
 * `new EntitySchema({ name })`) gets the class MikroORM would generate for it, once: initialising
 * the schema here fixes that class, so every ORM initialised afterwards uses the same one.
 */
function schemaClass(schema: EntitySchema): Function {
  return schema.init().meta.class as Function;
}

/** A decorated entity, a schema with a class, or an entity of a registered ORM, by its name. */
function classNamed(name: string): Function | undefined {
  const core = mikroOrmCore()!;
  for (const orm of knownOrms()) {
    const meta = metadataNamed(orm.metadata as MetadataStorage, name);
    if (meta?.class) return (core.EntitySchema.REGISTRY.get(meta.class) as EntitySchema | undefined)?.meta.class ?? meta.class;
  }
  const decorated = Object.values(core.MetadataStorage.getMetadata()).find((meta: EntityMetadata) => meta.className === name && meta.class);
  if (decorated) return decorated.class as Function;
  for (const [cls, schema] of core.EntitySchema.REGISTRY) if ((schema as EntitySchema).meta.className === name) return cls as Function;
  return undefined;
}

/** The class of a model given as a MikroORM EntitySchema or entity name; undefined for anything else. */
export function resolveMikroOrmModel(model: unknown): Function | undefined {
  const core = mikroOrmCore();
  if (!core) return undefined;
  if (model instanceof core.EntitySchema) return schemaClass(model);
  // Stryker disable next-line ConditionalExpression: a value that is not a string names no class either; the check says what the lookup takes.
  if (typeof model === 'string') return classNamed(model);
  return undefined;
}
