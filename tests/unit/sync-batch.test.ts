/** How large a sync's vault writes of one feed grow (sync-batch.ts): the order of writes, not their time. */
import { describe, expect, it } from 'vitest';
import { MAX_BATCH_RECORDS, PendingBatch } from '../../src/municipal/connector/sync-batch';

/** The sizes of the writes a feed of `pages` pages of `pageSize` records gets when every write lands before the next batch is full. */
function writesOf(pages: number, pageSize: number): number[] {
  const batch = new PendingBatch();
  const writes: number[] = [];
  let stored = 0;
  for (let page = 0; page < pages; page++) {
    batch.records += pageSize;
    if (page === pages - 1 || batch.full(stored)) {
      writes.push(batch.records);
      stored += batch.take().records;
    }
  }
  return writes;
}

describe('a feed\u2019s batches', () => {
  it('store the first page alone, then four times what the feed stored, up to the cap', () => {
    expect(writesOf(1, 1000)).toEqual([1000]);
    expect(writesOf(3, 1000)).toEqual([1000, 2000]);
    expect(writesOf(25, 1000)).toEqual([1000, 4000, 16_000, 4000]);
    expect(writesOf(10, 3)).toEqual([3, 12, 15]);
    // A long feed: after the growth, writes at the cap.
    expect(writesOf(70, 1000)).toEqual([1000, 4000, 16_000, 16_000, 16_000, 16_000, 1000]);
  });

  it('a full batch may keep growing while the write before it lands, until the cap', () => {
    const batch = new PendingBatch();
    batch.records = 4000;
    expect(batch.full(1000)).toBe(true);
    expect(batch.atCap).toBe(false);
    batch.records = MAX_BATCH_RECORDS - 1;
    batch.deleted = 1;
    expect(batch.atCap).toBe(true);
  });

  it('taking a batch hands its writes over and starts an empty one', () => {
    const batch = new PendingBatch();
    batch.ops.push({ op: 'delete', profileId: 'p', kind: 'k', id: 'a' });
    batch.putIds.add('b');
    batch.records = 1;
    batch.deleted = 1;
    const taken = batch.take();
    expect(taken).toMatchObject({ records: 1, deleted: 1 });
    expect(taken.ops).toHaveLength(1);
    expect(batch.empty).toBe(true);
    expect(batch.putIds.size).toBe(0);
    expect(batch.records + batch.deleted).toBe(0);
  });
});
