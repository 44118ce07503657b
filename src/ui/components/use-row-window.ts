/**
 * The state of a windowed list: the focused row (roving tabindex), the page drawn around it, the
 * keys that move it, and a row asked for by key (from search or another view) brought into view.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { clampRow, isWindowKey, moveFocus, pageStep, windowAt, type RowWindow } from './row-window';

/** Rows per page where the caller does not say: small enough for a few thousand DOM nodes. */
export const DEFAULT_PAGE_SIZE = 50;

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
  const followFocus = (index: number) => {
    setFocus(index);
    setFocusRequest((n) => n + 1);
  };
  const total = items.length;
  const focusRow = clampRow(focus, total);

  useEffect(() => {
    if (options.focusKey === undefined) return;
    const index = items.findIndex((item) => keyOf(item) === options.focusKey);
    if (index < 0) return;
    followFocus(index);
  }, [options.focusKey, items]);

  useEffect(() => {
    if (focusRequest === 0) return;
    const row = container.current?.querySelector<HTMLElement>(`[data-row="${focusRow}"]`);
    row?.focus({ preventScroll: true });
    row?.scrollIntoView({ block: 'nearest' });
  }, [focusRequest]);

  const onKeyDown = (event: KeyboardEvent) => {
    // Only from a row itself: a button or field inside a row keeps its own keys.
    if (!isWindowKey(event.key) || !(event.target instanceof HTMLElement) || event.target.dataset['row'] === undefined) return;
    event.preventDefault();
    followFocus(moveFocus(event.key, focusRow, total, size));
  };

  return {
    window: windowAt(focusRow, total, size),
    focusRow,
    size,
    containerRef,
    onKeyDown,
    rowProps: (index) => ({ 'data-row': index, tabIndex: index === focusRow ? 0 : -1, onFocus: () => setFocus(index) }),
    page: (direction) => setFocus(pageStep(direction, focusRow, total, size)),
  };
}
