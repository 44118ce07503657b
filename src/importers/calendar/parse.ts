/**
 * Calendar invitations and feeds (iCalendar, RFC 5545) read into plain events: one per
 * occurrence, each keyed by its UID and, within a series, by when that occurrence was first
 * planned (its RECURRENCE-ID), so a later file about the same event updates it instead of adding
 * a copy. Series (RRULE, RDATE, EXDATE, moved occurrences) are expanded within a window around
 * today; times become instants (see zones.ts); METHOD:CANCEL and STATUS:CANCELLED mark what was
 * called off. Pure: text in, events and issues out; a file that cannot be read as a whole throws
 * ImportError and yields nothing.
 */
import ICAL from 'ical.js';
import { addDays } from '../../shared/danish-time';
import { ImportError, type ImportIssue } from '../types';
import { HOME_ZONE, instantInZone, resolveZone } from './zones';

export type CalendarEventStatus = 'confirmed' | 'tentative' | 'cancelled';

export interface CalendarEvent {
  uid: string;
  /** For one occurrence of a series: when it was first planned (ISO instant, or a day). */
  occurrence: string | null;
  sequence: number;
  status: CalendarEventStatus;
  title: string;
  description?: string;
  location?: string;
  organizer?: string;
  url?: string;
  /** A whole-day event: `start` (and `end`, exclusive) are days, YYYY-MM-DD. */
  allDay: boolean;
  /** An ISO instant (UTC), or a day for a whole-day event. */
  start: string;
  end?: string;
}

export interface CalendarFile {
  /** REQUEST, PUBLISH, CANCEL…, when the file says. */
  method: string | null;
  /** The calendar's own name (X-WR-CALNAME), when it has one. */
  name: string | null;
  events: CalendarEvent[];
  /** Whole series called off (a cancellation without RECURRENCE-ID): every stored occurrence goes. */
  cancelledSeries: string[];
  issues: ImportIssue[];
}

export interface CalendarReadOptions {
  /** The window series are expanded in: days YYYY-MM-DD, both included. */
  from: string;
  to: string;
}

/** More than this many events after expansion is not an invitation or a feed a person reads. */
export const MAX_EVENTS = 5_000;
/** Occurrences taken from one series at most (a daily series over the window is far fewer). */
const MAX_PER_SERIES = 1_000;
/** Steps taken through a series from its first date (a daily series begun long ago stops here). */
const MAX_STEPS = 50_000;
export const MAX_BYTES = 20 * 1024 * 1024;

const fail = (code: 'empty-file' | 'unknown-format' | 'malformed' | 'too-large', detail: string, da: string, en: string, cause?: unknown): never => {
  throw new ImportError(code, detail, { citizenMessage: { da, en }, ...(cause === undefined ? {} : { cause }) });
};

/** Whether the text is an iCalendar file at all: null for "not mine", as importers answer. */
export function detectCalendar(text: string): 'icalendar' | null {
  return /^\uFEFF?\s*BEGIN:VCALENDAR\r?\n/i.test(text.slice(0, 200)) ? 'icalendar' : null;
}

/** The file's text: UTF-8 (RFC 5545 § 3.1.4), without a byte-order mark. */
export function calendarText(bytes: Uint8Array): string {
  if (bytes.length === 0) fail('empty-file', 'no bytes', 'Filen er tom.', 'The file is empty.');
  if (bytes.length > MAX_BYTES)
    fail('too-large', `${bytes.length} bytes`, 'Filen er for stor til en kalenderfil (over 20 MB).', 'The file is too large for a calendar file (over 20 MB).');
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

const text = (component: ICAL.Component, name: string, max: number): string | undefined => {
  const value = component.getFirstPropertyValue(name);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
};

const timeOf = (component: ICAL.Component, name: string): ICAL.Time | null => {
  const value = component.getFirstPropertyValue(name);
  return value instanceof ICAL.Time ? value : null;
};

const tzidOf = (component: ICAL.Component, name: string): string | null => {
  const tzid = component.getFirstProperty(name)?.getParameter('tzid');
  return typeof tzid === 'string' ? tzid : null;
};

/** Reads times in the file's zones; knows which VTIMEZONEs are usable. */
class Clock {
  private readonly ownZones = new Set<string>();

  constructor(root: ICAL.Component) {
    for (const zone of root.getAllSubcomponents('vtimezone')) {
      const tzid = text(zone, 'tzid', 200);
      const rules = [...zone.getAllSubcomponents('standard'), ...zone.getAllSubcomponents('daylight')];
      const usable = rules.length > 0 && rules.every((r) => r.getFirstPropertyValue('tzoffsetto') instanceof ICAL.UtcOffset && timeOf(r, 'dtstart'));
      if (tzid && usable) this.ownZones.add(tzid);
    }
  }

  /** An instant (ISO) or, for a date, the day. @throws {ImportError} for a zone neither the file nor the platform knows */
  read(time: ICAL.Time, tzid: string | null): string {
    if (time.isDate) return time.toString().slice(0, 10);
    const wall = { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second };
    if (time.zone === ICAL.Timezone.utcTimezone)
      return new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second)).toISOString();
    if (tzid === null) return new Date(instantInZone(wall, HOME_ZONE)).toISOString();
    // The platform's zone database is kept up to date; a file's own VTIMEZONE only for names it does not know.
    const known = resolveZone(tzid);
    if (known) return new Date(instantInZone(wall, known)).toISOString();
    if (this.ownZones.has(tzid)) return new Date(time.toUnixTime() * 1000).toISOString();
    return fail(
      'malformed',
      `unknown or broken time zone ${tzid.slice(0, 80)}`,
      `Filen bruger en tidszone, som ikke kan læses („${tzid.slice(0, 80)}“). Intet er gemt.`,
      `The file uses a time zone that cannot be read ("${tzid.slice(0, 80)}"). Nothing was saved.`,
    );
  }
}

const STATUS: Record<string, CalendarEventStatus> = { CONFIRMED: 'confirmed', TENTATIVE: 'tentative', CANCELLED: 'cancelled' };

/** The fields every occurrence of an event shares (from the master or a moved occurrence's own VEVENT). */
function describe(vevent: ICAL.Component, method: string | null): Omit<CalendarEvent, 'uid' | 'occurrence' | 'allDay' | 'start' | 'end'> {
  const status = method === 'CANCEL' ? 'cancelled' : (STATUS[(text(vevent, 'status', 20) ?? 'CONFIRMED').toUpperCase()] ?? 'confirmed');
  const sequence = vevent.getFirstPropertyValue('sequence');
  const organizer = vevent.getFirstProperty('organizer');
  const organizerName = organizer?.getParameter('cn');
  const organizerValue = typeof organizer?.getFirstValue() === 'string' ? String(organizer.getFirstValue()).replace(/^mailto:/i, '') : undefined;
  const who = typeof organizerName === 'string' && organizerName.trim() ? organizerName.trim() : organizerValue;
  const fields = {
    title: text(vevent, 'summary', 300),
    description: text(vevent, 'description', 4000),
    location: text(vevent, 'location', 300),
    organizer: who?.slice(0, 200),
    url: text(vevent, 'url', 2000),
  };
  return {
    sequence: typeof sequence === 'number' && Number.isInteger(sequence) && sequence >= 0 ? sequence : 0,
    status,
    title: fields.title ?? '(uden titel)',
    ...(fields.description ? { description: fields.description } : {}),
    ...(fields.location ? { location: fields.location } : {}),
    ...(fields.organizer ? { organizer: fields.organizer } : {}),
    ...(fields.url && /^https?:\/\//i.test(fields.url) ? { url: fields.url } : {}),
  };
}

/** How long an event lasts, in ms (timed) or days (whole-day); null when it has no end. */
function lengthOf(vevent: ICAL.Component, clock: Clock, start: ICAL.Time): number | null {
  const duration = vevent.getFirstPropertyValue('duration');
  if (duration instanceof ICAL.Duration) return start.isDate ? Math.round(duration.toSeconds() / 86400) : duration.toSeconds() * 1000;
  const end = timeOf(vevent, 'dtend');
  if (!end) return null;
  if (start.isDate) return Math.round((Date.parse(clock.read(end, null)) - Date.parse(clock.read(start, null))) / 86_400_000);
  return Date.parse(clock.read(end, tzidOf(vevent, 'dtend'))) - Date.parse(clock.read(start, tzidOf(vevent, 'dtstart')));
}

function eventAt(
  uid: string,
  occurrence: string | null,
  vevent: ICAL.Component,
  clock: Clock,
  method: string | null,
  start: ICAL.Time,
  length: number | null,
): CalendarEvent {
  const startText = clock.read(start, tzidOf(vevent, 'dtstart'));
  const end = length === null || length <= 0 ? undefined : start.isDate ? addDays(startText, length) : new Date(Date.parse(startText) + length).toISOString();
  return { uid, occurrence, ...describe(vevent, method), allDay: start.isDate, start: startText, ...(end ? { end } : {}) };
}

/**
 * Reads a calendar file's text.
 * @throws {ImportError} `unknown-format` (not iCalendar), `malformed` (broken syntax or time zone),
 *   `too-large` (more than MAX_EVENTS events), `empty-file`
 */
export function readCalendar(source: string, options: CalendarReadOptions): CalendarFile {
  if (source.trim() === '') fail('empty-file', 'no text', 'Filen er tom.', 'The file is empty.');
  if (!detectCalendar(source)) fail('unknown-format', 'no BEGIN:VCALENDAR', 'Filen er ikke en kalenderfil (.ics).', 'The file is not a calendar file (.ics).');
  let root: ICAL.Component;
  try {
    const parsed: unknown = ICAL.parse(source);
    // Several calendars in one file: ical.js gives a list of them; the first is read.
    const first = Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed;
    root = new ICAL.Component(first as unknown[]);
  } catch (error) {
    return fail(
      'malformed',
      error instanceof Error ? error.message.slice(0, 200) : 'parse error',
      'Kalenderfilen er beskadiget og kan ikke læses. Intet er gemt.',
      'The calendar file is damaged and cannot be read. Nothing was saved.',
      error,
    );
  }
  const method = text(root, 'method', 40)?.toUpperCase() ?? null;
  const clock = new Clock(root);
  const windowStart = Date.parse(`${options.from}T00:00:00Z`) - 86_400_000;
  const windowEnd = Date.parse(`${options.to}T23:59:59Z`) + 86_400_000;
  const issues: ImportIssue[] = [];
  const events: CalendarEvent[] = [];
  const cancelledSeries: string[] = [];
  const push = (event: CalendarEvent) => {
    if (events.length >= MAX_EVENTS)
      fail(
        'too-large',
        `more than ${MAX_EVENTS} events`,
        `Filen rummer flere end ${MAX_EVENTS.toLocaleString('da-DK')} aftaler. Det er mere, end Handlerum læser ind på én gang; intet er gemt.`,
        `The file holds more than ${MAX_EVENTS.toLocaleString('en-GB')} events. That is more than Handlerum reads in at once; nothing was saved.`,
      );
    events.push(event);
  };

  const vevents = root.getAllSubcomponents('vevent');
  const masters = new Map<string, ICAL.Component>();
  const moved = new Map<string, ICAL.Component[]>();
  vevents.forEach((vevent, i) => {
    const uid = text(vevent, 'uid', 500);
    if (!uid || !timeOf(vevent, 'dtstart')) {
      issues.push({
        code: 'event-without-uid-or-start',
        line: i + 1,
        severity: 'skipped',
        message: {
          da: `Aftale nr. ${i + 1} mangler id eller starttidspunkt og er sprunget over.`,
          en: `Event no. ${i + 1} lacks an id or a start and was skipped.`,
        },
      });
      return;
    }
    if (vevent.hasProperty('recurrence-id')) moved.set(uid, [...(moved.get(uid) ?? []), vevent]);
    else masters.set(uid, vevent);
  });

  for (const [uid, master] of masters) {
    const start = timeOf(master, 'dtstart')!;
    const length = lengthOf(master, clock, start);
    if (describe(master, method).status === 'cancelled') cancelledSeries.push(uid);
    if (!master.hasProperty('rrule') && !master.hasProperty('rdate')) {
      push(eventAt(uid, null, master, clock, method, start, length));
      continue;
    }
    const series = new ICAL.Event(master, { strictExceptions: false });
    for (const exception of moved.get(uid) ?? []) series.relateException(exception);
    const iterator = series.iterator();
    let taken = 0;
    for (let step = 0; step < MAX_STEPS && taken < MAX_PER_SERIES; step++) {
      const next = iterator.next();
      if (!next) break;
      const occurrence = clock.read(next, tzidOf(master, 'dtstart'));
      const at = Date.parse(next.isDate ? `${occurrence}T12:00:00Z` : occurrence);
      if (at > windowEnd) break;
      if (at < windowStart) continue;
      const details = series.getOccurrenceDetails(next);
      const own = details.item.component;
      const ownStart = own === master ? next : (timeOf(own, 'dtstart') ?? next);
      push(eventAt(uid, occurrence, own, clock, method, ownStart, own === master ? length : lengthOf(own, clock, ownStart)));
      taken++;
    }
    if (taken >= MAX_PER_SERIES)
      issues.push({
        code: 'series-cut',
        severity: 'warning',
        message: {
          da: `En gentaget aftale („${describe(master, method).title}“) er kun læst til og med ${MAX_PER_SERIES} gange.`,
          en: `A repeating event ("${describe(master, method).title}") was read for its first ${MAX_PER_SERIES} occurrences only.`,
        },
      });
  }
  // Moved or cancelled occurrences sent without their series (an update of one occurrence).
  for (const [uid, list] of moved) {
    if (masters.has(uid)) continue;
    for (const vevent of list) {
      const occurrence = clock.read(timeOf(vevent, 'recurrence-id')!, tzidOf(vevent, 'recurrence-id'));
      const start = timeOf(vevent, 'dtstart')!;
      push(eventAt(uid, occurrence, vevent, clock, method, start, lengthOf(vevent, clock, start)));
    }
  }
  return { method, name: text(root, 'x-wr-calname', 200) ?? null, events, cancelledSeries, issues };
}
