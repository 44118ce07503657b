/**
 * The arithmetic of a windowed list: which rows are drawn and where the keyboard takes the
 * focus. Pure, so it is tested without a DOM; the vault's lists and the receiver page share it.
 *
 * The window is a page of `size` rows that always holds the focused row: moving the focus past
 * the page's edge shows the next page. Pages rather than scroll-driven virtual rows, because the
 * rows vary in height (an appointment's place and links wrap with the language and the window's
 * width) and hold buttons and forms: a page is a stable set of DOM rows that find-in-page, a
 * screen reader's browse mode and the tab order can rely on, with no measuring and no jumps.
 */

/** Rows `start` (inclusive) to `end` (exclusive) of `total`. */
export interface RowWindow {
  start: number;
  end: number;
  total: number;
}

function checkCount(name: string, n: number, min: number): void {
  if (!Number.isInteger(n) || n < min) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${n}`);
}

/** `index` kept inside a list of `total` rows (0 when the list is empty). */
export function clampRow(index: number, total: number): number {
  checkCount('total', total, 0);
  if (total === 0 || Number.isNaN(index)) return 0;
  return Math.min(Math.max(Math.trunc(index), 0), total - 1);
}

/** The page of `size` rows that holds row `focus`. */
export function windowAt(focus: number, total: number, size: number): RowWindow {
  checkCount('size', size, 1);
  const row = clampRow(focus, total);
  const start = Math.floor(row / size) * size;
  return { start, end: Math.min(start + size, total), total };
}

/** The keys a windowed list answers; any other key is left to the browser. */
export const WINDOW_KEYS = ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End'] as const;
export type WindowKey = (typeof WINDOW_KEYS)[number];
export const isWindowKey = (key: string): key is WindowKey => (WINDOW_KEYS as readonly string[]).includes(key);

/** Where `key` moves the focus from row `focus`: one row, one page, or to either end. */
export function moveFocus(key: WindowKey, focus: number, total: number, size: number): number {
  checkCount('size', size, 1);
  const step: Record<WindowKey, number> = {
    ArrowDown: 1,
    ArrowUp: -1,
    PageDown: size,
    PageUp: -size,
    Home: -Infinity,
    End: Infinity,
  };
  const to = focus + step[key];
  return clampRow(Number.isFinite(to) ? to : to > 0 ? total - 1 : 0, total);
}

/** The first row of the page before or after the one holding `focus`, for the page buttons. */
export function pageStep(direction: -1 | 1, focus: number, total: number, size: number): number {
  const { start } = windowAt(focus, total, size);
  return clampRow(start + direction * size, total);
}
