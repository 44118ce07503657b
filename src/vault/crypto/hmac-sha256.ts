/**
 * HMAC-SHA256 for the vault's many short messages: every record write takes two (its id tag and
 * its record MAC). The key's inner and outer hash states are prepared once with @noble/hashes;
 * each message then starts from a copy of them in one reused instance (`_cloneInto` copies eight
 * words and a few counters) and is digested into a reused buffer, so a message costs its
 * compressions and no key schedule, hash object or scratch of its own.
 */
import { hmac, type _HMAC } from '@noble/hashes/hmac.js';
import { sha256, type _SHA256 } from '@noble/hashes/sha2.js';

/** A key made ready for many messages: noble's prepared HMAC states, and nothing of the key itself. */
export class HmacSha256 {
  private readonly prepared: _HMAC<_SHA256>;
  private readonly work: _HMAC<_SHA256>;
  private readonly out = new Uint8Array(32);

  constructor(key: Uint8Array) {
    if (!(key instanceof Uint8Array)) throw new TypeError('HmacSha256: key must be a Uint8Array');
    this.prepared = hmac.create(sha256, key);
    this.work = this.prepared.clone();
  }

  /**
   * The MAC of `message` (of its first `end` bytes, when given: a caller framing messages into
   * one reused buffer need not make a view of each), its first `length` bytes only when a
   * truncated tag is wanted.
   */
  mac(message: Uint8Array, length = 32, end = message.length): Uint8Array {
    this.digest(message, length, end);
    return this.out.slice(0, length);
  }

  /**
   * `mac`, written into `target` at `at`: a caller making many tags lays them out in one buffer
   * instead of allocating one per tag.
   */
  macInto(target: Uint8Array, at: number, message: Uint8Array, length = 32, end = message.length): void {
    if (!Number.isInteger(at) || at < 0 || at + length > target.length) throw new RangeError('HmacSha256.macInto: the tag must fit in the target');
    this.digest(message, length, end);
    for (let i = 0; i < length; i++) target[at + i] = this.out[i]!;
  }

  /** The whole MAC into `out`. */
  private digest(message: Uint8Array, length: number, end: number): void {
    if (!Number.isInteger(end) || end < 0 || end > message.length) throw new RangeError('HmacSha256.mac: end must be within the message');
    if (!Number.isInteger(length) || length < 1 || length > 32) throw new RangeError('HmacSha256.mac: length must be 1 to 32');
    // Every call runs synchronously from copy to digest, so the one working instance is never shared.
    const work = this.prepared._cloneInto(this.work);
    work.update(end === message.length ? message : message.subarray(0, end));
    work.digestInto(this.out); // noble wipes the working states' buffers after the digest
  }

  /** Forgets the key's states (the vault calls it when it locks). */
  destroy(): void {
    this.prepared.destroy();
    this.work.destroy();
    this.out.fill(0);
  }
}
