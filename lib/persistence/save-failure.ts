/**
 * What a handler learned about why a save failed, in terms of the model: which constraint, which
 * column, which field of which model, and the value. A handler attaches it to the error it throws;
 * the runner reads it to say which generator made the value and how to replay the run.
 */
export interface SaveFailure {
  /** What the database refused. */
  kind: 'unique' | 'not null' | 'foreign key' | 'check' | 'too long' | 'out of range';
  /** The constraint's name, as the driver reports it. */
  constraint?: string;
  table?: string;
  column?: string;
  /** The model and field (property) behind the column, where they could be told. */
  model?: string;
  field?: string;
  /** The instance whose value was refused, where it could be told. */
  instance?: object;
  /** Whether `value` is known (it may be null). */
  hasValue: boolean;
  value?: unknown;
}

const key = Symbol.for('fixtory.saveFailure');

/** Attaches what is known of a failed save to the error a handler throws. */
export function attachSaveFailure(error: unknown, failure: SaveFailure): void {
  if (error !== null && typeof error === 'object' && Object.isExtensible(error)) {
    Object.defineProperty(error, key, { value: failure, enumerable: false, configurable: true });
  }
}

export function saveFailureOf(error: unknown): SaveFailure | undefined {
  return error !== null && typeof error === 'object' ? ((error as Record<symbol, SaveFailure | undefined>)[key] ?? undefined) : undefined;
}
