import { ParameterException } from '../errors.js';

/** The environment variable that fixes the reference date: `FIXTORY_REFERENCE_DATE=2026-11-29`. */
export const REFERENCE_DATE_ENV = 'FIXTORY_REFERENCE_DATE';

function startOfTodayUtc(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

function fromEnvironment(): Date | undefined {
  const raw = process.env[REFERENCE_DATE_ENV];
  if (raw === undefined || raw.trim() === '') return undefined;
  const date = new Date(raw);
  if (Number.isNaN(date.getTime())) throw ParameterException.invalidArgument(REFERENCE_DATE_ENV, 'an ISO date such as 2026-11-29', raw);
  return date;
}

/**
 * The "now" of generated dates: past dates (createdAt) lie before it, future ones (expiresAt)
 * after it. It is FIXTORY_REFERENCE_DATE, or the start of the day (UTC) the run first needed it: a
 * seed and this date together repeat a run, on any day. Read at first use, not at import, so a
 * variable set after fixtory is imported (in a test set-up file) still counts.
 */
let reference: Date | undefined;
let version = 0;

export function currentReferenceDate(): Date {
  reference ??= fromEnvironment() ?? startOfTodayUtc();
  return new Date(reference.getTime());
}

/** Forgets the date read or set: the next use reads FIXTORY_REFERENCE_DATE (or today) again. For specs. */
export function forgetReferenceDate(): void {
  reference = undefined;
  version += 1;
}

/** Sets the reference date of the run (every factory's streams are derived again). */
export function setReferenceDate(date: Date | string): void {
  const parsed = date instanceof Date ? new Date(date.getTime()) : typeof date === 'string' ? new Date(date) : new Date(Number.NaN);
  if (Number.isNaN(parsed.getTime())) throw ParameterException.invalidArgument('setReferenceDate', 'a valid Date or ISO date string', date);
  reference = parsed;
  version += 1;
}

/** Bumped by setReferenceDate: streams derived for another date are derived again. */
export function referenceDateVersion(): number {
  return version;
}
