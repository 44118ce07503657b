/**
 * An appointment the citizen read in from a calendar invitation or feed (.ics): one record per
 * occurrence, keyed by the event's UID and, in a series, by when the occurrence was first planned.
 * Kept with its source (the file and calendar it came from), so the calendar shows it as the
 * citizen's own import, never as the municipality's signed data.
 */
import { z } from 'zod';
import { defineKind } from '../kind';

const IsoDay = z.iso.date();
const IsoInstant = z.iso.datetime({ offset: true });
const DayOrInstant = z.union([IsoDay, IsoInstant]);

export const calendarEventKind = defineKind({
  name: 'calendar-event',
  scope: 'profile',
  version: 1,
  countsAsImport: true,
  description: 'An appointment read in from a calendar file (.ics): UID, occurrence, sequence, status, title, time, place and the file it came from.',
  schema: z
    .object({
      uid: z.string().min(1).max(500),
      /** In a series: when this occurrence was first planned (RECURRENCE-ID); null for a single event. */
      occurrence: DayOrInstant.nullable(),
      sequence: z.int().min(0),
      status: z.enum(['confirmed', 'tentative', 'cancelled']),
      title: z.string().min(1).max(300),
      description: z.string().max(4000).optional(),
      location: z.string().max(300).optional(),
      organizer: z.string().max(200).optional(),
      url: z
        .url({ protocol: /^https?$/ })
        .max(2000)
        .optional(),
      /** A whole-day event: `start` and `end` (exclusive) are days. */
      allDay: z.boolean(),
      start: DayOrInstant,
      end: DayOrInstant.optional(),
      source: z.object({
        /** The file's name as the citizen picked it. */
        fileName: z.string().min(1).max(255),
        /** The calendar's own name (X-WR-CALNAME), when it has one. */
        calendar: z.string().max(200).optional(),
        importedAt: IsoInstant,
      }),
    })
    .refine((e) => (e.allDay ? IsoDay.safeParse(e.start).success : IsoInstant.safeParse(e.start).success), {
      message: 'a whole-day event starts on a day, a timed one at an instant',
      path: ['start'],
    }),
});
