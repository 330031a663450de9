/**
 * One measurement in a process of its own: `node dist/case.js <workload> <case> <n> [<target JSON>]`.
 * Prepares the case (not timed), times its work, checks the result, and prints one JSON line.
 */
import { performance } from 'node:perf_hooks';
import { faker } from '@faker-js/faker';
import { workload } from './workloads.js';
import type { Target } from './targets.js';

export interface Measurement {
  ms: number;
  /** Rows the case made (users, plus posts). */
  rows: number;
  /** Peak resident set size of the process, in MB. */
  rssMb: number;
  /**
   * CPU time of the timed work, every thread of the process (the driver's, the GC's), in ms: on a
   * loaded machine wall time also counts the time the process waited for a core, CPU time does not.
   */
  cpuMs?: number;
}

async function main(): Promise<void> {
  const [workloadId, caseId, size, targetJson] = process.argv.slice(2);
  const work = workload(workloadId!);
  const benchCase = work.cases.find((c) => c.id === caseId);
  if (!benchCase) throw new Error(`unknown case ${caseId} of ${workloadId}`);
  const n = Number(size);
  const target = targetJson ? (JSON.parse(targetJson) as Target) : undefined;
  faker.seed(1);
  const prepared = await benchCase.prepare({ n, target });
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  await prepared.run();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  await prepared.verify?.();
  await prepared.close?.();
  const users = Math.max(1, Math.round(n * (benchCase.scale ?? 1)));
  const measurement: Measurement = { ms, rows: work.rows(users), rssMb: process.resourceUsage().maxRSS / 1024, cpuMs: (cpu.user + cpu.system) / 1000 };
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
