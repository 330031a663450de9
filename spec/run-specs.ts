/**
 * `npm test`: every spec on SQLite, then the integration specs again on each database server that
 * answers (PostgreSQL, MariaDB). One suite, parameterised by FIXTORY_SPEC_DATABASE. A server that
 * does not answer is skipped, except under CI=true, where it fails the run. Ends with one line
 * naming the databases covered.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { serverDatabases, unreachable, type DatabaseName } from './integration/support/databases.js';
import { dropStaleDatabases } from './integration/support/stale-databases.js';

const mocha = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');
/** Mocha adds a `spec` of its config file to the ones given on the command line: a server run reads no config file. */
const integrationOnly = ['--no-config', '--enable-source-maps', '--timeout', '10000', 'dist/spec/integration/**/*.spec.js'];

function runMocha(database: DatabaseName, specs: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [mocha, ...specs], { stdio: 'inherit', env: { ...process.env, FIXTORY_SPEC_DATABASE: database } });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  const required = process.env['CI'] === 'true';
  const reachable: DatabaseName[] = [];
  const skipped: string[] = [];
  for (const server of serverDatabases) {
    const why = await unreachable(server);
    if (why === undefined) reachable.push(server.name);
    else skipped.push(`${server.name} (unreachable: ${why})`);
  }
  for (const server of serverDatabases.filter((s) => reachable.includes(s.name))) {
    const dropped = await dropStaleDatabases(server);
    if (dropped.length > 0) console.log(`Dropped ${dropped.length} ${server.name} database(s) left by runs that were killed: ${dropped.join(', ')}`);
  }
  if (required && skipped.length > 0) {
    console.error(`CI=true requires every database; not covered: ${skipped.join('; ')}`);
    return 1;
  }
  const failed: string[] = [];
  console.log('\n=== every spec, integration specs on sqlite ===');
  if ((await runMocha('sqlite', [])) !== 0) failed.push('sqlite');
  for (const database of reachable) {
    console.log(`\n=== integration specs on ${database} ===`);
    if ((await runMocha(database, integrationOnly)) !== 0) failed.push(database);
  }
  const covered = ['sqlite', ...reachable].join(', ');
  const notCovered = skipped.length > 0 ? `; not covered: ${skipped.join('; ')}` : '';
  const outcome = failed.length > 0 ? `; FAILED on ${failed.join(', ')}` : '';
  console.log(`\nDatabases covered by the integration specs: ${covered}${notCovered}${outcome}`);
  return failed.length > 0 ? 1 : 0;
}

process.exitCode = await main();
