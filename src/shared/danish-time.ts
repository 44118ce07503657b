/**
 * Calendar days in Danish local time. The municipality's dates are Danish days and its instants
 * carry an offset; grouping by day must use Copenhagen's clock whatever the computer's zone is.
 */
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Danish calendar day (YYYY-MM-DD) of an instant. */
export function danishDay(instant: string | number | Date): string {
  return dayFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** "2026-03" of a day or instant in Danish time. */
export const danishMonth = (instant: string | number | Date): string => danishDay(instant).slice(0, 7);

/** The month after `month` ("2026-12" → "2027-01"). */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Adds days to a calendar day (no time zone involved: days are dates). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday (Danish weeks start on Monday). */
export const weekdayIndex = (day: string): number => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

/** The ISO 8601 week number of a day (what Danish calendars print as "uge"). */
export function isoWeek(day: string): number {
  const thursday = new Date(`${addDays(day, 3 - weekdayIndex(day))}T00:00:00Z`);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return 1 + Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7);
}

const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * A deadline due at the end of a Danish day (23:59 Copenhagen time, as the municipality's
 * systems write "by the end of that day") is that whole day; any other time is a moment.
 */
export const isEndOfDanishDay = (instant: string): boolean => clock.format(new Date(instant)) === '23:59';

/** Today's date in Copenhagen (YYYY-MM-DD), whatever the computer's time zone. */
export const danishToday = (now: Date | number = Date.now()): string => danishDay(now);

/**
 * The last second of a Danish calendar day (23:59:59 in summer or winter time): a deadline or a
 * share that runs "until" a day runs to the end of that whole day.
 */
export function endOfDanishDay(date: string): number {
  for (const offset of ['+02:00', '+01:00']) {
    const at = Date.parse(`${date}T23:59:59.000${offset}`);
    if (danishDay(at) === date && clock.format(at) === '23:59') return at;
  }
  return Date.parse(`${date}T23:59:59.000+01:00`);
}

/**
 * The instant of a Danish wall-clock time ("2026-12-15", "09:45"), with Copenhagen's offset that
 * day: "2026-12-15T09:45:00+01:00". Null for a time that does not exist or is not HH:MM.
 */
export function danishInstant(day: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return null;
  for (const offset of ['+01:00', '+02:00']) {
    const iso = `${day}T${time}:00${offset}`;
    const at = Date.parse(iso);
    if (Number.isFinite(at) && danishDay(at) === day && clock.format(at) === time) return iso;
  }
  return null;
}
