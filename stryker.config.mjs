// StrykerJS for `npm run mutate` (README, "Working on fixtory"). Stryker lives in mutation/ with a
// lock of its own (see mutation/package.json for why), and runs the compiled specs in dist/spec.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const folders = ['persistence', 'runner', 'generators', 'mikro-orm'];
// FIXTORY_MUTATE=runner (or a comma list) mutates those folders only, with an incremental file and
// reports of their own, so a run of one folder does not drop the remembered results of the others.
const chosen = process.env.FIXTORY_MUTATE ? process.env.FIXTORY_MUTATE.split(',') : folders;
const unknown = chosen.filter((folder) => !folders.includes(folder));
if (unknown.length > 0) throw new Error(`FIXTORY_MUTATE names ${unknown.join(', ')}; choose from ${folders.join(', ')}`);
const folderName = chosen.length === folders.length ? 'all' : chosen.join('+');

// FIXTORY_MUTATE_DATABASE=postgresql (or mariadb) runs the integration specs on that server, as
// `npm test` does after the SQLite run: the test runner processes inherit FIXTORY_SPEC_DATABASE, and
// create and drop their databases as any spec run does (`fixtory_spec_<runner pid>_<n>`; those of a
// runner Stryker killed are dropped by the stale-database clean-up of `npm run mutate` and `npm test`).
// Its reports and incremental file are its own; `npm run mutate:report` merges the runs.
const databases = ['sqlite', 'postgresql', 'mariadb'];
const database = process.env.FIXTORY_MUTATE_DATABASE || 'sqlite';
if (!databases.includes(database)) throw new Error(`FIXTORY_MUTATE_DATABASE names ${database}; choose from ${databases.join(', ')}`);
if (database !== 'sqlite') process.env.FIXTORY_SPEC_DATABASE = database;
const name = database === 'sqlite' ? folderName : `${folderName}.${database}`;

// The Stryker spec set (.mocharc.stryker.json) runs on SQLite and leaves out, besides the specs
// that spawn processes or pack the package, the volume tests (10,000 rows, 100,000 values, 200
// concurrent calls) whose promises smaller specs also check: every mutant they cover would
// cost seconds. FIXTORY_MUTATE_BASELINE=1 also leaves out the *.mutation.spec files, to measure
// what the other specs catch.
const mocha = JSON.parse(readFileSync(new URL('./.mocharc.stryker.json', import.meta.url), 'utf8'));
const baseline = process.env.FIXTORY_MUTATE_BASELINE === '1';

/** @type {import('./mutation/node_modules/@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'mocha',
  mochaOptions: {
    config: '.mocharc.stryker.json',
    // Charges the code a describe's `before` hook runs to the tests of that describe (see the file):
    // by absolute path, as mutation/ is not copied into Stryker's sandbox.
    require: [fileURLToPath(new URL('./mutation/before-hook-coverage.cjs', import.meta.url))],
    ...(database !== 'sqlite' && { spec: ['dist/spec/integration/**/*.spec.js'] }),
    ...(baseline && { ignore: [...mocha.ignore, 'dist/spec/**/*.mutation.spec.js'] }),
  },
  // No TypeScript checker: its plugin needs the JavaScript compiler API, which TypeScript 7 does
  // not have. Mutants that do not type-check are compiled anyway (disableTypeChecks) and tested.
  buildCommand: 'tsc -p tsconfig.json',
  disableTypeChecks: 'lib/**/*.ts',
  mutate: chosen.map((folder) => `lib/${folder}/**/*.ts`),
  coverageAnalysis: 'perTest',
  // A static mutant (module-level code: constants, tables, Symbol.for keys) can only be tested by
  // the whole spec set in a fresh process, one to two minutes each on two cores; they are left out
  // (reported as Ignored, outside the score).
  ignoreStatic: true,
  // Reruns only test mutants whose code or covering specs changed. The file is git-ignored: it
  // describes one machine's last run, and helpers changing lib/ at once would conflict on it.
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  concurrency: 1,
  // Stryker rewrites paths in this tsconfig with the JavaScript compiler API, which TypeScript 7
  // does not have (`ts.parseConfigFileTextToJson is not a function`). Our tsconfig has no
  // `extends` or `references` to rewrite, so name a file that does not exist to skip that step.
  tsconfigFile: 'tsconfig.stryker-skips-rewrite.json',
  ignorePatterns: ['mutation', 'dist', 'bench', 'mikro-orm-7', '.tmp', 'reports', '*.tgz'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
