/**
 * iCalendar (RFC 5545) export of the calendar, so appointments and deadlines can go into any
 * calendar program. The calendar's entries become the same events a share's `activities.ics`
 * holds (same UID, same whole day for a deadline at the end of a Danish day), written by the
 * bundle's one iCalendar writer.
 */
import { activitiesToICalendar, type StandardActivity } from '../bundle/standard/ical';
import type { CalendarEntry } from './calendar';
import { addDays, isEndOfDanishDay } from '../shared/danish-time';

export interface ICalendarOptions {
  /** When the file is made (DTSTAMP). */
  now: Date;
  /** Calendar name shown by calendar programs. */
  name: string;
  /** Words for the kinds, in the page's language: categories, and the appeal day's title. */
  labels: Record<CalendarEntry['kind'], string>;
}

/** The UID a share gives the same record: `<case>.<activity>`, `<case>.<decision>.appeal`. */
function uidOf(entry: CalendarEntry): string {
  const record = entry.caseId ? `${entry.caseId}.${entry.recordId}` : entry.recordId;
  return entry.kind === 'appeal' ? `${record}.appeal` : record;
}

/** A calendar entry as the event a share writes for it. */
export function entryActivity(entry: CalendarEntry, labels: ICalendarOptions['labels']): StandardActivity {
  const wholeDay = entry.allDay || (entry.kind === 'deadline' && isEndOfDanishDay(entry.start));
  const where = entry.location ? [entry.location.name, entry.location.room, entry.location.address].filter(Boolean).join(', ') : '';
  const description = [entry.detail, entry.source?.name].filter(Boolean).join('\n');
  return {
    id: uidOf(entry),
    title: entry.kind === 'appeal' ? `${labels.appeal}: ${entry.title}` : entry.title,
    ...(wholeDay
      ? { start: entry.day, end: addDays(entry.day, 1) }
      : { start: entry.start, ...(entry.end && Date.parse(entry.end) > Date.parse(entry.start) ? { end: entry.end } : {}) }),
    ...(where ? { location: where } : {}),
    ...(description ? { description } : {}),
    ...(entry.changeUrl ? { url: entry.changeUrl } : {}),
    status: entry.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    categories: entry.kind === 'appeal' ? [labels.deadline, labels.appeal] : [labels[entry.kind]],
  };
}

/** The whole calendar as one .ics text (CRLF line ends, folded lines). */
export function toICalendar(entries: readonly CalendarEntry[], options: ICalendarOptions): string {
  return activitiesToICalendar(
    entries.map((entry) => entryActivity(entry, options.labels)),
    { now: options.now, name: options.name },
  );
}
