/**
 * The AES-256-GCM keys of format 3 pages, all in WebCrypto (native, and asynchronous).
 *
 * Every write of a page draws a random 32-byte salt and seals the page's frames under
 * HKDF-SHA256(page-frames sub-key, salt, "handlerum/page/v3"), with the frame's number as the
 * 96-bit nonce. A key therefore seals the frames of one page write and nothing else, so nonces
 * never repeat under a key and the random-nonce limit of AES-GCM (about 2³² messages per key)
 * does not apply. Keys are imported non-extractable: neither the HKDF input nor a page key can
 * be read back out of WebCrypto.
 */
import { utf8 } from '../../shared/bytes';

export const FRAME_SALT_LENGTH = 32;
export const FRAME_NONCE_LENGTH = 12;
export const GCM_TAG_LENGTH = 16;

const INFO = utf8('handlerum/page/v3');

// The DOM types want ArrayBuffer-backed views; the vault's bytes never live in shared memory.
const source = (bytes: Uint8Array): BufferSource => bytes as BufferSource;

/** The page-frames sub-key, imported once as an HKDF key. Forgotten when the vault locks. */
export class FrameKeyring {
  private base: Promise<CryptoKey> | null = null;

  constructor(private readonly material: Uint8Array) {
    if (!(material instanceof Uint8Array) || material.length !== 32) throw new RangeError('FrameKeyring: material must be 32 bytes');
  }

  /** The AES-256-GCM key of one page write. */
  async pageKey(salt: Uint8Array): Promise<CryptoKey> {
    if (salt.length !== FRAME_SALT_LENGTH) throw new RangeError(`FrameKeyring.pageKey: salt must be ${FRAME_SALT_LENGTH} bytes`);
    this.base ??= crypto.subtle.importKey('raw', source(this.material), 'HKDF', false, ['deriveKey']);
    return crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: source(salt), info: source(INFO) },
      await this.base,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
  }

  forget(): void {
    this.base = null;
  }
}

/** The nonce of frame `n`: eight zero bytes, then n as a big-endian u32. */
export function frameNonce(n: number): Uint8Array {
  const nonce = new Uint8Array(FRAME_NONCE_LENGTH);
  new DataView(nonce.buffer).setUint32(8, n);
  return nonce;
}

export async function sealFrame(key: CryptoKey, n: number, plaintext: Uint8Array, associatedData: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv: source(frameNonce(n)), additionalData: source(associatedData) }, key, source(plaintext)),
  );
}

/** The frame's plaintext, or null when its tag does not verify (changed, moved, or another key). */
export async function openFrame(key: CryptoKey, n: number, sealed: Uint8Array, associatedData: Uint8Array): Promise<Uint8Array | null> {
  if (sealed.length < GCM_TAG_LENGTH) return null;
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv: source(frameNonce(n)), additionalData: source(associatedData) }, key, source(sealed)),
    );
  } catch (error) {
    // WebCrypto reports a failed tag as OperationError; anything else is not the data's fault.
    if (error instanceof DOMException && error.name === 'OperationError') return null;
    throw error;
  }
}
