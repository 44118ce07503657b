/**
 * What a calendar file changes in the vault: events new to it are added; an event already there
 * (same UID and occurrence) is updated when the file's copy is as new or newer by SEQUENCE and
 * says something different; an older copy changes nothing; a cancellation marks the stored event
 * cancelled (kept, so the calendar shows it was called off). A feed read again (a published
 * calendar, not an invitation) also calls off what it no longer holds: its events still ahead
 * that were in its earlier import and are gone from this one. Importing the same file again
 * changes nothing. Pure: the caller writes the result in one go.
 */
import type { KindData } from '../../records/kind';
import type { calendarEventKind } from '../../records/own/index';
import { danishDay } from '../../shared/danish-time';
import type { CalendarEvent, CalendarFile } from './parse';

export type StoredCalendarEvent = KindData<typeof calendarEventKind>;

export interface CalendarChange {
  /** The vault id to overwrite, or absent for a new record. */
  id?: string;
  data: StoredCalendarEvent;
  /** `vanished`: ahead in an earlier import of the same feed, absent from this one; stored as cancelled. */
  change: 'added' | 'updated' | 'cancelled' | 'vanished';
}

export interface CalendarPlan {
  changes: CalendarChange[];
  /** Events the vault already holds as they are, or holds newer. */
  unchanged: number;
  /** Cancellations of events the vault does not hold: nothing to call off. */
  unknownCancellations: number;
}

/** The days a feed speaks for: from today to the end of the window its series were expanded in. */
export interface FeedSpan {
  from: string;
  to: string;
}

type Source = StoredCalendarEvent['source'];

/** A published calendar (no METHOD, or PUBLISH); an invitation, reply or cancellation speaks only of its own events. */
const isFeed = (file: CalendarFile): boolean => file.method === null || file.method.toUpperCase() === 'PUBLISH';

/** The same feed: by the calendar's own name when either has one (a download's file name varies), else by file name. */
const sameFeed = (a: Source, b: Source): boolean =>
  a.calendar !== undefined || b.calendar !== undefined ? a.calendar === b.calendar : a.fileName === b.fileName;

const startDay = (e: StoredCalendarEvent): string => (e.allDay ? e.start : danishDay(e.start));

export const eventKey = (e: { uid: string; occurrence: string | null }): string => `${e.uid}\n${e.occurrence ?? ''}`;

/** The fields that make two copies of an event the same for the citizen (not the source). */
function sameEvent(a: StoredCalendarEvent, b: CalendarEvent): boolean {
  const fields = ['sequence', 'status', 'title', 'description', 'location', 'organizer', 'url', 'allDay', 'start', 'end'] as const;
  return fields.every((f) => a[f] === b[f]);
}

export function planCalendarImport(
  file: CalendarFile,
  stored: readonly { id: string; data: StoredCalendarEvent }[],
  source: Source,
  /** Given, a feed's events that vanished within it are called off; past ones are left (feeds drop what is over). */
  feedSpan?: FeedSpan,
): CalendarPlan {
  const byKey = new Map(stored.map((r) => [eventKey(r.data), r]));
  const changes: CalendarChange[] = [];
  const touched = new Set<string>();
  let unchanged = 0;
  let unknownCancellations = 0;
  for (const event of file.events) {
    const key = eventKey(event);
    if (touched.has(key)) continue;
    touched.add(key);
    const existing = byKey.get(key);
    const data: StoredCalendarEvent = { ...event, source };
    if (!existing) {
      if (event.status === 'cancelled') unknownCancellations++;
      else changes.push({ data, change: 'added' });
    } else if (event.sequence < existing.data.sequence || sameEvent(existing.data, event)) {
      unchanged++;
    } else {
      changes.push({ id: existing.id, data, change: event.status === 'cancelled' && existing.data.status !== 'cancelled' ? 'cancelled' : 'updated' });
    }
  }
  // A whole series called off: every stored occurrence of it the file did not itself name.
  const sequenceOf = new Map(file.events.filter((e) => e.occurrence === null).map((e) => [e.uid, e.sequence]));
  for (const uid of new Set(file.cancelledSeries)) {
    for (const record of stored) {
      if (record.data.uid !== uid || touched.has(eventKey(record.data)) || record.data.status === 'cancelled') continue;
      if ((sequenceOf.get(uid) ?? 0) < record.data.sequence) continue;
      touched.add(eventKey(record.data));
      changes.push({ id: record.id, data: { ...record.data, status: 'cancelled', source }, change: 'cancelled' });
    }
  }
  // Only a feed read whole: an event skipped or a series cut short is not gone from the feed.
  const readWhole = !file.issues.some((i) => i.severity === 'skipped' || i.code === 'series-cut');
  if (feedSpan && isFeed(file) && readWhole) {
    for (const record of stored) {
      const { data } = record;
      if (touched.has(eventKey(data)) || data.status === 'cancelled' || !sameFeed(data.source, source)) continue;
      const day = startDay(data);
      if (day < feedSpan.from || day > feedSpan.to) continue;
      changes.push({ id: record.id, data: { ...data, status: 'cancelled', source }, change: 'vanished' });
    }
  }
  return { changes, unchanged, unknownCancellations };
}
