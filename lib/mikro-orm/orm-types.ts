/**
 * The parts of MikroORM that fixtory's public API names, as structural types: a project without
 * MikroORM installed still type-checks against fixtory's declarations. MikroORM's own
 * EntityManager and MikroORM classes satisfy them.
 */

export interface EntityManagerLike {
  fork(options?: { clear?: boolean }): EntityManagerLike;
  persist(entity: object | object[]): unknown;
  transactional<R>(callback: (em: any) => Promise<R>): Promise<R>;
  begin(): Promise<void>;
  rollback(): Promise<void>;
  create(entityName: any, data: any, options?: { persist?: boolean }): any;
  getMetadata(): unknown;
}

export interface MikroOrmLike {
  em: EntityManagerLike;
  getMetadata(): unknown;
}
