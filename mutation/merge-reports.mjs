// `npm run mutate:report`: merges the JSON reports of the mutation runs on SQLite, PostgreSQL and
// MariaDB (FIXTORY_MUTATE_DATABASE, see stryker.config.mjs) made on the same code, the way `npm test`
// runs the specs: a mutant counts as detected when any database's run detected it. Prints the score
// per file and per folder, and writes the merged report next to the others (<name>.merged.json).
//
//   npm run mutate:report                      # reports/mutation/<FIXTORY_MUTATE or all>{,.postgresql,.mariadb}.json
//   npm run mutate:report -- mikro-orm         # the same for the runs of FIXTORY_MUTATE=mikro-orm
//   npm run mutate:report -- a.json b.json     # these reports
//   npm run mutate:report -- --survivors ...   # also lists the mutants no run detected
//
// A file that two reports both mutated must have the same source and the same mutants in both, or the
// merge is refused: runs of different code say nothing together. A file only some runs mutated is
// merged from those, and the table names them.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const detected = new Set(['Killed', 'Timeout']);

function refuse(message) {
  console.error(message);
  process.exit(1);
}
const undetected = new Set(['Survived', 'NoCoverage']);

const args = process.argv.slice(2);
const survivors = args.includes('--survivors');
const operands = args.filter((arg) => arg !== '--survivors');
let reportFiles;
let outName;
if (operands.length > 0 && operands.every((arg) => arg.endsWith('.json'))) {
  reportFiles = operands;
  outName = basename(operands[0]).replace(/(\.(postgresql|mariadb))?\.json$/, '');
} else {
  if (operands.length > 1) refuse(`expected report files (*.json) or one run name, got ${operands.join(' ')}`);
  outName = operands[0] ?? (process.env.FIXTORY_MUTATE ? process.env.FIXTORY_MUTATE.split(',').join('+') : 'all');
  reportFiles = ['', '.postgresql', '.mariadb'].map((suffix) => `reports/mutation/${outName}${suffix}.json`).filter((file) => existsSync(file));
  if (reportFiles.length === 0) refuse(`no report reports/mutation/${outName}{,.postgresql,.mariadb}.json: run npm run mutate first`);
}

/** The run's database, from its file name (`<name>.postgresql.json`), as the table shows it. */
const databaseOf = (file) => /\.(postgresql|mariadb)\.json$/.exec(file)?.[1] ?? 'sqlite';
const keyOf = (m) => `${m.mutatorName} ${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column} ${m.replacement ?? ''}`;

const merged = new Map(); // path -> { source, language, databases, mutants: Map(key -> mutant) }
for (const file of reportFiles) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const database = databaseOf(file);
  for (const [path, entry] of Object.entries(report.files)) {
    const mutants = new Map(entry.mutants.map((m) => [keyOf(m), m]));
    const known = merged.get(path);
    if (!known) {
      merged.set(path, { source: entry.source, language: entry.language, databases: [database], mutants: new Map([...mutants].map(([k, m]) => [k, { ...m }])) });
      continue;
    }
    if (known.source !== entry.source) refuse(`refusing to merge: ${path} differs between ${known.databases.join(', ')} and ${file} (a run of other code); rerun them on the same code`);
    const differ = [...mutants.keys()].filter((k) => !known.mutants.has(k)).concat([...known.mutants.keys()].filter((k) => !mutants.has(k)));
    if (differ.length > 0) refuse(`refusing to merge: ${path} has other mutants in ${file} than in the ${known.databases.join(', ')} run(s), e.g. ${differ[0]}`);
    known.databases.push(database);
    for (const [key, mutant] of mutants) {
      const mine = known.mutants.get(key);
      mine.status = mergedStatus(mine.status, mutant.status);
      if (mutant.status === mine.status && mutant.killedBy) mine.killedBy = [...(mine.killedBy ?? []), ...mutant.killedBy];
    }
  }
}

/** Detected by any run; else survived in any; else not covered by any; else what the runs agree on. */
function mergedStatus(a, b) {
  for (const wanted of [detected, new Set(['Survived']), new Set(['NoCoverage'])]) {
    if (wanted.has(a)) return a;
    if (wanted.has(b)) return b;
  }
  return a;
}

function count(mutants) {
  const c = { mutants: 0, detected: 0, survived: 0, noCoverage: 0, ignored: 0 };
  for (const m of mutants) {
    if (m.status === 'Ignored') c.ignored++;
    if (detected.has(m.status)) c.detected++;
    else if (m.status === 'Survived') c.survived++;
    else if (m.status === 'NoCoverage') c.noCoverage++;
    else continue;
    c.mutants++;
  }
  return c;
}

const score = (c) => (c.mutants === 0 ? '–' : `${((100 * c.detected) / c.mutants).toFixed(1)}%`);
const rows = [];
const row = (label, c, databases) => rows.push([label, String(c.mutants), String(c.detected), String(c.survived), String(c.noCoverage), score(c), String(c.ignored), databases]);
const paths = [...merged.keys()].sort();
const folders = [...new Set(paths.map((p) => dirname(p)))];
for (const folder of folders) {
  const inFolder = paths.filter((p) => dirname(p) === folder);
  for (const path of inFolder) row(`  ${basename(path)}`, count(merged.get(path).mutants.values()), merged.get(path).databases.join('+'));
  row(`${folder}/`, count(inFolder.flatMap((p) => [...merged.get(p).mutants.values()])), [...new Set(inFolder.flatMap((p) => merged.get(p).databases))].join('+'));
}
if (folders.length > 1) row('all', count(paths.flatMap((p) => [...merged.get(p).mutants.values()])), '');

const header = ['file', 'mutants', 'detected', 'survived', 'no coverage', 'score', 'ignored', 'databases'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((cell, i) => (i === 0 || i === 7 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
console.log(`Merged ${reportFiles.join(', ')}`);
console.log("mutants: killed, timed out, survived and uncovered ones, the score's base; detected: by any database; ignored: static or disabled, outside the score");
console.log(line(header));
for (const r of rows) console.log(line(r));

if (survivors) {
  console.log('\nUndetected on every database:');
  for (const path of paths) {
    for (const m of merged.get(path).mutants.values()) {
      if (undetected.has(m.status)) console.log(`${path}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName} ${JSON.stringify(m.replacement ?? '')}`);
    }
  }
}

const out = join(dirname(reportFiles[0]), `${outName}.merged.json`);
const base = JSON.parse(readFileSync(reportFiles[0], 'utf8'));
const files = Object.fromEntries(paths.map((p) => [p, { language: merged.get(p).language, source: merged.get(p).source, mutants: [...merged.get(p).mutants.values()] }]));
writeFileSync(out, JSON.stringify({ schemaVersion: base.schemaVersion, thresholds: base.thresholds, projectRoot: base.projectRoot, files }));
console.log(`\nMerged report: ${out}`);
