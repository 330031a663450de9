/**
 * The messages of ConfigurationException's MikroORM constructors (lib/errors/configuration.ts): handlers
 * without an EntityManager, bulk inserts, transactions, discovery, entity kinds, the installed MikroORM.
 * Each function is the message of the constructor of the same name.
 */
import { describe } from './describe.js';

export function noEntityManager(handler: string): string {
  return (
    `${handler} has no EntityManager to write with: pass one (new ${handler}(orm.em.fork()), or a ` +
      `function returning one), or register the ORM once after MikroORM.init with useMikroOrm(orm).`
  );
}

export function bulkManyToMany(entity: string, field: string): string {
  return (
    `MikroOrmBulkPersistence cannot write ${entity}.${field}: a filled many-to-many collection needs ` +
      `pivot rows, which bulk inserts do not write. Leave the collection empty (override ${field}: []) and fill it ` +
      `later, or save these entities with MikroOrmPersistence.`
  );
}

export function bulkExistingChild(entity: string, field: string): string {
  return (
    `MikroOrmBulkPersistence cannot write ${entity}.${field}: it holds an entity already in the database, whose ` +
      `foreign key would have to be updated, and bulk inserts only insert. Fill ${field} with new entities only, ` +
      `or save these entities with MikroOrmPersistence.`
  );
}

export function bulkCycle(entities: string[]): string {
  return (
    `MikroOrmBulkPersistence cannot order new entities that reference each other in a cycle (${entities.join(' -> ')}): ` +
      `each must be inserted before the other. Break the cycle (make one of the references null or an existing ` +
      `entity), or save these entities with MikroOrmPersistence.`
  );
}

export function globalEntityManager(handler: string): string {
  return (
    `${handler} was given MikroORM's global EntityManager, which this ORM forbids for writes ` +
      `(allowGlobalContext: false): give it a fork (new ${handler}(orm.em.fork())), the ORM itself ` +
      `(new ${handler}(orm): a fork per call), or make the create call inside RequestContext.create(...) or em.transactional(...).`
  );
}

export function testTransactionEnded(): string {
  return (
    `A create call saved after its test's transaction was rolled back (TestTransaction.rollback() ran while ` +
      `the call was still building or running hooks): its rows would have been committed for real, so nothing ` +
      `was written. Await every create call before the test ends.`
  );
}

export function connectionHeld(): string {
  return (
    `A MikroORM handler needs SQLite's only connection to save, and a transaction fixtory cannot see holds it ` +
      `(one begun with em.begin()). Make the create calls inside em.transactional(...), give the handler that ` +
      `transaction's EntityManager (new MikroOrmPersistence(em)), or use TestTransaction.`
  );
}

export function seederNotInstalled(): string {
  return (
    `fixtorySeeder needs @mikro-orm/seeder, which is not installed: npm i -D @mikro-orm/seeder (the same version as @mikro-orm/core).`
  );
}

export function noTestTransaction(): string {
  return (
    `TestTransaction.em is only set while a test runs: call begin() first (in beforeEach, or through mochaHooks()).`
  );
}

export function needsRegisteredOrm(model: string, cause: unknown): string {
  return (
    `fixtory could not read the MikroORM metadata of ${model} without an initialised ORM (MikroORM's discovery ` +
      `said: ${String((cause as Error)?.message ?? cause)}). Call useMikroOrm(orm) first, after MikroORM.init, ` +
      `so ${model} is read from that ORM's metadata.`
  );
}

export function readonlyEntity(model: string): string {
  return (
    `${model} is a readonly entity (@Entity({ readonly: true })): MikroORM never writes it, so a create call ` +
      `would return an entity that is not in the database. Use build()/batch() for it, or insert its rows another way.`
  );
}

export function customTypeRoundTrip(model: string, field: string, type: string, value: unknown): string {
  return (
    `${model}.${field}: its custom MikroORM type ${type} does not give the column value ${describe(value)} back ` +
      `after converting it, so fixtory cannot derive its values from the column type. Declare it with @Use(...) on the factory.`
  );
}

export function unknownEntityName(decorator: string, name: string): string {
  return (
    `@${decorator}('${name}'): no MikroORM entity of that name is decorated or known to a registered ORM. ` +
      `Pass the entity class or its EntitySchema, or fix the name.`
  );
}

export function unsupportedMikroOrm(version: string): string {
  return (
    `fixtory supports MikroORM 6.6 and 7, but @mikro-orm/core ${version} is installed: install ` +
      `@mikro-orm/core@7 (or 6.6), or a fixtory release made for this MikroORM major.`
  );
}

export function plainRowsClass(factory: string, entity: string, reason: string): string {
  return (
    `${factory} cannot build ${entity} as a plain row (seedRows with plain: true): ${reason}. ` +
      `Seed without plain: true: its rows are then built as entities.`
  );
}

export function plainRowsNewEntity(entity: string): string {
  return (
    `seedRows with plain: true met a new ${entity} entity among its rows (given as an override, or made by a factory's ` +
      `construct option): plain rows can point at rows of the same call or at entities already in the database. ` +
      `Flush the ${entity} first, or seed without plain: true.`
  );
}

export function plainRowsHooks(factory: string, phase: string): string {
  return (
    `${factory} has ${phase} hooks, which receive entities; seedRows with plain: true builds plain rows and would ` +
      `hand them those instead. Seed without plain: true, or move the hook's work into the factory's fields.`
  );
}

export function plainRowsHandler(factory: string, handler: string): string {
  return (
    `${factory}.seedRows with plain: true needs MikroOrmBulkPersistence, the handler that writes plain rows; ` +
      `${factory}'s handler is ${handler}. Set it with ${factory}.setPersistence(new MikroOrmBulkPersistence(orm)), ` +
      `or seed without plain: true.`
  );
}

export function plainRowsData(entity: string, field: string): string {
  return (
    `seedRows with plain: true cannot write ${entity}.${field}: it holds a plain object, which em.create would turn into ` +
      `an entity and a plain row cannot. Give a partial through an owning relation or the factory, or seed without plain: true.`
  );
}

export function plainRowsValue(factory: string, field: string, expected: string, value: unknown): string {
  return (
    `${factory} cannot write ${field} as a plain row: it was given ${describe(value)}, and plain rows take ${expected} ` +
      `as it is (em.create would convert it). Give ${expected}, or seed without plain: true.`
  );
}

export function plainRowsOnCreate(entity: string, field: string | undefined, cause: unknown): string {
  const why = cause instanceof Error ? cause.message : String(cause);
  const which = field === undefined ? `An onCreate initialiser of ${entity}` : `The onCreate of ${entity}.${field}`;
  return (
    `${which} failed on a plain row (seedRows with plain: true): ${why}. A plain row has the class's getters ` +
      `and methods but no MikroORM internals. Seed without plain: true, or make the onCreate read only the row's values.`
  );
}
