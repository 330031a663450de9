/** Public and shared types. No runtime code lives here. */

/** Any class, including abstract ones. */
export type Constructor<T = unknown> = abstract new (...args: any[]) => T;

/** A MikroORM `EntitySchema` (also what `defineEntity` returns), structurally: its metadata names the entity class. */
export interface EntitySchemaLike<T> {
  readonly meta: { readonly prototype: T };
}

/** What `@Factory` accepts as its model: a class, a MikroORM EntitySchema, or a MikroORM entity name. */
export type ModelSource<T> = Constructor<T> | EntitySchemaLike<T> | string;

/** Keys of T that hold data rather than methods: the keys a factory can generate or override. */
export type FieldKeys<T> = {
  [K in keyof T]-?: T[K] extends (...args: any[]) => any ? never : K;
}[keyof T] &
  string;

type Primitive = string | number | boolean | bigint | symbol | null | undefined;

/** Values overridden only by values of their own type (no partials, no keys). */
type Opaque = Primitive | Date | Function | Uint8Array | RegExp | ReadonlyMap<unknown, unknown> | ReadonlySet<unknown>;

/**
 * What an override of a field of type V may be: a value of V; for an object (a relation, a nested
 * class) also a partial that builds one with those overrides, or a primary key; for a collection or
 * an array of objects, a list of instances and partials.
 */
export type OverrideValue<V> = V extends Opaque
  ? V
  : V extends { getItems(): infer E extends readonly unknown[] }
    ? V | readonly (E[number] | Overrides<E[number]>)[]
    : V extends readonly (infer E)[]
      ? V | readonly (E extends Opaque ? E : E extends object ? E | Overrides<E> : E)[]
      : V extends { unwrap(): infer E }
        ? V | E | Overrides<E> | string | number
        : V | Overrides<V> | string | number;

/** What `build(overrides)` accepts: any subset of T's fields, each an OverrideValue of its type, nothing else. */
export type Overrides<T> = { [K in FieldKeys<T>]?: OverrideValue<T[K]> };

/** A batch's overrides: the same for every instance, one per instance, or computed from the index. */
export type BatchOverrides<T> = Overrides<T> | readonly Overrides<T>[] | ((index: number) => Overrides<T>);

/** Field values as the runner collects them, before the model is constructed. */
export type FieldValues = Record<string, unknown>;

/** Phantom key that ties a factory class to its model type; it never exists at runtime. */
export declare const modelType: unique symbol;

/** The model a factory instance type produces. */
export type ModelOf<F> = F extends { readonly [modelType]?: infer T } ? T : never;

/** The model a factory class produces. */
export type ModelOfFactory<C> = C extends abstract new (...args: any[]) => infer F ? ModelOf<F> : never;

/** The names of a factory class's `static traits`. */
export type TraitNames<C> = C extends { traits: infer R } ? Extract<keyof R, string> : never;

/** The transient parameters a factory class declares with `static transient = { ... }` (their defaults). */
export type TransientParams<C> = C extends { transient: infer R } ? Partial<R> : Record<string, never>;

/** The second argument of build, batch, coverage and the create calls. */
export interface BuildOptions<C> {
  /** Traits to apply, in order (later ones win). */
  traits?: readonly TraitNames<C>[];
  /** Values of the factory's transient parameters: they steer generation but are not fields. */
  transient?: TransientParams<C>;
}

/** How far a stream (`stream`, `seedRows`) has come: reported after each saved chunk. */
export interface StreamProgress {
  /** Instances saved so far. */
  done: number;
  total: number;
  /** Instances in the chunk just saved. */
  chunk: number;
}

/** The options of `stream` and `seedRows`. */
export interface StreamOptions<C> extends BuildOptions<C> {
  /** Instances per create call (default 250, at most 100,000): each chunk is saved, all or nothing, before the next is built. */
  chunk?: number;
  /** The overrides of every instance, or `(index) => overrides` with the index in the whole stream (lists are refused: they would hold every instance at once). */
  overrides?: Overrides<ModelOfFactory<C>> | ((index: number) => Overrides<ModelOfFactory<C>>);
  /** Called after each saved chunk. */
  onChunk?: (progress: StreamProgress) => void;
}

/** The options of `seedRows`. */
export interface SeedRowsOptions<C> extends StreamOptions<C> {
  /**
   * Build plain rows instead of entities and write them with MikroOrmBulkPersistence: the same rows,
   * for less time and memory. Refused for factories with hooks and for entity classes a plain row
   * cannot stand for (README, "Plain rows").
   */
  plain?: boolean;
}

/** What `seedRows` wrote. */
export interface SeedSummary {
  created: number;
  chunks: number;
  durationMs: number;
}
