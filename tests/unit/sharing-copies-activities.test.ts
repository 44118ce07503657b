/**
 * The iCalendar copy of a share's appointments and deadlines, made from data.json alone and read
 * back with a strict check of RFC 5545's rules (tests/unit/support/ics-check.ts) and with ical.js:
 * CRLF, folding at 75 octets, TEXT escaping, UTC times across Denmark's summer-time changes,
 * deadlines at the end of a Danish day as whole days. Also: the file names documents get.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { ACTIVITIES_COPY_PATH, copyableActivities, documentPath, isEndOfDanishDay, standardCopies } from '../../src/sharing/standard-copies';
import { checkIcs } from './support/ics-check';

const NOW = new Date('2026-03-15T10:00:00.000Z');

const source = { id: 'momentum', name: 'Momentum', category: 'job-centre' };
const appointment = (over: Record<string, unknown> = {}) => ({
  type: 'activity',
  id: 'akt-1',
  version: 1,
  updatedAt: '2026-03-01T08:00:00+01:00',
  kind: 'appointment',
  title: 'Møde i rehabiliteringsteamet, runde 2; husk papirer \\ og CV',
  description: 'Tag gerne en bisidder med.\nDu må også tage din advokat med.',
  status: 'planned',
  source,
  startsAt: '2026-03-27T10:00:00+01:00',
  endsAt: '2026-03-27T11:00:00+01:00',
  location: { name: 'Jobcenter Vesterå', address: 'Stationsvej 4, 8999 Vesterå', room: 'Mødelokale 2.14' },
  contact: { name: 'Jonas Bech Andersen', channels: [{ kind: 'phone', value: '72 36 41 57' }] },
  changeUrl: 'https://vestera.example/selvbetjening/aftaler/akt-1',
  ...over,
});
const deadline = (over: Record<string, unknown> = {}) => ({
  type: 'activity',
  id: 'akt-2',
  version: 1,
  updatedAt: '2026-03-01T08:00:00+01:00',
  kind: 'deadline',
  title: 'Klagefrist: afgørelse om befordringsgodtgørelse',
  action: 'Klag til jobcentret, hvis du er uenig.',
  status: 'planned',
  source,
  dueAt: '2026-03-29T23:59:00+02:00',
  ...over,
});
const dataWith = (...activities: Record<string, unknown>[]) => ({ cases: [{ case: { type: 'case', id: 'sag-7', version: 1 }, activities }] });

describe('the iCalendar copy of shared activities', () => {
  it('keeps every rule of RFC 5545 and says what data.json says, event by event', () => {
    const data = dataWith(
      appointment(),
      // Summer time starts on 29 March 2026: 23:59 that day is +02:00; the day before is +01:00.
      deadline(),
      deadline({ id: 'akt-3', dueAt: '2026-03-28T23:59:00+01:00', title: 'Frist før sommertid' }),
      deadline({ id: 'akt-4', dueAt: '2026-04-03T12:00:00+02:00', title: 'Indsend kørselsliste for marts', action: undefined }),
      appointment({
        id: 'akt-5',
        title: 'Aflyst samtale',
        status: 'cancelled',
        endsAt: undefined,
        location: undefined,
        description: undefined,
        changeUrl: undefined,
        startsAt: '2026-10-25T02:30:00+01:00',
      }),
    );
    const files = standardCopies(data, NOW);
    expect(files.map((f) => [f.path, f.mediaType])).toEqual([[ACTIVITIES_COPY_PATH, 'text/calendar']]);
    const text = new TextDecoder().decode(files[0]!.bytes);
    const { calendar, events } = checkIcs(text);
    expect(calendar.find((p) => p.name === 'PRODID')?.raw).toBe('-//Handlerum//Kalender//DA');
    expect(events).toHaveLength(5);
    expect(events.map((e) => e.text('UID'))).toEqual([
      'sag-7.akt-1@handlerum',
      'sag-7.akt-2@handlerum',
      'sag-7.akt-3@handlerum',
      'sag-7.akt-4@handlerum',
      'sag-7.akt-5@handlerum',
    ]);
    for (const e of events) expect(e.one('DTSTAMP')!.raw).toBe('20260315T100000Z');

    const [meeting, summerDeadline, winterDeadline, timedDeadline, cancelled] = events as [
      (typeof events)[0],
      (typeof events)[0],
      (typeof events)[0],
      (typeof events)[0],
      (typeof events)[0],
    ];
    expect(meeting.text('SUMMARY')).toBe(appointment().title);
    expect(meeting.text('DESCRIPTION')).toBe(appointment().description);
    expect(meeting.text('LOCATION')).toBe('Jobcenter Vesterå, Mødelokale 2.14, Stationsvej 4, 8999 Vesterå');
    expect(meeting.when('DTSTART')).toEqual({ allDay: false, value: '2026-03-27T09:00:00.000Z' });
    expect(meeting.when('DTEND')).toEqual({ allDay: false, value: '2026-03-27T10:00:00.000Z' });
    expect(meeting.one('URL')!.raw).toBe(appointment().changeUrl);
    expect(meeting.categories()).toEqual(['Aftale']);
    expect(meeting.one('STATUS')!.raw).toBe('CONFIRMED');

    // A deadline at 23:59 Danish time is that whole day, summer time or not.
    expect(summerDeadline.when('DTSTART')).toEqual({ allDay: true, value: '2026-03-29' });
    expect(summerDeadline.when('DTEND')).toEqual({ allDay: true, value: '2026-03-30' });
    expect(summerDeadline.text('DESCRIPTION')).toBe('Klag til jobcentret, hvis du er uenig.');
    expect(summerDeadline.categories()).toEqual(['Frist']);
    expect(winterDeadline.when('DTSTART')).toEqual({ allDay: true, value: '2026-03-28' });
    // Any other time is the moment it falls, in UTC, with no end.
    expect(timedDeadline.when('DTSTART')).toEqual({ allDay: false, value: '2026-04-03T10:00:00.000Z' });
    expect(timedDeadline.one('DTEND')).toBeUndefined();
    expect(timedDeadline.one('DESCRIPTION')).toBeUndefined();
    // 02:30 on the night winter time returns (+01:00 after the change) is 01:30 UTC.
    expect(cancelled.when('DTSTART')).toEqual({ allDay: false, value: '2026-10-25T01:30:00.000Z' });
    expect(cancelled.one('STATUS')!.raw).toBe('CANCELLED');
    expect(cancelled.one('LOCATION')).toBeUndefined();

    // An independent reader agrees.
    const parsed = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(parsed.map((e) => e.summary)).toEqual(events.map((e) => e.text('SUMMARY')));
    expect(parsed[0]!.location).toBe('Jobcenter Vesterå, Mødelokale 2.14, Stationsvej 4, 8999 Vesterå');
    expect(parsed[1]!.startDate.isDate).toBe(true);
    expect(parsed[1]!.startDate.toString()).toBe('2026-03-29');
    expect(parsed[0]!.startDate.toJSDate().toISOString()).toBe('2026-03-27T09:00:00.000Z');
  });

  it('adds the last day to appeal each shared decision as a whole day; a decision that cannot be appealed adds nothing', () => {
    const decision = (id: string, appeal?: Record<string, unknown>) => ({
      type: 'decision',
      id,
      version: 1,
      title: 'Afgørelse om kontanthjælp',
      ...(appeal ? { appeal } : {}),
    });
    const appeal = {
      deadline: '2026-04-22',
      body: 'Ankestyrelsen',
      submitTo: 'Vesterå Kommune, Jobcenter',
      howTo: 'Skriv til kommunen.',
      url: 'https://vestera.example/klage',
    };
    const data = { cases: [{ case: { type: 'case', id: 'sag-7', version: 1 }, decisions: [decision('afg-1', appeal), decision('afg-2')] }] };
    const [file] = standardCopies(data, NOW);
    expect(file!.path).toBe(ACTIVITIES_COPY_PATH);
    const { events } = checkIcs(new TextDecoder().decode(file!.bytes));
    expect(events).toHaveLength(1);
    const [day] = events;
    expect(day!.text('UID')).toBe('sag-7.afg-1.appeal@handlerum');
    expect(day!.text('SUMMARY')).toBe('Klagefrist: Afgørelse om kontanthjælp');
    expect(day!.when('DTSTART')).toEqual({ allDay: true, value: '2026-04-22' });
    expect(day!.when('DTEND')).toEqual({ allDay: true, value: '2026-04-23' });
    expect(day!.text('DESCRIPTION')).toBe('Klagen sendes til Vesterå Kommune, Jobcenter. Ankestyrelsen afgør den.');
    expect(day!.one('URL')!.raw).toBe(appeal.url);
    expect(day!.categories()).toEqual(['Frist', 'Klagefrist']);
    // The guidance text stays in data.json: the calendar says where and by when, not how.
    expect(new TextDecoder().decode(file!.bytes)).not.toContain('Skriv til kommunen');
  });

  it('lists an appeal day once when the case system lists it as a deadline too, as the calendar page does', () => {
    const appeal = { deadline: '2026-04-22', body: 'Ankestyrelsen', submitTo: 'Vesterå Kommune', howTo: 'Skriv.' };
    const listed = { id: 'akt-9', kind: 'deadline', title: 'Klagefrist', status: 'planned', dueAt: '2026-04-22T21:59:00Z' };
    const data = {
      cases: [
        {
          case: { type: 'case', id: 'sag-7', version: 1 },
          activities: [listed],
          decisions: [{ type: 'decision', id: 'afg-1', version: 1, title: 'Afgørelse', appeal }],
        },
      ],
    };
    const ids = copyableActivities(data).map((a) => a.id);
    expect(ids).toEqual(['sag-7.akt-9']);
    const otherDay = { ...data, cases: [{ ...data.cases[0]!, activities: [{ ...listed, dueAt: '2026-04-20T21:59:00Z' }] }] };
    expect(copyableActivities(otherDay).map((a) => a.id)).toEqual(['sag-7.akt-9', 'sag-7.afg-1.appeal']);
  });

  it('folds long Danish text at 75 octets without splitting a character, and unfolds to the same text', () => {
    const title = 'Ææ øø åå – møde om befordringsgodtgørelse, genoptræning; praktik '.repeat(6).trim();
    const text = new TextDecoder().decode(standardCopies(dataWith(appointment({ title })), NOW)[0]!.bytes);
    expect(text.split('\r\n').some((l) => l.startsWith(' '))).toBe(true);
    expect(checkIcs(text).events[0]!.text('SUMMARY')).toBe(title);
  });

  it('holds nothing that is not in data.json: no contact, no source system, no other case', () => {
    const data = dataWith(appointment());
    const text = new TextDecoder().decode(standardCopies(data, NOW)[0]!.bytes);
    expect(text).not.toContain('Jonas');
    expect(text).not.toContain('72 36 41 57');
    expect(text).not.toContain('Momentum');
    // A case shared without its activities gives no calendar at all.
    expect(standardCopies({ cases: [{ case: { type: 'case', id: 'sag-7', version: 1 }, documents: [] }] }, NOW)).toEqual([]);
    expect(copyableActivities({ notes: [{ title: 'x' }] })).toEqual([]);
  });

  it('tells the end of a Danish day from other times, in summer and winter', () => {
    expect(isEndOfDanishDay('2026-07-01T23:59:00+02:00')).toBe(true);
    expect(isEndOfDanishDay('2026-01-01T22:59:00Z')).toBe(true);
    expect(isEndOfDanishDay('2026-07-01T23:59:00Z')).toBe(false);
    expect(isEndOfDanishDay('2026-07-01T12:00:00+02:00')).toBe(false);
  });
});

describe('the strict iCalendar check itself', () => {
  const good = new TextDecoder().decode(standardCopies(dataWith(appointment(), deadline()), NOW)[0]!.bytes);
  it('accepts the copy and refuses each broken rule', () => {
    expect(() => checkIcs(good)).not.toThrow();
    expect(() => checkIcs(good.replace(/\r\n/g, '\n'))).toThrow(/CRLF/);
    expect(() => checkIcs(good.replace('SUMMARY:', `SUMMARY:${'x'.repeat(80)}`))).toThrow(/octets/);
    expect(() => checkIcs(good.replace('VERSION:2.0', 'VERSION:1.0'))).toThrow(/VERSION/);
    expect(() => checkIcs(good.replace(/PRODID:[^\r]*\r\n/, ''))).toThrow(/PRODID/);
    expect(() => checkIcs(good.replace(/DTSTAMP:[^\r]*\r\n/, ''))).toThrow(/DTSTAMP/);
    expect(() => checkIcs(good.replace(/UID:[^\r]*\r\n/, ''))).toThrow(/UID/);
    expect(() => checkIcs(good.replace('runde 2\\;', 'runde 2;'))).toThrow(/unescaped ;/);
    expect(() => checkIcs(good.replace('teamet\\, runde', 'teamet, runde'))).toThrow(/unescaped ,/);
    expect(() => checkIcs(good.replace('DTEND:20260327T100000Z', 'DTEND:20260327T080000Z'))).toThrow(/not after DTSTART/);
    expect(() => checkIcs(good.replace('DTSTART:20260327T090000Z', 'DTSTART:20260327T090000'))).toThrow(/UTC/);
    expect(() => checkIcs(good.replace('DTEND;VALUE=DATE:20260330', 'DTEND:20260330T000000Z'))).toThrow(/same value type/);
    expect(() => checkIcs(good.replace('END:VEVENT\r\n', ''))).toThrow();
  });
});

describe('file names of documents', () => {
  it('are plain ASCII under files/documents/, Danish letters spelled out, unique, bounded', () => {
    const taken = new Set<string>();
    expect(documentPath('2026-02-11 Afgørelse om befordringsgodtgørelse', 'pdf', taken)).toBe(
      'files/documents/2026-02-11-Afgoerelse-om-befordringsgodtgoerelse.pdf',
    );
    expect(documentPath('2026-02-11 Afgørelse om befordringsgodtgørelse', 'pdf', taken)).toBe(
      'files/documents/2026-02-11-Afgoerelse-om-befordringsgodtgoerelse-2.pdf',
    );
    expect(documentPath('Lægeattest (LÆ 265)', 'PDF', taken)).toBe('files/documents/Laegeattest-LAe-265.pdf');
    expect(documentPath('../../etc/passwd', 'sh', taken)).toBe('files/documents/etc-passwd.sh');
    expect(documentPath('café—résumé', 'docx', taken)).toBe('files/documents/cafe-resume.docx');
    expect(documentPath('!!!', 'p d f', taken)).toBe('files/documents/dokument.bin');
    const long = documentPath('å'.repeat(300), 'pdf', taken);
    expect(long.length).toBeLessThanOrEqual(240);
    for (const path of taken) expect(path).toMatch(/^files\/documents\/[A-Za-z0-9._-]+$/);
  });
});
