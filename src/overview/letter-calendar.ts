/**
 * Appointments and deadlines the citizen read from letters, as entries of the one calendar the
 * municipality's activities fill. A deadline is a whole day (its last minute counts, as for an
 * appeal); an entry from a letter has no system behind it and no municipality.
 */
import type { LetterEventData } from '../records/letters/index';
import { danishDay, endOfDanishDay } from '../shared/danish-time';
import { sortEntries, type CalendarEntry } from './calendar';

export function letterEntry(vaultId: string, e: LetterEventData): CalendarEntry {
  const common = {
    id: `letter:${vaultId}`,
    title: e.title,
    status: 'open' as const,
    source: null,
    changeUrl: null,
    origin: '',
    caseId: null,
    vaultId,
    recordId: vaultId,
    recordKind: 'letter-event' as const,
    letterId: e.letterId,
  };
  if (e.kind === 'appointment') {
    return {
      ...common,
      kind: 'appointment',
      detail: null,
      start: e.startsAt,
      end: e.endsAt ?? null,
      allDay: false,
      day: danishDay(e.startsAt),
      location: e.place ? { name: e.place, address: null, room: null, online: false } : null,
    };
  }
  return {
    ...common,
    kind: e.deadlineKind === 'appeal' ? 'appeal' : 'deadline',
    detail: e.reasoning ?? null,
    start: new Date(endOfDanishDay(e.day)).toISOString(),
    end: null,
    allDay: true,
    day: e.day,
    location: null,
  };
}

/** The letters' entries merged into the municipality's, earliest first (as calendarEntries sorts). */
export function withLetterEntries(entries: readonly CalendarEntry[], events: readonly { id: string; data: LetterEventData }[]): CalendarEntry[] {
  if (events.length === 0) return [...entries];
  return sortEntries([...entries, ...events.map((e) => letterEntry(e.id, e.data))]);
}
