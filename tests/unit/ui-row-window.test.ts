/**
 * The arithmetic of a windowed list: the page drawn always holds the focused row and never more
 * than a page of rows; the keys move the focus one row, one page or to either end, and never out
 * of the list; bad sizes are refused with the argument named.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampRow, isWindowKey, moveFocus, pageStep, windowAt, WINDOW_KEYS } from '../../src/shared/row-window';

const RUNS = { numRuns: process.env['SLOW'] ? 5_000 : 200 };

describe('windowAt', () => {
  it('draws the page that holds the focused row', () => {
    expect(windowAt(0, 40_000, 50)).toEqual({ start: 0, end: 50, total: 40_000 });
    expect(windowAt(49, 40_000, 50)).toEqual({ start: 0, end: 50, total: 40_000 });
    expect(windowAt(50, 40_000, 50)).toEqual({ start: 50, end: 100, total: 40_000 });
    expect(windowAt(39_999, 40_000, 50)).toEqual({ start: 39_950, end: 40_000, total: 40_000 });
  });

  it('draws a short last page and an empty list', () => {
    expect(windowAt(120, 123, 50)).toEqual({ start: 100, end: 123, total: 123 });
    expect(windowAt(0, 0, 50)).toEqual({ start: 0, end: 0, total: 0 });
    expect(windowAt(7, 3, 50)).toEqual({ start: 0, end: 3, total: 3 });
  });

  it('keeps a focus beyond the list inside it', () => {
    expect(windowAt(1_000, 120, 50)).toEqual({ start: 100, end: 120, total: 120 });
    expect(windowAt(-5, 120, 50)).toEqual({ start: 0, end: 50, total: 120 });
  });

  it('always holds the focused row and at most a page', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.integer({ min: 1, max: 500 }), fc.integer({ min: -10, max: 110_000 }), (total, size, focus) => {
        const w = windowAt(focus, total, size);
        const row = clampRow(focus, total);
        expect(w.end - w.start).toBeLessThanOrEqual(size);
        expect(w.start % size).toBe(0);
        if (total > 0) {
          expect(w.start).toBeLessThanOrEqual(row);
          expect(row).toBeLessThan(w.end);
        } else expect(w.end).toBe(0);
      }),
      RUNS,
    );
  });

  it('refuses a size that is not a positive whole number, naming it', () => {
    for (const size of [0, -1, 2.5, Number.NaN, Infinity]) expect(() => windowAt(0, 10, size)).toThrow(/^size must be an integer ≥ 1/);
    expect(() => windowAt(0, -1, 10)).toThrow(RangeError);
    expect(() => windowAt(0, 1.5, 10)).toThrow(/^total must be/);
  });
});

describe('moveFocus', () => {
  it('moves one row, one page, or to either end', () => {
    expect(moveFocus('ArrowDown', 10, 40_000, 50)).toBe(11);
    expect(moveFocus('ArrowUp', 10, 40_000, 50)).toBe(9);
    expect(moveFocus('PageDown', 10, 40_000, 50)).toBe(60);
    expect(moveFocus('PageUp', 60, 40_000, 50)).toBe(10);
    expect(moveFocus('Home', 12_345, 40_000, 50)).toBe(0);
    expect(moveFocus('End', 0, 40_000, 50)).toBe(39_999);
  });

  it('crosses into the next page at its edge', () => {
    const next = moveFocus('ArrowDown', 49, 40_000, 50);
    expect(next).toBe(50);
    expect(windowAt(next, 40_000, 50).start).toBe(50);
    expect(windowAt(moveFocus('ArrowUp', 50, 40_000, 50), 40_000, 50).start).toBe(0);
  });

  it('stops at the ends', () => {
    expect(moveFocus('ArrowUp', 0, 100, 50)).toBe(0);
    expect(moveFocus('PageUp', 20, 100, 50)).toBe(0);
    expect(moveFocus('ArrowDown', 99, 100, 50)).toBe(99);
    expect(moveFocus('PageDown', 80, 100, 50)).toBe(99);
    expect(moveFocus('End', 0, 0, 50)).toBe(0);
  });

  it('never leaves the list, and End then Home is the first row', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 500 }),
        fc.nat(),
        fc.constantFrom(...WINDOW_KEYS),
        (total, size, seed, key) => {
          const from = seed % total;
          const to = moveFocus(key, from, total, size);
          expect(to).toBeGreaterThanOrEqual(0);
          expect(to).toBeLessThan(total);
          expect(moveFocus('End', to, total, size)).toBe(total - 1);
          expect(moveFocus('Home', moveFocus('End', to, total, size), total, size)).toBe(0);
        },
      ),
      RUNS,
    );
  });

  it('answers only its own keys', () => {
    expect(WINDOW_KEYS.every(isWindowKey)).toBe(true);
    for (const key of ['Enter', ' ', 'Tab', 'ArrowLeft', 'a', 'end']) expect(isWindowKey(key)).toBe(false);
  });
});

describe('pageStep', () => {
  it('goes to the first row of the page before or after', () => {
    expect(pageStep(1, 10, 123, 50)).toBe(50);
    expect(pageStep(1, 60, 123, 50)).toBe(100);
    expect(pageStep(1, 110, 123, 50)).toBe(122);
    expect(pageStep(-1, 110, 123, 50)).toBe(50);
    expect(pageStep(-1, 10, 123, 50)).toBe(0);
  });
});
