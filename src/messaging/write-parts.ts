/**
 * Splitting a write into messages. Chrome's extension messaging carries JSON and refuses a
 * message over 64 MiB, so a large import travels in parts of at most STAGE_PART_OPS operations
 * and about 16 MiB each; the background applies all the parts in one transaction
 * (src/background/staged-writes.ts), so splitting never makes an import half-written.
 */
import type { WriteOp } from '../vault/public-types';
import { STAGE_PART_OPS } from './api';

export const PART_BYTES = 16 * 1024 * 1024;

/**
 * Operations are sized a block at a time: one JSON.stringify of a block costs about what the
 * message itself will, where one per operation cost more than the rest of the split.
 */
const BLOCK_OPS = 256;

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
