import { describe, reasonOf, reservedKeys } from './describe.js';
import { FactoryException } from './factory-exception.js';

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
