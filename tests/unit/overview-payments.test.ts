import { describe, expect, it } from 'vitest';
import { monthlyPayments, niceAxis } from '../../src/overview/payments';
import { caseBundle } from '../../src/overview/model';
import { caseTimeline } from '../../src/overview/timeline';
import { fixtureData, payment, ORIGIN } from './support/overview-fixtures';

describe('monthly payment series', () => {
  it('sums net amounts per payout month and fills empty months', () => {
    expect(monthlyPayments(fixtureData().payments)).toEqual([
      { month: '2025-12', paid: 1_000_000, scheduled: 0, count: 1 },
      { month: '2026-01', paid: 0, scheduled: 0, count: 0 },
      { month: '2026-02', paid: 1_050_050, scheduled: 0, count: 1 },
      { month: '2026-03', paid: 0, scheduled: 1_050_050, count: 1 },
    ]);
  });

  it('adds no money for a withheld payment, but counts it', () => {
    const series = monthlyPayments([{ vaultId: 'x', origin: ORIGIN, record: payment('w', '2026-01-31', 500_000, 'withheld') }]);
    expect(series).toEqual([{ month: '2026-01', paid: 0, scheduled: 0, count: 1 }]);
  });

  it('is empty without payments', () => {
    expect(monthlyPayments([])).toEqual([]);
  });

  it('rounds the chart axis to a round step at or above the largest amount', () => {
    expect(niceAxis(1_050_050)).toEqual({ max: 1_500_000, step: 500_000 });
    expect(niceAxis(1_000_000)).toEqual({ max: 1_000_000, step: 250_000 });
    expect(niceAxis(7)).toEqual({ max: 8, step: 2 });
    expect(niceAxis(0)).toEqual({ max: 4, step: 1 });
  });
});

describe('case timeline', () => {
  it('tells the case in order: status steps, letters, decisions, payments, appointments', () => {
    const data = fixtureData();
    const theCase = data.cases[0]!;
    const events = caseTimeline(theCase, caseBundle(data, theCase));
    expect(events.map((e) => [e.kind, e.at.slice(0, 10)])).toEqual([
      ['payment', '2025-12-31'],
      ['status', '2026-01-05'],
      ['decision', '2026-01-20'],
      ['status', '2026-01-20'],
      ['document', '2026-02-20'],
      ['payment', '2026-02-27'],
      ['activity', '2026-03-10'],
      ['activity', '2026-03-11'],
      ['payment', '2026-03-31'],
    ]);
  });

  it('gathers only the records of that case and that municipality', () => {
    const data = fixtureData();
    data.payments.push({ vaultId: 'other', origin: 'https://other.example', record: payment('pay-9', '2026-01-31', 1) });
    const bundle = caseBundle(data, data.cases[0]!);
    expect(bundle.payments.map((p) => p.record.id)).toEqual(['pay-3', 'pay-2', 'pay-1']);
    expect(bundle.activities.map((a) => a.record.id)).toEqual(['act-3', 'act-1']);
    expect(caseBundle(data, data.cases[1]!).decisions).toEqual([]);
  });
});
