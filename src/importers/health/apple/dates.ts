/**
 * Apple Health writes every date as `YYYY-MM-DD HH:MM:SS ±HHMM`. We read the digits ourselves
 * (no Date object per record: millions of records) and keep the offset the phone wrote.
 */

const ZERO = 48;

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Whether `s` has the exact shape of an Apple Health date, with plausible fields. */
export function isAppleDate(s: string): boolean {
  if (s.length !== 25) return false;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 32) return false;
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(19) !== 32) return false;
  const sign = s.charCodeAt(20);
  if (sign !== 43 && sign !== 45) return false;
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  const offH = digits(s, 21, 2);
  const offM = digits(s, 23, 2);
  return (
    digits(s, 0, 4) >= 0 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31 &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 60 &&
    offH >= 0 &&
    offH <= 18 &&
    offM >= 0 &&
    offM <= 59
  );
}

/** `2025-03-01 09:12:44 +0100` → `2025-03-01T09:12:44+01:00`. Call only after `isAppleDate`. */
export function appleDateToIso(s: string): string {
  return `${s.slice(0, 10)}T${s.slice(11, 19)}${s.slice(20, 23)}:${s.slice(23, 25)}`;
}

/** The instant in milliseconds since the epoch. Call only after `isAppleDate`. */
export function appleDateToEpochMs(s: string): number {
  const local = Date.UTC(digits(s, 0, 4), digits(s, 5, 2) - 1, digits(s, 8, 2), digits(s, 11, 2), digits(s, 14, 2), digits(s, 17, 2));
  const offsetMinutes = (digits(s, 21, 2) * 60 + digits(s, 23, 2)) * (s.charCodeAt(20) === 45 ? -1 : 1);
  return local - offsetMinutes * 60_000;
}

/** The local hour as written (0–23). Call only after `isAppleDate`. */
export function appleLocalHour(s: string): number {
  return digits(s, 11, 2);
}

/** The calendar day after `date` (`YYYY-MM-DD`). */
export function nextDate(date: string): string {
  const t = Date.UTC(digits(date, 0, 4), digits(date, 5, 2) - 1, digits(date, 8, 2) + 1);
  return new Date(t).toISOString().slice(0, 10);
}
