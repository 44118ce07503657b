/**
 * Activities (appointments, deadlines) as iCalendar (RFC 5545): the one iCalendar writer, used
 * by a share's `activities.ics` and by the calendar page's export alike, so both say the same
 * event the same way. CRLF, TEXT escaping, folding at 75 octets, UTC times. Free of vault code.
 */
import { utf8 } from '../../shared/bytes';

export interface StandardActivity {
  /** Stable id; becomes the UID. */
  id: string;
  title: string;
  /** An instant (`…Z` or with offset) for a timed event, or `YYYY-MM-DD` for an all-day one. */
  start: string;
  end?: string;
  location?: string;
  description?: string;
  url?: string;
  /** STATUS (§3.8.1.11); left out when not given. */
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  /** CATEGORIES (§3.8.1.2), e.g. `Frist`; each escaped as TEXT. */
  categories?: readonly string[];
}

/** TEXT escaping (§3.3.11). */
export const escapeText = (value: string): string =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

/** Folds a content line at 75 octets without splitting a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8(char).length;
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const utc = (at: Date): string =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function dateProperty(name: string, value: string, field: string): string {
  const day = DATE.exec(value);
  if (day) return `${name};VALUE=DATE:${day[1]}${day[2]}${day[3]}`;
  const at = new Date(value);
  if (!/T/.test(value) || Number.isNaN(at.getTime())) throw new TypeError(`${field}: not an instant or YYYY-MM-DD`);
  return `${name}:${utc(at)}`;
}

/**
 * An iCalendar file of the activities. An all-day event gives `start` and `end` as days, `end`
 * being the day after the last (DTEND is exclusive, §3.6.1).
 * @throws {TypeError} naming the activity whose start or end is not a date.
 */
export function activitiesToICalendar(activities: readonly StandardActivity[], options: { now: Date; name: string }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Handlerum//Kalender//DA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  activities.forEach((a, i) => {
    if (a.url !== undefined && !/^[A-Za-z][A-Za-z0-9+.-]*:[^\u0000-\u0020\u007f]+$/.test(a.url)) throw new TypeError(`activities[${i}].url: not a URI`);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(a.id)}@handlerum`,
      `DTSTAMP:${utc(options.now)}`,
      dateProperty('DTSTART', a.start, `activities[${i}].start`),
      ...(a.end ? [dateProperty('DTEND', a.end, `activities[${i}].end`)] : []),
      `SUMMARY:${escapeText(a.title)}`,
      ...(a.location ? [`LOCATION:${escapeText(a.location)}`] : []),
      ...(a.description ? [`DESCRIPTION:${escapeText(a.description)}`] : []),
      ...(a.url ? [`URL:${a.url}`] : []),
      ...(a.categories?.length ? [`CATEGORIES:${a.categories.map(escapeText).join(',')}`] : []),
      ...(a.status ? [`STATUS:${a.status}`] : []),
      'END:VEVENT',
    );
  });
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
