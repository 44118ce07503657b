/**
 * Bank dates → `YYYY-MM-DD` calendar dates, validated (31.02 is refused). Dates in bank files are
 * local calendar dates with no time zone, so no `Date` object is involved.
 */
import type { CalendarDate, ColumnMapping } from './types';

export type DateStyle = ColumnMapping['dateStyle'];

export const DATE_STYLES: readonly DateStyle[] = ['DD.MM.YYYY', 'DD-MM-YYYY', 'DD/MM/YYYY', 'YYYY/MM/DD', 'YYYY-MM-DD'];

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** A real date between 1900 and 2199, as `YYYY-MM-DD`, or null. */
export function calendarDate(y: number, m: number, d: number): CalendarDate | null {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return null;
  const max = m === 2 && isLeap(y) ? 29 : DAYS[m - 1]!;
  if (d > max) return null;
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

// Parsing state without allocation: this runs once or twice per row of a 100k-row file.
let pos = 0;

/** Reads `min`–`max` ASCII digits at `pos` and advances it; -1 when there are too few. */
function digits(s: string, min: number, max: number): number {
  let v = 0;
  const from = pos;
  while (pos < s.length && pos - from < max) {
    const c = s.charCodeAt(pos);
    if (c < 0x30 || c > 0x39) break;
    v = v * 10 + (c - 0x30);
    pos++;
  }
  return pos - from >= min ? v : -1;
}

function parseStyle(s: string, style: DateStyle): CalendarDate | null {
  pos = 0;
  if (style.charCodeAt(0) === 0x59 /* Y */) {
    const sep = style.charCodeAt(4);
    const y = digits(s, 4, 4);
    if (y < 0 || s.charCodeAt(pos++) !== sep) return null;
    const m = digits(s, 1, 2);
    if (m < 0 || s.charCodeAt(pos++) !== sep) return null;
    const d = digits(s, 1, 2);
    if (d < 0 || pos !== s.length) return null;
    return calendarDate(y, m, d);
  }
  const sep = style.charCodeAt(2);
  const d = digits(s, 1, 2);
  if (d < 0 || s.charCodeAt(pos++) !== sep) return null;
  const m = digits(s, 1, 2);
  if (m < 0 || s.charCodeAt(pos++) !== sep) return null;
  const y = digits(s, 4, 4);
  if (y < 0 || pos !== s.length) return null;
  return calendarDate(y, m, d);
}

/**
 * Parses a bank date in the given style, or in any of the five known styles when none is given.
 * Surrounding spaces are ignored; anything else (a time, a second date, `31.02.2025`) gives null.
 */
export function parseBankDate(text: string, style?: DateStyle): CalendarDate | null {
  const s = text.trim();
  if (s.length < 8 || s.length > 10) return null;
  if (style) return parseStyle(s, style);
  for (const st of DATE_STYLES) {
    const r = parseStyle(s, st);
    if (r) return r;
  }
  return null;
}

/** Writes a calendar date in a bank style (for tests and the mapping preview). */
export function formatBankDate(date: CalendarDate, style: DateStyle): string {
  const y = date.slice(0, 4);
  const m = date.slice(5, 7);
  const d = date.slice(8, 10);
  switch (style) {
    case 'DD.MM.YYYY':
      return `${d}.${m}.${y}`;
    case 'DD-MM-YYYY':
      return `${d}-${m}-${y}`;
    case 'DD/MM/YYYY':
      return `${d}/${m}/${y}`;
    case 'YYYY/MM/DD':
      return `${y}/${m}/${d}`;
    case 'YYYY-MM-DD':
      return `${y}-${m}-${d}`;
  }
}

/** Which style a date cell is written in, or null. */
export function dateStyleOf(text: string): DateStyle | null {
  const s = text.trim();
  for (const st of DATE_STYLES) if (parseStyle(s, st)) return st;
  return null;
}

/**
 * The purchase date a card text holds (`… Den 03.02`), placed in the year that makes it no later
 * than `today`. Null when the text has none or it is not a real date.
 */
export function purchaseDateInText(text: string, today: CalendarDate): CalendarDate | null {
  const at = PURCHASE_DATE.exec(text);
  if (!at) return null;
  const d = Number(at[1]);
  const m = Number(at[2]);
  const ty = Number(today.slice(0, 4));
  const candidate = calendarDate(ty, m, d);
  if (candidate && candidate <= today) return candidate;
  return calendarDate(ty - 1, m, d);
}
const PURCHASE_DATE = /\bden (\d{1,2})\.(\d{1,2})(?![\d.])/i;

/** OFX `YYYYMMDD[HHMMSS[.XXX]][[±HH[.MM]:TZ]]` → its calendar date (the bank's local date). */
export function parseOfxDate(text: string): CalendarDate | null {
  const s = text.trim();
  if (s.length < 8) return null;
  for (let i = 0; i < 8; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return null;
  }
  if (s.length > 8) {
    const c = s.charCodeAt(8);
    if (!((c >= 0x30 && c <= 0x39) || c === 0x5b /* [ */)) return null;
  }
  return calendarDate(Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8)));
}
