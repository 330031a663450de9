import { spawnSync } from 'node:child_process';
import { expect } from 'chai';

/** What a fixture run in a child process reports for one case: the built object (dates as 'Date') or the error. */
export interface Outcome {
  built?: Record<string, unknown>;
  error?: string;
  message?: string;
}

/** In a fixture: builds, and prints the outcome as one JSON line. */
export function printOutcome(name: string, build: () => object): void {
  try {
    const built = Object.entries(build()).map(([key, value]) => [key, value instanceof Date ? 'Date' : value]);
    console.log(JSON.stringify({ name, built: Object.fromEntries(built) }));
  } catch (error) {
    console.log(JSON.stringify({ name, error: (error as Error).name, message: (error as Error).message }));
  }
}

/** Runs `node ...args` in `cwd` and returns the outcomes its fixture printed, by case name. */
export function runOutcomes(args: string[], cwd: string): Record<string, Outcome> {
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  expect(run.stderr, 'stderr').to.equal('');
  const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { name: string } & Outcome);
  return Object.fromEntries(lines.map(({ name, ...outcome }) => [name, outcome]));
}
