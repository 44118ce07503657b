/** One line of the benchmark table: a figure, its runs, and its ratio to a baseline of the same run. */
export interface Figure {
  name: string;
  ms: number[];
  medianMs: number;
  /** What else the run measured (counts, rates, memory), for the table's last column. */
  detail?: string;
  baseline?: string;
  ratio?: number;
  goal?: string;
  met?: boolean;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const seconds = (ms: number) => (ms < 100 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 3 : 2)} s`);

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

export const mib = (bytes: number | null | undefined) => (bytes == null ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(0)} MiB`);

export function figure(name: string, ms: number[], against?: { name: string; ms: number[]; goal?: { ratio?: number; ms?: number } }): Figure {
  const result: Figure = { name, ms, medianMs: median(ms) };
  if (against) {
    result.baseline = against.name;
    result.ratio = result.medianMs / median(against.ms);
    const goals: string[] = [];
    let met = true;
    if (against.goal?.ratio !== undefined) {
      goals.push(`ratio ≤ ${against.goal.ratio}`);
      met &&= result.ratio <= against.goal.ratio;
    }
    if (against.goal?.ms !== undefined) {
      goals.push(`≤ ${seconds(against.goal.ms)}`);
      met &&= result.medianMs <= against.goal.ms;
    }
    if (goals.length) {
      result.goal = goals.join(', ');
      result.met = met;
    }
  }
  return result;
}

export function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => [
    f.name,
    seconds(f.medianMs),
    f.ms.length > 5 ? `n=${f.ms.length}, p95 ${seconds(percentile(f.ms, 95))}` : f.ms.map((ms) => (ms / 1000).toFixed(2)).join(' / '),
    f.baseline ?? '',
    f.ratio === undefined ? '' : f.ratio.toFixed(2),
    f.goal ? `${f.goal} ${f.met ? '✓' : '✗'}` : '',
    f.detail ?? '',
  ]);
  const header = ['figure', 'median', 'runs (s)', 'baseline', 'ratio', 'goal', 'detail'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}
