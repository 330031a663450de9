import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let dir: string | undefined;

/** A path for a file that a sample writes: in a temp folder made once per process, never in the repo. */
export function sampleFile(name: string): string {
  dir ??= mkdtempSync(join(tmpdir(), 'fixtory-samples-'));
  return join(dir, name);
}
