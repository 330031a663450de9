import { summarize, type CaseResult } from './stats.js';

interface Goal {
  what: string;
  workload: string;
  target?: string;
  subject: string;
  against: string;
  limit: number;
}

/** The goals of issue 12 that this suite measures: a ratio of time per row, and its limit. */
const goals: Goal[] = [
  { what: 'plain build vs the faker loop', workload: 'build-plain', subject: 'fixtory', against: 'faker-loop', limit: 1.1 },
  { what: 'plain build vs fishery', workload: 'build-plain', subject: 'fixtory', against: 'fishery', limit: 1.0 },
  { what: 'entity build vs seeder `makeEntity`', workload: 'build-entity', subject: 'fixtory', against: 'seeder-makeEntity', limit: 1.0 },
  ...['sqlite', 'postgresql'].flatMap((target) => [
    { what: '`createBatchAsync` vs seeder `create(n)`', workload: 'users', target, subject: 'fixtory-flush', against: 'seeder-create', limit: 0.8 },
    ...(['fixtory-plain', 'fixtory-bulk'] as const).flatMap((subject) => {
      const path = subject === 'fixtory-plain' ? 'plain rows' : 'bulk entities';
      return [
        { what: `${path}, users vs raw driver`, workload: 'users', target, subject, against: 'raw', limit: 1.3 },
        { what: `${path}, users with posts vs raw driver`, workload: 'users-posts', target, subject, against: 'raw', limit: 1.5 },
        { what: `${path} vs drizzle-seed (users)`, workload: 'users', target, subject, against: 'drizzle-seed', limit: 1.0 },
        { what: `${path}, users vs raw driver, cheap values`, workload: 'users-cheap', target, subject, against: 'raw', limit: 1.3 },
        { what: `${path}, users with posts vs raw driver, cheap values`, workload: 'users-posts-cheap', target, subject, against: 'raw', limit: 1.5 },
        { what: `${path} vs drizzle-seed (users), cheap values`, workload: 'users-cheap', target, subject, against: 'drizzle-seed', limit: 1.0 },
        { what: `${path} vs drizzle-seed (users with posts), cheap values`, workload: 'users-posts-cheap', target, subject, against: 'drizzle-seed', limit: 1.0 },
      ];
    }),
    { what: '`createAsync` loop vs seeder `createOne` loop', workload: 'users', target, subject: 'fixtory-createAsync-loop', against: 'seeder-createOne-loop', limit: 0.6 },
  ]),
];

export function goalsTable(results: CaseResult[]): string | undefined {
  const summaryOf = (workload: string, target: string | undefined, id: string) => {
    const result = results.find((r) => r.workload === workload && r.case === id && (target === undefined || r.target === target));
    return result && summarize(result);
  };
  // Met is judged by wall time; the CPU-time ratio shows how much of a gap is the machine's load.
  const lines = ['| goal | database | ratio | CPU ratio | limit | met |', '|---|---|---:|---:|---:|---|'];
  for (const goal of goals) {
    const subject = summaryOf(goal.workload, goal.target, goal.subject);
    const against = summaryOf(goal.workload, goal.target, goal.against);
    if (subject === undefined || against === undefined) continue;
    const ratio = subject.usPerRow / against.usPerRow;
    const cpu = subject.cpuUsPerRow !== undefined && against.cpuUsPerRow !== undefined ? `${(subject.cpuUsPerRow / against.cpuUsPerRow).toFixed(2)}×` : '–';
    lines.push(`| ${goal.what} | ${goal.target ?? '–'} | ${ratio.toFixed(2)}× | ${cpu} | ≤ ${goal.limit.toFixed(2)}× | ${ratio <= goal.limit ? 'yes' : '**no**'} |`);
  }
  return lines.length > 2 ? lines.join('\n') : undefined;
}
