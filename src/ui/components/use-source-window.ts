/**
 * The state of a windowed list whose rows live elsewhere (a `RowSource`, answered by the
 * background): only the page drawn is held. The focus, keys and page buttons behave as with an
 * array (use-row-window.ts): a move to a row outside the page asks for the page that holds it and
 * focuses the row once it is drawn. A row asked for by key is found by the source. When
 * `version` changes (the data did), the page is asked for again, staying with the focused row
 * while it is still listed. The source must keep its identity between renders (useMemo): a new
 * source is asked again.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { clampRow, pageStep, windowAt } from '../../shared/row-window';
import type { RowRequest, RowSource, RowWindowAnswer } from '../../shared/row-source';
import { DEFAULT_PAGE_SIZE, focusDrawnRow, rowKeys, type RowWindowState } from './use-row-window';

export interface SourceWindowState<T> extends RowWindowState {
  /** The rows of the page drawn (from `window.start`); empty until the first answer. */
  rows: readonly T[];
  /** False until the source first answered. */
  answered: boolean;
  error: unknown;
}

export interface SourceWindowOptions<T> {
  size?: number | undefined;
  focusKey?: string | undefined;
  /** Changes when the rows may have changed: the page drawn is asked for again. */
  version?: unknown;
  /** The first page, when the caller already has it: drawn at once, with no request. */
  initial?: RowWindowAnswer<T> | undefined;
}

const NO_ROWS: RowWindowAnswer<never> = { start: 0, total: 0, rows: [] };

export function useSourceWindow<T>(source: RowSource<T> | null, keyOf: (row: T) => string, options: SourceWindowOptions<T> = {}): SourceWindowState<T> {
  const size = options.size ?? DEFAULT_PAGE_SIZE;
  const [answer, setAnswer] = useState<RowWindowAnswer<T> | null>(options.initial ?? null);
  const [focus, setFocus] = useState(options.initial?.start ?? 0);
  const [error, setError] = useState<unknown>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const focusedKey = useRef<string | undefined>(undefined);
  const container = useRef<HTMLElement | null>(null);
  const containerRef = useRef((element: HTMLElement | null) => {
    container.current = element;
  }).current;
  // Only the latest request's answer is drawn: a slow page must not replace a later one.
  const asked = useRef(0);
  const shown = answer ?? NO_ROWS;
  const total = shown.total;
  const focusRow = clampRow(focus, total);

  const keyAt = (held: RowWindowAnswer<T>, index: number): string | undefined => {
    const row = held.rows[index - held.start];
    return row === undefined ? undefined : keyOf(row);
  };
  const show = (held: RowWindowAnswer<T>, index: number, follow: boolean) => {
    focusedKey.current = keyAt(held, index);
    setFocus(index);
    if (follow) setFocusRequest((n) => n + 1);
  };
  /** Asks for a page; `place` says which row of the answer takes the focus. */
  const ask = (request: RowRequest, place: (held: RowWindowAnswer<T>) => number, follow: boolean) => {
    if (!source) return;
    const n = ++asked.current;
    source(request).then(
      (held) => {
        if (n !== asked.current) return;
        setError(null);
        setAnswer(held);
        show(held, place(held), follow);
      },
      (caught: unknown) => n === asked.current && setError(caught),
    );
  };
  const indexOf = (held: RowWindowAnswer<T>, key: string | undefined): number => {
    const i = key === undefined ? -1 : held.rows.findIndex((row) => keyOf(row) === key);
    return i >= 0 ? held.start + i : held.start;
  };
  const focusAt = (index: number, follow: boolean) => {
    const held = shown;
    if (index >= held.start && index < held.start + held.rows.length) return show(held, index, follow);
    const start = windowAt(index, total, size).start;
    ask({ start, count: size }, (next) => clampRow(index, next.total), follow);
  };

  // The page again whenever the source or the data changes (not on the first drawing of an `initial` page).
  const first = useRef(options.initial !== undefined);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const key = focusedKey.current;
    ask({ start: answer?.start ?? 0, count: size, focusKey: key }, (held) => indexOf(held, key), false);
  }, [source, options.version]);

  useEffect(() => {
    const key = options.focusKey;
    if (key === undefined) return;
    ask({ start: 0, count: size, focusKey: key }, (held) => indexOf(held, key), true);
  }, [options.focusKey]);

  // Before paint: the row that had the focus may just have left the DOM with its page.
  useLayoutEffect(() => {
    if (focusRequest === 0) return;
    focusDrawnRow(container.current, focusRow);
  }, [focusRequest]);

  const onKeyDown = rowKeys(focusRow, total, size, focusAt);

  return {
    window: { start: shown.start, end: shown.start + shown.rows.length, total },
    rows: shown.rows,
    answered: answer !== null,
    error,
    focusRow,
    size,
    containerRef,
    onKeyDown,
    rowProps: (index) => ({ 'data-row': index, tabIndex: index === focusRow ? 0 : -1, onFocus: () => focusAt(index, false) }),
    page: (direction) => focusAt(pageStep(direction, focusRow, total, size), false),
  };
}
