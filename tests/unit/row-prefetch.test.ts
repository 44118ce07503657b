/**
 * Pages fetched ahead (src/shared/ahead-cache.ts, `prefetching` in src/shared/row-source.ts): a
 * step to the next or previous page is answered from what was fetched before it was asked, each
 * page is asked of the source once, a failure is asked again, a request by key is not held, and
 * an answer that has arrived can be drawn at once.
 */
import { describe, expect, it } from 'vitest';
import { AheadCache } from '../../src/shared/ahead-cache';
import { prefetching, windowOf, type RowRequest } from '../../src/shared/row-source';

const ROWS = Array.from({ length: 100 }, (_, i) => `row-${i}`);

/** A source over ROWS that records what it was asked. */
function recorded() {
  const asked: string[] = [];
  const source = (request: RowRequest) => {
    asked.push(request.focusKey ?? `${request.start}`);
    return Promise.resolve(windowOf(ROWS, (r) => r, request));
  };
  return { asked, source };
}

/** Lets the fetches started ahead settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('pages fetched ahead', () => {
  it('fetches the pages on in the way the citizen moves and one back, so a step asks the source nothing', async () => {
    const { asked, source } = recorded();
    const rows = prefetching(source);
    expect((await rows({ start: 20, count: 10 })).rows[0]).toBe('row-20');
    await settle();
    expect(asked).toEqual(['20', '30', '40', '50', '10']);
    expect((await rows({ start: 30, count: 10 })).rows[0]).toBe('row-30');
    await settle();
    // Only the page three on was new.
    expect(asked.slice(5)).toEqual(['60']);
    // Turning back: the pages before are fetched instead.
    expect((await rows({ start: 10, count: 10 })).rows[0]).toBe('row-10');
    await settle();
    expect(asked.slice(6)).toEqual(['0']);
  });

  it('fetches nothing before the first page or past the last', async () => {
    const { asked, source } = recorded();
    const rows = prefetching(source);
    await rows({ start: 0, count: 50 });
    await settle();
    await rows({ start: 50, count: 50 });
    await settle();
    expect(asked).toEqual(['0', '50']);
  });

  it('asks the source for a row by key, and holds the pages around it', async () => {
    const { asked, source } = recorded();
    const rows = prefetching(source);
    expect((await rows({ start: 0, count: 10, focusKey: 'row-57' })).start).toBe(50);
    await rows({ start: 0, count: 10, focusKey: 'row-57' });
    await settle();
    expect(asked.filter((a) => a === 'row-57')).toHaveLength(2);
    expect(asked).toContain('60');
    expect(asked).toContain('40');
  });

  it('asks again for an answer that failed, and passes the failure to whoever waited for it', async () => {
    let calls = 0;
    const cache = new AheadCache(
      (n: number) => (++calls === 1 ? Promise.reject(new RangeError(`no ${n}`)) : Promise.resolve(n * 2)),
      (n) => String(n),
    );
    await expect(cache.get(4)).rejects.toThrow(RangeError);
    expect(await cache.get(4)).toBe(8);
    expect(calls).toBe(2);
  });

  it('tells an answer that has arrived without asking, and nothing for one on its way, failed or let go', async () => {
    let fail = true;
    const fetched: number[] = [];
    const cache = new AheadCache(
      (n: number) => (fetched.push(n), n === 9 && fail ? Promise.reject(new RangeError('no 9')) : Promise.resolve(n * 2)),
      (n) => String(n),
      2,
    );
    expect(cache.ready(1)).toBeUndefined();
    expect(fetched).toEqual([]);
    cache.ahead(1);
    expect(cache.ready(1)).toBeUndefined();
    await settle();
    expect(cache.ready(1)).toBe(2);
    await expect(cache.get(9)).rejects.toThrow(RangeError);
    expect(cache.ready(9)).toBeUndefined();
    fail = false;
    await cache.get(9);
    expect(cache.ready(9)).toBe(18);
    await cache.get(3); // 1 goes
    expect(cache.ready(1)).toBeUndefined();
    expect(cache.ready(3)).toBe(6);
    expect(fetched).toEqual([1, 9, 9, 3]);
  });

  it('holds at most its size, letting the least recently used go', async () => {
    const fetched: number[] = [];
    const cache = new AheadCache(
      (n: number) => (fetched.push(n), Promise.resolve(n)),
      (n) => String(n),
      2,
    );
    await cache.get(1);
    await cache.get(2);
    await cache.get(1);
    await cache.get(3); // 2 goes
    await cache.get(1);
    await cache.get(2);
    expect(fetched).toEqual([1, 2, 3, 2]);
    expect(() => new AheadCache((n: number) => Promise.resolve(n), String, 0)).toThrow(RangeError);
  });
});
