import type { UniqueStrategy } from '../generators/unique-values.js';

/** What a worker is given when it starts: everything it needs to build any block the same way. */
export interface WorkerSetup {
  /** The module that defines the factory (a file URL), imported by every worker. */
  module: string;
  factory: string;
  /** The MikroORM configuration file, else found the way `fixtory seed` finds it from `cwd`. */
  config: string | undefined;
  cwd: string;
  seed: number;
  /** The coordinator's reference date (ISO): dates must not depend on the worker's clock. */
  referenceDate: string;
  overrides: Record<string, unknown> | undefined;
  traits: string[] | undefined;
  transient: Record<string, unknown> | undefined;
}

/** The values one unique column took while a block was built, in the order they were taken. */
export interface ColumnValues {
  /** The model (or plain-object factory) and the column key, joined: one id per unique column. */
  id: string;
  factory: string;
  label: string;
  strategy: UniqueStrategy;
  values: unknown[];
  /** Per value: given as an override (never replaced), or generated. */
  given: boolean[];
}

/** Which generated values of a column the coordinator replaced in a block, as [taken, replacement] pairs. */
export interface ColumnReplacements {
  id: string;
  pairs: [unknown, unknown][];
}

/** A failure as it crosses the thread boundary. */
export interface WorkerFailure {
  name: string;
  message: string;
  field?: string;
}

export type ToWorker =
  | { type: 'block'; block: number; first: number; size: number }
  | { type: 'decided'; block: number; replacements: ColumnReplacements[] }
  | { type: 'abort'; block: number }
  | { type: 'stop' };

export type FromWorker =
  | { type: 'ready'; model: string | undefined }
  | { type: 'values'; block: number; columns: ColumnValues[] }
  | { type: 'written'; block: number; size: number; durationMs: number }
  | { type: 'failed'; block: number | undefined; error: WorkerFailure };
