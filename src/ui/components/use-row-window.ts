/**
 * The state of a windowed list: the focused row (roving tabindex), the page drawn around it, the
 * keys that move it, and a row asked for by key (from search or another view) brought into view.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { clampRow, isWindowKey, moveFocus, pageStep, windowAt, type RowWindow } from '../../shared/row-window';

/** Rows per page where the caller does not say: small enough for a few thousand DOM nodes. */
export const DEFAULT_PAGE_SIZE = 50;

/**
 * The keys of a windowed list (arrows, PageUp/PageDown, Home/End), taken only from a row itself:
 * a button or field inside a row keeps its own keys.
 */
export const rowKeys =
  (focusRow: number, total: number, size: number, focusAt: (index: number, follow: boolean) => void) =>
  (event: KeyboardEvent): void => {
    if (!isWindowKey(event.key) || !(event.target instanceof HTMLElement) || event.target.dataset['row'] === undefined) return;
    event.preventDefault();
    focusAt(moveFocus(event.key, focusRow, total, size), true);
  };

/** Focuses the drawn row `index` and scrolls it into view; false when its page is not drawn (yet). */
export function focusDrawnRow(container: HTMLElement | null, index: number): boolean {
  const row = container?.querySelector<HTMLElement>(`[data-row="${index}"]`);
  if (!row) return false;
  row.focus({ preventScroll: true });
  row.scrollIntoView({ block: 'nearest' });
  return true;
}

export interface RowWindowState {
  window: RowWindow;
  /** The row that is in the tab order. */
  focusRow: number;
  size: number;
  /** For the list or table element (a ref callback fits any element type). */
  containerRef: (element: HTMLElement | null) => void;
  /** For the list or table element: moves the focus when a row has it. */
  onKeyDown: (event: KeyboardEvent) => void;
  /** For each drawn row element. */
  rowProps: (index: number) => { 'data-row': number; tabIndex: number; onFocus: () => void };
  /** Shows the previous or next page; the focus stays where it is (on the page button). */
  page: (direction: -1 | 1) => void;
}

export function useRowWindow<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  options: { size?: number | undefined; focusKey?: string | undefined } = {},
): RowWindowState {
  const size = options.size ?? DEFAULT_PAGE_SIZE;
  const [focus, setFocus] = useState(0);
  const container = useRef<HTMLElement | null>(null);
  const containerRef = useRef((element: HTMLElement | null) => {
    container.current = element;
  }).current;
  // Counts requests for the DOM focus to follow the focused row once it is drawn (a key, or a row
  // asked for by key); a page button moves the window without taking the focus from the button.
  const [focusRequest, setFocusRequest] = useState(0);
  // The focused row's key: when the items change (a filter, new data) the window stays with that
  // row while it is still listed, and goes back to the first page when it is not.
  const focusedKey = useRef<string | undefined>(undefined);
  const focusAt = (index: number, follow: boolean) => {
    const item = items[index];
    focusedKey.current = item === undefined ? undefined : keyOf(item);
    setFocus(index);
    if (follow) setFocusRequest((n) => n + 1);
  };
  const total = items.length;
  const focusRow = clampRow(focus, total);

  useEffect(() => {
    if (options.focusKey === undefined) return;
    const index = items.findIndex((item) => keyOf(item) === options.focusKey);
    if (index >= 0) focusAt(index, true);
  }, [options.focusKey]);

  const seenItems = useRef(items);
  useEffect(() => {
    const seen = seenItems.current;
    if (seen === items) return;
    seenItems.current = items;
    // The row to stay with: the focused one, or (never focused yet) the one the focus index held.
    const held = seen[clampRow(focus, seen.length)];
    const anchor = focusedKey.current ?? (held === undefined ? undefined : keyOf(held));
    const index = anchor === undefined ? -1 : items.findIndex((item) => keyOf(item) === anchor);
    focusAt(Math.max(index, 0), false);
  }, [items]);

  // Before paint: the row that had the focus may just have left the DOM with its page.
  useLayoutEffect(() => {
    if (focusRequest === 0) return;
    focusDrawnRow(container.current, focusRow);
  }, [focusRequest]);

  const onKeyDown = rowKeys(focusRow, total, size, focusAt);

  return {
    window: windowAt(focusRow, total, size),
    focusRow,
    size,
    containerRef,
    onKeyDown,
    rowProps: (index) => ({ 'data-row': index, tabIndex: index === focusRow ? 0 : -1, onFocus: () => focusAt(index, false) }),
    page: (direction) => focusAt(pageStep(direction, focusRow, total, size), false),
  };
}
