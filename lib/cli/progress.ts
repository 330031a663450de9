import cliProgress from 'cli-progress';
import { onFactoryEvent, type FactoryEvent } from '../events.js';

/** How the CLI shows a seed run: live bars on a terminal, a line per chunk elsewhere, nothing, or JSON at the end. */
export type ReportMode = 'bars' | 'lines' | 'quiet' | 'json';

/** What one factory wrote during the run. */
export interface FactoryTotal {
  factory: string;
  rows: number;
  ms: number;
}

interface Tally {
  rows: number;
  firstAt: number;
  lastAt: number;
}

function rate(rows: number, ms: number): string {
  return ms > 0 ? `${Math.round((rows * 1000) / ms).toLocaleString('en')} rows/s` : '-';
}

/**
 * Listens to factory events while a seed runs: counts the rows each factory saved, and shows
 * progress (streams report `done` of `total`, so their bars have an ETA).
 */
export class SeedProgress {
  private readonly tallies = new Map<string, Tally>();
  private readonly bars = new Map<string, cliProgress.SingleBar>();
  private multibar?: cliProgress.MultiBar;
  private stopListening?: () => void;

  constructor(
    private readonly mode: ReportMode,
    private readonly write: (line: string) => void,
  ) {}

  start(): void {
    if (this.mode === 'bars') {
      this.multibar = new cliProgress.MultiBar(
        { format: '{factory} [{bar}] {value}/{total} rows | {rate} | ETA {eta_formatted}', hideCursor: true, clearOnComplete: false, stopOnComplete: false },
        cliProgress.Presets.shades_classic,
      );
    }
    this.stopListening = onFactoryEvent((event) => this.on(event));
  }

  stop(): void {
    this.stopListening?.();
    this.multibar?.stop();
  }

  totals(): FactoryTotal[] {
    return [...this.tallies].map(([factory, t]) => ({ factory, rows: t.rows, ms: Math.round(t.lastAt - t.firstAt) }));
  }

  private on(event: FactoryEvent): void {
    if (event.type === 'save') {
      const now = performance.now();
      const tally = this.tallies.get(event.factory) ?? { rows: 0, firstAt: now - event.durationMs, lastAt: now };
      tally.rows += event.count;
      tally.lastAt = now;
      this.tallies.set(event.factory, tally);
      if (this.mode === 'bars' && !this.bars.has(event.factory)) this.update(event.factory, tally.rows, tally.rows);
      else if (this.mode === 'bars') this.update(event.factory, tally.rows, Math.max(tally.rows, this.bars.get(event.factory)!.getTotal()));
    }
    if (event.type === 'chunk') {
      const tally = this.tallies.get(event.factory);
      if (this.mode === 'bars') this.update(event.factory, event.done, event.total);
      if (this.mode === 'lines' && tally) this.write(`${event.factory}: ${event.done}/${event.total} rows (${rate(tally.rows, tally.lastAt - tally.firstAt)})`);
    }
  }

  private update(factory: string, value: number, total: number): void {
    const tally = this.tallies.get(factory);
    const payload = { factory, rate: tally ? rate(tally.rows, tally.lastAt - tally.firstAt) : '-' };
    let bar = this.bars.get(factory);
    if (!bar) this.bars.set(factory, (bar = this.multibar!.create(total, value, payload)));
    bar.setTotal(total);
    bar.update(value, payload);
  }
}

/** The summary table of a run: rows, time and rows per second of each factory. */
export function summaryTable(totals: readonly FactoryTotal[]): string {
  const rows = totals.map((t) => [t.factory, t.rows.toLocaleString('en'), `${(t.ms / 1000).toFixed(2)} s`, rate(t.rows, t.ms)]);
  const header = ['factory', 'rows', 'time', 'rows/s'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
