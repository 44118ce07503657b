/**
 * HMAC-SHA256 (RFC 2104) for the vault's many short messages: every record write takes one
 * (its id tag), and a format 2 page one more per record. The key's inner and outer hash states
 * are computed once; a message then costs its compressions (sha256-block.ts) on a reused state
 * and block, with no hash object, no copy of the message's whole blocks and no scratch of its
 * own — in Chromium about a third of the time of @noble/hashes' prepared HMAC, whose results
 * it equals (tests/unit/hmac-sha256.test.ts).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { compressBlock, SHA256_IV } from './sha256-block';

const BLOCK = 64;

/** A key made ready for many messages: its two hash states, and nothing of the key itself. */
export class HmacSha256 {
  private readonly inner = new Int32Array(8);
  private readonly outer = new Int32Array(8);
  private readonly state = new Int32Array(8);
  private readonly block = new Uint8Array(BLOCK);
  private readonly digest = new Uint8Array(32);

  constructor(key: Uint8Array) {
    if (!(key instanceof Uint8Array)) throw new TypeError('HmacSha256: key must be a Uint8Array');
    const padded = new Uint8Array(BLOCK);
    padded.set(key.length > BLOCK ? sha256(key) : key);
    for (const [state, pad] of [
      [this.inner, 0x36],
      [this.outer, 0x5c],
    ] as const) {
      for (let i = 0; i < BLOCK; i++) this.block[i] = padded[i]! ^ pad;
      state.set(SHA256_IV);
      compressBlock(state, this.block, 0);
    }
    padded.fill(0);
    this.block.fill(0);
  }

  /**
   * The MAC of `message` (of its first `end` bytes, when given: a caller framing messages into
   * one reused buffer need not make a view of each), its first `length` bytes only when a
   * truncated tag is wanted.
   */
  mac(message: Uint8Array, length = 32, end = message.length): Uint8Array {
    if (!Number.isInteger(length) || length < 1 || length > 32) throw new RangeError('HmacSha256.mac: length must be 1 to 32');
    if (!Number.isInteger(end) || end < 0 || end > message.length) throw new RangeError('HmacSha256.mac: end must be within the message');
    const { state, digest } = this;
    // Every call runs synchronously from start to end, so the reused buffers are never shared.
    state.set(this.inner);
    const whole = end - (end % BLOCK);
    for (let at = 0; at < whole; at += BLOCK) compressBlock(state, message, at);
    this.lastBlocks(message, whole, end, BLOCK + end);
    wordsInto(state, digest, 32);
    state.set(this.outer);
    this.lastBlocks(digest, 0, 32, BLOCK + 32);
    const out = new Uint8Array(length);
    wordsInto(state, out, length);
    this.block.fill(0); // it held the end of the message
    return out;
  }

  /** Hashes the last bytes of a message (`from` to `to`, under 64) and the padding for `total` bytes hashed in all. */
  private lastBlocks(bytes: Uint8Array, from: number, to: number, total: number): void {
    const { state, block } = this;
    block.fill(0);
    for (let i = from; i < to; i++) block[i - from] = bytes[i]!;
    block[to - from] = 0x80;
    if (to - from >= BLOCK - 8) {
      compressBlock(state, block, 0);
      block.fill(0);
    }
    // The length in bits as a big-endian u64; a message is far below 2⁵³ bits.
    const high = Math.floor(total / 2 ** 29);
    const low = (total * 8) % 2 ** 32;
    for (let i = 0; i < 4; i++) {
      block[BLOCK - 8 + i] = high >>> (24 - 8 * i);
      block[BLOCK - 4 + i] = low >>> (24 - 8 * i);
    }
    compressBlock(state, block, 0);
  }

  /** Forgets the key's states (the vault calls it when it locks). */
  destroy(): void {
    for (const buffer of [this.inner, this.outer, this.state, this.block, this.digest]) buffer.fill(0);
  }
}

/** The first `length` bytes of the state's words, big-endian. */
function wordsInto(state: Int32Array, out: Uint8Array, length: number): void {
  for (let i = 0; i < length; i++) out[i] = state[i >> 2]! >>> (24 - 8 * (i & 3));
}
