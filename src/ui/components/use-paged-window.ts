/**
 * The state of a windowed list whose rows are held elsewhere (the background answers a window
 * at a time): the same focus, keys and page buttons as use-row-window.ts, over one page of rows
 * and the list's total. Moving the focus past the page asks the owner for the page that holds
 * it (`onWindow`); the focus follows onto the row once that page has arrived.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { clampRow, pageStep, windowAt } from '../../shared/row-window';
import type { RowWindowAnswer } from '../../shared/row-source';
import { DEFAULT_PAGE_SIZE, focusDrawnRow, rowKeys, type RowWindowState } from './use-row-window';

export function usePagedWindow<T>(
  page: RowWindowAnswer<T>,
  onWindow: (start: number) => void,
  keyOf: (item: T) => string,
  options: { size?: number | undefined; focusKey?: string | undefined } = {},
): RowWindowState {
  const size = options.size ?? DEFAULT_PAGE_SIZE;
  const { total, start, rows } = page;
  const [focus, setFocus] = useState(start);
  const container = useRef<HTMLElement | null>(null);
  const containerRef = useRef((element: HTMLElement | null) => {
    container.current = element;
  }).current;
  // Set when the DOM focus should follow the focused row as soon as it is drawn.
  const follow = useRef(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const focusRow = clampRow(focus, total);

  const focusAt = (index: number, followIt: boolean) => {
    const row = clampRow(index, total);
    setFocus(row);
    const wanted = windowAt(row, total, size).start;
    if (wanted !== start) onWindow(wanted);
    if (followIt) {
      follow.current = true;
      setFocusRequest((n) => n + 1);
    }
  };

  // A page that does not hold the focus (a new query or filter) takes it to its first row.
  useEffect(() => {
    if (focus < start || focus >= start + Math.max(rows.length, 1)) setFocus(start);
  }, [start, rows]);

  // A row asked for by key (from search or another view) is focused once its page is here.
  const applied = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (options.focusKey === undefined || applied.current === options.focusKey) return;
    const index = rows.findIndex((item) => keyOf(item) === options.focusKey);
    if (index < 0) return;
    applied.current = options.focusKey;
    focusAt(start + index, true);
  }, [options.focusKey, start, rows]);

  // Before paint: the row that had the focus may just have left the DOM with its page.
  useLayoutEffect(() => {
    if (!follow.current) return;
    if (!focusDrawnRow(container.current, focusRow)) return; // its page is still on its way
    follow.current = false;
  }, [focusRequest, start, rows, focusRow]);

  const onKeyDown = rowKeys(focusRow, total, size, focusAt);

  return {
    window: { start, end: start + rows.length, total },
    focusRow,
    size,
    containerRef,
    onKeyDown,
    rowProps: (index) => ({ 'data-row': index, tabIndex: index === focusRow ? 0 : -1, onFocus: () => focusAt(index, false) }),
    page: (direction) => focusAt(pageStep(direction, focusRow, total, size), false),
  };
}
