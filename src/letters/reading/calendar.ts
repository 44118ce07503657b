/**
 * Danish days that count for deadlines: when a deadline given as "inden 4 uger efter, at du har
 * modtaget brevet" ends (Justitsministeriets vejledning nr. 9533 af 26. juni 2018 om beregning af
 * klagefrister): the day of receipt is not counted; weeks are counted as weeks (the same weekday
 * N weeks on), months as months (the same day of the month, else the month's last day), days as
 * days; a deadline ending on a Saturday, Sunday, public holiday, Constitution Day (5 June),
 * 24 December or 31 December moves to the next working day.
 */
import { addDays, weekdayIndex } from '../../shared/danish-time';

/** Easter Sunday (Gregorian; Anonymous algorithm), as YYYY-MM-DD. */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const holidayCache = new Map<number, ReadonlySet<string>>();

/** Public holidays and the other days authorities are closed, for one year. */
export function closedDays(year: number): ReadonlySet<string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  // Easter-based: Maundy Thursday, Good Friday, Easter Sunday and Monday, Ascension, Whit Sunday and Monday.
  const movable = [-3, -2, 0, 1, 39, 49, 50].map((offset) => addDays(easter, offset));
  // Store bededag (Easter + 26) was a holiday until 2023.
  if (year <= 2023) movable.push(addDays(easter, 26));
  const fixed = ['01-01', '06-05', '12-24', '12-25', '12-26', '12-31'].map((md) => `${year}-${md}`);
  const days = new Set([...movable, ...fixed]);
  holidayCache.set(year, days);
  return days;
}

export const isClosedDay = (day: string): boolean => weekdayIndex(day) >= 5 || closedDays(Number(day.slice(0, 4))).has(day);

/** The first day from `day` on that is not closed. */
export function nextOpenDay(day: string): string {
  let current = day;
  while (isClosedDay(current)) current = addDays(current, 1);
  return current;
}

export type PeriodUnit = 'days' | 'weeks' | 'months';

function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The last day of a period of `count` units after `from` (not counted), moved past closed days. */
export function periodEnd(from: string, count: number, unit: PeriodUnit): { date: string; movedFrom?: string } {
  const raw = unit === 'months' ? addMonths(from, count) : addDays(from, unit === 'weeks' ? count * 7 : count);
  const date = nextOpenDay(raw);
  return date === raw ? { date } : { date, movedFrom: raw };
}
