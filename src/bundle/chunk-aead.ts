/**
 * ChaCha20-Poly1305 (RFC 8439, no associated data) on one whole chunk, written into a buffer the
 * caller gives: age's STREAM (age.ts) calls it once per 64 KiB chunk. Two implementations that
 * give the same bytes: @noble/ciphers everywhere, and OpenSSL's through Node's `node:crypto`
 * where the host is Node (about 20× faster here; WebCrypto has no ChaCha20-Poly1305, so
 * browsers use @noble/ciphers). Both are tested against each other and against the vectors.
 */
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { nodeBuiltin } from './node-builtin';

export interface ChunkAead {
  readonly name: string;
  /** Writes ciphertext ‖ 16-byte tag of `plaintext` into `output` (exactly `plaintext.length + 16` bytes). */
  seal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, output: Uint8Array): void;
  /**
   * Writes the plaintext of `sealed` (ciphertext ‖ tag) into `output` (exactly 16 bytes
   * shorter) if the tag verifies.
   * @returns false when it does not; `output` then holds no plaintext.
   */
  open(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, output: Uint8Array): boolean;
  /**
   * As `open`, into a buffer of its own: offered where the implementation makes one anyway
   * (Node's), so the plaintext is not copied again.
   * @returns null when the tag does not verify.
   */
  openFresh?(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array): Uint8Array | null;
}

const TAG = 16;

function checkSizes(input: Uint8Array, output: Uint8Array, sealing: boolean): void {
  if (sealing ? output.length !== input.length + TAG : input.length < TAG || output.length !== input.length - TAG) {
    throw new RangeError(`output: must be ${sealing ? '16 bytes longer than plaintext' : '16 bytes shorter than sealed'}`);
  }
}

export const NOBLE_CHUNK_AEAD: ChunkAead = {
  name: '@noble/ciphers',
  seal(key, nonce, plaintext, output) {
    checkSizes(plaintext, output, true);
    chacha20poly1305(key, nonce).encrypt(plaintext, output);
  },
  open(key, nonce, sealed, output) {
    checkSizes(sealed, output, false);
    try {
      // noble checks the tag before it writes any plaintext.
      chacha20poly1305(key, nonce).decrypt(sealed, output);
      return true;
    } catch {
      return false;
    }
  },
};

interface NodeCipher {
  update(data: Uint8Array): Uint8Array;
  final(): Uint8Array;
  getAuthTag(): Uint8Array;
}
interface NodeDecipher {
  setAuthTag(tag: Uint8Array): unknown;
  update(data: Uint8Array): Uint8Array;
  /** @throws when the tag does not verify. */
  final(): Uint8Array;
}
interface NodeCrypto {
  getCiphers(): string[];
  createCipheriv(algorithm: 'chacha20-poly1305', key: Uint8Array, nonce: Uint8Array, options: { authTagLength: 16 }): NodeCipher;
  createDecipheriv(algorithm: 'chacha20-poly1305', key: Uint8Array, nonce: Uint8Array, options: { authTagLength: 16 }): NodeDecipher;
}

function nodeChunkAead(crypto: NodeCrypto | undefined): ChunkAead | null {
  try {
    if (!crypto?.getCiphers().includes('chacha20-poly1305')) return null;
  } catch {
    return null;
  }
  const openFresh = (key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array): Uint8Array | null => {
    if (sealed.length < TAG) throw new RangeError('sealed: must be at least 16 bytes');
    const decipher = crypto.createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
    // update() hands out plaintext before the tag is checked; only final() checks it, so the
    // plaintext is handed on only after final() has returned.
    const body = decipher.update(sealed.subarray(0, sealed.length - TAG));
    let rest: Uint8Array;
    try {
      rest = decipher.final();
    } catch {
      body.fill(0);
      return null;
    }
    // A plain view, not Node's Buffer (whose slice() would not copy), over the same memory.
    if (rest.length === 0) return new Uint8Array(body.buffer, body.byteOffset, body.length);
    const whole = new Uint8Array(body.length + rest.length);
    whole.set(body);
    whole.set(rest, body.length);
    return whole;
  };
  return {
    name: 'node:crypto',
    seal(key, nonce, plaintext, output) {
      checkSizes(plaintext, output, true);
      const cipher = crypto.createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
      const body = cipher.update(plaintext);
      output.set(body, 0);
      output.set(cipher.final(), body.length);
      output.set(cipher.getAuthTag(), plaintext.length);
    },
    open(key, nonce, sealed, output) {
      checkSizes(sealed, output, false);
      const plain = openFresh(key, nonce, sealed);
      if (!plain) return false;
      output.set(plain);
      return true;
    },
    openFresh,
  };
}

/** OpenSSL's ChaCha20-Poly1305 where the host is Node, else null. */
export const NODE_CHUNK_AEAD: ChunkAead | null = nodeChunkAead(nodeBuiltin<NodeCrypto>('node:crypto'));

/** The implementation age.ts uses: the host's native one when there is one. */
export const CHUNK_AEAD: ChunkAead = NODE_CHUNK_AEAD ?? NOBLE_CHUNK_AEAD;
