/**
 * Intl formatters made once per page language and options. Making one costs far more than
 * formatting with it — about a millisecond for a date format with a time zone in Chromium, where
 * `format` takes microseconds — and a page of a long list formats dozens of dates each time it is
 * drawn. The formatters are held for the page's life: a page uses a few dozen option sets.
 */
import { locale } from './index';

const dates = new Map<string, Intl.DateTimeFormat>();
const numbers = new Map<string, Intl.NumberFormat>();

function held<F>(formats: Map<string, F>, options: object, make: (tag: string) => F): F {
  const tag = locale();
  const key = `${tag} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    // A constructor that throws (an unknown currency) leaves nothing held: the caller decides.
    format = make(tag);
    formats.set(key, format);
  }
  return format;
}

/** The page language's date format for `options` (the same object for the same options). */
export const dateFormat = (options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => held(dates, options, (tag) => new Intl.DateTimeFormat(tag, options));

/** The page language's number format for `options` (the same object for the same options). */
export const numberFormat = (options: Intl.NumberFormatOptions = {}): Intl.NumberFormat => held(numbers, options, (tag) => new Intl.NumberFormat(tag, options));
