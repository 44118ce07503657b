/**
 * Spending by category per month, for the chart and its table: money out (negative booked
 * amounts), in øre, per calendar month. Money in, reserved rows and categories that are not
 * spending (a transfer to one's own savings) are left out.
 */
export interface SpendingRow {
  date: string;
  amountMinor: number;
  category: string;
  pending: boolean;
}

export interface MonthSpending {
  /** `YYYY-MM` */
  month: string;
  /** Positive øre per category id (a plain object: it crosses the message boundary as JSON). */
  byCategory: Record<string, number>;
  total: number;
}

export interface SpendingSummary {
  /** Every month from the first to the last with spending, none skipped (a gap is a month of 0). */
  months: MonthSpending[];
  /** Categories with any spending, the largest total first. */
  categories: { category: string; total: number }[];
  total: number;
}

export function monthlySpending(rows: Iterable<SpendingRow>, options: { notSpending?: ReadonlySet<string> } = {}): SpendingSummary {
  const notSpending = options.notSpending ?? new Set<string>();
  const byMonth = new Map<string, Map<string, number>>();
  const byCategory = new Map<string, number>();
  for (const row of rows) {
    if (row.pending || row.amountMinor >= 0 || notSpending.has(row.category)) continue;
    const month = row.date.slice(0, 7);
    const amount = -row.amountMinor;
    let cells = byMonth.get(month);
    if (!cells) byMonth.set(month, (cells = new Map()));
    cells.set(row.category, (cells.get(row.category) ?? 0) + amount);
    byCategory.set(row.category, (byCategory.get(row.category) ?? 0) + amount);
  }
  const present = [...byMonth.keys()].sort();
  const months: MonthSpending[] = [];
  if (present.length > 0) {
    for (let month = present[0]!; month <= present.at(-1)!; month = nextMonth(month)) {
      const cells = byMonth.get(month) ?? new Map<string, number>();
      let total = 0;
      for (const v of cells.values()) total += v;
      months.push({ month, byCategory: Object.fromEntries(cells), total });
    }
  }
  const categories = [...byCategory.entries()]
    .map(([category, total]) => ({ category, total }))
    .sort((a, b) => b.total - a.total || a.category.localeCompare(b.category));
  return { months, categories, total: categories.reduce((n, c) => n + c.total, 0) };
}

/** Kroner first, then the other currencies by code: the order charts and totals are shown in. */
function byCurrency(a: string, b: string): number {
  return a === b ? 0 : a === 'DKK' ? -1 : b === 'DKK' ? 1 : a < b ? -1 : 1;
}

/**
 * Spending per currency, one summary each: amounts in different currencies are never added up
 * (no rate is known), and none is left out either.
 */
export function spendingByCurrency(
  rows: Iterable<SpendingRow & { currency: string }>,
  options: { notSpending?: ReadonlySet<string> } = {},
): { currency: string; summary: SpendingSummary }[] {
  const groups = new Map<string, SpendingRow[]>();
  for (const row of rows) {
    let group = groups.get(row.currency);
    if (!group) groups.set(row.currency, (group = []));
    group.push(row);
  }
  return [...groups.keys()]
    .sort(byCurrency)
    .map((currency) => ({ currency, summary: monthlySpending(groups.get(currency)!, options) }))
    .filter((g) => g.summary.months.length > 0);
}

/** Money in and out per currency (kroner always, even at 0), in the order they are shown. */
export function totalsByCurrency(rows: Iterable<{ amountMinor: number; currency: string }>): { currency: string; moneyIn: number; moneyOut: number }[] {
  const totals = new Map<string, { currency: string; moneyIn: number; moneyOut: number }>([['DKK', { currency: 'DKK', moneyIn: 0, moneyOut: 0 }]]);
  for (const r of rows) {
    let t = totals.get(r.currency);
    if (!t) totals.set(r.currency, (t = { currency: r.currency, moneyIn: 0, moneyOut: 0 }));
    if (r.amountMinor >= 0) t.moneyIn += r.amountMinor;
    else t.moneyOut += r.amountMinor;
  }
  return [...totals.values()].sort((a, b) => byCurrency(a.currency, b.currency));
}

export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}
