import type { Measurement } from './case.js';

/** The runs of one case at one size on one target. */
export interface CaseResult {
  workload: string;
  case: string;
  label: string;
  role: 'floor' | 'fixtory' | 'peer';
  target: string;
  n: number;
  runs: Measurement[];
  error?: string;
}

export interface Summary {
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Median time per row, in microseconds: what ratios compare (loop cases run fewer rows). */
  usPerRow: number;
  rowsPerSecond: number;
  /** Median CPU time per row, in microseconds (undefined for runs measured without it). */
  cpuUsPerRow?: number;
  peakRssMb: number;
  rows: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function summarize(result: CaseResult): Summary | undefined {
  if (result.runs.length === 0) return undefined;
  const times = result.runs.map((run) => run.ms);
  const rows = result.runs[0]!.rows;
  const medianMs = median(times);
  const cpu = result.runs.map((run) => run.cpuMs).filter((ms): ms is number => ms !== undefined);
  return {
    medianMs,
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    usPerRow: (medianMs * 1000) / rows,
    rowsPerSecond: rows / (medianMs / 1000),
    cpuUsPerRow: cpu.length === result.runs.length ? (median(cpu) * 1000) / rows : undefined,
    peakRssMb: Math.max(...result.runs.map((run) => run.rssMb)),
    rows,
  };
}
