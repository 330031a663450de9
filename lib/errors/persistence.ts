import type { SaveFailure } from '../persistence/save-failure.js';
import { describe, reasonOf } from './describe.js';
import { FactoryException } from './factory-exception.js';

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
