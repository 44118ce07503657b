/** Monthly spending by category: money out only, in øre, months without spending kept as gaps of 0. */
import { describe, expect, it } from 'vitest';
import { monthlySpending, nextMonth } from '../../src/overview/spending';
import { NOT_SPENDING } from '../../src/importers/bank/index';

const row = (date: string, amountMinor: number, category: string, pending = false) => ({ date, amountMinor, category, pending });

describe('monthlySpending', () => {
  it('sums money out per month and category in exact øre, largest category first', () => {
    const s = monthlySpending([
      row('2026-01-02', -2895, 'groceries'),
      row('2026-01-20', -105, 'groceries'),
      row('2026-01-03', -2400, 'transport'),
      row('2026-03-01', -750000, 'housing'),
      row('2026-03-02', -1, 'groceries'),
    ]);
    expect(s.months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(s.months[0]!.byCategory).toEqual({ groceries: 3000, transport: 2400 });
    expect(s.months[0]!.total).toBe(5400);
    expect(s.months[1]).toEqual({ month: '2026-02', byCategory: {}, total: 0 });
    expect(s.categories).toEqual([
      { category: 'housing', total: 750000 },
      { category: 'groceries', total: 3001 },
      { category: 'transport', total: 2400 },
    ]);
    expect(s.total).toBe(755401);
  });

  it('leaves out money in, reserved rows and categories that are not spending', () => {
    const s = monthlySpending(
      [
        row('2026-01-05', 1500000, 'salary'),
        row('2026-01-06', -100000, 'transfers'),
        row('2026-01-07', -5000, 'groceries', true),
        row('2026-01-08', 0, 'other'),
        row('2026-01-09', -4200, 'restaurants'),
      ],
      { notSpending: NOT_SPENDING },
    );
    expect(s.total).toBe(4200);
    expect(s.categories.map((c) => c.category)).toEqual(['restaurants']);
    expect(NOT_SPENDING.has('salary') && NOT_SPENDING.has('transfers') && !NOT_SPENDING.has('groceries')).toBe(true);
  });

  it('is empty without spending, and crosses year ends month by month', () => {
    expect(monthlySpending([])).toEqual({ months: [], categories: [], total: 0 });
    expect(nextMonth('2025-12')).toBe('2026-01');
    expect(nextMonth('2026-09')).toBe('2026-10');
    const s = monthlySpending([row('2025-11-30', -100, 'other'), row('2026-02-01', -100, 'other')]);
    expect(s.months.map((m) => m.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
