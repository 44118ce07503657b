/** Money, days and times as a Dane reads them, always in Danish time ("1.050,50 kr.", "tirsdag 10. marts kl. 10.00"). */
import { t } from '../i18n/index';
import { dateFormat, numberFormat } from '../i18n/intl-formats';

const TZ = 'Europe/Copenhagen';

/** Øre as kroner, e.g. "10.500,50 kr." in Danish, "DKK 10,500.50" in English. */
export const kroner = (ore: number): string => numberFormat({ style: 'currency', currency: 'DKK' }).format(ore / 100);

/** Kroner without øre, for chart axes. */
export const wholeKroner = (ore: number): string => numberFormat({ style: 'currency', currency: 'DKK', maximumFractionDigits: 0 }).format(ore / 100);

/** A calendar day (YYYY-MM-DD): "10. marts 2026". */
export const dayText = (day: string): string => dateFormat({ dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));

/** A day with its weekday: "tirsdag den 10. marts 2026". */
export const weekdayText = (day: string): string => dateFormat({ dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));

/** An instant in Danish time: "10. marts 2026 kl. 10.00". */
export const dateTimeText = (iso: string): string => dateFormat({ dateStyle: 'long', timeStyle: 'short', timeZone: TZ }).format(new Date(iso));

export const timeText = (iso: string): string => dateFormat({ timeStyle: 'short', timeZone: TZ }).format(new Date(iso));

/** "marts 2026" */
export const monthText = (month: string): string => dateFormat({ month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));

/** "mar." for chart labels. */
export const shortMonthText = (month: string): string => dateFormat({ month: 'short', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));

/** Weekday names Monday first, short ("man.") and long ("mandag"). */
export function weekdayNames(style: 'short' | 'long'): string[] {
  const format = dateFormat({ weekday: style, timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i, 12))));
}

export const periodText = (from: string, to: string): string => (from === to ? dayText(from) : `${dayText(from)} – ${dayText(to)}`);

export const notFetched = (): string => t('overview.notFetched');
