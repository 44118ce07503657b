/** Small byte helpers shared by the crypto and storage code. */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export const utf8 = (text: string): Uint8Array => encoder.encode(text);
export const fromUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

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
    if (typeof part === 'string' && !isAscii(part)) parts[i] = encoder.encode(part);
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

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Strict: one spelling per byte string (no padding, unused low bits zero), else a TypeError. */
export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new TypeError('fromBase64Url: not base64url');
  const unusedBits = [0, 0, 4, 2][text.length % 4]!;
  if (unusedBits && BASE64URL.indexOf(text.at(-1)!) & ((1 << unusedBits) - 1)) {
    throw new TypeError('fromBase64Url: not canonical base64url');
  }
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** True when `fromBase64Url` accepts the text: for schemas of stored and received values. */
export function isBase64Url(text: string): boolean {
  try {
    fromBase64Url(text);
    return true;
  } catch {
    return false;
  }
}

/** crypto.getRandomValues refuses more than 64 KiB per call. */
export function randomBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let offset = 0; offset < length; offset += 65536) {
    crypto.getRandomValues(out.subarray(offset, Math.min(length, offset + 65536)));
  }
  return out;
}

/** Overwrites a secret buffer once it is no longer needed (best effort: JS may hold copies). */
export function wipe(...buffers: (Uint8Array | undefined)[]): void {
  for (const b of buffers) b?.fill(0);
}
