/**
 * The calendar from the background: every entry (the municipality's activities and appeal
 * deadlines, the letters' and the calendar files' entries) made once per version of their kinds
 * and indexed by day; a page of the list, a month's counts, and a day's entries are read from it.
 */
import type { CalendarListAnswer, CalendarMonthAnswer, CaseRef } from '../../messaging/view-api';
import {
  activityEntry,
  appealEntries,
  entriesBetween,
  importedEntry,
  indexByDay,
  isUpcoming,
  earlierEntry,
  keyedEntry,
  monthGrid,
  type CalendarEntry,
  type DayIndex,
} from '../../overview/calendar';
import { OVERVIEW_KINDS } from '../../overview/from-records';
import { letterEntry } from '../../overview/letter-calendar';
import { refKey } from '../../overview/model';
import { letterEventKind } from '../../records/letters/index';
import { calendarEventKind } from '../../records/own/index';
import type { DamagedRecord } from '../../vault/index';
import { overviewOfHeld } from './overview-lists';
import type { ModelSpec, ViewCache } from './view-cache';
import { windowOf } from '../../shared/row-source';
import { sortPaced } from './paced-sort';

const entryId = (e: CalendarEntry) => e.id;

const CALENDAR_KINDS = [OVERVIEW_KINDS.activities, OVERVIEW_KINDS.decisions, letterEventKind, calendarEventKind];
/** Dots a day of the month grid shows. */
const DOTS = 3;

interface Parts {
  minute: number;
  upcoming: CalendarEntry[];
  past: CalendarEntry[];
}

interface CalendarModel {
  entries: CalendarEntry[];
  index: DayIndex;
  damaged: readonly DamagedRecord[];
  /** The list split at one moment, kept for the next page asked at the same minute. */
  parts: Parts | null;
}

/** Activities made into entries between two paces. */
const ENTRY_SLICE = 2000;

/** `withLetterEntries(calendarEntries(…))` (src/overview) with the activities a slice at a time. */
export const CALENDAR_MODEL: ModelSpec<CalendarModel> = {
  key: 'calendar',
  kinds: CALENDAR_KINDS,
  compute: async (lists, pace) => {
    const data = await overviewOfHeld(lists, ['activities', 'decisions']);
    const entries = lists.of(calendarEventKind).records.map((r) => importedEntry({ vaultId: r.id, record: r.data }));
    for (let from = 0; from < data.activities.length; from += ENTRY_SLICE) {
      entries.push(...data.activities.slice(from, from + ENTRY_SLICE).map(activityEntry));
      await pace();
    }
    // The letters' entries after the appeals, as withLetterEntries adds them to calendarEntries.
    entries.push(...appealEntries(data.decisions, entries), ...lists.of(letterEventKind).records.map((e) => letterEntry(e.id, e.data)));
    await pace();
    // sortEntries' order, sorted in parts.
    const keyed = await sortPaced(entries.map(keyedEntry), earlierEntry, pace);
    keyed.forEach(({ entry }, i) => (entries[i] = entry));
    await pace();
    return { entries, index: indexByDay(entries), damaged: lists.damaged, parts: null };
  },
};

/** The cases the calendar's entries link to, by their reference. */
export const CASE_REFS_MODEL: ModelSpec<Map<string, CaseRef>> = {
  key: 'case-refs',
  kinds: [OVERVIEW_KINDS.cases],
  compute: (lists) => {
    const refs = new Map<string, CaseRef>();
    for (const { id, data } of lists.of(OVERVIEW_KINDS.cases).records)
      refs.set(refKey(data.provenance.origin, data.record.id), { vaultId: id, origin: data.provenance.origin, id: data.record.id, kle: data.record.kle });
    return refs;
  },
};

const calendarModel = (cache: ViewCache, profileId: string): Promise<CalendarModel> => cache.model(profileId, CALENDAR_MODEL);

/** Upcoming (earliest first) and past (latest first) at `now`, split once a minute. */
function partsAt(model: CalendarModel, now: number): Parts {
  const minute = Math.floor(now / 60_000);
  if (model.parts?.minute !== minute) {
    const upcoming: CalendarEntry[] = [];
    const past: CalendarEntry[] = [];
    for (const entry of model.entries) (isUpcoming(entry, now) ? upcoming : past).push(entry);
    model.parts = { minute, upcoming, past: past.reverse() };
  }
  return model.parts;
}

/** The cases the entries belong to, made once per version of the cases. */
async function caseRefs(cache: ViewCache, profileId: string, entries: readonly CalendarEntry[]): Promise<CaseRef[]> {
  if (!entries.some((e) => e.caseId)) return [];
  const byRef = await cache.model(profileId, CASE_REFS_MODEL);
  const found = new Map<string, CaseRef>();
  for (const e of entries) {
    const ref = e.caseId ? byRef.get(refKey(e.origin, e.caseId)) : undefined;
    if (ref) found.set(ref.vaultId, ref);
  }
  return [...found.values()];
}

export async function calendarList(
  cache: ViewCache,
  args: { profileId: string; now: number; part: 'upcoming' | 'past'; start: number; count: number; focusKey?: string | undefined },
): Promise<CalendarListAnswer> {
  const model = await calendarModel(cache, args.profileId);
  const parts = partsAt(model, args.now);
  const list = parts[args.part];
  const { start, total, rows } = windowOf(list, entryId, args);
  return {
    start,
    total,
    rows,
    counts: { upcoming: parts.upcoming.length, past: parts.past.length },
    cases: await caseRefs(cache, args.profileId, rows),
    damaged: [...model.damaged],
  };
}

export async function calendarMonth(cache: ViewCache, args: { profileId: string; month: string; day: string }): Promise<CalendarMonthAnswer> {
  const model = await calendarModel(cache, args.profileId);
  const weeks = monthGrid(args.month, model.index).map((week) =>
    week.map((d) => ({
      day: d.day,
      inMonth: d.inMonth,
      count: d.entries.length,
      dots: d.entries.slice(0, DOTS).map((e) => ({ id: e.id, kind: e.kind, title: e.title })),
    })),
  );
  const entries = entriesBetween(model.index, args.day, args.day);
  return { weeks, entries, cases: await caseRefs(cache, args.profileId, entries), total: model.entries.length, damaged: [...model.damaged] };
}

export async function calendarAll(cache: ViewCache, profileId: string): Promise<{ entries: CalendarEntry[] }> {
  return { entries: (await calendarModel(cache, profileId)).entries };
}
