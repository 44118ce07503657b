import { describe, expect, it } from 'vitest';
import { Activity } from '../../src/municipal/api/schemas';
import { calendarEntries, entriesBetween, indexByDay, isUpcoming, monthGrid, type CalendarEntry, type DayIndex } from '../../src/overview/calendar';
import { addDays, danishDay, isoWeek, nextMonth, previousMonth } from '../../src/shared/danish-time';
import { nowSummary } from '../../src/overview/now';
import { deadline, fixtureData } from './support/overview-fixtures';

describe('calendar entries across systems', () => {
  const entries = calendarEntries(fixtureData());

  it('lists appointments, deadlines and last days to appeal, earliest first', () => {
    expect(entries.map((e) => [e.kind, e.title])).toEqual([
      ['deadline', 'Aflevér pasfoto'],
      ['appointment', 'Samtale i jobcentret'],
      ['appointment', 'Samtale i jobcentret'],
      ['appeal', 'Afgørelse om kontanthjælp'],
    ]);
  });

  it('keeps the source system, place and change link, and copes with their absence', () => {
    const meeting = entries.find((e) => e.id === 'activity:v-act-1')!;
    expect(meeting.source).toEqual({ name: 'Jobcentrets system', category: 'job-centre' });
    expect(meeting.location).toMatchObject({ name: 'Jobcenter Vesterå', address: 'Torvet 1, 9999 Vesterå' });
    expect(meeting.changeUrl).toBe('https://jobnet.example/aftaler/1');
    const photo = entries.find((e) => e.id === 'activity:v-act-2')!;
    expect([photo.changeUrl, photo.location, photo.caseId]).toEqual([null, null, null]);
  });

  it('puts an appeal deadline at the end of its Danish day, as a whole-day entry', () => {
    const appeal = entries.find((e) => e.kind === 'appeal')!;
    expect(appeal).toMatchObject({ allDay: true, day: '2026-03-20', start: '2026-03-20T22:59:59.000Z' });
  });

  it('shows an appeal deadline once when the case system also lists it as a deadline', () => {
    const data = fixtureData();
    data.activities.push({
      vaultId: 'v-act-9',
      origin: data.decisions[0]!.origin,
      record: Activity.parse({ ...deadline, id: 'act-9', title: 'Klagefrist', caseId: 'case-cash', dueAt: '2026-03-20T23:59:00+01:00' }),
    });
    const kinds = calendarEntries(data)
      .filter((e) => e.day === '2026-03-20')
      .map((e) => e.kind);
    expect(kinds).toEqual(['deadline']);
    data.activities[3]!.origin = 'https://other.example';
    expect(
      calendarEntries(data)
        .filter((e) => e.day === '2026-03-20')
        .map((e) => e.kind)
        .sort(),
    ).toEqual(['appeal', 'deadline']);
  });

  it('groups by Danish day, not UTC day', () => {
    expect(danishDay('2026-03-05T23:30:00Z')).toBe('2026-03-06');
    expect(danishDay('2026-07-05T21:59:00Z')).toBe('2026-07-05');
  });

  it('treats cancelled and past entries as not upcoming', () => {
    const now = Date.parse('2026-03-06T00:00:00+01:00');
    expect(entries.filter((e) => isUpcoming(e, now)).map((e) => e.id)).toEqual(['activity:v-act-1', 'appeal:v-dec-1']);
  });
});

describe('month grid', () => {
  it('starts weeks on Monday and pads with neighbouring days', () => {
    const grid = monthGrid('2026-03', indexByDay(calendarEntries(fixtureData())));
    // 1 March 2026 is a Sunday: the first week starts on Monday 23 February.
    expect(grid[0]![0]!.day).toBe('2026-02-23');
    expect(grid[0]![6]).toMatchObject({ day: '2026-03-01', inMonth: true });
    expect(grid.at(-1)!.at(-1)!.day).toBe('2026-04-05');
    expect(grid.every((w) => w.length === 7)).toBe(true);
    const tenth = grid.flat().find((d) => d.day === '2026-03-10')!;
    expect(tenth.entries.map((e) => e.title)).toEqual(['Samtale i jobcentret']);
  });

  it('rejects a month that is not YYYY-MM', () => {
    expect(() => monthGrid('2026-13', indexByDay([]))).toThrow(RangeError);
  });

  it('reads only the entries of the days it shows, from a ten-year history', () => {
    const template = calendarEntries(fixtureData())[0]!;
    // 36,500 entries, ten a day over ten years, given unsorted (newest first) on purpose.
    const history: CalendarEntry[] = [];
    for (let d = 3649; d >= 0; d--) {
      const day = addDays('2016-01-01', d);
      for (let k = 0; k < 10; k++) history.push({ ...template, id: `e-${day}-${k}`, day });
    }
    const index = indexByDay(history);
    let reads = 0;
    const counted: DayIndex = {
      ...index,
      byDay: new Proxy(index.byDay, {
        get: (target, key, receiver) => {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      }),
    };
    const grid = monthGrid('2020-02', counted);
    const shown = grid.flat();
    // 2020-02 runs Monday 27 January to Sunday 1 March: five weeks, 350 entries.
    expect([shown[0]!.day, shown.at(-1)!.day]).toEqual(['2020-01-27', '2020-03-01']);
    expect(shown.every((d) => d.entries.length === 10 && d.entries.every((e) => e.day === d.day))).toBe(true);
    expect(shown.find((d) => d.day === '2020-02-29')!.entries.map((e) => e.id)).toEqual(Array.from({ length: 10 }, (_, k) => `e-2020-02-29-${k}`));
    // A binary search at each end, then a slice of the 350: nowhere near the 36,500.
    expect(reads).toBeLessThan(350 + 2 * 40);
  });

  it('finds the entries between two days at the edges of the history and outside it', () => {
    const index = indexByDay(calendarEntries(fixtureData()));
    const all = index.byDay;
    const [first, last] = [all[0]!.day, all.at(-1)!.day];
    expect(entriesBetween(index, first, last)).toEqual(all);
    expect(entriesBetween(index, addDays(first, -400), addDays(first, -1))).toEqual([]);
    expect(entriesBetween(index, addDays(last, 1), addDays(last, 400))).toEqual([]);
    expect(entriesBetween(index, last, first)).toEqual(first === last ? all : []);
    expect(entriesBetween(index, '2026-03-10', '2026-03-10').map((e) => e.title)).toEqual(['Samtale i jobcentret']);
  });

  it('steps months across years and numbers ISO weeks', () => {
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(isoWeek('2026-01-01')).toBe(1);
    expect(isoWeek('2024-12-30')).toBe(1);
    expect(isoWeek('2027-01-01')).toBe(53);
    expect(isoWeek('2026-03-10')).toBe(11);
  });
});

describe('now', () => {
  it('shows open cases, next appointments and deadlines, latest payments and new documents', () => {
    const now = nowSummary(fixtureData(), Date.parse('2026-03-01T12:00:00+01:00'));
    expect(now.openCases.map((c) => c.record.id)).toEqual(['case-cash']);
    expect(now.appointments.map((e) => e.title)).toEqual(['Samtale i jobcentret']);
    expect(now.deadlines.map((e) => e.kind)).toEqual(['deadline', 'appeal']);
    expect(now.latestPayments.map((p) => p.record.id)).toEqual(['pay-2', 'pay-1']);
    expect(now.newDocuments.map((d) => d.record.id)).toEqual(['doc-1']);
    const later = nowSummary(fixtureData(), Date.parse('2026-05-01T12:00:00+02:00'));
    expect(later.newDocuments).toEqual([]);
    expect(later.deadlines).toEqual([]);
  });
});
