/**
 * Money in several currencies: each is summed and charted on its own, kroner first. A row in
 * euro was once left out of every total and chart without a word ("ind 0,00 kr.").
 */
import { describe, expect, it } from 'vitest';
import { spendingByCurrency, totalsByCurrency } from '../../src/overview/spending';

const row = (date: string, amountMinor: number, currency: string, category = 'groceries', pending = false) => ({
  date,
  amountMinor,
  currency,
  category,
  pending,
});

describe('per currency', () => {
  it('spending: one summary per currency, kroner first, nothing added across currencies', () => {
    const groups = spendingByCurrency([
      row('2026-01-05', -1000, 'EUR'),
      row('2026-01-06', -5000, 'DKK'),
      row('2026-02-01', -250, 'EUR'),
      row('2026-01-07', -700, 'SEK'),
      row('2026-01-08', 9000, 'DKK'),
    ]);
    expect(groups.map((g) => [g.currency, g.summary.total])).toEqual([
      ['DKK', 5000],
      ['EUR', 1250],
      ['SEK', 700],
    ]);
    expect(groups[1]!.summary.months.map((m) => m.month)).toEqual(['2026-01', '2026-02']);
  });

  it('spending: a currency with only money in has no chart', () => {
    expect(spendingByCurrency([row('2026-01-05', 1000, 'EUR')])).toEqual([]);
  });

  it('totals: in and out per currency, kroner always there', () => {
    expect(totalsByCurrency([row('2026-01-05', -1000, 'EUR'), row('2026-01-06', 2000, 'EUR')])).toEqual([
      { currency: 'DKK', moneyIn: 0, moneyOut: 0 },
      { currency: 'EUR', moneyIn: 2000, moneyOut: -1000 },
    ]);
  });
});
