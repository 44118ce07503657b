/**
 * Calendar files (.ics) in: time zones (IANA names, Windows names, a file's own VTIMEZONE,
 * floating and UTC times), series (RRULE, RDATE, EXDATE, a moved occurrence), updates and
 * cancellations by UID and SEQUENCE, and the files that must fail whole.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planCalendarImport, readCalendar, type CalendarFile, type StoredCalendarEvent } from '../../src/importers/calendar/index';
import { calendarText, MAX_EVENTS } from '../../src/importers/calendar/parse';
import { instantInZone, resolveZone } from '../../src/importers/calendar/zones';
import { ImportError } from '../../src/importers/types';
import { calendarEntries } from '../../src/overview/calendar';
import { EMPTY_OVERVIEW } from '../../src/overview/model';
import { calendarEventKind } from '../../src/records/own/index';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/calendar', name), 'utf8');
const WINDOW = { from: '2026-12-01', to: '2027-12-31' };
const SOURCE = { fileName: 'invitation.ics', importedAt: '2026-12-07T12:00:00.000Z' };
const ics = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//DA', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', 'DTSTAMP:20261201T000000Z', ...lines, 'END:VEVENT'];

function failsWith(source: string, code: ImportError['code']): ImportError {
  try {
    readCalendar(source, WINDOW);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe(code);
    expect((error as ImportError).citizenMessage.da.length).toBeGreaterThan(10);
    return error as ImportError;
  }
  throw new Error('expected the file to be refused');
}

/** Applies a plan to a list of stored records, as the page writes it. */
function apply(stored: { id: string; data: StoredCalendarEvent }[], file: CalendarFile) {
  const plan = planCalendarImport(file, stored, SOURCE);
  const next = [...stored];
  for (const change of plan.changes) {
    calendarEventKind.schema.parse(change.data);
    if (change.id) next[next.findIndex((r) => r.id === change.id)] = { id: change.id, data: change.data };
    else next.push({ id: `r${next.length + 1}`, data: change.data });
  }
  return { plan, stored: next };
}

describe('time zones', () => {
  it('reads IANA and Windows names with the platform zone data, summer and winter', () => {
    expect(resolveZone('Europe/Copenhagen')).toBe('Europe/Copenhagen');
    expect(resolveZone('Romance Standard Time')).toBe('Europe/Paris');
    expect(resolveZone('/mozilla.org/20050126_1/Europe/Copenhagen')).toBe('Europe/Copenhagen');
    expect(resolveZone('Mars/Olympus_Mons')).toBeNull();
    const wall = (month: number, hour: number) => ({ year: 2026, month, day: 15, hour, minute: 0, second: 0 });
    expect(new Date(instantInZone(wall(1, 10), 'Europe/Copenhagen')).toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(new Date(instantInZone(wall(7, 10), 'Europe/Copenhagen')).toISOString()).toBe('2026-07-15T08:00:00.000Z');
  });

  it('reads a time in the hour skipped in spring with the offset before, and the doubled hour in autumn as its first', () => {
    const gap = instantInZone({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 }, 'Europe/Copenhagen');
    expect(new Date(gap).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    const twice = instantInZone({ year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 }, 'Europe/Copenhagen');
    expect(new Date(twice).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('reads a TZID only the file defines from its VTIMEZONE, UTC as UTC and floating times as Danish', () => {
    const file = readCalendar(
      ics(
        'BEGIN:VTIMEZONE',
        'TZID:Kommunens tid',
        'BEGIN:STANDARD',
        'DTSTART:19701025T030000',
        'TZOFFSETFROM:+0200',
        'TZOFFSETTO:+0100',
        'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
        'END:STANDARD',
        'BEGIN:DAYLIGHT',
        'DTSTART:19700329T020000',
        'TZOFFSETFROM:+0100',
        'TZOFFSETTO:+0200',
        'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
        'END:DAYLIGHT',
        'END:VTIMEZONE',
        ...event('UID:a', 'DTSTART;TZID=Kommunens tid:20270610T090000', 'SUMMARY:Sommer'),
        ...event('UID:b', 'DTSTART:20270110T090000Z', 'SUMMARY:UTC'),
        ...event('UID:c', 'DTSTART:20270110T090000', 'SUMMARY:Flydende'),
        ...event('UID:d', 'DTSTART;VALUE=DATE:20270110', 'DTEND;VALUE=DATE:20270112', 'SUMMARY:Hele dage'),
      ),
      WINDOW,
    );
    const start = Object.fromEntries(file.events.map((e) => [e.uid, [e.start, e.end, e.allDay]]));
    expect(start).toEqual({
      a: ['2027-06-10T07:00:00.000Z', undefined, false],
      b: ['2027-01-10T09:00:00.000Z', undefined, false],
      c: ['2027-01-10T08:00:00.000Z', undefined, false],
      d: ['2027-01-10', '2027-01-12', true],
    });
  });

  it('refuses a file whose time zone is neither known nor defined, whole', () => {
    const error = failsWith(fixture('broken-zone.ics'), 'malformed');
    expect(error.citizenMessage.da).toContain('Mars/Olympus_Mons');
    // A VTIMEZONE without any rule is no definition either.
    failsWith(ics('BEGIN:VTIMEZONE', 'TZID:Tom zone', 'END:VTIMEZONE', ...event('UID:x', 'DTSTART;TZID=Tom zone:20270110T090000')), 'malformed');
  });
});

describe('a hospital series', () => {
  const file = readCalendar(fixture('hospital-series.ics'), WINDOW);

  it('expands the weekly series with its exception, its extra date and its moved occurrence', () => {
    expect(file.name).toBe('Genoptræning Herlev');
    expect(file.method).toBe('PUBLISH');
    const rows = file.events.map((e) => [e.occurrence, e.start, e.end, e.title, e.sequence]);
    expect(rows).toEqual([
      ['2026-12-08T09:00:00.000Z', '2026-12-08T09:00:00.000Z', '2026-12-08T10:00:00.000Z', 'Genoptræning (fysioterapi)', 0],
      ['2026-12-15T09:00:00.000Z', '2026-12-15T12:00:00.000Z', '2026-12-15T13:00:00.000Z', 'Genoptræning (fysioterapi) – flyttet', 1],
      ['2026-12-29T09:00:00.000Z', '2026-12-29T09:00:00.000Z', '2026-12-29T10:00:00.000Z', 'Genoptræning (fysioterapi)', 0],
      ['2026-12-30T13:00:00.000Z', '2026-12-30T13:00:00.000Z', '2026-12-30T14:00:00.000Z', 'Genoptræning (fysioterapi)', 0],
      ['2027-01-05T09:00:00.000Z', '2027-01-05T09:00:00.000Z', '2027-01-05T10:00:00.000Z', 'Genoptræning (fysioterapi)', 0],
      ['2027-01-12T09:00:00.000Z', '2027-01-12T09:00:00.000Z', '2027-01-12T10:00:00.000Z', 'Genoptræning (fysioterapi)', 0],
    ]);
    expect(file.events[0]).toMatchObject({ location: 'Herlev Hospital, Borgmester Ib Juuls Vej 1', organizer: 'Fysioterapien Herlev', status: 'confirmed' });
  });

  it('expands only within the window', () => {
    const narrow = readCalendar(fixture('hospital-series.ics'), { from: '2026-12-20', to: '2026-12-31' });
    expect(narrow.events.map((e) => e.start.slice(0, 10))).toEqual(['2026-12-29', '2026-12-30']);
  });

  it('a daily series without end gives the days of the window, not forever', () => {
    const daily = readCalendar(ics(...event('UID:daily', 'DTSTART:20200101T080000Z', 'RRULE:FREQ=DAILY', 'SUMMARY:Medicin')), {
      from: '2027-01-01',
      to: '2027-01-31',
    });
    expect(daily.events.length).toBeGreaterThanOrEqual(31);
    expect(daily.events.length).toBeLessThanOrEqual(33);
  });
});

describe('updates and cancellations by UID and SEQUENCE', () => {
  it('adds, then updates on a newer sequence, ignores an older one, and cancels', () => {
    let state = apply([], readCalendar(fixture('gp-invitation.ics'), WINDOW));
    expect(state.plan.changes.map((c) => c.change)).toEqual(['added']);
    expect(state.stored[0]!.data).toMatchObject({ start: '2026-12-14T08:30:00.000Z', description: 'Husk medicinliste.\nMeld afbud senest dagen før.' });

    const again = apply(state.stored, readCalendar(fixture('gp-invitation.ics'), WINDOW));
    expect(again.plan).toEqual({ changes: [], unchanged: 1, unknownCancellations: 0 });

    state = apply(state.stored, readCalendar(fixture('gp-invitation-moved.ics'), WINDOW));
    expect(state.plan.changes.map((c) => [c.change, c.id])).toEqual([['updated', 'r1']]);
    expect(state.stored).toHaveLength(1);
    expect(state.stored[0]!.data.start).toBe('2026-12-14T10:00:00.000Z');

    // The first invitation read again is older: the move stands.
    expect(apply(state.stored, readCalendar(fixture('gp-invitation.ics'), WINDOW)).plan.changes).toEqual([]);

    state = apply(state.stored, readCalendar(fixture('gp-invitation-cancelled.ics'), WINDOW));
    expect(state.plan.changes.map((c) => c.change)).toEqual(['cancelled']);
    expect(state.stored[0]!.data.status).toBe('cancelled');
  });

  it('a cancellation of a whole series cancels every stored occurrence; of one occurrence, only that one', () => {
    let state = apply([], readCalendar(fixture('hospital-series.ics'), WINDOW));
    expect(state.stored).toHaveLength(6);
    const one = ics(
      'METHOD:CANCEL',
      ...event(
        'UID:genoptraening-77@herlev.regionh.dk',
        'SEQUENCE:2',
        'RECURRENCE-ID;TZID=Europe/Berlin:20261229T100000',
        'DTSTART;TZID=Europe/Berlin:20261229T100000',
      ),
    );
    state = apply(state.stored, readCalendar(one, WINDOW));
    expect(state.stored.filter((r) => r.data.status === 'cancelled').map((r) => r.data.occurrence)).toEqual(['2026-12-29T09:00:00.000Z']);
    const all = ics('METHOD:CANCEL', ...event('UID:genoptraening-77@herlev.regionh.dk', 'SEQUENCE:3', 'DTSTART;TZID=Europe/Berlin:20261208T100000'));
    state = apply(state.stored, readCalendar(all, WINDOW));
    expect(state.stored.every((r) => r.data.status === 'cancelled')).toBe(true);
    expect(state.plan.unknownCancellations).toBe(1);
  });

  it('a feed read again calls off its events still ahead that it no longer holds, and nothing else', () => {
    const span = { from: '2026-12-07', to: '2028-12-07' };
    const feed = (name: string, ...uids: string[]) =>
      ics(
        `X-WR-CALNAME:${name}`,
        ...uids.flatMap((uid) => event(`UID:${uid}`, `SUMMARY:Aftale ${uid}`, `DTSTART:${uid.startsWith('past') ? '20261120' : '20270115'}T090000Z`)),
      );
    const plan = (file: string, stored: { id: string; data: StoredCalendarEvent }[], fileName = 'tandlaegen.ics') =>
      planCalendarImport(readCalendar(file, WINDOW), stored, { ...SOURCE, fileName, calendar: 'Tandlægen' }, span);
    let stored: { id: string; data: StoredCalendarEvent }[] = plan(feed('Tandlægen', 'a', 'b', 'past-c'), []).changes.map((c, i) => ({
      id: `t${i}`,
      data: c.data,
    }));
    // Another calendar's appointment, and one from an invitation: neither is the feed's to call off.
    const other = apply([], readCalendar(ics('X-WR-CALNAME:Sygehuset', ...event('UID:x', 'SUMMARY:Scanning', 'DTSTART:20270201T090000Z')), WINDOW));
    stored = [...stored, ...other.stored.map((r) => ({ id: 'other', data: r.data }))];
    expect(stored).toHaveLength(4);

    // The feed again, downloaded under another file name: "b" is gone, and "past-c" (over) too.
    const again = plan(feed('Tandlægen', 'a'), stored, 'tandlaegen (1).ics');
    expect(again.changes.map((c) => [c.change, c.id, c.data.status])).toEqual([['vanished', 't1', 'cancelled']]);
    expect(again.unchanged).toBe(1);
    calendarEventKind.schema.parse(again.changes[0]!.data);

    // Read once more after the call-off was saved: nothing left to change.
    const saved = stored.map((r) => (r.id === 't1' ? { id: r.id, data: again.changes[0]!.data } : r));
    expect(plan(feed('Tandlægen', 'a'), saved).changes).toEqual([]);
    // An invitation (METHOD:REQUEST) speaks only of its own event, whatever the calendar.
    const invitation = ics('METHOD:REQUEST', 'X-WR-CALNAME:Tandlægen', ...event('UID:a', 'SUMMARY:Aftale a', 'DTSTART:20270115T090000Z'));
    expect(plan(invitation, stored).changes).toEqual([]);
    // A feed with an event it could not read is not read whole: nothing is called off.
    const damaged = ics('X-WR-CALNAME:Tandlægen', ...event('UID:a', 'SUMMARY:Aftale a', 'DTSTART:20270115T090000Z'), ...event('UID:b', 'SUMMARY:Aftale b'));
    expect(plan(damaged, stored).changes).toEqual([]);
    // Without a span (the caller does not ask), nothing is called off.
    expect(planCalendarImport(readCalendar(feed('Tandlægen', 'a'), WINDOW), stored, { ...SOURCE, calendar: 'Tandlægen' }).changes).toEqual([]);
  });

  it('a cancellation of an event the vault does not hold adds nothing', () => {
    const plan = planCalendarImport(readCalendar(fixture('gp-invitation-cancelled.ics'), WINDOW), [], SOURCE);
    expect(plan).toEqual({ changes: [], unchanged: 0, unknownCancellations: 1 });
  });
});

describe('files that must fail whole', () => {
  it('not a calendar, empty, damaged', () => {
    failsWith('Dato;Tekst;Beløb\n01.02.2026;Netto;-12,00\n', 'unknown-format');
    failsWith('   ', 'empty-file');
    failsWith('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026-99\r\nEND:VCALENDAR\r\n', 'malformed');
    expect(() => calendarText(new Uint8Array())).toThrow(ImportError);
  });

  it(`10,000 events: refused with a clear message, nothing read (limit ${MAX_EVENTS})`, () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      event(`UID:e${i}`, `DTSTART:20270101T${String(i % 24).padStart(2, '0')}0000Z`, `SUMMARY:Aftale ${i}`),
    ).flat();
    const error = failsWith(ics(...many), 'too-large');
    expect(error.citizenMessage.en).toContain('nothing was saved');
  });

  it('skips an event without UID and reports it', () => {
    const file = readCalendar(ics(...event('DTSTART:20270101T090000Z', 'SUMMARY:Uden id'), ...event('UID:ok', 'DTSTART:20270101T090000Z')), WINDOW);
    expect(file.events.map((e) => e.uid)).toEqual(['ok']);
    expect(file.issues.map((i) => i.code)).toEqual(['event-without-uid-or-start']);
  });
});

describe('in the calendar', () => {
  it("imported appointments join the municipality's entries, marked with their file; a cancelled one shows as cancelled", () => {
    let state = apply([], readCalendar(fixture('gp-invitation.ics'), WINDOW));
    state = apply(state.stored, readCalendar(fixture('gp-invitation-cancelled.ics'), WINDOW));
    const whole = readCalendar(ics(...event('UID:day', 'DTSTART;VALUE=DATE:20261224', 'SUMMARY:Juleaften')), WINDOW);
    state = apply(state.stored, whole);
    const entries = calendarEntries(
      EMPTY_OVERVIEW,
      state.stored.map((r) => ({ vaultId: r.id, record: r.data })),
    );
    expect(entries.map((e) => [e.title, e.day, e.status, e.allDay, e.recordKind, e.importedFrom])).toEqual([
      ['Konsultation hos læge Ole Vinther', '2026-12-14', 'cancelled', false, 'calendar-event', 'invitation.ics'],
      ['Juleaften', '2026-12-24', 'planned', true, 'calendar-event', 'invitation.ics'],
    ]);
  });
});
