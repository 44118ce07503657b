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

/** Parts a write may come in: far more than MAX_STAGED_OPS needs at the parts' 16 MiB. */
export const MAX_STAGED_PARTS = 1000;

interface Stage {
  /** By part number: the sender may have several parts under way at once, so they may come out of order. */
  parts: (readonly WriteOp[] | undefined)[];
  count: number;
  expiresAt: number;
}

export class StagedWrites {
  private readonly stages = new Map<string, Stage>();

  constructor(private readonly now: () => number) {}

  /**
   * Adds part number `part` (by default the next) to a write, a new one when `stageId` is
   * absent; returns the write's id. A part number sent twice drops the whole write.
   */
  add(stageId: string | undefined, ops: readonly WriteOp[], part?: number): { stageId: string; count: number } {
    this.dropExpired();
    const id = stageId ?? toBase64Url(randomBytes(12));
    const stage: Stage | undefined = stageId === undefined ? { parts: [], count: 0, expiresAt: 0 } : this.stages.get(stageId);
    if (!stage) throw new VaultError('write-expired');
    this.stages.set(id, stage);
    const at = part ?? stage.parts.length;
    if (at >= MAX_STAGED_PARTS || stage.parts[at] !== undefined) {
      this.stages.delete(id);
      throw new VaultError('bad-request', `part ${at} of a staged write twice or out of range`);
    }
    if (stage.count + ops.length > MAX_STAGED_OPS) {
      this.stages.delete(id);
      throw new VaultError('write-too-large', `more than ${MAX_STAGED_OPS} operations`);
    }
    stage.parts[at] = ops;
    stage.count += ops.length;
    stage.expiresAt = this.now() + STAGE_TTL_MS;
    return { stageId: id, count: stage.count };
  }

  /** Every part of the write, in part order; the write is forgotten either way, and refused with a part missing. */
  take(stageId: string): WriteOp[] {
    this.dropExpired();
    const stage = this.stages.get(stageId);
    this.stages.delete(stageId);
    if (!stage) throw new VaultError('write-expired');
    const all: WriteOp[] = [];
    for (const [at, ops] of stage.parts.entries()) {
      if (!ops) throw new VaultError('bad-request', `part ${at} of a staged write is missing`);
      for (const op of ops) all.push(op);
    }
    return all;
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
