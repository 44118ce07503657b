/**
 * Rows that live elsewhere (in the background), asked for a window at a time: a long view's list
 * knows only how many rows there are and the page it shows. The windowed list
 * (src/ui/components/WindowedList.tsx) draws from either an array or a source of this type.
 */
import { AheadCache } from './ahead-cache';

/** Rows `start`… (`rows.length` of them) of `total`. */
export interface RowWindowAnswer<T> {
  start: number;
  total: number;
  rows: T[];
}

/** What a windowed list asks for: `count` rows from `start`, or the page of `count` rows that holds the row `focusKey`. */
export interface RowRequest {
  start: number;
  count: number;
  focusKey?: string | undefined;
}

/**
 * Answers a window. When `focusKey` names a row that is listed, the answer is the page holding
 * it (its `start` a multiple of `count`); a `start` past the end answers the last page.
 */
export type RowSource<T> = (request: RowRequest) => Promise<RowWindowAnswer<T>>;

/** The answer for `request` from rows held in full (tests, and sources that hold their rows). */
export function windowOf<T>(rows: readonly T[], keyOf: (row: T) => string, request: RowRequest): RowWindowAnswer<T> {
  const { count } = request;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be an integer ≥ 1, got ${count}`);
  const focused = request.focusKey === undefined ? -1 : rows.findIndex((row) => keyOf(row) === request.focusKey);
  const last = Math.max(rows.length - 1, 0);
  const start = focused >= 0 ? focused - (focused % count) : Math.min(Math.max(Math.trunc(request.start), 0), last - (last % count));
  return { start, total: rows.length, rows: rows.slice(start, start + count) };
}

/**
 * `source` with the pages around each answer fetched ahead, so a page step is drawn from memory:
 * `depth` pages on in the direction the citizen moves (a quick walk does not catch up with the
 * fetches), one the other way. Only for a source made anew when its rows change (its answers
 * are held as they came). A request by `focusKey` goes to `source`.
 */
export function prefetching<R extends RowWindowAnswer<unknown>>(source: (request: RowRequest) => Promise<R>, depth = 3): (request: RowRequest) => Promise<R> {
  const pages = new AheadCache<RowRequest, R>(source, (r) => `${r.start}:${r.count}`, 2 * depth + 2);
  let last = 0;
  return async (request) => {
    const answer = await (request.focusKey === undefined ? pages.get(request) : source(request));
    const { count } = request;
    const step = answer.start < last ? -count : count;
    last = answer.start;
    for (const start of [...Array.from({ length: depth }, (_, n) => answer.start + (n + 1) * step), answer.start - step])
      if (start >= 0 && start < answer.total) pages.ahead({ start, count });
    return answer;
  };
}
