// Makes the bench runnable from the root scripts: installs bench/'s own dependencies when they are
// missing or older than its lock file (npm ci, pinned), then compiles bench/src with the project's tsc.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bench = dirname(fileURLToPath(import.meta.url));
const root = dirname(bench);
const installed = join(bench, 'node_modules', '.package-lock.json');
const lock = join(bench, 'package-lock.json');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (!existsSync(join(root, 'dist', 'lib', 'index.js'))) {
  throw new Error('fixtory is not built: run `npm run build` first (npm run bench does).');
}
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  process.stderr.write('bench: installing its dependencies (npm ci in bench/, once)...\n');
  execFileSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: bench, stdio: 'inherit' });
}
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(bench, 'tsconfig.json')], { stdio: 'inherit' });
