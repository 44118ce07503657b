/**
 * The state of a windowed list whose rows are all in the page (an array): the page drawn is the
 * one around the focused row (use-window-focus.ts holds the focus, the keys and a row asked for
 * by key); when the items change, the window stays with the focused row while it is still
 * listed, and goes back to the first page when it is not.
 */
import { windowAt, type RowWindow } from '../../shared/row-window';
import { useWindowFocus, type WindowFocus } from './use-window-focus';

/** Rows per page where the caller does not say: small enough for a few thousand DOM nodes. */
export const DEFAULT_PAGE_SIZE = 50;

export interface RowWindowState extends WindowFocus {
  window: RowWindow;
}

export function useRowWindow<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  options: { size?: number | undefined; focusKey?: string | undefined } = {},
): RowWindowState {
  const size = options.size ?? DEFAULT_PAGE_SIZE;
  const total = items.length;
  const state = useWindowFocus(
    {
      total,
      size,
      first: 0,
      keyAt: (index) => {
        const item = items[index];
        return item === undefined ? undefined : keyOf(item);
      },
      find: (key) => items.findIndex((item) => keyOf(item) === key),
      fallback: () => 0,
      held: [items],
    },
    options.focusKey,
  );
  return { ...state, window: windowAt(state.focusRow, total, size) };
}
