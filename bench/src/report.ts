import { summarize, type CaseResult, type Summary } from './stats.js';

const fixed = (value: number, digits = 2) => value.toFixed(digits);
const thousands = (value: number) => Math.round(value).toLocaleString('en-US');

function ratio(value: number | undefined, base: number | undefined): string {
  return value === undefined || base === undefined ? '–' : `${fixed(value / base)}×`;
}

/** One Markdown table per workload and target: medians, spread, ratios per row to the floor and the best peer. */
export function markdownTable(results: CaseResult[]): string {
  const summaries = results.map((result) => ({ result, summary: summarize(result) }));
  const perRow = (s: Summary | undefined) => s?.usPerRow;
  const cpuPerRow = (s: Summary | undefined) => s?.cpuUsPerRow;
  const floor = summaries.find((s) => s.result.role === 'floor')?.summary;
  const peers = summaries.filter((s) => s.result.role === 'peer' && s.summary);
  const bestPeer = peers.length ? Math.min(...peers.map((s) => s.summary!.usPerRow)) : undefined;
  const lines = [
    '| case | rows | median | min–max | × floor | × best peer | CPU × floor | rows/s | peak RSS |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { result, summary } of summaries) {
    const name = result.role === 'fixtory' ? `**${result.label}**` : result.label;
    if (!summary) {
      lines.push(`| ${name} | – | failed: ${(result.error ?? '').split('\n')[0]!.slice(0, 80)} | | | | | | |`);
      continue;
    }
    lines.push(
      `| ${name} | ${thousands(summary.rows)} | ${thousands(summary.medianMs)} ms | ${thousands(summary.minMs)}–${thousands(summary.maxMs)} | ` +
        `${ratio(perRow(summary), perRow(floor))} | ${result.role === 'floor' ? '–' : ratio(perRow(summary), bestPeer)} | ${ratio(cpuPerRow(summary), cpuPerRow(floor))} | ` +
        `${thousands(summary.rowsPerSecond)} | ${thousands(summary.peakRssMb)} MB |`,
    );
  }
  return lines.join('\n');
}

/** Time per row and peak RSS of each case as n grows. */
export function growthTable(results: CaseResult[]): string {
  const sizes = [...new Set(results.map((r) => r.n))].sort((a, b) => a - b);
  const cases = [...new Set(results.map((r) => r.label))];
  const lines = [`| case | ${sizes.map((n) => `${thousands(n)} rows`).join(' | ')} |`, `|---|${sizes.map(() => '---:').join('|')}|`];
  for (const label of cases) {
    const cells = sizes.map((n) => {
      const result = results.find((r) => r.label === label && r.n === n);
      const summary = result && summarize(result);
      if (!result) return '';
      if (!summary) return 'failed';
      return `${fixed(summary.usPerRow, 1)} µs/row, ${thousands(summary.peakRssMb)} MB`;
    });
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
