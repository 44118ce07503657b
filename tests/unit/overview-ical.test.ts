import ICAL from 'ical.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarEntries } from '../../src/overview/calendar';
import { escapeText, foldLine } from '../../src/bundle/standard/ical';
import { toICalendar } from '../../src/overview/ical';
import { fixtureData } from './support/overview-fixtures';

const labels = { appointment: 'Aftale', deadline: 'Frist', appeal: 'Klagefrist' };
const options = { now: new Date('2026-03-01T12:00:00Z'), name: 'Handlerum – Thomas', labels };

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('iCalendar export', () => {
  const entries = calendarEntries(fixtureData());
  const ics = toICalendar(entries, options);

  it('parses back with ical.js into the same events', () => {
    const events = parse(ics);
    // The same UIDs a share's activities.ics gives these records.
    expect(events.map((e) => e.uid)).toEqual(
      entries.map((e) => `${e.caseId ? `${e.caseId}.` : ''}${e.recordId}${e.kind === 'appeal' ? '.appeal' : ''}@handlerum`),
    );
    // The kind is a category; only the appeal day, which has no title of its own, says it in the summary.
    expect(events.map((e) => e.summary)).toEqual(['Aflevér pasfoto', 'Samtale i jobcentret', 'Samtale i jobcentret', 'Klagefrist: Afgørelse om kontanthjælp']);
    expect(events.map((e) => e.component.getFirstProperty('categories')!.getValues())).toEqual([['Frist'], ['Aftale'], ['Aftale'], ['Frist', 'Klagefrist']]);
    const meeting = events[1]!;
    expect(meeting.startDate.toJSDate().toISOString()).toBe('2026-03-10T09:00:00.000Z');
    expect(meeting.endDate.toJSDate().toISOString()).toBe('2026-03-10T10:00:00.000Z');
    expect(meeting.location).toBe('Jobcenter Vesterå, Torvet 1, 9999 Vesterå');
    expect(meeting.component.getFirstPropertyValue('url')).toBe('https://jobnet.example/aftaler/1');
    expect(events[2]!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    const appeal = events[3]!;
    expect(appeal.startDate.isDate).toBe(true);
    expect(appeal.startDate.toString()).toBe('2026-03-20');
    expect(appeal.description).toContain('Skriv til kommunen');
  });

  it('uses CRLF line ends and keeps every line within 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const encoder = new TextEncoder();
    for (const line of ics.split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
  });

  it('round-trips any title through escaping and folding', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }), (title) => {
        const [entry] = calendarEntries(fixtureData());
        const text = toICalendar([{ ...entry!, title }], options);
        expect(parse(text)[0]!.summary).toBe(title.replace(/\r\n?/g, '\n'));
      }),
      { numRuns: process.env.SLOW ? 2000 : 100 },
    );
  });

  it('escapes the characters that have meaning in iCalendar text', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('never splits a multi-byte character when folding', () => {
    const folded = foldLine(`SUMMARY:${'æøå'.repeat(40)}`);
    expect(
      folded
        .split('\r\n')
        .map((l: string) => l.replace(/^ /, ''))
        .join(''),
    ).toBe(`SUMMARY:${'æøå'.repeat(40)}`);
    expect(folded).not.toContain('\uFFFD');
  });
});
