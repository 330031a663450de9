import type { Target } from './targets.js';

/** What a case gets: the size of its run and, for persisting workloads, where to write. */
export interface CaseInput {
  n: number;
  target?: Target;
}

/** A case ready to run: only `run` is timed. */
export interface Prepared {
  run(): Promise<unknown> | unknown;
  /** Checks the result of `run` (not timed): a case that did less than its work fails the bench. */
  verify?(): Promise<void> | void;
  close?(): Promise<void> | void;
}

export interface BenchCase {
  id: string;
  /** Who is measured: the floor, fixtory, or a peer. */
  role: 'floor' | 'fixtory' | 'peer';
  /** What the row says it does. */
  label: string;
  /** A case too slow for the full size runs `n * scale` rows; its ratios are per row. */
  scale?: number;
  /** The databases it runs on, when not every one (a driver of one database). */
  targets?: string[];
  prepare(input: CaseInput): Promise<Prepared> | Prepared;
}

export interface Workload {
  id: string;
  title: string;
  /** Whether it writes (and so runs once per database). */
  persists: boolean;
  /** The databases a persisting workload runs on (default: every database of the run). */
  targets?: string[];
  /** Rows one run of size n makes (users, plus posts where there are any). */
  rows(n: number): number;
  /** n of the full and of the quick run. */
  size: { full: number; quick: number };
  cases: BenchCase[];
}

export function fail(message: string): never {
  throw new Error(message);
}
