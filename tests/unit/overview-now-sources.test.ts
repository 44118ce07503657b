/**
 * `nowSources` and `ownNowSources` (src/overview/now.ts): the part of the data that *Now* reads
 * is enough, on the day it was taken and on every later one, to give exactly the summary the
 * whole data gives — the municipal records and the citizen's own entries (from letters and
 * calendar files) alike.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Activity, Case, Decision, Document, Payment } from '../../src/municipal/api/schemas';
import { refKey, type Item, type OverviewData } from '../../src/overview/model';
import type { ImportedEvent } from '../../src/overview/calendar';
import { nowSources, nowSummary, ownNowSources, type OwnEntries } from '../../src/overview/now';
import type { LetterEventData } from '../../src/records/letters/index';
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

const letterEvent = fc
  .record({ title, at: instant, on: day, appointment: fc.boolean(), appeal: fc.boolean() })
  .map(({ title, at, on, appointment: isAppointment, appeal }): LetterEventData => {
    const common = { letterId: 'letter1', case: { kind: 'own-case' as const, id: 'own1' }, provenance: 'read-by-citizen-from-letter' as const, title };
    return isAppointment
      ? { ...common, kind: 'appointment', startsAt: at }
      : { ...common, kind: 'deadline', deadlineKind: appeal ? 'appeal' : 'answer', day: on };
  });
const importedRecord = fc
  .record({
    title,
    at: instant,
    on: day,
    allDay: fc.boolean(),
    status: fc.constantFrom('confirmed', 'tentative', 'cancelled') as fc.Arbitrary<'confirmed' | 'tentative' | 'cancelled'>,
  })
  .map(({ title, at, on, allDay, status }): ImportedEvent['record'] => ({
    uid: `${title}@example`,
    occurrence: null,
    sequence: 0,
    status,
    title,
    allDay,
    start: allDay ? on : at,
    source: { fileName: 'a.ics', importedAt: '2026-01-01T00:00:00.000Z' },
  }));
const ownEntries: fc.Arbitrary<OwnEntries> = fc
  .record({ letters: fc.array(letterEvent, { maxLength: 8 }), imported: fc.array(importedRecord, { maxLength: 8 }) })
  .map(({ letters, imported }) => ({
    letterEvents: letters.map((data, i) => ({ id: `let${i}`, data })),
    imported: imported.map((record, i) => ({ vaultId: `ics${i}`, record })),
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

  it('with the citizen’s own entries: the same summary from the parts as from the whole, then and later', () => {
    fc.assert(
      fc.property(overviewData, ownEntries, moments, (data, own, { taken, shown }) => {
        const summary = nowSummary(nowSources(data, taken), shown, ownNowSources(own, taken));
        expect(summary).toEqual(nowSummary(data, shown, own));
      }),
      runs(300, 5000),
    );
  });

  it('lists the own entries still ahead with the municipality’s, marked by their source', () => {
    const own: OwnEntries = {
      letterEvents: [
        {
          id: 'l1',
          data: {
            kind: 'deadline',
            deadlineKind: 'appeal',
            day: '2026-03-10',
            title: 'Klagefrist',
            letterId: 'x',
            case: { kind: 'own-case', id: 'c' },
            provenance: 'read-by-citizen-from-letter',
          },
        },
      ],
      imported: [
        {
          vaultId: 'i1',
          record: {
            uid: 'a',
            occurrence: null,
            sequence: 0,
            status: 'confirmed',
            title: 'Hos lægen',
            allDay: false,
            start: '2026-03-09T09:30:00+01:00',
            source: { fileName: 'gp.ics', importedAt: '2026-03-01T00:00:00Z' },
          },
        },
        {
          vaultId: 'i2',
          record: {
            uid: 'b',
            occurrence: null,
            sequence: 0,
            status: 'cancelled',
            title: 'Aflyst',
            allDay: false,
            start: '2026-03-09T10:30:00+01:00',
            source: { fileName: 'gp.ics', importedAt: '2026-03-01T00:00:00Z' },
          },
        },
        {
          vaultId: 'i3',
          record: {
            uid: 'c',
            occurrence: null,
            sequence: 0,
            status: 'confirmed',
            title: 'Før',
            allDay: false,
            start: '2026-03-01T10:30:00+01:00',
            source: { fileName: 'gp.ics', importedAt: '2026-03-01T00:00:00Z' },
          },
        },
      ],
    };
    const at = Date.parse('2026-03-08T12:00:00+01:00');
    const summary = nowSummary(fixtureData(), at, own);
    const hos = summary.appointments.find((e) => e.title === 'Hos lægen')!;
    expect(hos).toMatchObject({ recordKind: 'calendar-event', importedFrom: 'gp.ics', vaultId: 'i1' });
    expect(summary.appointments.map((e) => e.title)).not.toContain('Aflyst');
    expect(summary.deadlines.find((e) => e.title === 'Klagefrist')).toMatchObject({
      kind: 'appeal',
      recordKind: 'letter-event',
      letterId: 'x',
      day: '2026-03-10',
    });
    // Kept for later days: only what is still ahead and not cancelled.
    expect(ownNowSources(own, at)).toEqual({ letterEvents: own.letterEvents, imported: [own.imported[0]] });
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
