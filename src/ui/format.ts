/** Dates and times in the page language: "for 5 minutter siden", "3. marts 2025". */
import { locale } from './i18n/index';
import { dateFormat } from './i18n/intl-formats';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

export function relativeTime(iso: string, now: Date = new Date()): string {
  const seconds = (Date.parse(iso) - now.getTime()) / 1000;
  const format = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') {
      // Anything under a minute reads as "now" rather than a ticking number of seconds.
      if (unit === 'second') return format.format(0, 'second');
      return format.format(Math.round(seconds / size), unit);
    }
  }
  return format.format(0, 'second');
}

export const longDate = (iso: string): string => dateFormat({ dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
