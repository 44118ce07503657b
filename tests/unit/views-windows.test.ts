/**
 * The long views' answers from the background (src/background/views/): a case page gets its case
 * and what belongs to it, the same as the page once worked out from every record; the calendar
 * answers a window of its list (a row asked for by key on its own page, a window past the end as
 * the last page) and a month by counts, and what a write changes shows in the next answer. The
 * window arithmetic of a row source (src/shared/row-source.ts) on its own.
 */
import { describe, expect, it } from 'vitest';
import { ViewService } from '../../src/background/views/index';
import type { CalendarListAnswer } from '../../src/messaging/view-api';
import { calendarEntries, indexByDay, isUpcoming, monthGrid, type CalendarEntry } from '../../src/overview/calendar';
import { caseBundle } from '../../src/overview/model';
import { windowOf } from '../../src/shared/row-source';
import { Activity } from '../../src/municipal/api/schemas';
import { appointment, fixtureData, ORIGIN, syncedOps, syncedPut } from './support/overview-fixtures';
import { vaultWithProfile } from './support/setup-vault';

const NOW = Date.parse('2026-03-08T12:00:00+01:00');
const DAY_MS = 86_400_000;

/** The fixtures, and `extra` appointments a day apart around NOW (half ahead, half past). */
async function viewsOf(extra: number) {
  const { vault, profileId } = await vaultWithProfile('views-windows', 'Lis');
  const data = fixtureData();
  for (let i = 0; i < extra; i++) {
    const startsAt = new Date(NOW + (i - extra / 2) * DAY_MS + 3_600_000).toISOString();
    data.activities.push({
      vaultId: `v-extra-${i}`,
      origin: ORIGIN,
      record: Activity.parse({ ...appointment, id: `extra-${i}`, startsAt, endsAt: undefined }),
    });
  }
  await vault.records.write(syncedOps(profileId, data));
  const views = new ViewService(vault);
  return { vault, profileId, data, views, handlers: views.handlers };
}

describe('a case page from the background', () => {
  it('answers the case and what belongs to it, as the page worked it out from every record', async () => {
    const { handlers, profileId, data } = await viewsOf(0);
    const theCase = data.cases.find((c) => c.record.id === 'case-cash')!;
    const answer = await handlers.viewCase({ profileId, caseId: theCase.vaultId });
    const expected = caseBundle(data, theCase);
    expect(answer.theCase).toEqual(theCase);
    expect(answer.decisions).toEqual(expected.decisions);
    expect(answer.payments).toEqual(expected.payments);
    expect(answer.activities).toEqual(expected.activities);
    expect(answer.documents).toEqual(expected.documents);
    // The decision rests on a document of the case: it is there to link to.
    expect(answer.documents.map((d) => d.record.id)).toContain('doc-1');
    expect(answer.damaged).toEqual([]);
  });

  it('answers no case for an id it does not hold', async () => {
    const { handlers, profileId } = await viewsOf(0);
    expect(await handlers.viewCase({ profileId, caseId: 'no-such-case' })).toMatchObject({ theCase: null, decisions: [], payments: [] });
  });

  it('shows a payment written after the first answer', async () => {
    const { vault, handlers, profileId, data } = await viewsOf(0);
    const theCase = data.cases.find((c) => c.record.id === 'case-cash')!;
    const before = await handlers.viewCase({ profileId, caseId: theCase.vaultId });
    const pay = data.payments[0]!;
    await vault.records.write([syncedPut(profileId, 'payments', 'v-pay-new', pay.origin, { ...pay.record, id: 'pay-new', payoutDate: '2030-01-31' })]);
    const after = await handlers.viewCase({ profileId, caseId: theCase.vaultId });
    expect(after.payments).toHaveLength(before.payments.length + 1);
    expect(after.payments[0]!.vaultId).toBe('v-pay-new'); // newest first
  });
});

describe('the calendar from the background', () => {
  const walk = async (ask: (start: number) => Promise<CalendarListAnswer>): Promise<CalendarEntry[]> => {
    const rows: CalendarEntry[] = [];
    for (let start = 0; ;) {
      const answer = await ask(start);
      expect(answer.start).toBe(start);
      rows.push(...answer.rows);
      start += answer.rows.length;
      if (start >= answer.total) return rows;
    }
  };

  it('answers the list a window at a time, upcoming earliest first and past latest first', async () => {
    const { handlers, profileId, data } = await viewsOf(60);
    const all = calendarEntries(data);
    const ask = (part: 'upcoming' | 'past') => (start: number) => handlers.viewCalendarList({ profileId, now: NOW, part, start, count: 7 });
    const upcoming = await walk(ask('upcoming'));
    const past = await walk(ask('past'));
    expect(upcoming).toEqual(all.filter((e) => isUpcoming(e, NOW)));
    expect(past).toEqual(all.filter((e) => !isUpcoming(e, NOW)).reverse());
    const first = await ask('upcoming')(0);
    expect(first.rows).toHaveLength(7);
    expect(first.counts).toEqual({ upcoming: upcoming.length, past: past.length });
    // The rows of the case name it, for the case link.
    expect(first.cases.map((c) => c.id)).toEqual(first.rows.some((e) => e.caseId === 'case-cash') ? ['case-cash'] : []);
  });

  it('answers the page that holds a row asked for by key, and the last page for a window past the end', async () => {
    const { handlers, profileId } = await viewsOf(60);
    const whole = await handlers.viewCalendarList({ profileId, now: NOW, part: 'past', start: 0, count: 500 });
    const target = whole.rows[17]!;
    const found = await handlers.viewCalendarList({ profileId, now: NOW, part: 'past', start: 0, count: 5, focusKey: target.id });
    expect(found.start).toBe(15);
    expect(found.rows.map((e) => e.id)).toContain(target.id);
    const beyond = await handlers.viewCalendarList({ profileId, now: NOW, part: 'past', start: 10_000, count: 5 });
    expect(beyond.start).toBe(whole.total - 1 - ((whole.total - 1) % 5));
    expect(beyond.rows.at(-1)).toEqual(whole.rows.at(-1));
  });

  it('answers a month by counts and a day by its entries, as the month grid of every entry', async () => {
    const { handlers, profileId, data } = await viewsOf(60);
    const month = await handlers.viewCalendarMonth({ profileId, month: '2026-03', day: '2026-03-10' });
    const grid = monthGrid('2026-03', indexByDay(calendarEntries(data)));
    expect(month.weeks.map((w) => w.map((d) => [d.day, d.count]))).toEqual(grid.map((w) => w.map((d) => [d.day, d.entries.length])));
    expect(month.weeks.flat().every((d) => d.dots.length === Math.min(d.count, 3))).toBe(true);
    expect(month.entries).toEqual(grid.flat().find((d) => d.day === '2026-03-10')!.entries);
  });

  it('shows an appointment written after the first answer, and lists no kind again that did not change', async () => {
    const { vault, views, handlers, profileId } = await viewsOf(10);
    const before = await handlers.viewCalendarList({ profileId, now: NOW, part: 'upcoming', start: 0, count: 50 });
    const listed = views.cache.listed;
    await handlers.viewCalendarList({ profileId, now: NOW, part: 'past', start: 0, count: 50 });
    expect(views.cache.listed).toBe(listed);
    const startsAt = new Date(NOW + 2 * DAY_MS).toISOString();
    await vault.records.write([
      syncedPut(profileId, 'activities', 'v-new', ORIGIN, { ...appointment, id: 'new', title: 'Ny samtale', startsAt, endsAt: undefined }),
    ]);
    const after = await handlers.viewCalendarList({ profileId, now: NOW, part: 'upcoming', start: 0, count: 50 });
    expect(after.total).toBe(before.total + 1);
    expect(after.rows.map((e) => e.title)).toContain('Ny samtale');
  });
});

describe('a window of rows held in full', () => {
  const rows = Array.from({ length: 23 }, (_, i) => `r${i}`);
  const key = (r: string) => r;

  it.each([
    [{ start: 0, count: 10 }, 0, 10],
    [{ start: 20, count: 10 }, 20, 3],
    [{ start: 99, count: 10 }, 20, 3],
    [{ start: 0, count: 10, focusKey: 'r14' }, 10, 10],
    [{ start: 20, count: 10, focusKey: 'gone' }, 20, 3],
  ])('%o answers rows from %i, %i of them', (request, start, length) => {
    const answer = windowOf(rows, key, request);
    expect(answer).toMatchObject({ start, total: 23 });
    expect(answer.rows).toEqual(rows.slice(start, start + length));
  });

  it('answers an empty list with no rows, and refuses a count below one', () => {
    expect(windowOf([], key, { start: 5, count: 10 })).toEqual({ start: 0, total: 0, rows: [] });
    expect(() => windowOf(rows, key, { start: 0, count: 0 })).toThrow(/count/);
  });
});
