import type { SaveFailure } from './persistence/save-failure.js';

/**
 * The exception hierarchy. Every message is written once, here, by a named constructor, and
 * names the factory, the field or method, and what to do about it.
 */

/** What a message calls a factory or model: its class name, or a fallback for anonymous ones. */
export function nameOf(target: unknown): string {
  if (typeof target === 'function' && target.name) return target.name;
  if (typeof target === 'function') return '<anonymous class>';
  return typeof target === 'string' ? target : describe(target);
}

function describe(value: unknown): string {
  try {
    if (value === null || value === undefined) return String(value);
    if (Array.isArray(value)) return 'an array';
    if (typeof value === 'function') return `a function (${value.name || 'anonymous'})`;
    if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
    if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'no prototype'})`;
    return `${typeof value} ${String(value)}`;
  } catch {
    return `${typeof value} (that cannot be inspected)`; // a Proxy whose traps throw, for one
  }
}

/** What went wrong, as text, for anything a handler or hook may throw: never throws itself. */
function reasonOf(cause: unknown): string {
  try {
    if (cause instanceof Error) return cause.message;
    if (typeof cause === 'string') return cause;
    const message = (cause as { message?: unknown } | null | undefined)?.message;
    if (typeof message === 'string') return message;
  } catch {
    // fall through: describe it instead
  }
  return `it threw ${describe(cause)}, not an Error`;
}

const reservedKeys = '__proto__, constructor and prototype';

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

  static unknownVariant(factory: string, model: string, field: string, given: unknown, known: unknown[]): ParameterException {
    return new ParameterException(
      `${factory}: ${model}.${field} decides which class is built, and ${describe(given)} is none of its values: ` +
        `${known.map(String).join(', ')}. Pass one of them, or use a factory of the subclass.`,
    );
  }

  static noVariantHas(factory: string, model: string, keys: string[], field: string): ParameterException {
    return new ParameterException(
      `${factory}: no concrete class of ${model} has all of ${keys.join(', ')}. Override properties of one class ` +
        `(and ${model}.${field} to name it), or use a factory of that class.`,
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

  static conflictingFieldMarkers(where: string, first: string, second: string): ParameterException {
    return new ParameterException(`${where} is marked both @${first} and @${second}: keep one of them.`);
  }

  static invalidHandler(where: string, handler: unknown): ParameterException {
    return new ParameterException(
      `${where}: expected a persistence handler (an object with save and saveMany methods), a handler ` +
        `class with a no-argument constructor, or a zero-argument function returning a handler; got ${describe(handler)}.`,
    );
  }

  /** `at` is `Factory.method`, or the factory alone for nested builds. */
  static reservedKey(at: string, key: string, where: string): ParameterException {
    return new ParameterException(
      `${at}: '${key}' in ${where} is refused: fixtory never sets ${reservedKeys}, which would ` +
        `change the prototype of the built object or of every object. Remove the key (check input that comes ` +
        `from JSON.parse or user data).`,
    );
  }

  static symbolKey(at: string, key: symbol, where: string): ParameterException {
    return new ParameterException(
      `${at}: ${where} have the symbol key ${String(key)}, but fields are named by strings: the value would be ` +
        `dropped. Remove it, or name the field with a string.`,
    );
  }

  static unreadableOverrides(at: string, where: string, cause: unknown): ParameterException {
    return new ParameterException(
      `${at}: ${where} could not be read (${reasonOf(cause)}): pass a plain object of field values.`,
      { cause },
    );
  }

  static batchTooLarge(factory: string, method: string, size: number, max: number): ParameterException {
    const limit = max.toLocaleString('en-US');
    return new ParameterException(
      `${factory}.${method}: a batch of ${size.toLocaleString('en-US')} is more than the ${limit} instances fixtory ` +
        `builds in memory in one call: split the batch into calls of at most ${limit}, or create it chunk by ` +
        `chunk in flat memory with ${factory}.seedRows(${size}) or ${factory}.stream(${size}).`,
    );
  }

  static thenableInstance(factory: string, method: string, model: string | undefined, index: number): ParameterException {
    return new ParameterException(
      `${factory}.${method}: the built ${model ?? 'object'} (instance ${index}) has a 'then' function, so a promise ` +
        `cannot carry it (awaiting it would call then() and might never settle). Nothing was saved: give 'then' a ` +
        `value that is not a function, or use createSync/createBatchSync.`,
    );
  }

  static invalidSeed(where: string, seed: unknown): ParameterException {
    return new ParameterException(
      `${where}: a seed must be a safe integer (a whole number from -(2^53 - 1) to 2^53 - 1), got ${describe(seed)}.`,
    );
  }

  static invalidOption(where: string, option: string, expected: string, got: unknown): ParameterException {
    return new ParameterException(`${where}: option '${option}' must be ${expected}, got ${describe(got)}.`);
  }
}

/** A persistence handler failed to save (its error is the `cause`), or returned what fixtory cannot use. What was kept depends on the handler (fixtory's MikroORM handlers keep nothing of a failed call). */
export class PersistenceException extends FactoryException {
  static saveFailed(factory: string, model: string | undefined, method: string, cause: unknown, why?: SaveFailureReport): PersistenceException {
    const reason = reasonOf(cause);
    return new PersistenceException(`${factory}.${method} could not save ${model ?? 'its objects'}: ${reason}${why ? `\n${describeFailure(why)}` : ''}`, { cause });
  }

  static unexpectedSaveResult(factory: string, method: string, count: number, result: unknown): PersistenceException {
    const got = Array.isArray(result) ? `an array of ${result.length}` : describe(result);
    return new PersistenceException(
      `${factory}.${method}: the handler's saveMany returned ${got} for ${count} instance(s); it must return an array ` +
        `of the saved instances, one per instance, in order. The rows may already be saved: check the handler's ` +
        `saveMany and its storage.`,
    );
  }
}

/** A failed save as the handler read it, with where the field's value came from and the run's seed. */
export interface SaveFailureReport {
  failure: SaveFailure;
  /** `from: generator` of the field, as `explain()` gives it. */
  source?: string;
  seed: number;
}

function shortValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : value instanceof Date ? value.toISOString() : String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** "The unique constraint author_email_unique on author.email refused Author.email = "a@b.c" (its value came from hint email: ...)." */
function describeFailure({ failure, source, seed }: SaveFailureReport): string {
  const constraint = `The ${failure.kind} constraint${failure.constraint ? ` ${failure.constraint}` : ''}`;
  const column = failure.column ? ` on ${failure.table ? `${failure.table}.` : ''}${failure.column}` : '';
  const field = failure.field ? ` refused ${failure.model ?? 'the'}.${failure.field}${failure.hasValue ? ` = ${shortValue(failure.value)}` : ''}` : ' failed';
  const from = source ? ` (its value came from ${source})` : '';
  return `${constraint}${column}${field}${from}. Replay this run with FIXTORY_SEED=${seed}.`;
}

/** One failure `lintFactories` found. */
export interface LintFailure {
  factory: string;
  trait?: string;
  step: 'build' | 'create';
  /** `Model.field`, where the error names one. */
  field?: string;
  error: unknown;
}

/** `lintFactories` found factories (or traits) that do not build or create; `failures` lists each. */
export class LintException extends FactoryException {
  readonly failures: readonly LintFailure[] = [];

  static of(failures: LintFailure[]): LintException {
    const lines = failures.map(({ factory, trait, step, field, error }) => `  - ${factory}${trait ? ` (trait ${trait})` : ''} ${step}${field ? ` [${field}]` : ''}: ${reasonOf(error).split('\n')[0]}`);
    const exception = new LintException(`${failures.length} factory check(s) failed:\n${lines.join('\n')}`, { cause: failures[0]?.error });
    Object.defineProperty(exception, 'failures', { value: failures });
    return exception;
  }

  static transactionFailed(cause: unknown): LintException {
    return new LintException(`lintFactories could not run its rolled-back transaction: ${reasonOf(cause)}`, { cause });
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

/** A hook of the factory (`afterBuild`, `beforeCreate`, `afterCreate`) threw or rejected; its error is the `cause`. */
export class HookException extends FactoryException {
  static failed(factory: string, phase: string, index: number, cause: unknown): HookException {
    const when: Record<string, string> = {
      afterCreate: ', after the save: the rows were saved and stay saved (nothing is rolled back)',
      beforeCreate: ', before the save: nothing was saved',
    };
    return new HookException(`${factory}'s ${phase} hook threw for instance ${index}${when[phase] ?? ''}: ${reasonOf(cause)}`, { cause });
  }
}
