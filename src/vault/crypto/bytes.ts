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
  let length = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    // `parts` is this call's own array, so a non-ASCII string is replaced by its UTF-8 in place.
    if (typeof part === 'string' && !isAscii(part)) parts[i] = utf8(part);
    length += 4 + parts[i]!.length;
  }
  const out = new Uint8Array(length);
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
