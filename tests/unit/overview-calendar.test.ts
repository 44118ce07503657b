import { describe, expect, it } from 'vitest';
import { Activity } from '../../src/municipal/api/schemas';
import { calendarEntries, isUpcoming, monthGrid } from '../../src/overview/calendar';
import { danishDay, isoWeek, nextMonth, previousMonth } from '../../src/shared/danish-time';
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
    const grid = monthGrid('2026-03', calendarEntries(fixtureData()));
    // 1 March 2026 is a Sunday: the first week starts on Monday 23 February.
    expect(grid[0]![0]!.day).toBe('2026-02-23');
    expect(grid[0]![6]).toMatchObject({ day: '2026-03-01', inMonth: true });
    expect(grid.at(-1)!.at(-1)!.day).toBe('2026-04-05');
    expect(grid.every((w) => w.length === 7)).toBe(true);
    const tenth = grid.flat().find((d) => d.day === '2026-03-10')!;
    expect(tenth.entries.map((e) => e.title)).toEqual(['Samtale i jobcentret']);
  });

  it('rejects a month that is not YYYY-MM', () => {
    expect(() => monthGrid('2026-13', [])).toThrow(RangeError);
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
