/** The verified writes of one feed that a sync gathers before storing them in one vault write. */
import type { WriteOp } from '../../vault/record-store';

/**
 * The most records one vault write of a feed holds, and so what a sync keeps gathered at most
 * while the write before it lands. An interruption loses at most the batch being gathered: the
 * next sync fetches it again.
 */
export const MAX_BATCH_RECORDS = 16_000;

/**
 * How much larger each write of a feed is than all the feed stored before it in this sync: the
 * first write holds one page, the next four times as many records, then the cap. A vault write
 * costs a fixed part (a new segment in each of the kind's buckets, the manifests) and its records;
 * a kind's buckets take a few segments before the vault merges them (re-sealing what they hold),
 * so a first sync of a long feed lands in a handful of writes, none of which re-seals the ones
 * before it, and the first page still lands on its own at once.
 */
const GROWTH = 4;

/** Verified writes of a feed not stored yet, with their counts for the status. */
export class PendingBatch {
  ops: WriteOp[] = [];
  /** Ids of the records put, so that a full re-sync's clean-up keeps them. */
  readonly putIds = new Set<string>();
  records = 0;
  deleted = 0;

  get empty(): boolean {
    return this.ops.length === 0;
  }

  /** Whether the batch is worth a write of its own, given how many records this feed has stored in this sync. */
  full(stored: number): boolean {
    return this.records + this.deleted >= Math.min(MAX_BATCH_RECORDS, Math.max(1, GROWTH * stored));
  }

  /** Whether the batch may not grow any further: the sync waits for the write before it to land. */
  get atCap(): boolean {
    return this.records + this.deleted >= MAX_BATCH_RECORDS;
  }

  /** Hands the gathered writes over (to be stored) and starts gathering anew. */
  take(): PendingBatch {
    const taken = new PendingBatch();
    taken.ops = this.ops;
    taken.records = this.records;
    taken.deleted = this.deleted;
    this.clear();
    return taken;
  }

  clear(): void {
    this.ops = [];
    this.putIds.clear();
    this.records = 0;
    this.deleted = 0;
  }
}
