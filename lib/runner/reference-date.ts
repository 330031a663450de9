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
 * after it. It is the start of the day (UTC) the run began, or FIXTORY_REFERENCE_DATE: a seed and
 * this date together repeat a run, on any day.
 */
let reference = fromEnvironment() ?? startOfTodayUtc();
let version = 0;

export function currentReferenceDate(): Date {
  return new Date(reference.getTime());
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
