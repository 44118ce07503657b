/** Derived views (what leaves instead of raw data) and the approval items they make. */
import { describe, expect, it } from 'vitest';
import { buildShare } from '../../src/sharing/content';
import { healthSummary, lastFullMonths, monthlyFoodBudget, monthlySpendingPerCategory, monthsBetween, selectTransactions } from '../../src/sharing/derived';

const t = (date: string, amountMinor: number, category: string, text = 'x', pending = false) => ({
  date,
  amountMinor,
  currency: 'DKK',
  category,
  text,
  pending,
});

const ROWS = [
  t('2025-11-30', -10_000, 'groceries'),
  t('2025-12-01', -12_345, 'groceries'),
  t('2025-12-15', -5_000, 'transport'),
  t('2025-12-24', 2_000, 'groceries'), // a refund: money in, not spending
  t('2026-01-02', -20_000, 'groceries'),
  t('2026-01-03', -7_000, 'groceries', 'pending', true), // pending rows may still change
  t('2026-01-04', -3_000, 'rent'),
  { ...t('2026-01-05', -999, 'groceries'), currency: 'EUR' },
  t('2026-02-01', -1_000, 'groceries'), // the current month is not a whole month yet
];

describe('months', () => {
  it('run across the new year, and the whole months before a day', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-02')).toEqual([]);
    expect(lastFullMonths('2026-02-10', 3)).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(lastFullMonths('2026-01-01', 1)).toEqual(['2025-12']);
  });
});

describe('monthly spending per category', () => {
  it('sums money out per month and category, every month listed, refunds, pending rows and other currencies left out', () => {
    expect(monthlySpendingPerCategory(ROWS, '2025-12', '2026-02').months).toEqual([
      { month: '2025-12', totalMinor: 17_345, byCategory: { groceries: 12_345, transport: 5_000 } },
      { month: '2026-01', totalMinor: 23_000, byCategory: { groceries: 20_000, rent: 3_000 } },
      { month: '2026-02', totalMinor: 1_000, byCategory: { groceries: 1_000 } },
    ]);
  });
});

describe('monthly food budget', () => {
  it('is groceries per whole month before the day, their average and the last three', () => {
    const budget = monthlyFoodBudget(ROWS, 4, '2026-02-10');
    expect(budget.months).toEqual([
      { month: '2025-10', spentMinor: 0 },
      { month: '2025-11', spentMinor: 10_000 },
      { month: '2025-12', spentMinor: 12_345 },
      { month: '2026-01', spentMinor: 20_000 },
    ]);
    expect(budget.averageMinor).toBe(Math.round(42_345 / 4));
    expect(budget.last3.map((m) => m.month)).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(budget.last3AverageMinor).toBe(Math.round(42_345 / 3));
    expect(() => monthlyFoodBudget(ROWS, 0, '2026-02-10')).toThrow(RangeError);
  });
});

describe('selected transactions', () => {
  it('keep only the chosen period, categories and fields', () => {
    expect(selectTransactions(ROWS, { from: '2025-12-01', to: '2026-01-31', categories: ['groceries'], fields: ['date', 'amount'] }).rows).toEqual([
      { date: '2025-12-01', amountMinor: -12_345, currency: 'DKK' },
      { date: '2025-12-24', amountMinor: 2_000, currency: 'DKK' },
      { date: '2026-01-02', amountMinor: -20_000, currency: 'DKK' },
      { date: '2026-01-05', amountMinor: -999, currency: 'EUR' },
    ]);
  });
});

describe('health summary', () => {
  it('gives per month: days with data, mean of daily means, min, max, total — within the period', () => {
    const day = (date: string, mean: number) => ({ date, count: 1, sum: mean, min: mean, max: mean, mean });
    const months = [
      {
        type: 'HKQuantityTypeIdentifierStepCount',
        metric: 'steps',
        unit: 'count',
        month: '2026-01',
        days: [day('2026-01-01', 1000), day('2026-01-02', 3000), day('2026-01-31', 5000)],
      },
      { type: 'HKQuantityTypeIdentifierBodyMass', metric: 'weight', unit: 'kg', month: '2026-01', days: [day('2026-01-01', 80)] },
    ];
    expect(healthSummary(months, 'steps', '2026-01-01', '2026-01-30')).toEqual({
      view: 'health-summary',
      metric: 'steps',
      unit: 'count',
      months: [{ month: '2026-01', days: 2, mean: 2000, min: 1000, max: 3000, total: 4000 }],
    });
  });
});

describe('buildShare', () => {
  const sources = {
    notes: new Map([['n1', { title: 'Kostplan', body: 'Grønt', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }]]),
    cases: new Map(),
    transactions: ROWS,
    health: [],
    signatures: new Map(),
    municipalityName: () => 'Vesterå Kommune',
  };

  it('puts in data exactly the chosen items, and describes each one', () => {
    const built = buildShare([{ type: 'food-budget', months: 12 }], sources, '2026-02-10');
    expect(Object.keys(built.data)).toEqual(['foodBudget']);
    expect(JSON.stringify(built.data)).not.toMatch(/"text"|"date"/);
    expect(built.items).toEqual([{ type: 'food-budget', label: '', counts: { months: 12 } }]);
    expect(built.categories).toEqual(['food-budget']);
    expect(built.provenance).toEqual([expect.objectContaining({ attestedBy: 'citizen', covers: ['foodBudget'] })]);
  });

  it('refuses a note or case that is not there', () => {
    expect(() => buildShare([{ type: 'note', noteId: 'gone' }], sources, '2026-02-10')).toThrow(/no longer/);
    expect(() => buildShare([{ type: 'case', caseId: 'gone', parts: [] }], sources, '2026-02-10')).toThrow(/no longer/);
  });
});
