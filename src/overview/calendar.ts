/**
 * One calendar across systems: every appointment and deadline the municipality's systems hold,
 * the last day to appeal each decision, and the appointments the citizen read in from calendar
 * files, as one list of entries and as a month grid.
 */
import type { Activity, Decision, SourceSystem } from '../municipal/api/schemas';
import type { KindData } from '../records/kind';
import type { calendarEventKind } from '../records/own/index';
import { addDays, danishDay, endOfDanishDay, nextMonth, weekdayIndex } from '../shared/danish-time';
import { activityAt, type Item, type OverviewData } from './model';

export type EntryKind = 'appointment' | 'deadline' | 'appeal';

export interface CalendarEntry {
  /** Stable across syncs: the kind of source and its vault id. */
  id: string;
  kind: EntryKind;
  title: string;
  /** What to do by a deadline, or the appointment's description. */
  detail: string | null;
  /** ISO instant; for an appeal deadline, the end of its Danish day. */
  start: string;
  end: string | null;
  /** A whole-day entry (appeal deadlines): `day` is what counts, not a time. */
  allDay: boolean;
  /** The Danish calendar day. */
  day: string;
  status: Activity['status'] | 'open';
  /** The system it comes from; an appeal deadline comes from the case system. */
  source: Pick<SourceSystem, 'name' | 'category'> | null;
  location: { name: string; address: string | null; room: string | null; online: boolean } | null;
  changeUrl: string | null;
  origin: string;
  /** The municipality's case id, when the entry belongs to a case. */
  caseId: string | null;
  /** The vault id of the record behind the entry. */
  vaultId: string;
  /** The municipality's id of that record (an activity's, or the decision's for an appeal deadline); an imported event's UID. */
  recordId: string;
  recordKind: 'municipal-activity' | 'municipal-decision' | 'letter-event' | 'calendar-event';
  /** For an entry read from a letter: the letter's vault id. */
  letterId?: string;
  /** For an appointment read in from a calendar file: that file's name. */
  importedFrom?: string;
}

/** An appointment read in from a calendar file, with its vault id. */
export interface ImportedEvent {
  vaultId: string;
  record: KindData<typeof calendarEventKind>;
}

/** An imported event as a calendar entry: the citizen's own import, from no municipality. */
export function importedEntry({ vaultId, record: e }: ImportedEvent): CalendarEntry {
  const start = e.allDay ? new Date(endOfDanishDay(e.start)).toISOString() : e.start;
  return {
    id: `imported:${vaultId}`,
    kind: 'appointment',
    title: e.title,
    detail: e.description ?? null,
    start,
    end: !e.allDay && e.end ? e.end : null,
    allDay: e.allDay,
    day: e.allDay ? e.start : danishDay(start),
    status: e.status === 'cancelled' ? 'cancelled' : 'planned',
    source: { name: e.organizer ?? e.source.calendar ?? e.source.fileName, category: 'other' },
    location: e.location ? { name: e.location, address: null, room: null, online: false } : null,
    changeUrl: e.url ?? null,
    origin: '',
    caseId: null,
    vaultId,
    recordId: e.occurrence ? `${e.uid}.${e.occurrence}` : e.uid,
    recordKind: 'calendar-event',
    importedFrom: e.source.fileName,
  };
}

/** An activity (an appointment or a deadline) as a calendar entry. */
export function activityEntry({ vaultId, origin, record: a }: Item<Activity>): CalendarEntry {
  const start = activityAt(a);
  return {
    id: `activity:${vaultId}`,
    kind: a.kind,
    title: a.title,
    detail: a.kind === 'deadline' ? (a.action ?? a.description ?? null) : (a.description ?? null),
    start,
    end: a.kind === 'appointment' ? (a.endsAt ?? null) : null,
    allDay: false,
    day: danishDay(start),
    status: a.status,
    source: { name: a.source.name, category: a.source.category },
    location:
      a.kind === 'appointment' && a.location
        ? { name: a.location.name, address: a.location.address ?? null, room: a.location.room ?? null, online: a.location.online ?? false }
        : null,
    changeUrl: a.changeUrl ?? null,
    origin,
    caseId: a.caseId ?? null,
    vaultId,
    recordId: a.id,
    recordKind: 'municipal-activity',
  };
}

/** The decisions' appeal deadlines, but not one `entries` already lists as a deadline of its case that day. */
export function appealEntries(decisions: readonly Item<Decision>[], entries: readonly CalendarEntry[]): CalendarEntry[] {
  // Case systems often list the appeal deadline as an activity too: show that day once.
  const listedDeadlines = new Set(entries.filter((e) => e.kind === 'deadline' && e.caseId).map((e) => `${e.origin}\n${e.caseId}\n${e.day}`));
  const appeals: CalendarEntry[] = [];
  for (const { vaultId, origin, record: d } of decisions) {
    if (!d.appeal || listedDeadlines.has(`${origin}\n${d.caseId}\n${d.appeal.deadline}`)) continue;
    appeals.push({
      id: `appeal:${vaultId}`,
      kind: 'appeal',
      title: d.title,
      detail: d.appeal.howTo,
      start: new Date(endOfDanishDay(d.appeal.deadline)).toISOString(),
      end: null,
      allDay: true,
      day: d.appeal.deadline,
      status: 'open',
      source: null,
      location: null,
      changeUrl: d.appeal.url ?? null,
      origin,
      caseId: d.caseId,
      vaultId,
      recordId: d.id,
      recordKind: 'municipal-decision',
    });
  }
  return appeals;
}

const byTitle = new Intl.Collator('da').compare;

/** An entry with its start parsed once, for sorting (`sortEntries`, or a sort made in parts). */
export interface KeyedEntry {
  entry: CalendarEntry;
  at: number;
}
export const keyedEntry = (entry: CalendarEntry): KeyedEntry => ({ entry, at: Date.parse(entry.start) });
/** The order of `sortEntries`: earliest first, ties by title. */
export const earlierEntry = (a: KeyedEntry, b: KeyedEntry): number => a.at - b.at || byTitle(a.entry.title, b.entry.title);

/**
 * Sorts `entries` in place, earliest first, ties by title (so the order never depends on load
 * order). Each start is parsed once: collating the ISO strings with localeCompare cost most of
 * the calendar's making at 25,000 entries.
 */
export function sortEntries(entries: CalendarEntry[]): CalendarEntry[] {
  const keyed = entries.map(keyedEntry);
  keyed.sort(earlierEntry);
  keyed.forEach(({ entry }, i) => (entries[i] = entry));
  return entries;
}

/** Every entry, earliest first (ties by title, so the order never depends on load order). */
export function calendarEntries(data: OverviewData, imported: readonly ImportedEvent[] = []): CalendarEntry[] {
  const entries: CalendarEntry[] = [...imported.map(importedEntry), ...data.activities.map(activityEntry)];
  entries.push(...appealEntries(data.decisions, entries));
  return sortEntries(entries);
}

/** Still ahead and still on: not cancelled, completed or missed, and not yet past. */
export const isUpcoming = (entry: CalendarEntry, now: number): boolean =>
  (entry.status === 'planned' || entry.status === 'changed' || entry.status === 'open') && Date.parse(entry.start) >= now;

export interface MonthDay {
  day: string;
  inMonth: boolean;
  entries: CalendarEntry[];
}

/**
 * Entries sorted by their Danish day, for reading one stretch of days without going over the
 * whole history: a ten-year calendar holds tens of thousands of entries, a month a few dozen.
 * Build it once per list of entries; the brand keeps an unsorted array from being passed.
 */
export interface DayIndex {
  readonly byDay: readonly CalendarEntry[];
  readonly __dayIndex: true;
}

/** Sorts a copy by day; entries on the same day keep their order (earliest first from calendarEntries). */
export function indexByDay(entries: readonly CalendarEntry[]): DayIndex {
  const byDay = entries.map((entry, i) => ({ entry, i })).sort((a, b) => (a.entry.day < b.entry.day ? -1 : a.entry.day > b.entry.day ? 1 : a.i - b.i));
  return { byDay: byDay.map((x) => x.entry), __dayIndex: true };
}

/** The first position whose day is not before `day` (binary search). */
function firstOnOrAfter(sorted: readonly CalendarEntry[], day: string): number {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]!.day < day) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The entries from day `from` up to and including day `to`, in day order. */
export function entriesBetween(index: DayIndex, from: string, to: string): CalendarEntry[] {
  if (to < from) return [];
  return index.byDay.slice(firstOnOrAfter(index.byDay, from), firstOnOrAfter(index.byDay, addDays(to, 1)));
}

/**
 * A month as weeks of seven days, Monday first, padded with the neighbouring months' days. Reads
 * only the entries of the days shown.
 */
export function monthGrid(month: string, index: DayIndex): MonthDay[][] {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`month must be YYYY-MM, got ${month}`);
  const first = `${month}-01`;
  const from = addDays(first, -weekdayIndex(first));
  const last = addDays(`${nextMonth(month)}-01`, -1);
  const byDay = new Map<string, CalendarEntry[]>();
  for (const entry of entriesBetween(index, from, addDays(last, 6 - weekdayIndex(last)))) byDay.set(entry.day, [...(byDay.get(entry.day) ?? []), entry]);
  let day = from;
  const weeks: MonthDay[][] = [];
  do {
    const week: MonthDay[] = [];
    for (let i = 0; i < 7; i++) {
      week.push({ day, inMonth: day.startsWith(month), entries: byDay.get(day) ?? [] });
      day = addDays(day, 1);
    }
    weeks.push(week);
  } while (day.startsWith(month));
  return weeks;
}
