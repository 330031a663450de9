#!/usr/bin/env node
/** The `fixtory` command: `fixtory seed <module>` and `fixtory lint <module>`. */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { cac } from 'cac';
import { FactoryException } from '../errors.js';
import { CliError } from './cli-error.js';
import { lintCommand } from './lint-command.js';
import { seedCommand } from './seed-command.js';

const version = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const cli = cac('fixtory');

cli.option('--config <file>', 'The MikroORM configuration file (default: where MikroORM looks: package.json "mikro-orm".configPaths, ./mikro-orm.config.js, ...)');
cli.option('--verbose', 'Print the stack trace of an error');

cli
  .command('seed <module>', 'Run the seed function a module exports (default export, or `seed`) against the database')
  .option('--seed <n>', 'Seed the run: the same seed writes the same rows (the seed is printed at the end)')
  .option('--count <n>', 'How much to create, passed to the seed function as `count`')
  .option('--dry-run', 'Create everything inside a transaction that is rolled back: report what would be written, write nothing')
  .option('--fresh', 'Drop and recreate the schema first (asks for confirmation unless --yes)')
  .option('--yes', 'Confirm --fresh without asking')
  .option('--quiet', 'Print nothing but errors')
  .option('--json', 'Print a JSON summary on stdout instead of progress and a table')
  .option('--workers <n>', 'Seed --count rows of --factory with n worker threads (the rows do not depend on n); the seed function is not run')
  .option('--factory <name>', 'The factory class a parallel seed (--workers) creates rows of')
  .example('fixtory seed dist/seeds/dev.js --count 1000 --seed 42')
  .example('fixtory seed dist/seeds/users.js --workers 2 --factory UserFactory --count 100000 --seed 42')
  .action(seedCommand);

cli
  .command('lint <module>', 'Import the module that defines your factories, then build and create each factory and trait in a rolled-back transaction')
  .option('--json', 'Print the report as JSON')
  .example('fixtory lint dist/test/factories.js')
  .action(lintCommand);

cli.help();
cli.version(version);

try {
  cli.parse(process.argv, { run: false });
  if (!cli.matchedCommand && !cli.options['help'] && !cli.options['version']) {
    cli.outputHelp();
    process.exitCode = cli.args.length > 0 ? 1 : 0;
  } else await cli.runMatchedCommand();
} catch (error) {
  const known = error instanceof CliError || error instanceof FactoryException;
  process.stderr.write(`fixtory: ${(error as Error)?.message ?? String(error)}\n`);
  if (cli.options['verbose'] && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  else if (!known) process.stderr.write('(run with --verbose for the stack trace)\n');
  process.exitCode = error instanceof CliError ? error.exitCode : 1;
}
