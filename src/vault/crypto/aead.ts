/**
 * Authenticated encryption: XChaCha20-Poly1305 (RFC draft-irtf-cfrg-xchacha, built on RFC 8439).
 * Its 192-bit nonce makes random nonces safe for any number of messages under one key, so the
 * vault never keeps a nonce counter. Callers never pass a nonce: `seal` draws one and returns it.
 */
import { xchacha20, xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { randomBytes } from '../../shared/bytes';

export const KEY_LENGTH = 32;
export const NONCE_LENGTH = 24;
export const TAG_LENGTH = 16;

export interface Sealed {
  nonce: Uint8Array;
  /** Ciphertext followed by the 16-byte Poly1305 tag. */
  ciphertext: Uint8Array;
}

function checkKey(key: Uint8Array, name: string): void {
  if (!(key instanceof Uint8Array)) throw new TypeError(`${name}: key must be a Uint8Array`);
  if (key.length !== KEY_LENGTH) throw new RangeError(`${name}: key must be ${KEY_LENGTH} bytes, got ${key.length}`);
}

export function seal(key: Uint8Array, plaintext: Uint8Array, associatedData: Uint8Array): Sealed {
  checkKey(key, 'seal');
  const nonce = randomBytes(NONCE_LENGTH);
  return { nonce, ciphertext: xchacha20poly1305(key, nonce, associatedData).encrypt(plaintext) };
}

/**
 * `seal` of the first `length` bytes of `buffer`, in place: the buffer is `length` +
 * TAG_LENGTH long and comes back holding the ciphertext and tag. A page is laid out straight
 * into its final buffer, instead of being gathered and then copied by the cipher.
 */
export function sealInPlace(key: Uint8Array, buffer: Uint8Array, length: number, associatedData: Uint8Array): Sealed {
  checkKey(key, 'sealInPlace');
  if (!Number.isInteger(length) || length < 0 || buffer.length !== length + TAG_LENGTH)
    throw new RangeError(`sealInPlace: buffer must be length + ${TAG_LENGTH} bytes`);
  const nonce = randomBytes(NONCE_LENGTH);
  return { nonce, ciphertext: xchacha20poly1305(key, nonce, associatedData).encrypt(buffer.subarray(0, length), buffer) };
}

/** Returns the plaintext, or null when the tag does not verify (wrong key, data or context). */
export function open(key: Uint8Array, sealed: Sealed, associatedData: Uint8Array): Uint8Array | null {
  checkKey(key, 'open');
  if (sealed.nonce.length !== NONCE_LENGTH) throw new RangeError(`open: nonce must be ${NONCE_LENGTH} bytes`);
  if (sealed.ciphertext.length < TAG_LENGTH) return null;
  try {
    return xchacha20poly1305(key, sealed.nonce, associatedData).decrypt(sealed.ciphertext);
  } catch {
    return null;
  }
}

/**
 * DANGEROUS: the keystream part of `open` without the tag check. Used only to salvage the records
 * of a page whose tag failed; each salvaged record must then pass its own MAC before use.
 * XChaCha20-Poly1305 encrypts the message with block counter 1 (block 0 keys Poly1305).
 */
export function dangerouslyDecryptWithoutTag(key: Uint8Array, sealed: Sealed): Uint8Array {
  checkKey(key, 'dangerouslyDecryptWithoutTag');
  const body = sealed.ciphertext.subarray(0, Math.max(0, sealed.ciphertext.length - TAG_LENGTH));
  return xchacha20(key, sealed.nonce, body, new Uint8Array(body.length), 1);
}
