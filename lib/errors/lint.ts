import { reasonOf } from './describe.js';
import { FactoryException } from './factory-exception.js';

/** One failure `lintFactories` found. */
export interface LintFailure {
  factory: string;
  trait?: string;
  step: 'build' | 'create';
  /** `Model.field`, where the error names one. */
  field?: string;
  error: unknown;
}

/** `lintFactories` found factories (or traits) that do not build or create; `failures` lists each. */
export class LintException extends FactoryException {
  readonly failures: readonly LintFailure[] = [];

  static of(failures: LintFailure[]): LintException {
    const lines = failures.map(({ factory, trait, step, field, error }) => `  - ${factory}${trait ? ` (trait ${trait})` : ''} ${step}${field ? ` [${field}]` : ''}: ${reasonOf(error).split('\n')[0]}`);
    const exception = new LintException(`${failures.length} factory check(s) failed:\n${lines.join('\n')}`, { cause: failures[0]?.error });
    Object.defineProperty(exception, 'failures', { value: failures });
    return exception;
  }

  static transactionFailed(cause: unknown): LintException {
    return new LintException(`lintFactories could not run its rolled-back transaction: ${reasonOf(cause)}`, { cause });
  }
}
