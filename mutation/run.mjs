// `npm run mutate`: Stryker (arguments passed on), and for a run on a database server
// (FIXTORY_MUTATE_DATABASE, see stryker.config.mjs) the stale-database clean-up of `npm test` before
// and after it: a test runner that Stryker kills (a mutant that times out) cannot drop its databases.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const database = process.env.FIXTORY_MUTATE_DATABASE || 'sqlite';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

async function dropStale() {
  const { serverDatabases } = await import('../dist/spec/integration/support/databases.js');
  const { dropStaleDatabases } = await import('../dist/spec/integration/support/stale-databases.js');
  const server = serverDatabases.find((s) => s.name === database);
  if (!server) return;
  const dropped = await dropStaleDatabases(server);
  if (dropped.length > 0) console.log(`Dropped ${dropped.length} ${database} database(s) left by killed runs: ${dropped.join(', ')}`);
}

if (database !== 'sqlite') {
  if (run('node_modules/.bin/tsc', ['-p', 'tsconfig.json']) !== 0) process.exit(1);
  await dropStale();
}
const status = run('mutation/node_modules/.bin/stryker', ['run', ...process.argv.slice(2)]);
if (database !== 'sqlite') await dropStale();
process.exitCode = status;
