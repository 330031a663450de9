import 'reflect-metadata';
import { sharedSlot } from '../registry/field-store.js';
import { prototypeChain } from './prototype-chain.js';

/*
 * reflect-metadata can read a property's `design:type` but cannot list which properties have one.
 * Legacy decorators compiled by tsc go through `Reflect.decorate`, so fixtory wraps it to
 * note the names of decorated instance properties, per prototype, in declaration order, in the
 * process-wide field store. Classes evaluated before the wrapper was installed are not seen, nor
 * are classes compiled by esbuild/tsx or Babel (their helpers never call `Reflect.decorate`):
 * fixtory's own field decorators record their fields without it.
 */

type Decorate = (decorators: unknown[], target: object, propertyKey?: string | symbol, attributes?: unknown) => unknown;

const reflect = Reflect as unknown as { decorate: Decorate };

/** Names of instance properties that went through `Reflect.decorate`, per prototype, shared by every copy of fixtory. */
const decoratedByPrototype = sharedSlot('decorated', () => new WeakMap<object, Set<string>>());

function record(target: object, propertyKey: string | symbol | undefined, attributes: unknown): void {
  // Property decorators get no descriptor; methods and accessors do; static members target the class.
  if (typeof target !== 'object' || typeof propertyKey !== 'string' || attributes !== undefined) return;
  let names = decoratedByPrototype.get(target);
  if (!names) decoratedByPrototype.set(target, (names = new Set()));
  names.add(propertyKey);
}

/**
 * True while decorated properties can be seen: a property decorated through `Reflect.decorate` now
 * is recorded (the store's wrapper is in place, possibly under another library's wrapper).
 */
export function hookIsLive(): boolean {
  const probe = {};
  reflect.decorate([() => undefined], probe, 'probe', undefined);
  return decoratedByPrototype.get(probe)?.has('probe') === true;
}

/**
 * Wraps the current `Reflect.decorate` unless decorations are already recorded (by this or another
 * copy of fixtory). A `Reflect.decorate` put there later (a second copy of reflect-metadata loading
 * after fixtory) is wrapped again by the next copy of fixtory that loads.
 */
function installHook(): void {
  const original = reflect.decorate;
  if (typeof original !== 'function' || hookIsLive()) return;
  reflect.decorate = function decorate(this: unknown, decorators, target, propertyKey, attributes) {
    const result = original.call(this, decorators, target, propertyKey, attributes);
    record(target, propertyKey, attributes);
    return result;
  } as Decorate;
}

installHook();

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

/**
 * A property of the class that carries `design:type` (so a decorator was applied to it) but that
 * the wrapper never saw: the class was defined before fixtory was imported.
 */
export function missedDecoratedProperty(cls: Function, names: Iterable<string>): string | undefined {
  const seen = new Set(decoratedProperties(cls));
  for (const name of names) if (!seen.has(name) && designTypeOf(cls, name) !== undefined) return name;
  return undefined;
}
