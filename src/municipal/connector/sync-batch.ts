/** The verified writes of one feed that a sync gathers before storing them in one vault write. */
import type { WriteOp } from '../../vault/record-store';

/**
 * The most records one vault write of a feed holds. A write costs about as much as its kind
 * already holds (the vault seals a kind's pages whole), so a write per API page would make a
 * long first sync quadratic; instead each write holds as many records as the feed stored before
 * it in this sync (1, 1, 2, 4, … pages), which keeps the sum linear, up to this cap. An
 * interruption loses at most the batch being gathered: the next sync fetches it again.
 */
const MAX_BATCH_RECORDS = 16_000;

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

  /** Whether to store now, given how many records this feed has stored in this sync. */
  full(stored: number): boolean {
    return this.records + this.deleted >= Math.min(MAX_BATCH_RECORDS, Math.max(1, stored));
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
