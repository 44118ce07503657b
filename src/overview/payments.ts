/** Payments over time: totals per month (by payout date), every month in the range present. */
import type { Payment } from '../municipal/api/schemas';
import { nextMonth } from '../shared/danish-time';
import type { Item } from './model';

export interface MonthTotal {
  /** YYYY-MM */
  month: string;
  /** Net paid out (status paid), in øre. */
  paid: number;
  /** Net still to come (status scheduled), in øre. */
  scheduled: number;
  /** Paid, withheld or reclaimed amounts count as what they are; this is the number of payments. */
  count: number;
}

/**
 * Monthly net totals, oldest first, with empty months filled in so a chart's x axis is even.
 * Withheld and reclaimed payments are counted but add no money: nothing reached the citizen.
 */
export function monthlyPayments(payments: readonly Item<Payment>[]): MonthTotal[] {
  if (payments.length === 0) return [];
  const totals = new Map<string, MonthTotal>();
  for (const { record: p } of payments) {
    const month = p.payoutDate.slice(0, 7);
    const total = totals.get(month) ?? { month, paid: 0, scheduled: 0, count: 0 };
    total.count += 1;
    if (p.status === 'paid') total.paid += p.net.ore;
    if (p.status === 'scheduled') total.scheduled += p.net.ore;
    totals.set(month, total);
  }
  const months = [...totals.keys()].sort();
  const series: MonthTotal[] = [];
  for (let m = months[0]!; m <= months.at(-1)!; m = nextMonth(m)) series.push(totals.get(m) ?? { month: m, paid: 0, scheduled: 0, count: 0 });
  return series;
}

/** A chart axis: a round step (1, 2, 2.5 or 5 × a power of ten) and the first multiple of it at or above `max`. */
export function niceAxis(max: number, ticks = 4): { max: number; step: number } {
  if (max <= 0) return { max: ticks, step: 1 };
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((f) => f * power >= raw) ?? 10) * power;
  return { max: Math.ceil(max / step) * step, step };
}
