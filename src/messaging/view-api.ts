/**
 * The long views' part of the message API (merged into `ApiArgs` in api.ts): a view asks the
 * background for what it shows — one case, a window of rows, a month — instead of listing whole
 * kinds. The background answers from its view cache (src/background/views/view-cache.ts), which
 * reads a kind again only when it changed, so an answer is never stale. A view still reloads on
 * a `changed` event for the kinds it shows.
 *
 * A windowed answer is a `RowWindowAnswer`: the rows from `start`, and `total`, which a
 * `RowSource` (src/shared/row-source.ts) hands to the windowed list. Asking with `focusKey`
 * answers the page that holds that row instead (from search or another view).
 */
import { z } from 'zod';
import type { CalendarEntry } from '../overview/calendar';
import { OVERVIEW_LISTS } from '../overview/from-records';
import type { Item, OverviewData } from '../overview/model';
import type { Activity, Case, Decision, Document, KleRef, Payment } from '../municipal/api/schemas';
import type { DamagedRecord } from '../vault/public-types';
import type { RowWindowAnswer } from '../shared/row-source';

export type { RowWindowAnswer } from '../shared/row-source';

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);
const Moment = z.number().int().nonnegative().max(8.64e15);
/** A window of rows: where it starts, how many. */
export const RowWindowArgs = {
  start: z.number().int().nonnegative().max(10_000_000),
  count: z.number().int().min(1).max(500),
  /** A row to bring into view: the window answered is the page (of `count` rows) that holds it. */
  focusKey: z.string().max(300).optional(),
};

export const ViewApiArgs = {
  /** One case and everything of it (decisions, payments, appointments and deadlines, documents), with what its decisions rest on. */
  viewCase: z.object({ profileId: Id, caseId: Id }),
  /** A window of the calendar's list: `upcoming` (earliest first) or `past` (latest first), at the page's moment `now`. */
  viewCalendarList: z.object({ profileId: Id, now: Moment, part: z.enum(['upcoming', 'past']), ...RowWindowArgs }),
  /** A month of the calendar (YYYY-MM) as weeks, each day's count, and the entries of `day`. */
  viewCalendarMonth: z.object({ profileId: Id, month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), day: z.iso.date() }),
  /** Every calendar entry, for the .ics export. */
  viewCalendarAll: z.object({ profileId: Id }),
  /**
   * Whole overview lists a view shows (the cases, the access log, a document's kind), made once
   * per version of their kinds and kept while the vault is unlocked.
   */
  viewOverviewLists: z.object({ profileId: Id, lists: z.array(z.enum(OVERVIEW_LISTS)).min(1).max(OVERVIEW_LISTS.length) }),
  /** Prepares the case pages and the calendar while the citizen reads *Now*, so they open at once. */
  viewWarm: z.object({ profileId: Id }),
} satisfies Record<string, z.ZodType>;

/** A case the rows link to: its vault id and topic (a page words the title from the topic). */
export interface CaseRef {
  vaultId: string;
  origin: string;
  id: string;
  kle: KleRef;
}

export interface CaseView {
  /** Null when there is no such case (deleted, or a stale link). */
  theCase: Item<Case> | null;
  /** Each newest first. */
  decisions: Item<Decision>[];
  payments: Item<Payment>[];
  activities: Item<Activity>[];
  documents: Item<Document>[];
  /** What the decisions' basis names outside the case, where the vault holds it. */
  linked: { cases: Item<Case>[]; documents: Item<Document>[]; payments: Item<Payment>[] };
  /** Records of the kinds read that could not be read. */
  damaged: DamagedRecord[];
}

export interface CalendarCounts {
  upcoming: number;
  past: number;
}

export interface CalendarListAnswer extends RowWindowAnswer<CalendarEntry> {
  counts: CalendarCounts;
  /** The cases the rows belong to. */
  cases: CaseRef[];
  damaged: DamagedRecord[];
}

export interface CalendarDay {
  day: string;
  inMonth: boolean;
  count: number;
  /** The first few entries' kinds and titles, for the grid's dots. */
  dots: { id: string; kind: CalendarEntry['kind']; title: string }[];
}

export interface CalendarMonthAnswer {
  weeks: CalendarDay[][];
  /** The entries of the day asked for. */
  entries: CalendarEntry[];
  cases: CaseRef[];
  total: number;
  damaged: DamagedRecord[];
}

export interface ViewApiResults {
  viewCase: CaseView;
  viewCalendarList: CalendarListAnswer;
  viewCalendarMonth: CalendarMonthAnswer;
  viewCalendarAll: { entries: CalendarEntry[] };
  viewOverviewLists: { data: OverviewData; damaged: DamagedRecord[] };
  viewWarm: null;
}

export type ViewMethod = keyof typeof ViewApiArgs;
