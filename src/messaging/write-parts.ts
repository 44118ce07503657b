/**
 * Splitting a write into messages. Chrome's extension messaging carries JSON and refuses a
 * message over 64 MiB, so a large import travels in parts of at most STAGE_PART_OPS operations
 * and about 16 MiB each; the background applies all the parts in one transaction
 * (src/background/staged-writes.ts), so splitting never makes an import half-written.
 */
import type { WriteOp } from '../vault/public-types';
import { STAGE_PART_OPS } from './api';

export const PART_BYTES = 16 * 1024 * 1024;

/** The JSON size of an operation, which is what the message costs. */
const opBytes = (op: WriteOp) => JSON.stringify(op).length;

/** Consecutive parts, in order, each within both limits (an operation larger than `maxBytes` goes alone). */
export function splitWrites(ops: readonly WriteOp[], maxBytes = PART_BYTES, maxOps = STAGE_PART_OPS): WriteOp[][] {
  const parts: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let bytes = 0;
  for (const op of ops) {
    const size = opBytes(op);
    if (current.length > 0 && (bytes + size > maxBytes || current.length >= maxOps)) {
      parts.push(current);
      current = [];
      bytes = 0;
    }
    current.push(op);
    bytes += size;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}
