/**
 * The state of a windowed list whose rows live elsewhere (a `RowSource`, answered by the
 * background): only the page drawn is held, and the focus and keys are those of a page held
 * elsewhere (use-paged-window.ts), with this hook as the page's owner. A row asked for by key is
 * found by the source. When `version` changes (the data did), the page is asked for again,
 * staying with the focused row while it is still listed. The source must keep its identity
 * between renders (useMemo): a new source is asked again.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RowRequest, RowSource, RowWindowAnswer } from '../../shared/row-source';
import { usePagedWindow } from './use-paged-window';
import { DEFAULT_PAGE_SIZE, type RowWindowState } from './use-row-window';

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
  const [error, setError] = useState<unknown>(null);
  // Only the latest request's answer is drawn: a slow page must not replace a later one.
  const asked = useRef(0);
  const ask = (request: RowRequest) => {
    if (!source) return;
    const n = ++asked.current;
    source(request).then(
      (held) => {
        if (n !== asked.current) return;
        setError(null);
        setAnswer(held);
      },
      (caught: unknown) => n === asked.current && setError(caught),
    );
  };
  const shown = answer ?? NO_ROWS;
  const state = usePagedWindow(shown, (start) => ask({ start, count: size }), keyOf, { size, focusKey: options.focusKey });

  // The page again whenever the source or the data changes (not on the first drawing of an `initial` page).
  const first = useRef(options.initial !== undefined);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ask({ start: shown.start, count: size, focusKey: state.focusedKey });
  }, [source, options.version]);

  // The source answers the page that holds the row; the focus goes to it once it is drawn.
  useEffect(() => {
    if (options.focusKey !== undefined) ask({ start: 0, count: size, focusKey: options.focusKey });
  }, [options.focusKey]);

  return { ...state, rows: shown.rows, answered: answer !== null, error };
}
