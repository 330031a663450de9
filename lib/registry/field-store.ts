/*
 * The field facts decorators record are kept once per process on `globalThis`, under a versioned,
 * registered symbol (as MikroORM keeps its MetadataStorage): two copies of fixtory in
 * node_modules (a library's and the app's) read and write the same store, so a model decorated
 * through one copy is seen by a factory of the other. Bump the version when a slot's shape changes.
 */

const storeKey = Symbol.for('fixtory:field-store@1');

const holder = globalThis as unknown as Record<symbol, Map<string, unknown> | undefined>;
if (!holder[storeKey]) Object.defineProperty(holder, storeKey, { value: new Map<string, unknown>() });
const store = holder[storeKey]!;

/** The process-wide value of a named slot of the field store, created by the first copy of fixtory that asks. */
export function sharedSlot<T>(name: string, create: () => T): T {
  if (!store.has(name)) store.set(name, create());
  return store.get(name) as T;
}

/*
 * ES decorators hand field decorators `context.metadata`, an object the class gets as
 * `Class[Symbol.metadata]`; TypeScript only creates it when `Symbol.metadata` exists, which
 * Node 20 and 22 lack. Define it as esbuild's helpers and TypeScript's docs do, so both compilers
 * agree on one key. This runs when fixtory is imported, before any class that uses its decorators.
 */
const symbols = Symbol as unknown as { metadata?: symbol };
symbols.metadata ??= Symbol.for('Symbol.metadata');

/** The key under which a class holds its ES decorator metadata. */
export const metadataKey: symbol = symbols.metadata;

/** The decorator metadata object a class itself owns (not the one it inherits), if any. */
export function ownDecoratorMetadata(cls: Function): object | undefined {
  return Object.hasOwn(cls, metadataKey) ? ((cls as unknown as Record<symbol, object | undefined>)[metadataKey] ?? undefined) : undefined;
}
