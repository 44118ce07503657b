/**
 * The page's Intl formatters are made once per language and options (src/ui/i18n/intl-formats.ts):
 * the same options give the same formatter, which writes what a fresh one writes; another
 * language or other options give another; a constructor that throws holds nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/ui/i18n/index';
import { dateFormat, numberFormat } from '../../src/ui/i18n/intl-formats';
import { dateTimeText, dayText, kroner, weekdayText } from '../../src/ui/municipal/format';

afterEach(() => setLanguage('da'));

describe('held Intl formatters', () => {
  it('gives the same formatter for the same options, also from another object of them', () => {
    const first = dateFormat({ dateStyle: 'long', timeZone: 'UTC' });
    expect(dateFormat({ dateStyle: 'long', timeZone: 'UTC' })).toBe(first);
    expect(dateFormat({ dateStyle: 'full', timeZone: 'UTC' })).not.toBe(first);
    expect(numberFormat({ style: 'currency', currency: 'DKK' })).toBe(numberFormat({ style: 'currency', currency: 'DKK' }));
  });

  it('writes what a formatter made for the call writes', () => {
    const at = new Date('2026-03-10T09:00:00Z');
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' };
    expect(dateFormat(options).format(at)).toBe(new Intl.DateTimeFormat('da-DK', options).format(at));
    expect(dateTimeText('2026-03-10T09:00:00Z')).toBe(new Intl.DateTimeFormat('da-DK', options).format(at));
    expect(kroner(1_050_50)).toBe(new Intl.NumberFormat('da-DK', { style: 'currency', currency: 'DKK' }).format(1050.5));
  });

  it('follows the page language', () => {
    const danish = dayText('2026-03-10');
    const danishWeekday = weekdayText('2026-03-10');
    setLanguage('en');
    expect(dayText('2026-03-10')).toBe(new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2026-03-10T12:00:00Z')));
    expect(dayText('2026-03-10')).not.toBe(danish);
    expect(weekdayText('2026-03-10')).toMatch(/^Tuesday/);
    setLanguage('da');
    expect(dayText('2026-03-10')).toBe(danish);
    expect(weekdayText('2026-03-10')).toBe(danishWeekday);
  });

  it('holds nothing for options Intl refuses, and refuses them again', () => {
    expect(() => numberFormat({ style: 'currency', currency: 'NOT-A-CODE' })).toThrow(RangeError);
    expect(() => numberFormat({ style: 'currency', currency: 'NOT-A-CODE' })).toThrow(RangeError);
  });
});
