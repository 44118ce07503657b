/**
 * A sort for models made in slices (view-cache.ts, `Pace`): runs of rows are sorted at once and
 * then merged, with a pace between parts. Sorting tens of thousands of rows in one call held the
 * background's one thread for tens of milliseconds, and a click that came meanwhile waited for
 * it. Stable like `Array.prototype.sort`, so the order is the one that sort gives.
 */
import type { Pace } from './view-cache';

/** Rows sorted in one call, and merged between two paces: a few milliseconds of work. */
export const SORT_RUN = 4096;

/** Sorts `items` in place by `compare`, pacing between runs and during the merges; returns `items`. */
export async function sortPaced<T>(items: T[], compare: (a: T, b: T) => number, pace: Pace): Promise<T[]> {
  const n = items.length;
  if (n <= SORT_RUN) return items.sort(compare);
  for (let from = 0; from < n; from += SORT_RUN) {
    const run = items.slice(from, from + SORT_RUN).sort(compare);
    for (let i = 0; i < run.length; i++) items[from + i] = run[i]!;
    await pace();
  }
  let source = items;
  let target = new Array<T>(n);
  let merged = 0;
  for (let width = SORT_RUN; width < n; width *= 2) {
    for (let left = 0; left < n; left += 2 * width) {
      const middle = Math.min(left + width, n);
      const end = Math.min(left + 2 * width, n);
      let i = left;
      let j = middle;
      let k = left;
      while (i < middle && j < end) {
        // The right run's row goes first only when strictly before: equal rows keep their order.
        target[k++] = compare(source[j]!, source[i]!) < 0 ? source[j++]! : source[i++]!;
        if (++merged % SORT_RUN === 0) await pace();
      }
      while (i < middle) target[k++] = source[i++]!;
      while (j < end) target[k++] = source[j++]!;
    }
    [source, target] = [target, source];
  }
  if (source !== items) for (let i = 0; i < n; i++) items[i] = source[i]!;
  return items;
}
