/**
 * SHA-256 of file contents. Native code is many times faster than JavaScript on large files (a
 * 50 MB data.json), so the host's is used where there is one: Node's `node:crypto` hashes the
 * bytes where they lie, WebCrypto (browsers) off the main thread; @noble/hashes gives the same
 * bytes everywhere else and for small inputs.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { nodeBuiltin } from './node-builtin';
import { concatBytes } from '../shared/bytes';

interface SubtleDigest {
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
}

/** Bytes in one buffer, or as consecutive parts (a file that spans decrypted chunks). */
export type ByteParts = Uint8Array | readonly Uint8Array[];

interface NodeHash {
  update(data: Uint8Array): NodeHash;
  digest(): Uint8Array;
}

const subtle = (globalThis as { crypto?: { subtle?: SubtleDigest } }).crypto?.subtle;

/**
 * Node's SHA-256, checked once against the standard value so a look-alike is not trusted. In
 * Node, WebCrypto's digest copies its input first and runs on the thread pool: about 3× slower
 * on 50 MB here than hashing in place.
 */
const nodeSha256 = ((): ((parts: readonly Uint8Array[]) => Uint8Array) | null => {
  const createHash = nodeBuiltin<{ createHash?: (algorithm: 'sha256') => NodeHash }>('node:crypto')?.createHash;
  if (typeof createHash !== 'function') return null;
  const hash = (parts: readonly Uint8Array[]): Uint8Array => new Uint8Array(parts.reduce((h, part) => h.update(part), createHash('sha256')).digest());
  try {
    const abc = new Uint8Array([0x61, 0x62, 0x63]);
    const expected = sha256(abc);
    const got = hash([abc.subarray(0, 1), abc.subarray(1)]);
    return got.length === 32 && got.every((b, i) => b === expected[i]) ? hash : null;
  } catch {
    return null;
  }
})();

/** Below this size the call into native code costs more than hashing in JavaScript. */
const NATIVE_FROM = 4096;

export async function sha256Digest(input: ByteParts): Promise<Uint8Array> {
  const parts = input instanceof Uint8Array ? [input] : input;
  const size = parts.reduce((n, part) => n + part.length, 0);
  if (size >= NATIVE_FROM && nodeSha256) return nodeSha256(parts);
  // Only Node hands out a file in parts (its decrypted chunks); elsewhere it is one view.
  const bytes = parts.length === 1 ? parts[0]! : concatBytes(...parts);
  if (subtle && size >= NATIVE_FROM) {
    try {
      return new Uint8Array(await subtle.digest('SHA-256', bytes));
    } catch {
      // Some hosts expose crypto.subtle only in secure contexts; fall through to JavaScript.
    }
  }
  return sha256(bytes);
}
