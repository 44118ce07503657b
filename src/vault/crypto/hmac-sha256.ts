/**
 * HMAC-SHA256 (RFC 2104, FIPS 180-4) for the vault's many short messages: every record write
 * takes two (its id tag and its record MAC). The key's inner and outer states are computed once,
 * and each message is hashed straight from its bytes into a reused schedule, so a message costs
 * its compressions and little else: no hash object, only its last partial block copied, no
 * allocation but the output. The result equals `hmac(sha256, key, message)` of @noble/hashes byte for byte
 * (tests/unit/hmac-sha256.test.ts checks it on random keys and messages of every length).
 */
import { sha256 } from '@noble/hashes/sha2.js';

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74,
  0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d,
  0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e,
  0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5,
  0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
const BLOCK = 64;

// Shared scratch: every call runs synchronously from start to end, so no two calls overlap.
const W = new Int32Array(64);
const state = new Int32Array(8);
const tail = new Uint8Array(2 * BLOCK);
const innerDigest = new Uint8Array(32);

/** One SHA-256 compression of the 64 bytes of `bytes` at `at` into `h`. */
function compress(h: Int32Array, bytes: Uint8Array, at: number): void {
  for (let i = 0; i < 16; i++, at += 4) W[i] = (bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!;
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]!;
    const w2 = W[i - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = h[0]!;
  let b = h[1]!;
  let c = h[2]!;
  let d = h[3]!;
  let e = h[4]!;
  let f = h[5]!;
  let g = h[6]!;
  let hh = h[7]!;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (hh + S1 + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    hh = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0] = (h[0]! + a) | 0;
  h[1] = (h[1]! + b) | 0;
  h[2] = (h[2]! + c) | 0;
  h[3] = (h[3]! + d) | 0;
  h[4] = (h[4]! + e) | 0;
  h[5] = (h[5]! + f) | 0;
  h[6] = (h[6]! + g) | 0;
  h[7] = (h[7]! + hh) | 0;
}

/**
 * Continues the hash in `h` over `message`, which follows `prefix` bytes already compressed,
 * and pads it to its end with the big-endian bit length (written up to 2^40 bits, far beyond any record).
 */
function finish(h: Int32Array, message: Uint8Array, prefix: number): void {
  const whole = message.length - (message.length % BLOCK);
  for (let at = 0; at < whole; at += BLOCK) compress(h, message, at);
  const rest = message.length - whole;
  const blocks = rest + 9 > BLOCK ? 2 : 1;
  tail.fill(0);
  tail.set(message.subarray(whole), 0);
  tail[rest] = 0x80;
  const bits = (prefix + message.length) * 8;
  const end = blocks * BLOCK;
  tail[end - 5] = bits / 2 ** 32; // the bits above 32: non-zero only past 512 MiB
  tail[end - 4] = bits >>> 24;
  tail[end - 3] = (bits >>> 16) & 0xff;
  tail[end - 2] = (bits >>> 8) & 0xff;
  tail[end - 1] = bits & 0xff;
  compress(h, tail, 0);
  if (blocks === 2) compress(h, tail, BLOCK);
}

/** A key made ready for many messages: its inner and outer states, and nothing of the key itself. */
export class HmacSha256 {
  private readonly inner = new Int32Array(8);
  private readonly outer = new Int32Array(8);

  constructor(key: Uint8Array) {
    if (!(key instanceof Uint8Array)) throw new TypeError('HmacSha256: key must be a Uint8Array');
    const pad = new Uint8Array(BLOCK);
    pad.set(key.length > BLOCK ? sha256(key) : key);
    for (const [target, byte] of [
      [this.inner, 0x36],
      [this.outer, 0x5c],
    ] as const) {
      const block = pad.map((k) => k ^ byte);
      target.set(IV);
      compress(target, block, 0);
      block.fill(0);
    }
    pad.fill(0);
  }

  /** The MAC of `message`, its first `length` bytes only when a truncated tag is wanted. */
  mac(message: Uint8Array, length = 32): Uint8Array {
    if (!Number.isInteger(length) || length < 1 || length > 32) throw new RangeError('HmacSha256.mac: length must be 1 to 32');
    state.set(this.inner);
    finish(state, message, BLOCK);
    const digest = innerDigest;
    for (let i = 0; i < 8; i++) {
      const word = state[i]!;
      digest[4 * i] = word >>> 24;
      digest[4 * i + 1] = (word >>> 16) & 0xff;
      digest[4 * i + 2] = (word >>> 8) & 0xff;
      digest[4 * i + 3] = word & 0xff;
    }
    state.set(this.outer);
    finish(state, digest, BLOCK);
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = (state[i >> 2]! >>> (24 - 8 * (i & 3))) & 0xff;
    // The tail held the message's last bytes: record plaintext does not linger in the scratch.
    state.fill(0);
    tail.fill(0);
    return out;
  }

  /** Forgets the key's states (the vault calls it when it locks). */
  destroy(): void {
    this.inner.fill(0);
    this.outer.fill(0);
  }
}
