/**
 * `nowSources` (src/overview/now.ts): the part of the data that *Now* reads is enough, on the
 * day it was taken and on every later one, to give exactly the summary the whole data gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Activity, Case, Decision, Document, Payment } from '../../src/municipal/api/schemas';
import { refKey, type Item, type OverviewData } from '../../src/overview/model';
import { nowSources, nowSummary } from '../../src/overview/now';
import { danishDay } from '../../src/shared/danish-time';
import { appointment, cashCase, deadline, decision, document, fixtureData, ORIGIN, payment } from './support/overview-fixtures';
import { runs } from './support/setup-vault';

const OTHER = 'https://other.example';
const DAY_MS = 86_400_000;

// Few distinct values on purpose: ties in dates, titles and case ids are where orders could differ.
const origin = fc.constantFrom(ORIGIN, OTHER);
const caseId = fc.option(fc.constantFrom('c1', 'c2', 'c3'), { nil: undefined });
const title = fc.constantFrom('Samtale', 'Frist', 'Møde');
const day = fc.integer({ min: 0, max: 20 }).map((n) => new Date(Date.UTC(2026, 1, 1) + n * DAY_MS).toISOString().slice(0, 10));
const instant = fc.tuple(day, fc.constantFrom('00:00', '09:30', '23:59')).map(([d, time]) => `${d}T${time}:00+01:00`);

const caseItem = fc
  .record({ id: fc.constantFrom('c1', 'c2', 'c3', 'c4'), origin, status: fc.constantFrom('received', 'decided', 'closed'), updatedAt: instant })
  .map(({ id, origin, status, updatedAt }): Item<Case> => ({ vaultId: '', origin, record: { ...cashCase, id, status, updatedAt } as Case }));
const activityItem = fc
  .record({ origin, caseId, title, at: instant, appointment: fc.boolean(), status: fc.constantFrom('planned', 'changed', 'cancelled', 'completed', 'missed') })
  .map(({ origin, caseId, title, at, appointment: isAppointment, status }): Item<Activity> => {
    const record = isAppointment ? { ...appointment, startsAt: at, endsAt: undefined } : { ...deadline, dueAt: at };
    return { vaultId: '', origin, record: { ...record, title, status, caseId } as Activity };
  });
const decisionItem = fc
  .record({ origin, caseId: fc.constantFrom('c1', 'c2', 'c3'), title, deadline: fc.option(day, { nil: undefined }) })
  .map(({ origin, caseId, title, deadline: appealBy }): Item<Decision> => ({
    vaultId: '',
    origin,
    record: { ...decision, caseId, title, appeal: appealBy === undefined ? undefined : { ...decision.appeal!, deadline: appealBy } } as Decision,
  }));
const paymentItem = fc
  .record({ origin, date: day, status: fc.constantFrom('paid', 'scheduled', 'withheld') as fc.Arbitrary<'paid' | 'scheduled' | 'withheld'> })
  .map(({ origin, date, status }): Item<Payment> => ({ vaultId: '', origin, record: payment('p', date, 100_000, status) }));
const documentItem = fc
  .record({ origin, caseId, date: day })
  .map(({ origin, caseId, date }): Item<Document> => ({ vaultId: '', origin, record: { ...document, caseId, date } as Document }));

/** Every item gets its own vault id, as in the vault, so that any reordering would show. */
const numbered = <T>(prefix: string, items: Item<T>[]): Item<T>[] => items.map((item, i) => ({ ...item, vaultId: `${prefix}${i}` }));

const overviewData: fc.Arbitrary<OverviewData> = fc
  .record({
    cases: fc.array(caseItem, { maxLength: 6 }),
    decisions: fc.array(decisionItem, { maxLength: 8 }),
    payments: fc.array(paymentItem, { maxLength: 12 }),
    activities: fc.array(activityItem, { maxLength: 14 }),
    documents: fc.array(documentItem, { maxLength: 12 }),
  })
  .map((d) => ({
    cases: numbered('case', d.cases),
    decisions: numbered('dec', d.decisions),
    payments: numbered('pay', d.payments),
    activities: numbered('act', d.activities),
    documents: numbered('doc', d.documents),
    accessLog: fixtureData().accessLog,
  }));

/** When the part was taken, and a later moment (or earlier the same Danish day) it is read at. */
const moments = fc
  .tuple(fc.integer({ min: 0, max: 24 * DAY_MS }), fc.integer({ min: -DAY_MS, max: 30 * DAY_MS }))
  .map(([taken, after]) => ({ taken: Date.UTC(2026, 0, 30) + taken, shown: Date.UTC(2026, 0, 30) + taken + after }))
  .filter(({ taken, shown }) => danishDay(shown) >= danishDay(taken));

describe('the part of the data Now reads', () => {
  it('gives the same summary as the whole data, then and on any later day', () => {
    fc.assert(
      fc.property(overviewData, moments, (data, { taken, shown }) => {
        const part = nowSources(data, taken);
        expect(nowSummary(part, shown)).toEqual(nowSummary(data, shown));
      }),
      runs(300, 5000),
    );
  });

  it('holds the case of every entry, payment and document it keeps (their titles and links)', () => {
    fc.assert(
      fc.property(overviewData, moments, (data, { taken }) => {
        const part = nowSources(data, taken);
        const kept = new Set(part.cases.map((c) => refKey(c.origin, c.record.id)));
        for (const item of [...part.activities, ...part.decisions, ...part.payments, ...part.documents]) {
          const ref = item.record.caseId === undefined ? undefined : refKey(item.origin, item.record.caseId);
          if (ref && data.cases.some((c) => refKey(c.origin, c.record.id) === ref)) expect(kept.has(ref)).toBe(true);
        }
      }),
      runs(100, 2000),
    );
  });

  it('leaves out what can no longer show: past entries, older payments and documents, the access log', () => {
    const data = fixtureData();
    const part = nowSources(data, Date.parse('2026-03-08T12:00:00+01:00'));
    expect(part.activities.map((a) => a.record.id)).toEqual(['act-1', 'act-3']); // the 5 March deadline is past
    expect(part.decisions.map((d) => d.record.id)).toEqual(['dec-1']); // appeal until 20 March
    expect(part.accessLog).toEqual([]);
    expect(part.cases.map((c) => c.record.id)).toEqual(['case-cash']);
    const later = nowSources(data, Date.parse('2026-03-21T08:00:00+01:00'));
    expect([later.activities, later.decisions]).toEqual([[], []]);
    const many = { ...data, payments: Array.from({ length: 40 }, (_, i) => ({ ...data.payments[0]!, vaultId: `p${i}` })) };
    expect(nowSources(many, Date.parse('2026-03-08T12:00:00+01:00')).payments).toHaveLength(5);
  });
});
