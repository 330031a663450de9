import { describe, reasonOf, qualify } from './describe.js';
import { FactoryException } from './factory-exception.js';

export type PersistenceKind = 'sync' | 'async';

const createMethod: Record<PersistenceKind, string> = { sync: 'createSync', async: 'createAsync' };
const article: Record<PersistenceKind, string> = { sync: 'a', async: 'an' };
const protocolName: Record<PersistenceKind, string> = {
  sync: 'SyncPersistenceProtocol',
  async: 'AsyncPersistenceProtocol',
};

/** The factory, its handlers or the registry are set up in a way that cannot work. */
export class ConfigurationException extends FactoryException {
  static noHandler(factory: string, kind: PersistenceKind, otherKindAvailable: boolean): ConfigurationException {
    if (otherKindAvailable) {
      const other: PersistenceKind = kind === 'sync' ? 'async' : 'sync';
      return new ConfigurationException(
        `${factory} has ${article[other]} ${other} handler only: use ${createMethod[other]}` +
          `${kind === 'sync' ? '/createBatchAsync' : '/createBatchSync'}, or add ${article[kind]} ${kind} handler with ` +
          `@Persist(handler) where handler extends ${protocolName[kind]}.`,
      );
    }
    return new ConfigurationException(
      `${factory} has no ${kind} persistence handler for ${createMethod[kind]}: decorate it with ` +
        `@Persist(handler) (${article[kind]} ${protocolName[kind]}), call ${factory}.setPersistence(handler), or set ` +
        `a default for every factory with registry.setDefaultPersistence(handler).`,
    );
  }

  static unknownHandlerKind(factory: string, handler: unknown): ConfigurationException {
    return new ConfigurationException(
      `The persistence handler of ${factory} (${describe(handler)}) extends neither ` +
        `SyncPersistenceProtocol nor AsyncPersistenceProtocol, so fixtory cannot tell whether to route ` +
        `createSync or createAsync to it: extend one of them, or state its kind with ` +
        `@Persist(handler, { kind: 'sync' }) (or 'async').`,
    );
  }

  static kindMismatch(factory: string, declared: PersistenceKind, actual: PersistenceKind): ConfigurationException {
    return new ConfigurationException(
      `The persistence handler of ${factory} is declared { kind: '${declared}' } but extends ` +
        `${protocolName[actual]}: remove the kind option or make them agree.`,
    );
  }

  static providerChangedKind(factory: string, before: PersistenceKind, now: PersistenceKind): ConfigurationException {
    return new ConfigurationException(
      `The handler provider of ${factory} returned a ${protocolName[before]} before and a ` +
        `${protocolName[now]} now: a provider must always return the same kind of handler.`,
    );
  }

  static duplicateHandler(factory: string, kind: PersistenceKind): ConfigurationException {
    return new ConfigurationException(
      `${factory} has two ${kind} persistence handlers: a factory carries at most one sync and one ` +
        `async handler. Remove one @Persist, or replace it at runtime with ${factory}.setPersistence(handler).`,
    );
  }

  static syncHandlerReturnedPromise(factory: string, method: string): ConfigurationException {
    return new ConfigurationException(
      `The sync persistence handler of ${factory} returned a Promise from ${method}(): a handler that ` +
        `works asynchronously must extend AsyncPersistenceProtocol (or be declared { kind: 'async' }) ` +
        `and be called through createAsync/createBatchAsync.`,
    );
  }

  static handlerClassNeedsArguments(factory: string, handlerClass: string): ConfigurationException {
    return new ConfigurationException(
      `@Persist(${handlerClass}) on ${factory}: a handler class is instantiated per create call with ` +
        `no arguments, but ${handlerClass}'s constructor declares parameters. Pass an instance ` +
        `(@Persist(new ${handlerClass}(...))) or a provider (@Persist(() => new ${handlerClass}(...))).`,
    );
  }

  static notDecorated(factory: string): ConfigurationException {
    return new ConfigurationException(
      `${factory} is not a registered factory: decorate it (or a factory it extends) with @Factory(Model), ` +
        `or @Factory() for plain objects.`,
    );
  }

  static notAFactoryClass(factory: string): ConfigurationException {
    return new ConfigurationException(
      `@Factory on ${factory}: a factory class must extend BaseFactory<Model>.`,
    );
  }

  static duplicateDefault(model: string, first: string, second: string): ConfigurationException {
    return new ConfigurationException(
      `${model} has two default factories, ${first} and ${second}: only one factory per model may be ` +
        `registered with { default: true }.`,
    );
  }

  static ambiguousDefault(model: string, factories: string[]): ConfigurationException {
    return new ConfigurationException(
      `${model} has ${factories.length} factories (${factories.join(', ')}) and none is its default: ` +
        `mark one with @Factory(${model}, { default: true }).`,
    );
  }

  static cannotInfer(factory: string, model: string | undefined, field: string, why: string): ConfigurationException {
    return new ConfigurationException(
      `${factory} cannot generate ${qualify(model, field)}: ${why}. Declare it on ${factory}, e.g. ` +
        `@Use(() => ...) ${field}, @Field({ type: () => String }) ${field}, or @Ignore() ${field}; ` +
        `or pass it as an override.`,
      { field: qualify(model, field) },
    );
  }

  static noKnownFields(factory: string, model: string): ConfigurationException {
    return new ConfigurationException(
      `${factory} knows no fields of ${model}: none are declared on the factory and none of ${model}'s ` +
        `properties were seen decorated. Declare fields on ${factory} (@Use, @Field, ...), decorate ` +
        `${model}'s properties, and import 'fixtory' before the module that defines ${model} so its ` +
        `decorated properties can be seen.`,
    );
  }

  static decoratedBeforeFixtory(factory: string, model: string, field: string): ConfigurationException {
    return new ConfigurationException(
      `${factory} cannot see the fields of ${model}: ${model}.${field} carries a decorator (it has design:type) ` +
        `but was decorated before fixtory was imported, so none of ${model}'s decorated properties were recorded ` +
        `and its instances would miss fields. Import 'fixtory' (or the module that imports it) before the ` +
        `module that defines ${model}, e.g. first in your test setup file.`,
    );
  }

  static decorateHookReplaced(factory: string, model: string): ConfigurationException {
    return new ConfigurationException(
      `${factory} cannot list the fields of ${model}: Reflect.decorate was replaced after fixtory was imported ` +
        `(usually by a second copy of reflect-metadata), so properties decorated since then are not seen. ` +
        `Keep one copy of reflect-metadata (npm ls reflect-metadata; npm dedupe), or import 'reflect-metadata' ` +
        `before 'fixtory'.`,
    );
  }

  static noDecoratorMetadata(decorator: string, field: string): ConfigurationException {
    return new ConfigurationException(
      `@${decorator} on field '${field}': the ES decorator got no context.metadata, so fixtory cannot record the ` +
        `field. Import 'fixtory' before the module that defines the class (it defines Symbol.metadata, which ` +
        `TypeScript needs on Node 20 and 22), or compile with experimentalDecorators.`,
    );
  }

  static cycle(factory: string, path: string[]): ConfigurationException {
    return new ConfigurationException(
      `${factory} cannot build ${path.join(' -> ')}: the nested fields form a cycle. Break it on the ` +
        `factory with @Ignore() or @Use(() => ...) on one of those fields, or pass it as an override.`,
    );
  }

  static uniqueExhausted(factory: string, field: string, produced: number): ConfigurationException {
    return new ConfigurationException(
      `${factory} ran out of unique values for ${field} after ${produced} distinct values: widen the ` +
        `field's value space (a longer column, more enum members) or give it a generator with @Use(...).`,
    );
  }

  static uniqueUseRepeats(factory: string, field: string, tries: number, produced: number): ConfigurationException {
    return new ConfigurationException(
      `${factory}: the @Use generator of unique ${field} gave only values already used in ${tries} tries ` +
        `(${produced} distinct values so far). fixtory never alters a @Use value: make the generator give ` +
        `distinct values, e.g. @Sequence((n) => \`...\${n}\`), or drop unique from the field.`,
    );
  }

  static uniqueMemoryFull(factory: string, field: string, remembered: number): ConfigurationException {
    return new ConfigurationException(
      `${factory} remembers at most ${remembered} unique values per column and ${field} reached that bound; ` +
        `its values can only be redrawn, so a new one could repeat an earlier one. Call resetUniqueValues() ` +
        `between tests (or seedAll(seed)), or give the field a generator with @Sequence(...).`,
    );
  }

  static valueDoesNotFit(factory: string, field: string, maxLength: number, generator: string, example: string): ConfigurationException {
    return new ConfigurationException(
      `${factory} cannot fit ${generator} values into ${field}, a column of at most ${maxLength} characters ` +
        `(e.g. ${JSON.stringify(example)}, ${example.length} characters), and cutting one would break its format. ` +
        `Make the column longer, or give the field a generator that fits with @Use(...).`,
    );
  }

  static noEntityManager(handler: string): ConfigurationException {
    return new ConfigurationException(
      `${handler} has no EntityManager to write with: pass one (new ${handler}(orm.em.fork()), or a ` +
        `function returning one), or register the ORM once after MikroORM.init with useMikroOrm(orm).`,
    );
  }

  static bulkManyToMany(entity: string, field: string): ConfigurationException {
    return new ConfigurationException(
      `MikroOrmBulkPersistence cannot write ${entity}.${field}: a many-to-many collection holding new entities needs ` +
        `pivot rows, which bulk inserts do not write. Leave the collection empty (override ${field}: []) and fill it ` +
        `later, or save these entities with MikroOrmPersistence.`,
    );
  }

  static bulkCycle(entities: string[]): ConfigurationException {
    return new ConfigurationException(
      `MikroOrmBulkPersistence cannot order new entities that reference each other in a cycle (${entities.join(' -> ')}): ` +
        `each must be inserted before the other. Break the cycle (make one of the references null or an existing ` +
        `entity), or save these entities with MikroOrmPersistence.`,
    );
  }

  static globalEntityManager(handler: string, cause: unknown): ConfigurationException {
    return new ConfigurationException(
      `${handler} was given MikroORM's global EntityManager, which this ORM forbids for writes ` +
        `(allowGlobalContext: false): give it a fork (new ${handler}(orm.em.fork())), the ORM itself ` +
        `(new ${handler}(orm): a fork per call), or make the create call inside RequestContext.create(...) or em.transactional(...).`,
      { cause },
    );
  }

  static testTransactionEnded(): ConfigurationException {
    return new ConfigurationException(
      `A create call saved after its test's transaction was rolled back (TestTransaction.rollback() ran while ` +
        `the call was still building or running hooks): its rows would have been committed for real, so nothing ` +
        `was written. Await every create call before the test ends.`,
    );
  }

  static connectionHeld(): ConfigurationException {
    return new ConfigurationException(
      `A MikroORM handler needs SQLite's only connection to save, and a transaction fixtory cannot see holds it ` +
        `(one begun with em.begin()). Make the create calls inside em.transactional(...), give the handler that ` +
        `transaction's EntityManager (new MikroOrmPersistence(em)), or use TestTransaction.`,
    );
  }

  static seederNotInstalled(cause: unknown): ConfigurationException {
    return new ConfigurationException(
      `fixtorySeeder needs @mikro-orm/seeder, which is not installed: npm i -D @mikro-orm/seeder (the same version as @mikro-orm/core).`,
      { cause },
    );
  }

  static asyncHookInSyncPath(factory: string, phase: string, method: string): ConfigurationException {
    return new ConfigurationException(
      `${factory}.${method} ran an async ${phase} hook: a synchronous call cannot wait for it. Make the ` +
        `hook synchronous, or use createAsync/createBatchAsync.`,
    );
  }

  static asyncHookInNestedBuild(factory: string, phase: string): ConfigurationException {
    return new ConfigurationException(
      `${factory} has an async ${phase} hook, and it built a nested instance: hooks of a factory that builds ` +
        `related instances for another run synchronously inside that build. Make the hook synchronous.`,
    );
  }

  static traitCycle(factory: string, path: string[]): ConfigurationException {
    return new ConfigurationException(`The traits of ${factory} include each other: ${path.join(' -> ')}. Remove one of the includes.`);
  }

  static noTestTransaction(): ConfigurationException {
    return new ConfigurationException(
      `TestTransaction.em is only set while a test runs: call begin() first (in beforeEach, or through mochaHooks()).`,
    );
  }

  static needsRegisteredOrm(model: string, cause: unknown): ConfigurationException {
    return new ConfigurationException(
      `fixtory could not read the MikroORM metadata of ${model} without an initialised ORM (MikroORM's discovery ` +
        `said: ${String((cause as Error)?.message ?? cause)}). Call useMikroOrm(orm) first, after MikroORM.init, ` +
        `so ${model} is read from that ORM's metadata.`,
      { cause },
    );
  }

  static readonlyEntity(model: string): ConfigurationException {
    return new ConfigurationException(
      `${model} is a readonly entity (@Entity({ readonly: true })): MikroORM never writes it, so a create call ` +
        `would return an entity that is not in the database. Use build()/batch() for it, or insert its rows another way.`,
    );
  }

  static customTypeRoundTrip(model: string, field: string, type: string, value: unknown): ConfigurationException {
    return new ConfigurationException(
      `${model}.${field}: its custom MikroORM type ${type} does not give the column value ${describe(value)} back ` +
        `after converting it, so fixtory cannot derive its values from the column type. Declare it with @Use(...) on the factory.`,
    );
  }

  static unknownEntityName(decorator: string, name: string): ConfigurationException {
    return new ConfigurationException(
      `@${decorator}('${name}'): no MikroORM entity of that name is decorated or known to a registered ORM. ` +
        `Pass the entity class or its EntitySchema, or fix the name.`,
    );
  }

  static constructorFailed(factory: string, model: string, cause: unknown): ConfigurationException {
    return new ConfigurationException(
      `${factory} could not construct ${model} with \`new ${model}()\`: ${reasonOf(cause)}. Give the factory a constructor function: @Factory(${model}, { construct: (values) => new ${model}(...) }).`,
      { cause },
    );
  }

  static invalidSeedEnvironment(variable: string, raw: string): ConfigurationException {
    return new ConfigurationException(
      `${variable}=${JSON.stringify(raw)} is not a safe integer, so it cannot seed the run: set it to the seed a ` +
        `run printed (currentSeed()), e.g. ${variable}=1234, or unset it for a random seed.`,
    );
  }

  static factoryDecoratedTwice(factory: string): ConfigurationException {
    return new ConfigurationException(
      `@Factory on ${factory} twice: a factory class is registered once. Remove one @Factory; for another model ` +
        `or other options, declare a subclass factory and decorate that.`,
    );
  }

  static handlerUnavailable(factory: string, owner: string, source: string, cause: unknown): ConfigurationException {
    const where = owner === factory ? '' : ` (configured on ${owner})`;
    return new ConfigurationException(
      `${factory} could not get its persistence handler: ${source}${where} threw: ${reasonOf(cause)}. ` +
        `Nothing was saved; fix the handler, or configure another with @Persist or setPersistence.`,
      { cause },
    );
  }

  static unsupportedMikroOrm(version: string): ConfigurationException {
    return new ConfigurationException(
      `fixtory supports MikroORM 6.6 and 7, but @mikro-orm/core ${version} is installed: install ` +
        `@mikro-orm/core@7 (or 6.6), or a fixtory release made for this MikroORM major.`,
    );
  }
}
