/**
 * The vault's own byte helpers: length-prefixed parts for keyed hashes, big-endian u32s, and
 * wiping secrets. The general byte and base64url helpers are in src/shared.
 */

import { utf8 } from '../../shared/bytes';

/**
 * Length-prefixed concatenation, so that ("ab","c") and ("a","bc") never hash alike. Every
 * record write frames a few short ASCII strings (labels, ids): those are copied byte for byte
 * instead of going through TextEncoder, which costs more than the hashing that follows.
 */
export function framed(...parts: (Uint8Array | string)[]): Uint8Array {
  return framedInto(parts, new Uint8Array(framedLength(parts)));
}

// Records are mostly small; a large one (an attachment's content) gets a buffer of its own, so
// the reused one never holds on to megabytes.
const SCRATCH_MAX = 64 * 1024;
let scratch = new Uint8Array(1024);

/**
 * `framed` into one reused buffer, for messages that are hashed at once and dropped: the view it
 * returns is overwritten by the next call, so it must not be kept or awaited across.
 */
export function framedScratch(parts: (Uint8Array | string)[]): Uint8Array {
  const length = framedLength(parts);
  if (length > SCRATCH_MAX) return framedInto(parts, new Uint8Array(length));
  if (length > scratch.length) scratch = new Uint8Array(Math.min(SCRATCH_MAX, Math.max(length, 2 * scratch.length)));
  return framedInto(parts, scratch.subarray(0, length));
}

/** The framed length; `parts` is the caller's own array, so a non-ASCII string is replaced by its UTF-8 in place. */
function framedLength(parts: (Uint8Array | string)[]): number {
  let length = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (typeof part === 'string' && !isAscii(part)) parts[i] = utf8(part);
    length += 4 + parts[i]!.length;
  }
  return length;
}

/** Lays the parts out in `out`, which is exactly `framedLength(parts)` long. */
function framedInto(parts: (Uint8Array | string)[], out: Uint8Array): Uint8Array {
  let offset = 0;
  for (const part of parts) {
    const n = part.length;
    out[offset] = n >>> 24;
    out[offset + 1] = (n >>> 16) & 0xff;
    out[offset + 2] = (n >>> 8) & 0xff;
    out[offset + 3] = n & 0xff;
    offset += 4;
    if (typeof part === 'string') for (let i = 0; i < n; i++) out[offset + i] = part.charCodeAt(i);
    else out.set(part, offset);
    offset += n;
  }
  return out;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Big-endian u32s laid end to end (page versions, backup row fields). */
export function u32s(...values: number[]): Uint8Array {
  const out = new Uint8Array(4 * values.length);
  const view = new DataView(out.buffer);
  values.forEach((n, i) => view.setUint32(4 * i, n));
  return out;
}

/** Overwrites a secret buffer once it is no longer needed (best effort: JS may hold copies). */
export function wipe(...buffers: (Uint8Array | undefined)[]): void {
  for (const b of buffers) b?.fill(0);
}
