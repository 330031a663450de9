import { reasonOf, qualify } from './describe.js';
import { FactoryException } from './factory-exception.js';
import * as handlers from './handler-messages.js';
import type { PersistenceKind } from './handler-messages.js';
import * as mikroOrm from './mikro-orm-messages.js';

export type { PersistenceKind } from './handler-messages.js';

/** The factory, its handlers or the registry are set up in a way that cannot work. */
export class ConfigurationException extends FactoryException {
  static noHandler(factory: string, kind: PersistenceKind, otherKindAvailable: boolean): ConfigurationException {
    return new ConfigurationException(handlers.noHandler(factory, kind, otherKindAvailable));
  }

  static unknownHandlerKind(factory: string, handler: unknown): ConfigurationException {
    return new ConfigurationException(handlers.unknownHandlerKind(factory, handler));
  }

  static kindMismatch(factory: string, declared: PersistenceKind, actual: PersistenceKind): ConfigurationException {
    return new ConfigurationException(handlers.kindMismatch(factory, declared, actual));
  }

  static providerChangedKind(factory: string, before: PersistenceKind, now: PersistenceKind): ConfigurationException {
    return new ConfigurationException(handlers.providerChangedKind(factory, before, now));
  }

  static duplicateHandler(factory: string, kind: PersistenceKind): ConfigurationException {
    return new ConfigurationException(handlers.duplicateHandler(factory, kind));
  }

  static syncHandlerReturnedPromise(factory: string, method: string): ConfigurationException {
    return new ConfigurationException(handlers.syncHandlerReturnedPromise(factory, method));
  }

  static handlerClassNeedsArguments(factory: string, handlerClass: string): ConfigurationException {
    return new ConfigurationException(handlers.handlerClassNeedsArguments(factory, handlerClass));
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
    return new ConfigurationException(mikroOrm.noEntityManager(handler));
  }

  static bulkManyToMany(entity: string, field: string): ConfigurationException {
    return new ConfigurationException(mikroOrm.bulkManyToMany(entity, field));
  }

  static bulkExistingChild(entity: string, field: string): ConfigurationException {
    return new ConfigurationException(mikroOrm.bulkExistingChild(entity, field));
  }

  static bulkCycle(entities: string[]): ConfigurationException {
    return new ConfigurationException(mikroOrm.bulkCycle(entities));
  }

  static plainRowsClass(factory: string, entity: string, reason: string): ConfigurationException {
    return new ConfigurationException(mikroOrm.plainRowsClass(factory, entity, reason));
  }

  static plainRowsNewEntity(entity: string): ConfigurationException {
    return new ConfigurationException(mikroOrm.plainRowsNewEntity(entity));
  }

  static plainRowsData(entity: string, field: string): ConfigurationException {
    return new ConfigurationException(mikroOrm.plainRowsData(entity, field));
  }

  static plainRowsValue(factory: string, field: string, expected: string, value: unknown): ConfigurationException {
    return new ConfigurationException(mikroOrm.plainRowsValue(factory, field, expected, value));
  }

  static plainRowsOnCreate(entity: string, field: string | undefined, cause: unknown): ConfigurationException {
    return new ConfigurationException(mikroOrm.plainRowsOnCreate(entity, field, cause), { cause });
  }

  static plainRowsHooks(factory: string, phase: string): ConfigurationException {
    return new ConfigurationException(mikroOrm.plainRowsHooks(factory, phase));
  }

  static plainRowsHandler(factory: string, handler: string): ConfigurationException {
    return new ConfigurationException(mikroOrm.plainRowsHandler(factory, handler));
  }

  static globalEntityManager(handler: string, cause: unknown): ConfigurationException {
    return new ConfigurationException(mikroOrm.globalEntityManager(handler), { cause });
  }

  static testTransactionEnded(): ConfigurationException {
    return new ConfigurationException(mikroOrm.testTransactionEnded());
  }

  static connectionHeld(): ConfigurationException {
    return new ConfigurationException(mikroOrm.connectionHeld());
  }

  static seederNotInstalled(cause: unknown): ConfigurationException {
    return new ConfigurationException(mikroOrm.seederNotInstalled(), { cause });
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
    return new ConfigurationException(mikroOrm.noTestTransaction());
  }

  static needsRegisteredOrm(model: string, cause: unknown): ConfigurationException {
    return new ConfigurationException(mikroOrm.needsRegisteredOrm(model, cause), { cause });
  }

  static readonlyEntity(model: string): ConfigurationException {
    return new ConfigurationException(mikroOrm.readonlyEntity(model));
  }

  static customTypeRoundTrip(model: string, field: string, type: string, value: unknown): ConfigurationException {
    return new ConfigurationException(mikroOrm.customTypeRoundTrip(model, field, type, value));
  }

  static unknownEntityName(decorator: string, name: string): ConfigurationException {
    return new ConfigurationException(mikroOrm.unknownEntityName(decorator, name));
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
    return new ConfigurationException(handlers.handlerUnavailable(factory, owner, source, cause), { cause });
  }

  static unsupportedMikroOrm(version: string): ConfigurationException {
    return new ConfigurationException(mikroOrm.unsupportedMikroOrm(version));
  }
}
