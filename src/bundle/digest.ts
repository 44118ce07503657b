/**
 * SHA-256 of file contents. WebCrypto's digest is many times faster than JavaScript on large
 * files (a 10k-record data.json), so it is used when the platform has it; @noble/hashes gives
 * the same bytes everywhere else.
 */
import { sha256 } from '@noble/hashes/sha2.js';

interface SubtleDigest {
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
}

const subtle = (globalThis as { crypto?: { subtle?: SubtleDigest } }).crypto?.subtle;

/** Below this size the call into WebCrypto costs more than hashing in JavaScript. */
const NATIVE_FROM = 4096;

export async function sha256Digest(bytes: Uint8Array): Promise<Uint8Array> {
  if (subtle && bytes.length >= NATIVE_FROM) {
    try {
      return new Uint8Array(await subtle.digest('SHA-256', bytes));
    } catch {
      // Some hosts expose crypto.subtle only in secure contexts; fall through to JavaScript.
    }
  }
  return sha256(bytes);
}
