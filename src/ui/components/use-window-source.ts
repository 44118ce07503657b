/**
 * A long list the background answers a window at a time, with what it answers beside the rows (a
 * chart's monthly totals, the records it could not read): the source fetches the pages next to
 * the one drawn ahead (src/shared/row-source.ts `prefetching`), so a held PageDown draws from
 * memory instead of waiting a round trip per page. The first answer (the page holding `focusKey`,
 * or the first page) is the view's: the list draws its later pages itself (`WindowedTable` with
 * `source` and `initial`), so what is drawn from the first answer is not drawn again as the rows move.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { prefetching, type RowRequest, type RowWindowAnswer } from '../../shared/row-source';
import { errorMessage } from '../errors';

export interface WindowSource<R> {
  /** Answers a window, the pages around it fetched ahead; made anew when `deps` change. */
  source: (request: RowRequest) => Promise<R>;
  /** The first answer for the source of now; the last one stays while the next is on its way. */
  first: R | null;
  error: string | null;
  /** Asks everything again (records were removed that no kind version counts). */
  reload: () => void;
}

/**
 * `ask` answers a window; `deps` say when the rows may have changed (the profile, a kinds'
 * version). `first` belongs to the `deps` of the first of them (the profile): another
 * profile's answer is never shown while this one's is on its way.
 */
export function useWindowSource<R extends RowWindowAnswer<unknown>>(
  ask: (request: RowRequest) => Promise<R>,
  deps: readonly [profileId: string, ...rest: unknown[]],
  options: { size: number; focusKey?: string | undefined },
): WindowSource<R> {
  const [reloads, setReloads] = useState(0);
  const source = useMemo(() => prefetching(ask), [...deps, reloads]);
  const [state, setState] = useState<{ of: string; first: R | null; error: string | null }>({ of: deps[0], first: null, error: null });
  useEffect(() => {
    let alive = true;
    const of = deps[0];
    source({ start: 0, count: options.size, focusKey: options.focusKey }).then(
      (first) => alive && setState({ of, first, error: null }),
      (caught: unknown) => alive && setState((s) => ({ of, first: s.of === of ? s.first : null, error: errorMessage(caught) })),
    );
    return () => {
      alive = false;
    };
  }, [source, options.focusKey]);
  const mine = state.of === deps[0];
  return { source, first: mine ? state.first : null, error: mine ? state.error : null, reload: () => setReloads((n) => n + 1) };
}
