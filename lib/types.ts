/** Public and shared types. No runtime code lives here. */

/** Any class, including abstract ones. */
export type Constructor<T = unknown> = abstract new (...args: any[]) => T;

/** A class that `new` can be called on. */
export type ConcreteConstructor<T = unknown> = new (...args: any[]) => T;

/** Keys of T that hold data rather than methods: the keys a factory can generate or override. */
export type FieldKeys<T> = {
  [K in keyof T]-?: T[K] extends (...args: any[]) => any ? never : K;
}[keyof T] &
  string;

/** What `build(overrides)` accepts: any subset of T's fields with their own types, nothing else. */
export type Overrides<T> = { [K in FieldKeys<T>]?: T[K] };

/** Field values as the runner collects them, before the model is constructed. */
export type FieldValues = Record<string, unknown>;

/** Phantom key that ties a factory class to its model type; it never exists at runtime. */
export declare const modelType: unique symbol;

/** The model a factory instance type produces. */
export type ModelOf<F> = F extends { readonly [modelType]?: infer T } ? T : never;
