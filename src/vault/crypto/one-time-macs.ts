/**
 * Poly1305 (RFC 8439 §2.5) under one-time keys, many of them from one XChaCha20 keystream: key
 * `i` is bytes 32·i to 32·i + 32 of XChaCha20(key, nonce), as RFC 8439 §2.6 draws one per
 * message. A page draws one key for itself and one per record in a single cipher call, because
 * noble's per-call overhead, not the bytes, is what a record costs (docs/security.md, format 3).
 *
 * Each key must authenticate one message only: an instance belongs to one sealing (or opening) of
 * one page, under a nonce drawn for that sealing, and index `i` names one message of it.
 */
import { xchacha20 } from '@noble/ciphers/chacha.js';
import { Poly1305 } from '@noble/ciphers/_poly1305.js';
import { KEY_LENGTH, NONCE_LENGTH } from './aead';
import { equalBytes } from '../../shared/bytes';

export const MAC_LENGTH = 16;
const ONE_TIME_KEY_LENGTH = 32;

export class OneTimeMacs {
  private readonly keys: Uint8Array;
  private readonly scratch = new Uint8Array(MAC_LENGTH);

  /** Draws `count` one-time keys from XChaCha20(`key`, `nonce`). */
  constructor(key: Uint8Array, nonce: Uint8Array, count: number) {
    if (key.length !== KEY_LENGTH) throw new RangeError(`OneTimeMacs: key must be ${KEY_LENGTH} bytes, got ${key.length}`);
    if (nonce.length !== NONCE_LENGTH) throw new RangeError(`OneTimeMacs: nonce must be ${NONCE_LENGTH} bytes, got ${nonce.length}`);
    if (!Number.isInteger(count) || count < 1) throw new RangeError('OneTimeMacs: count must be a positive integer');
    this.keys = xchacha20(key, nonce, new Uint8Array(count * ONE_TIME_KEY_LENGTH));
  }

  get count(): number {
    return this.keys.length / ONE_TIME_KEY_LENGTH;
  }

  /** Poly1305 of `head ‖ rest` under one-time key `i`, written into the first 16 bytes of `out`. */
  macInto(i: number, out: Uint8Array, head: Uint8Array, rest?: Uint8Array): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.count) throw new RangeError(`OneTimeMacs.macInto: no one-time key ${i}`);
    const mac = new Poly1305(this.keys.subarray(i * ONE_TIME_KEY_LENGTH, (i + 1) * ONE_TIME_KEY_LENGTH));
    mac.update(head);
    if (rest) mac.update(rest);
    mac.digestInto(out);
    mac.destroy();
  }

  /** Whether `tag` is the Poly1305 of `head ‖ rest` under one-time key `i`. */
  verify(i: number, tag: Uint8Array, head: Uint8Array, rest?: Uint8Array): boolean {
    this.macInto(i, this.scratch, head, rest);
    return equalBytes(this.scratch, tag);
  }

  /** Overwrites the one-time keys once the page is sealed or opened. */
  wipe(): void {
    this.keys.fill(0);
    this.scratch.fill(0);
  }
}
