import { ConfigurationException, ParameterException, nameOf } from '../errors.js';
import type { FieldSite } from '../registry/field-declarations.js';

/*
 * Every fixtory decorator runs under both decorator modes and tells them apart by its arguments:
 * legacy (`experimentalDecorators`) decorators get `(target, key, descriptor?)` for members and
 * `(target)` for classes; ES (TC39) decorators get `(value, context)` with `context.kind`.
 */

/** The part of an ES decorator context fixtory reads. */
interface EsContext {
  kind: string;
  name: string | symbol | undefined;
  static?: boolean;
  private?: boolean;
  metadata?: object;
}

function isEsContext(value: unknown): value is EsContext {
  return value !== null && typeof value === 'object' && typeof (value as EsContext).kind === 'string';
}

function esFieldSite(decorator: string, context: EsContext): FieldSite {
  const where = `field '${String(context.name)}'`;
  if (context.kind !== 'field') throw ParameterException.decoratorTarget(decorator, `${context.kind} '${String(context.name)}'`, 'fields (not methods, accessors or classes)');
  if (context.static) throw ParameterException.decoratorTarget(decorator, `static ${where}`, 'instance properties, not static ones');
  if (typeof context.name !== 'string' || context.private) throw ParameterException.decoratorTarget(decorator, where, 'public properties with string names');
  if (!context.metadata) throw ConfigurationException.noDecoratorMetadata(decorator, context.name);
  return { owner: context.metadata, name: context.name, where, es: true };
}

function legacyFieldSite(decorator: string, target: unknown, key: unknown): FieldSite {
  if (typeof target === 'function') {
    throw ParameterException.decoratorTarget(decorator, `${nameOf(target)}.${String(key)}`, 'instance properties, not static ones');
  }
  if (target === null || typeof target !== 'object') {
    throw ParameterException.decoratorTarget(decorator, String(key), 'class properties');
  }
  const where = `${nameOf(target.constructor)}.${String(key)}`;
  if (typeof key !== 'string') throw ParameterException.decoratorTarget(decorator, where, 'properties with string names');
  return { owner: target, name: key, where, es: false };
}

/** Where a field decorator was applied, in either mode; a misuse is a ParameterException naming the field. */
export function fieldSite(decorator: string, targetOrValue: unknown, keyOrContext: unknown): FieldSite {
  return isEsContext(keyOrContext) ? esFieldSite(decorator, keyOrContext) : legacyFieldSite(decorator, targetOrValue, keyOrContext);
}

/** Checks that a class decorator decorates a class, in either mode (a legacy call has no context). */
export function checkClassDecoratorContext(decorator: string, target: unknown, context: unknown): void {
  if (isEsContext(context) && context.kind !== 'class') {
    throw ParameterException.decoratorTarget(decorator, `${context.kind} '${String(context.name)}' of ${nameOf(target)}`, 'classes');
  }
}
