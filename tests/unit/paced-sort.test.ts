/**
 * The sort the background's models make in parts (src/background/views/paced-sort.ts): the same
 * order as `Array.prototype.sort`, equal rows kept in their order, and a pace between its parts.
 */
import { describe, expect, it } from 'vitest';
import { SORT_RUN, sortPaced } from '../../src/background/views/paced-sort';

interface Row {
  key: number;
  at: number;
}

/** Rows with many equal keys, in a shuffled order that is the same on every run. */
function rows(count: number): Row[] {
  let seed = 7;
  return Array.from({ length: count }, (_, at) => {
    seed = (seed * 48271) % 2147483647;
    return { key: seed % 97, at };
  });
}

const byKey = (a: Row, b: Row) => a.key - b.key;

describe('a sort made in parts', () => {
  it.each([0, 1, SORT_RUN, SORT_RUN + 1, 3 * SORT_RUN + 17, 9 * SORT_RUN])(
    'gives the order Array.prototype.sort gives, equal rows in their order (%i rows)',
    async (count) => {
      const items = rows(count);
      const expected = [...items].sort(byKey);
      let paces = 0;
      const sorted = await sortPaced(items, byKey, async () => void paces++);
      expect(sorted).toBe(items);
      expect(sorted).toEqual(expected);
      // A row is never lost nor doubled.
      expect(new Set(sorted.map((r) => r.at)).size).toBe(count);
      // Short lists are sorted at once; long ones pace between their runs and merges.
      if (count <= SORT_RUN) expect(paces).toBe(0);
      else expect(paces).toBeGreaterThanOrEqual(Math.ceil(count / SORT_RUN));
    },
  );
});
