/**
 * Splitting a write into messages. Chrome's extension messaging carries JSON and refuses a
 * message over 64 MiB, so a large import travels in parts of at most STAGE_PART_OPS operations
 * and about 16 MiB each; the background applies all the parts in one transaction
 * (src/background/staged-writes.ts), so splitting never makes an import half-written.
 * A long run of puts of one kind into one profile (an import's rows) travels packed
 * (packed-puts.ts).
 */
import type { WriteOp } from '../vault/public-types';
import { STAGE_PART_OPS } from './api';
import { packData, PACKED_ID_SEPARATOR, type PackedPuts } from './packed-puts';

export const PART_BYTES = 16 * 1024 * 1024;

/** One message's operations: as they are, or packed. */
export type WritePart = WriteOp[] | PackedPuts;

/** How many operations a part carries. */
export const opsIn = (part: WritePart): number => (Array.isArray(part) ? part.length : part.ids.split(PACKED_ID_SEPARATOR).length);

/**
 * Operations are sized a block at a time: one JSON.stringify of a block costs about what the
 * message itself will, where one per operation cost more than the rest of the split.
 */
const BLOCK_OPS = 256;

/** Runs shorter than this are sent as they are: packing pays off for an import, not for a few records. */
const PACK_FROM = 64;

/** The JSON size of operations as an array, which is what the message costs (a little over, never under). */
const jsonBytes = (ops: readonly WriteOp[]) => JSON.stringify(ops).length;

/** Consecutive parts, in order, each within both limits (an operation larger than `maxBytes` goes alone). */
export function splitWrites(ops: readonly WriteOp[], maxBytes = PART_BYTES, maxOps = STAGE_PART_OPS): WriteOp[][] {
  const parts: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let bytes = 0;
  const add = (op: WriteOp, size: number) => {
    if (current.length > 0 && (bytes + size > maxBytes || current.length >= maxOps)) {
      parts.push(current);
      current = [];
      bytes = 0;
    }
    current.push(op);
    bytes += size;
  };
  for (let at = 0; at < ops.length;) {
    const room = maxOps - current.length;
    const block = ops.slice(at, at + Math.min(BLOCK_OPS, room > 0 ? room : maxOps));
    const size = jsonBytes(block);
    if (room >= block.length && bytes + size <= maxBytes) {
      for (const op of block) current.push(op);
      bytes += size;
    } else {
      // The block reaches a limit: where the part ends is decided operation by operation.
      for (const op of block) add(op, jsonBytes([op]));
    }
    at += block.length;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

type PackablePut = Extract<WriteOp, { op: 'put' }> & { id: string };

const packable = (op: WriteOp): op is PackablePut => op.op === 'put' && op.id !== undefined;
const sameRun = (a: PackablePut, b: WriteOp) => packable(b) && b.profileId === a.profileId && b.kind === a.kind;

/** `run` packed into parts within both limits; halved until each part's data fits (a single put too large goes as it is). */
function packRun(run: readonly PackablePut[], maxBytes: number, maxOps: number, parts: WritePart[]): void {
  for (let at = 0; at < run.length; at += maxOps) {
    const chunk = run.slice(at, at + maxOps);
    const packed = packData(chunk.map((op) => op.data));
    const bytes = packed.data.length + (packed.shared?.length ?? 0);
    if (bytes > maxBytes && chunk.length > 1) {
      const half = Math.ceil(chunk.length / 2);
      packRun(chunk.slice(0, half), maxBytes, half, parts);
      packRun(chunk.slice(half), maxBytes, half, parts);
    } else if (bytes > maxBytes) {
      parts.push(chunk);
    } else {
      const { profileId, kind } = chunk[0]!;
      parts.push({ profileId, kind, ids: chunk.map((op) => op.id).join(PACKED_ID_SEPARATOR), ...packed });
    }
  }
}

/**
 * The write as messages, in order: long runs of puts of one kind into one profile packed, the
 * other operations split as `splitWrites` does.
 */
export function packWrites(ops: readonly WriteOp[], maxBytes = PART_BYTES, maxOps = STAGE_PART_OPS): WritePart[] {
  const parts: WritePart[] = [];
  let loose: WriteOp[] = [];
  const flush = () => {
    for (const part of splitWrites(loose, maxBytes, maxOps)) parts.push(part);
    loose = [];
  };
  for (let at = 0; at < ops.length;) {
    const first = ops[at]!;
    let end = at + 1;
    if (packable(first)) while (end < ops.length && sameRun(first, ops[end]!)) end++;
    if (end - at >= PACK_FROM) {
      flush();
      packRun(ops.slice(at, end) as PackablePut[], maxBytes, maxOps, parts);
    } else {
      for (let i = at; i < end; i++) loose.push(ops[i]!);
    }
    at = end;
  }
  flush();
  return parts;
}
