/**
 * Dates relative to an anchor day ("today" for the synthetic data). The reference server uses
 * the real current date by default, so appointments and deadlines stay in the near future when
 * it is demoed; tests pin the anchor. Times are Danish wall-clock times written with their UTC
 * offset (CET +01:00, CEST +02:00).
 */

const DAY_MS = 86_400_000;

export type IsoDate = string;

function parse(date: IsoDate): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

const fmt = (d: Date): IsoDate => d.toISOString().slice(0, 10);

export function addDays(date: IsoDate, days: number): IsoDate {
  return fmt(new Date(parse(date).getTime() + days * DAY_MS));
}

/** Same day of month, clamped to the month's last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = parse(date);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return fmt(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last))));
}

export function firstOfMonth(date: IsoDate): IsoDate {
  return `${date.slice(0, 8)}01`;
}

export function lastOfMonth(date: IsoDate): IsoDate {
  const d = parse(date);
  return fmt(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return parse(date).getUTCDay();
}

/** The first weekday on or after `date` (skips Saturday and Sunday). */
export function nextWeekday(date: IsoDate): IsoDate {
  let d = date;
  while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, 1);
  return d;
}

/** The last weekday of the month: when Danish benefits are paid (holidays ignored). */
export function lastBankDay(date: IsoDate): IsoDate {
  let d = lastOfMonth(date);
  while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, -1);
  return d;
}

function lastSundayUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
}

/** Danish UTC offset in minutes at an instant (EU rule: summer time from the last Sunday of March to that of October, 01:00 UTC). */
export function copenhagenOffsetMinutes(instantMs: number): number {
  const year = new Date(instantMs).getUTCFullYear();
  return instantMs >= lastSundayUtc(year, 2) && instantMs < lastSundayUtc(year, 9) ? 120 : 60;
}

/** Wall-clock time in Denmark, e.g. at('2026-03-12', '10:30') → '2026-03-12T10:30:00+01:00'. */
export function at(date: IsoDate, time: string): string {
  if (!/^\d{2}:\d{2}$/.test(time)) throw new RangeError(`not an HH:MM time: ${time}`);
  const guess = Date.parse(`${date}T${time}:00Z`) - 60 * 60_000;
  const offset = copenhagenOffsetMinutes(guess);
  const sign = offset >= 0 ? '+' : '-';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  return `${date}T${time}:00${sign}${hh}:00`;
}

/** An instant as Danish local time with offset (seconds precision). */
export function toCopenhagenIso(instantMs: number): string {
  const offset = copenhagenOffsetMinutes(instantMs);
  const local = new Date(instantMs + offset * 60_000).toISOString().slice(0, 19);
  return `${local}+${String(offset / 60).padStart(2, '0')}:00`;
}

/** Today's date in Denmark. */
export function copenhagenToday(instantMs: number): IsoDate {
  return toCopenhagenIso(instantMs).slice(0, 10);
}

/** Age in whole years on a given day. */
export function ageOn(birthDate: IsoDate, today: IsoDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
