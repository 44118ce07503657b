/**
 * What the calendar import worker (entrypoints/calendar-import-worker.ts) exposes through Comlink:
 * reading a calendar file off the page's main thread, so a feed of thousands of events leaves the
 * page responsive. Errors come back as values: Comlink keeps only an Error's message, and the page
 * needs the ImportError's citizen text.
 */
import { calendarText, readCalendar, type CalendarFile, type CalendarReadOptions } from '../../importers/calendar/index';
import { ImportError } from '../../importers/types';

export type CalendarWorkerResult = { ok: true; value: CalendarFile } | { ok: false; citizenMessage?: { da: string; en: string }; detail: string };

/** Reads the file's bytes; the same function runs in the worker and, where no worker can start, on the page. */
export function readCalendarBytes(bytes: Uint8Array, window: CalendarReadOptions): CalendarWorkerResult {
  try {
    return { ok: true, value: readCalendar(calendarText(bytes), window) };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, citizenMessage: error.citizenMessage, detail: error.detail || error.code };
    return { ok: false, detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

export const calendarWorkerApi = {
  async read(input: Blob | Uint8Array, window: CalendarReadOptions): Promise<CalendarWorkerResult> {
    return readCalendarBytes(input instanceof Uint8Array ? input : new Uint8Array(await input.arrayBuffer()), window);
  },
};

export type CalendarWorkerApi = typeof calendarWorkerApi;
