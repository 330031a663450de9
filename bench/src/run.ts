/**
 * The benchmark runner: runs every case of every workload in a process of its own, N times,
 * interleaved (run 1 of every case, then run 2, ...) so a change of load on the machine spreads
 * over all cases, then prints Markdown tables and one machine-readable JSON line.
 *
 *   node dist/run.js [--quick] [--runs N] [--db sqlite,postgresql] [--only users,build-plain]
 *                    [--cases raw,fixtory-bulk] [--no-growth] [--growth-max 1000000]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Measurement } from './case.js';
import { growthCases } from './cases/persist.js';
import { growthTable, markdownTable } from './report.js';
import { goalsTable } from './goals.js';
import { summarize, type CaseResult } from './stats.js';
import { adminQuery, type Target } from './targets.js';
import { workloads } from './workloads.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    db: { type: 'string', default: 'sqlite,postgresql' },
    only: { type: 'string' },
    cases: { type: 'string' },
    'no-growth': { type: 'boolean', default: false },
    'growth-max': { type: 'string', default: '100000' },
  },
});

const quick = args.quick!;
const runs = Number(args.runs ?? (quick ? 1 : 5));
const pgServer = process.env.FIXTORY_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432';
const caseScript = fileURLToPath(new URL('./case.js', import.meta.url));
const childTimeoutMs = 15 * 60_000;

interface Job {
  result: CaseResult;
  target?: Target;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** One child process: its JSON line, or its error. */
function measure(workload: string, caseId: string, n: number, target: Target | undefined): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const argv = [caseScript, workload, caseId, String(n), ...(target ? [JSON.stringify(target)] : [])];
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), childTimeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as Measurement);
      else reject(new Error(err.trim() || `exited with ${code}`));
    });
  });
}

async function postgresReachable(): Promise<boolean> {
  try {
    await adminQuery(pgServer, 'select 1');
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const started = new Date();
  const load = loadavg();
  const dbs = args.db!.split(',').filter(Boolean);
  const only = args.only?.split(',');
  const onlyCases = args.cases?.split(',');
  const dir = mkdtempSync(join(tmpdir(), 'fixtory-bench-'));
  const pgDatabase = `fixtory_bench_${process.pid}`;
  let pgCreated = false;
  const notes: string[] = [];
  if (dbs.includes('postgresql')) {
    if (await postgresReachable()) {
      await adminQuery(pgServer, `create database ${pgDatabase}`);
      pgCreated = true;
    } else notes.push(`PostgreSQL at ${pgServer} is not reachable: its cases were skipped.`);
  }
  let fileCounter = 0;
  const targetFor = (db: string): Target =>
    db === 'sqlite' ? { kind: 'sqlite', file: join(dir, `bench-${++fileCounter}.sqlite`) } : { kind: 'postgresql', url: `${pgServer}/${pgDatabase}` };
  const targets = dbs.filter((db) => db === 'sqlite' || pgCreated);

  // The jobs: every case of every chosen workload, per target when it persists.
  const jobs: Job[] = [];
  for (const work of workloads.filter((w) => !only || only.includes(w.id))) {
    const n = quick ? work.size.quick : work.size.full;
    for (const db of work.persists ? targets.filter((t) => !work.targets || work.targets.includes(t)) : ['']) {
      for (const c of work.cases.filter((c) => (!onlyCases || onlyCases.includes(c.id)) && (!db || !c.targets || c.targets.includes(db)))) {
        jobs.push({ result: { workload: work.id, case: c.id, label: c.label, role: c.role, target: db || 'none', n, runs: [] } });
      }
    }
  }
  const growth: Job[] = [];
  if (!quick && !args['no-growth'] && (!only || only.includes('growth'))) {
    const max = Number(args['growth-max']);
    const users = workloads.find((w) => w.id === 'users')!;
    for (const n of [1_000, 10_000, 100_000, 1_000_000].filter((size) => size <= max)) {
      for (const db of targets) {
        for (const c of users.cases.filter((c) => growthCases.includes(c.id) && (!onlyCases || onlyCases.includes(c.id)) && (!c.targets || c.targets.includes(db)))) {
          growth.push({ result: { workload: 'users', case: c.id, label: `${c.label} (${db})`, role: c.role, target: db, n, runs: [] } });
        }
      }
    }
  }

  const all = [...jobs.flatMap((job) => Array.from({ length: runs }, (_, run) => ({ job, run }))), ...growth.map((job) => ({ job, run: 0 }))];
  // Interleaved: run r of every case before run r + 1 of any.
  all.sort((a, b) => a.run - b.run);
  let done = 0;
  for (const { job, run } of all) {
    const { result } = job;
    if (result.error) continue;
    const target = result.target === 'none' ? undefined : targetFor(result.target);
    const label = `[${++done}/${all.length}] ${result.workload}/${result.case} ${result.target} n=${result.n} run ${run + 1}`;
    try {
      const m = await measure(result.workload, result.case, result.n, target);
      result.runs.push(m);
      log(`${label}: ${Math.round(m.ms)} ms, ${Math.round(m.rssMb)} MB`);
    } catch (error) {
      result.error = (error as Error).message;
      log(`${label}: FAILED ${result.error.split('\n')[0]}`);
    } finally {
      if (target?.kind === 'sqlite') rmSync(target.file, { force: true });
    }
  }
  if (pgCreated) await adminQuery(pgServer, `drop database if exists ${pgDatabase}`);
  rmSync(dir, { recursive: true, force: true });

  const results = jobs.map((job) => job.result);
  const out: string[] = [];
  out.push(`# fixtory bench${quick ? ' (quick)' : ''}`, '');
  out.push(
    `${started.toISOString().slice(0, 16).replace('T', ' ')} UTC · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model.trim()} · ` +
      `load average ${load.map((l) => l.toFixed(1)).join(' ')} at the start · ${runs} run(s) per case, medians · ` +
      'each run in a process of its own; ratios compare time per row',
    '',
  );
  for (const note of notes) out.push(`> ${note}`, '');
  for (const work of workloads) {
    for (const target of [...new Set(results.filter((r) => r.workload === work.id).map((r) => r.target))]) {
      const rows = results.filter((r) => r.workload === work.id && r.target === target);
      out.push(`## ${work.title}${target === 'none' ? '' : ` — ${target === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`} (n = ${rows[0]!.n.toLocaleString('en-US')})`, '');
      out.push(markdownTable(rows), '');
    }
  }
  const goals = goalsTable(results);
  if (goals) out.push('## Goals of issue 12', '', goals, '');
  if (growth.length) out.push('## Growth (users, 1 run per size)', '', growthTable(growth.map((job) => job.result)), '');
  const json = {
    date: started.toISOString(),
    node: process.version,
    cpus: cpus().length,
    loadAverage: load,
    quick,
    runs,
    results: [...results, ...growth.map((job) => job.result)].map((r) => ({
      workload: r.workload,
      case: r.case,
      role: r.role,
      target: r.target,
      n: r.n,
      error: r.error?.split('\n')[0],
      ...summarize(r),
    })),
  };
  out.push(`BENCH_JSON ${JSON.stringify(json)}`);
  process.stdout.write(`${out.join('\n')}\n`);
  if (results.some((r) => r.error) || growth.some((job) => job.result.error)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
