/**
 * "Now": what matters today — open cases, what comes next, the latest money and the newest
 * letters. What comes next includes the citizen's own entries (read from letters and from
 * calendar files), marked by their source as the calendar marks them.
 */
import type { CalendarEntry, ImportedEvent } from './calendar';
import { calendarEntries, importedEntry, isUpcoming } from './calendar';
import { letterEntry, withLetterEntries } from './letter-calendar';
import type { LetterEventData } from '../records/letters/index';
import { danishDay, addDays } from '../shared/danish-time';
import type { Item, OverviewData } from './model';
import { activityAt, isOpenCase, refKey } from './model';
import type { Case, Document, Payment } from '../municipal/api/schemas';

export interface NowSummary {
  openCases: Item<Case>[];
  /** Appointments still ahead, earliest first. */
  appointments: CalendarEntry[];
  /** Deadlines and last days to appeal still ahead, earliest first. */
  deadlines: CalendarEntry[];
  latestPayments: Item<Payment>[];
  /** Documents dated within the last `newDocumentDays` days, newest first. */
  newDocuments: Item<Document>[];
}

export interface NowOptions {
  /** How many entries each list shows at most. */
  limit: number;
  /** How old a document may be and still count as new. */
  newDocumentDays: number;
}

export const NOW_OPTIONS: NowOptions = { limit: 5, newDocumentDays: 30 };

/** Appointments and deadlines of the citizen's own: confirmed from letters, read in from calendar files. */
export interface OwnEntries {
  letterEvents: { id: string; data: LetterEventData }[];
  imported: ImportedEvent[];
}

export const NO_OWN_ENTRIES: OwnEntries = { letterEvents: [], imported: [] };

export function nowSummary(data: OverviewData, now: number, own: OwnEntries = NO_OWN_ENTRIES, options: Partial<NowOptions> = {}): NowSummary {
  const { limit, newDocumentDays } = { ...NOW_OPTIONS, ...options };
  const upcoming = withLetterEntries(calendarEntries(data, own.imported), own.letterEvents).filter((e) => isUpcoming(e, now));
  return {
    openCases: data.cases.filter((c) => isOpenCase(c.record)).sort((a, b) => b.record.updatedAt.localeCompare(a.record.updatedAt)),
    appointments: upcoming.filter((e) => e.kind === 'appointment').slice(0, limit),
    deadlines: upcoming.filter((e) => e.kind !== 'appointment').slice(0, limit),
    latestPayments: latestPayments(data.payments, limit),
    newDocuments: newDocuments(data.documents, addDays(danishDay(now), -newDocumentDays), limit),
  };
}

const latestPayments = (payments: readonly Item<Payment>[], limit: number): Item<Payment>[] =>
  payments
    .filter((p) => p.record.status !== 'scheduled')
    .sort((a, b) => b.record.payoutDate.localeCompare(a.record.payoutDate))
    .slice(0, limit);

const newDocuments = (documents: readonly Item<Document>[], since: string, limit: number): Item<Document>[] =>
  documents
    .filter((d) => d.record.date >= since)
    .sort((a, b) => b.record.date.localeCompare(a.record.date))
    .slice(0, limit);

/**
 * The part of `data` that `nowSummary` reads on `now`'s Danish day or any later moment, with the
 * same options: it gives the same summary as the whole data then. Entries dated from that day
 * on (everything that can still be upcoming; of activities every status, since a deadline
 * activity hides the appeal entry of its decision on the same day), the latest payments, the
 * newest documents since the day's window began, the open cases, and the cases the kept items
 * belong to (their titles and links). Each list keeps its order, so the stable sorts of
 * `nowSummary` break ties the same way. As days pass the set only shrinks, so an older part
 * stays enough.
 */
export function nowSources(data: OverviewData, now: number, options: NowOptions = NOW_OPTIONS): OverviewData {
  const day = danishDay(now);
  const activities = data.activities.filter((a) => danishDay(activityAt(a.record)) >= day);
  // An appeal entry ends its deadline's Danish day, so its day is the deadline itself.
  const decisions = data.decisions.filter((d) => d.record.appeal !== undefined && d.record.appeal.deadline >= day);
  const payments = latestPayments(data.payments, options.limit);
  const documents = newDocuments(data.documents, addDays(day, -options.newDocumentDays), options.limit);
  const linked = new Set<string>();
  for (const item of [...activities, ...decisions, ...payments, ...documents]) {
    if (item.record.caseId !== undefined) linked.add(refKey(item.origin, item.record.caseId));
  }
  const cases = data.cases.filter((c) => isOpenCase(c.record) || linked.has(refKey(c.origin, c.record.id)));
  return { cases, decisions, payments, activities, documents, accessLog: [] };
}

/**
 * The part of the citizen's own entries that `nowSummary` reads on `now`'s Danish day or later:
 * those dated from that day on and not cancelled. They never hide another entry (only a
 * municipal case's deadline hides its appeal entry), so leaving out the rest changes nothing;
 * each list keeps its order, as `nowSources` does.
 */
export function ownNowSources(own: OwnEntries, now: number): OwnEntries {
  const day = danishDay(now);
  return {
    letterEvents: own.letterEvents.filter((e) => letterEntry(e.id, e.data).day >= day),
    imported: own.imported.filter((e) => {
      const entry = importedEntry(e);
      return entry.status !== 'cancelled' && entry.day >= day;
    }),
  };
}
