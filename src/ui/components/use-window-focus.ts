/**
 * What every windowed list shares, wherever its rows are held: the focused row (a roving
 * tabindex), the keys that move it, the DOM focus following it onto its row once that row is
 * drawn, the focus staying with its row when the rows change, and a row asked for by key brought
 * into view. The hooks around it say only where the rows are: all in the page
 * (use-row-window.ts), or a page at a time from elsewhere (use-paged-window.ts, on which
 * use-source-window.ts builds).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { clampRow, isWindowKey, moveFocus, pageStep } from '../../shared/row-window';

/** Where a list's rows are: what the focus needs to know of them. */
export interface HeldRows {
  total: number;
  size: number;
  /** The row the focus starts on. */
  first: number;
  /** The key of row `index`, when that row is held. */
  keyAt: (index: number) => string | undefined;
  /** The index of the held row with `key`, or -1. */
  find: (key: string) => number;
  /** Where the focus goes when the rows changed and its row is not among them (`focus`: where it was). */
  fallback: (focus: number) => number;
  /** Asks for the rows around `index`; absent where every row is held. */
  reach?: (index: number) => void;
  /** Changes exactly when the rows held do (a fixed number of values). */
  held: readonly unknown[];
}

export interface WindowFocus {
  /** The row that is in the tab order. */
  focusRow: number;
  /** The focused row's key, while that row is held. */
  focusedKey: string | undefined;
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

/** Focuses the drawn row `index` and scrolls it into view; false when its page is not drawn (yet). */
function focusDrawnRow(container: HTMLElement | null, index: number): boolean {
  const row = container?.querySelector<HTMLElement>(`[data-row="${index}"]`);
  if (!row) return false;
  row.focus({ preventScroll: true });
  row.scrollIntoView({ block: 'nearest' });
  return true;
}

export function useWindowFocus(rows: HeldRows, focusKey: string | undefined): WindowFocus {
  const { total, size } = rows;
  const [focus, setFocus] = useState(rows.first);
  const container = useRef<HTMLElement | null>(null);
  const containerRef = useRef((element: HTMLElement | null) => {
    container.current = element;
  }).current;
  // Set when the DOM focus should follow the focused row as soon as it is drawn (a key, or a row
  // asked for by key); a page button moves the window without taking the focus from the button.
  const follow = useRef(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const focusRow = clampRow(focus, total);
  const focusedKey = rows.keyAt(focusRow);

  const focusAt = (index: number, followIt: boolean) => {
    const row = clampRow(index, total);
    setFocus(row);
    rows.reach?.(row);
    if (followIt) {
      follow.current = true;
      setFocusRequest((n) => n + 1);
    }
  };

  // New rows (a filter, new data, a page that arrived): the focus stays with its row while that
  // row is held. `shownKey` is the focused row's key as last drawn, before these rows came.
  // Before paint, with the focus of this drawing: run after the frame, a key pressed meanwhile
  // (a held PageDown) would be undone by the focus of an older drawing, and the row with the DOM
  // focus would leave with its page while the focus pointed at no drawn row.
  const shownKey = useRef(focusedKey);
  const drawnOnce = useRef(false);
  useLayoutEffect(() => {
    if (!drawnOnce.current) {
      drawnOnce.current = true;
      return;
    }
    const key = shownKey.current;
    const index = key === undefined ? -1 : rows.find(key);
    setFocus(index >= 0 ? index : rows.fallback(focus));
  }, rows.held);

  // A row asked for by key (from search or another view) is focused once it is held.
  const applied = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (focusKey === undefined || applied.current === focusKey) {
      applied.current = focusKey;
      return;
    }
    const index = rows.find(focusKey);
    if (index < 0) return;
    applied.current = focusKey;
    focusAt(index, true);
  }, [focusKey, ...rows.held]);

  useLayoutEffect(() => {
    shownKey.current = focusedKey;
  });

  // Before paint: the row that had the focus may just have left the DOM with its page.
  useLayoutEffect(() => {
    if (follow.current && focusDrawnRow(container.current, focusRow)) follow.current = false;
  }, [focusRequest, focusRow, ...rows.held]);

  // The keys (arrows, PageUp/PageDown, Home/End) are taken only from a row itself: a button or
  // field inside a row keeps its own keys.
  const onKeyDown = (event: KeyboardEvent): void => {
    if (!isWindowKey(event.key) || !(event.target instanceof HTMLElement) || event.target.dataset['row'] === undefined) return;
    event.preventDefault();
    focusAt(moveFocus(event.key, focusRow, total, size), true);
  };

  return {
    focusRow,
    focusedKey,
    size,
    containerRef,
    onKeyDown,
    rowProps: (index) => ({ 'data-row': index, tabIndex: index === focusRow ? 0 : -1, onFocus: () => focusAt(index, false) }),
    page: (direction) => focusAt(pageStep(direction, focusRow, total, size), false),
  };
}
