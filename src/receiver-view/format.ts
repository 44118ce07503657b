/**
 * Dates, months, money and numbers as a Dane (or an English reader) writes them, always in Danish
 * time. Sender values are checked first: a string that is not a date is shown as the text it is.
 */
import { visible } from '../bundle/visible';
import type { Language } from './words';

const TZ = 'Europe/Copenhagen';
const localeOf = (language: Language): string => (language === 'en' ? 'en-GB' : 'da-DK');

/** Formatters are costly to make and cheap to use: one per language and style, kept. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
function dates(language: Language, style: 'day' | 'instant' | 'month'): Intl.DateTimeFormat {
  const key = `d:${language}:${style}`;
  let f = dateFormats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      style === 'day'
        ? { dateStyle: 'long', timeZone: 'UTC' }
        : style === 'instant'
          ? { dateStyle: 'long', timeStyle: 'short', timeZone: TZ }
          : { month: 'long', year: 'numeric', timeZone: 'UTC' };
    dateFormats.set(key, (f = new Intl.DateTimeFormat(localeOf(language), options)));
  }
  return f;
}
function numbers(language: Language, currency: string | null, digits: number): Intl.NumberFormat {
  const key = `n:${language}:${currency ?? ''}:${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    const options: Intl.NumberFormatOptions = currency ? { style: 'currency', currency } : { maximumFractionDigits: digits };
    numberFormats.set(key, (f = new Intl.NumberFormat(localeOf(language), options)));
  }
  return f;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A calendar day ("10. marts 2026"), an instant ("10. marts 2026 kl. 10.00"), or the text as it is. */
export function dateText(value: unknown, language: Language): string {
  if (typeof value !== 'string') return '';
  if (DAY.test(value)) {
    const day = new Date(`${value}T12:00:00Z`);
    if (!Number.isNaN(day.getTime())) return dates(language, 'day').format(day);
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const at = new Date(value);
    if (!Number.isNaN(at.getTime())) return dates(language, 'instant').format(at);
  }
  return visible(value);
}

/** "marts 2026", or the text as it is. */
export function monthText(value: unknown, language: Language): string {
  if (typeof value !== 'string') return '';
  if (!MONTH.test(value)) return visible(value);
  return dates(language, 'month').format(new Date(`${value}-15T12:00:00Z`));
}

const CURRENCY = /^[A-Z]{3}$/;

/** Øre (or cents) as money: "1.050,50 kr." in Danish, "DKK 1,050.50" in English. */
export function moneyText(minor: unknown, currency: unknown, language: Language): string {
  if (typeof minor !== 'number' || !Number.isFinite(minor)) return '';
  const code = typeof currency === 'string' && CURRENCY.test(currency) ? currency : 'DKK';
  return numbers(language, code, 2).format(minor / 100);
}

export function numberText(value: unknown, language: Language, digits = 2): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  return numbers(language, null, digits).format(value);
}

/** A file's size: "48 kB", "1,2 MB" (decimal units, as file managers show). */
export function sizeText(bytes: unknown, language: Language): string {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1000) return `${numberText(bytes, language, 0)} B`;
  if (bytes < 1_000_000) return `${numberText(bytes / 1000, language, 0)} kB`;
  return `${numberText(bytes / 1_000_000, language, 1)} MB`;
}

/** A sender's text, safe to show: controls and bidi characters escaped, line breaks kept when asked. */
export const textOf = (value: unknown, keepLineBreaks = false): string => (typeof value === 'string' ? visible(value, keepLineBreaks) : '');
