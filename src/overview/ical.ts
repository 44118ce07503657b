/**
 * iCalendar (RFC 5545) export of the calendar, so appointments and deadlines can go into any
 * calendar program. Written by hand: the subset needed is small, and every rule that matters
 * (CRLF, escaping, folding at 75 octets, UTC times) is here and tested against a parser.
 */
import type { CalendarEntry } from './calendar';
import { addDays } from './danish-time';

export interface ICalendarOptions {
  /** When the file is made (DTSTAMP). */
  now: Date;
  /** Calendar name shown by calendar programs. */
  name: string;
  /** Words for the kinds, in the page's language, used in SUMMARY. */
  labels: Record<CalendarEntry['kind'], string>;
}

/** TEXT escaping (RFC 5545 §3.3.11). */
export const escapeText = (value: string): string =>
  value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');

const encoder = new TextEncoder();

/** Folds a content line at 75 octets without splitting a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines start with a space, which counts towards their 75 octets.
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

const utc = (date: Date): string => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const dateValue = (day: string): string => day.replace(/-/g, '');

function eventLines(entry: CalendarEntry, options: ICalendarOptions): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${entry.id.replace(/[^A-Za-z0-9:_-]/g, '')}@handlerum`, `DTSTAMP:${utc(options.now)}`];
  if (entry.allDay) {
    lines.push(`DTSTART;VALUE=DATE:${dateValue(entry.day)}`, `DTEND;VALUE=DATE:${dateValue(addDays(entry.day, 1))}`);
  } else {
    lines.push(`DTSTART:${utc(new Date(entry.start))}`);
    if (entry.end) lines.push(`DTEND:${utc(new Date(entry.end))}`);
  }
  lines.push(`SUMMARY:${escapeText(`${options.labels[entry.kind]}: ${entry.title}`)}`);
  const description = [entry.detail, entry.source ? entry.source.name : null].filter(Boolean).join('\n');
  if (description) lines.push(`DESCRIPTION:${escapeText(description)}`);
  if (entry.location) {
    const where = [entry.location.name, entry.location.room, entry.location.address].filter(Boolean).join(', ');
    lines.push(`LOCATION:${escapeText(where)}`);
  }
  if (entry.changeUrl) lines.push(`URL:${entry.changeUrl}`);
  if (entry.status === 'cancelled') lines.push('STATUS:CANCELLED');
  else lines.push('STATUS:CONFIRMED');
  lines.push('END:VEVENT');
  return lines;
}

/** The whole calendar as one .ics text (CRLF line ends, folded lines). */
export function toICalendar(entries: readonly CalendarEntry[], options: ICalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Handlerum//Kalender//DA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    ...entries.flatMap((entry) => eventLines(entry, options)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
