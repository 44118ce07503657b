/**
 * Writes too large for one message (a 100k-row bank statement is ~50 MB of JSON; Chrome's
 * messaging stops at 64 MiB) arrive in parts and are applied together by one RecordStore.write,
 * so a large import is still one transaction: all of it lands, or none. Parts wait in the
 * background's memory only (they hold personal data), for a limited time, and are dropped when
 * the vault locks.
 */
import { VaultError } from '../vault/errors';
import type { WriteOp } from '../vault/record-store';
import { toBase64Url } from '../shared/base64url';
import { randomBytes } from '../shared/bytes';

/** Long enough for a slow machine to send a million rows, short enough not to hold data forever. */
export const STAGE_TTL_MS = 10 * 60 * 1000;
/** Bounds the background's memory: ~600 MB of operations at the size of a bank row. */
export const MAX_STAGED_OPS = 1_000_000;

interface Stage {
  ops: WriteOp[];
  expiresAt: number;
}

export class StagedWrites {
  private readonly stages = new Map<string, Stage>();

  constructor(private readonly now: () => number) {}

  /** Adds a part to a write (a new one when `stageId` is absent); returns the write's id. */
  add(stageId: string | undefined, ops: readonly WriteOp[]): { stageId: string; count: number } {
    this.dropExpired();
    const id = stageId ?? toBase64Url(randomBytes(12));
    const stage = stageId === undefined ? { ops: [], expiresAt: 0 } : this.stages.get(stageId);
    if (!stage) throw new VaultError('write-expired');
    this.stages.set(id, stage);
    if (stage.ops.length + ops.length > MAX_STAGED_OPS) {
      this.stages.delete(id);
      throw new VaultError('write-too-large', `more than ${MAX_STAGED_OPS} operations`);
    }
    for (const op of ops) stage.ops.push(op);
    stage.expiresAt = this.now() + STAGE_TTL_MS;
    return { stageId: id, count: stage.ops.length };
  }

  /** Every part of the write, in the order they came; the write is forgotten either way. */
  take(stageId: string): WriteOp[] {
    this.dropExpired();
    const stage = this.stages.get(stageId);
    this.stages.delete(stageId);
    if (!stage) throw new VaultError('write-expired');
    return stage.ops;
  }

  discard(stageId: string): void {
    this.stages.delete(stageId);
  }

  clear(): void {
    this.stages.clear();
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [id, stage] of this.stages) if (stage.expiresAt < now) this.stages.delete(id);
  }
}
