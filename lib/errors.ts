/**
 * The exception hierarchy. Every message is written once, here, by a named constructor, and
 * names the factory, the field or method, and what to do about it.
 */

/** What a message calls a factory or model: its class name, or a fallback for anonymous ones. */
export function nameOf(target: unknown): string {
  if (typeof target === 'function' && target.name) return target.name;
  if (typeof target === 'function') return '<anonymous class>';
  return String(target);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'function') return `a function (${value.name || 'anonymous'})`;
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'no prototype'})`;
  return `${typeof value} ${String(value)}`;
}

/** `Model.field` for a class model, `field 'name'` for a plain-object factory. */
function qualify(model: string | undefined, field: string): string {
  return model ? `${model}.${field}` : `field '${field}'`;
}

export type PersistenceKind = 'sync' | 'async';

const createMethod: Record<PersistenceKind, string> = { sync: 'createSync', async: 'createAsync' };
const article: Record<PersistenceKind, string> = { sync: 'a', async: 'an' };
const protocolName: Record<PersistenceKind, string> = {
  sync: 'SyncPersistenceProtocol',
  async: 'AsyncPersistenceProtocol',
};

/** Base of every error fixtory throws on purpose. */
export class FactoryException extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

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

  static noEntityManager(handler: string): ConfigurationException {
    return new ConfigurationException(
      `${handler} has no EntityManager to write with: pass one (new ${handler}(orm.em.fork()), or a ` +
        `function returning one), or register the ORM once after MikroORM.init with useMikroOrm(orm).`,
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

  static constructorFailed(factory: string, model: string, cause: unknown): ConfigurationException {
    return new ConfigurationException(
      `${factory} could not construct ${model} with \`new ${model}()\`: ${String(
        (cause as Error)?.message ?? cause,
      )}. Give the factory a constructor function: @Factory(${model}, { construct: (values) => new ${model}(...) }).`,
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

/** A public call or decorator received an argument it cannot use. */
export class ParameterException extends FactoryException {
  static invalidSize(factory: string, method: string, size: unknown): ParameterException {
    return new ParameterException(
      `${factory}.${method}: size must be a non-negative whole number, got ${describe(size)}.`,
    );
  }

  static invalidOverrides(factory: string, method: string, overrides: unknown): ParameterException {
    return new ParameterException(
      `${factory}.${method}: overrides must be a plain object of field values, got ${describe(overrides)}.`,
    );
  }

  static unknownOverride(factory: string, model: string | undefined, keys: string[], known: string[]): ParameterException {
    const list = keys.map((k) => `'${k}'`).join(', ');
    return new ParameterException(
      `${factory}: ${model ?? 'its objects have'} ${model ? 'has ' : ''}no field ${list}; known fields are ${known.join(', ') || '(none)'}. ` +
        `Remove the override or declare the field on ${factory}.`,
    );
  }

  static decoratorArgument(decorator: string, where: string, expected: string, got: unknown): ParameterException {
    return new ParameterException(`@${decorator} on ${where}: expected ${expected}, got ${describe(got)}.`);
  }

  static unknownTrait(factory: string, method: string, trait: string, known: string[]): ParameterException {
    return new ParameterException(
      `${factory}.${method}: unknown trait '${trait}'; ${factory}'s traits are ${known.join(', ') || '(none)'}. ` +
        `Define it in ${factory}'s static traits, or fix the name.`,
    );
  }

  static unknownTransient(factory: string, method: string, keys: string[], known: string[]): ParameterException {
    return new ParameterException(
      `${factory}.${method}: unknown transient parameter ${keys.map((k) => `'${k}'`).join(', ')}; ${factory}'s are ` +
        `${known.join(', ') || '(none)'}. Declare it with its default in ${factory}'s static transient.`,
    );
  }

  static invalidBuildOptions(factory: string, method: string, options: unknown): ParameterException {
    return new ParameterException(
      `${factory}.${method}: build options must be an object { traits?, transient? }, got ${describe(options)}.`,
    );
  }

  static itemOverridesLength(factory: string, method: string, size: number, given: number): ParameterException {
    return new ParameterException(
      `${factory}.${method}: ${given} item overrides for a batch of ${size}; give exactly one per instance, or a function (index) => overrides.`,
    );
  }

  static invalidArgument(where: string, expected: string, got: unknown): ParameterException {
    return new ParameterException(`${where}: expected ${expected}, got ${describe(got)}.`);
  }

  static decoratorTarget(decorator: string, where: string, expected: string): ParameterException {
    return new ParameterException(`@${decorator} on ${where}: it can only decorate ${expected}.`);
  }

  static conflictingFieldMarkers(factory: string, field: string, first: string, second: string): ParameterException {
    return new ParameterException(
      `${factory}.${field} is marked both @${first} and @${second}: keep one of them.`,
    );
  }

  static invalidHandler(where: string, handler: unknown): ParameterException {
    return new ParameterException(
      `${where}: expected a persistence handler (an object with save and saveMany methods), a handler ` +
        `class with a no-argument constructor, or a zero-argument function returning a handler; got ${describe(handler)}.`,
    );
  }

  static invalidOption(where: string, option: string, expected: string, got: unknown): ParameterException {
    return new ParameterException(`${where}: option '${option}' must be ${expected}, got ${describe(got)}.`);
  }
}

/** A persistence handler failed to save: nothing of the failed call was kept; the handler's error is the `cause`. */
export class PersistenceException extends FactoryException {
  static saveFailed(factory: string, model: string | undefined, method: string, cause: unknown): PersistenceException {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new PersistenceException(
      `${factory}.${method} could not save ${model ?? 'its objects'}: ${reason}`,
      { cause },
    );
  }
}

/** A field marked @Require() was not given in the overrides of a build. */
export class MissingBuildKwargException extends FactoryException {
  static forField(factory: string, field: string): MissingBuildKwargException {
    return new MissingBuildKwargException(
      `${factory} requires '${field}' to be passed: call ${factory}.build({ ${field}: ... }) ` +
        `(it is marked @Require()).`,
    );
  }
}
