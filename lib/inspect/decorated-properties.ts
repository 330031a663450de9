import 'reflect-metadata';
import { prototypeChain } from './prototype-chain.js';

/*
 * reflect-metadata can read a property's `design:type` but cannot list which properties have one.
 * Every decorator TypeScript applies goes through `Reflect.decorate`, so fixtory wraps it once to
 * note the names of decorated instance properties, per prototype, in declaration order. Classes
 * evaluated before this module loaded are not seen: import 'fixtory' before your models.
 */

const decoratedByPrototype = new WeakMap<object, Set<string>>();
const installed = Symbol.for('fixtory:decorate-tracker');

type Decorate = (decorators: unknown[], target: object, propertyKey?: string | symbol, attributes?: unknown) => unknown;

function record(target: object, propertyKey: string | symbol | undefined, attributes: unknown): void {
  // Property decorators get no descriptor; methods and accessors do; static members target the class.
  if (typeof target !== 'object' || typeof propertyKey !== 'string' || attributes !== undefined) return;
  let names = decoratedByPrototype.get(target);
  if (!names) decoratedByPrototype.set(target, (names = new Set()));
  names.add(propertyKey);
}

const reflect = Reflect as unknown as Record<symbol, boolean> & { decorate: Decorate };
if (!reflect[installed]) {
  const original = reflect.decorate;
  reflect.decorate = function decorate(this: unknown, decorators, target, propertyKey, attributes) {
    const result = original.call(this, decorators, target, propertyKey, attributes);
    record(target, propertyKey, attributes);
    return result;
  } as Decorate;
  Object.defineProperty(reflect, installed, { value: true });
}

/** Names of the decorated instance properties of a class and its ancestors (ancestors first). */
export function decoratedProperties(cls: Function): string[] {
  const names = new Set<string>();
  for (const proto of prototypeChain(cls)) {
    for (const name of decoratedByPrototype.get(proto) ?? []) names.add(name);
  }
  return [...names];
}

/** The `design:type` TypeScript emitted for a property, if any. */
export function designTypeOf(cls: Function, name: string): Function | undefined {
  return Reflect.getMetadata('design:type', cls.prototype, name) as Function | undefined;
}
