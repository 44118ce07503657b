/**
 * The state of a windowed list whose rows are held elsewhere (the background answers a window at
 * a time): the focus and keys of use-window-focus.ts over one page of rows and the list's total.
 * Moving the focus past the page asks the owner for the page that holds it (`onWindow`); the
 * focus follows onto the row once that page has arrived. A page that does not hold the focused
 * row (a new query or filter) takes the focus to its first row.
 */
import { windowAt } from '../../shared/row-window';
import type { RowWindowAnswer } from '../../shared/row-source';
import { DEFAULT_PAGE_SIZE, type RowWindowState } from './use-row-window';
import { useWindowFocus } from './use-window-focus';

export function usePagedWindow<T>(
  page: RowWindowAnswer<T>,
  onWindow: (start: number) => void,
  keyOf: (item: T) => string,
  options: { size?: number | undefined; focusKey?: string | undefined } = {},
): RowWindowState {
  const size = options.size ?? DEFAULT_PAGE_SIZE;
  const { total, start, rows } = page;
  const state = useWindowFocus(
    {
      total,
      size,
      first: start,
      keyAt: (index) => {
        const row = index < start ? undefined : rows[index - start];
        return row === undefined ? undefined : keyOf(row);
      },
      find: (key) => {
        const i = rows.findIndex((row) => keyOf(row) === key);
        return i < 0 ? -1 : start + i;
      },
      fallback: (focus) => (focus >= start && focus < start + Math.max(rows.length, 1) ? focus : start),
      reach: (index) => {
        const wanted = windowAt(index, total, size).start;
        if (wanted !== start) onWindow(wanted);
      },
      held: [start, rows],
    },
    options.focusKey,
  );
  return { ...state, window: { start, end: start + rows.length, total } };
}
