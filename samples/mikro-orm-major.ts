/**
 * The samples and the integration specs run on MikroORM 6 (`npm test`, Node 20) and on MikroORM 7
 * (`npm run test:mikro-orm-7`, Node 22) from the same sources; this module is where the two majors
 * differ for them. MikroORM 7 moved the legacy decorators, and the `ReflectMetadataProvider` that
 * reads `design:type`, to `@mikro-orm/decorators/legacy`, and renamed `orm.schema.createSchema()` /
 * `refreshDatabase()` to `create()` / `refresh()`. A project imports from its own major directly
 * (README, "MikroORM 7").
 */
import * as core from '@mikro-orm/core';

type LegacyDecorators = Pick<
  typeof core,
  | 'Embeddable'
  | 'Embedded'
  | 'Entity'
  | 'Enum'
  | 'Formula'
  | 'ManyToMany'
  | 'ManyToOne'
  | 'OneToMany'
  | 'OneToOne'
  | 'PrimaryKey'
  | 'Property'
  | 'Unique'
  | 'Check'
  | 'ReflectMetadataProvider'
>;

// A specifier in a variable: the build type-checks against MikroORM 6, which has no such module.
const v7LegacyDecorators = '@mikro-orm/decorators/legacy';
const decorators: LegacyDecorators = 'Entity' in core ? core : ((await import(v7LegacyDecorators)) as LegacyDecorators);

export const { Check, Embeddable, Embedded, Entity, Enum, Formula, ManyToMany, ManyToOne, OneToMany, OneToOne, PrimaryKey, Property, Unique } = decorators;

/** The metadata provider to pass to `MikroORM.init`: types from `design:type` on both majors (7 has no default for it). */
export const metadataProvider = decorators.ReflectMetadataProvider;

interface SchemaGenerator {
  /** MikroORM 7 */
  create?(): Promise<void>;
  refresh?(): Promise<void>;
  clear?(): Promise<void>;
  /** MikroORM 6 */
  createSchema?(): Promise<void>;
  refreshDatabase?(): Promise<void>;
  clearDatabase?(): Promise<void>;
}

/** Creates the tables of the ORM's entities. */
export function createSchema(orm: { schema: object }): Promise<void> {
  const schema = orm.schema as SchemaGenerator;
  return schema.create ? schema.create() : schema.createSchema!();
}

/** Drops and re-creates the tables of the ORM's entities. */
export function refreshSchema(orm: { schema: object }): Promise<void> {
  const schema = orm.schema as SchemaGenerator;
  return schema.refresh ? schema.refresh() : schema.refreshDatabase!();
}

/** Empties every table of the ORM's entities (keys count from 1 again where the database's truncate restarts them). */
export function clearSchema(orm: { schema: object }): Promise<void> {
  const schema = orm.schema as SchemaGenerator;
  return schema.clear ? schema.clear() : schema.clearDatabase!();
}
