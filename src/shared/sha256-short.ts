/**
 * SHA-256 (FIPS 180-4) of many short messages, one after another: a bank import hashes 100,000
 * row keys of about 100 bytes into record ids. A general hasher (@noble/hashes) spends most of
 * such a call on making and finishing its state; this one pads the message in a reused buffer,
 * runs the rounds on local variables and starts from the state after a first block it has just
 * seen, with the same digest (tests/unit/sha256-short.test.ts checks it against @noble/hashes
 * and the standard's vectors).
 */

// prettier-ignore
const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
// prettier-ignore
const IV = Int32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

const W = new Int32Array(64);
const H = new Int32Array(8);
let padded = new Uint8Array(256);
// The state after the last multi-block message's first block. Row keys of one account begin
// with the same 64 bytes, so most messages start from here and skip a third of the work.
const FIRST_BLOCK = new Uint8Array(64);
const AFTER_FIRST = new Int32Array(8);
let haveFirst = false;

function sameFirstBlock(buffer: Uint8Array): boolean {
  if (!haveFirst) return false;
  for (let i = 0; i < 64; i++) if (buffer[i] !== FIRST_BLOCK[i]) return false;
  return true;
}

/** Writes SHA-256 of `message`'s first `length` bytes (all by default) into `out` at `offset` (32 bytes). */
export function sha256Into(message: Uint8Array, out: Uint8Array, offset: number, length = message.length): void {
  if (offset < 0 || offset + 32 > out.length) throw new RangeError(`sha256Into: no room for 32 bytes at offset ${offset} of ${out.length}`);
  if (length < 0 || length > message.length) throw new RangeError(`sha256Into: length ${length} outside the message's ${message.length} bytes`);
  // The message, 0x80, zeros, and its length in bits as a 64-bit big-endian number: whole blocks.
  const total = (((length + 8) >>> 6) + 1) << 6;
  if (padded.length < total) padded = new Uint8Array(total * 2);
  const buffer = padded;
  buffer.set(length === message.length ? message : message.subarray(0, length));
  buffer[length] = 0x80;
  buffer.fill(0, length + 1, total - 8);
  const bitsHigh = Math.floor(length / 0x20000000);
  const bitsLow = (length * 8) >>> 0;
  buffer[total - 8] = bitsHigh >>> 24;
  buffer[total - 7] = bitsHigh >>> 16;
  buffer[total - 6] = bitsHigh >>> 8;
  buffer[total - 5] = bitsHigh;
  buffer[total - 4] = bitsLow >>> 24;
  buffer[total - 3] = bitsLow >>> 16;
  buffer[total - 2] = bitsLow >>> 8;
  buffer[total - 1] = bitsLow;
  let block = 0;
  if (total > 64 && sameFirstBlock(buffer)) {
    H.set(AFTER_FIRST);
    block = 64;
  } else {
    H.set(IV);
    compress(buffer, 0);
    block = 64;
    if (total > 64) {
      FIRST_BLOCK.set(buffer.subarray(0, 64));
      AFTER_FIRST.set(H);
      haveFirst = true;
    }
  }
  for (; block < total; block += 64) compress(buffer, block);
  for (let i = 0; i < 8; i++) {
    const word = H[i]!;
    const at = offset + i * 4;
    out[at] = word >>> 24;
    out[at + 1] = word >>> 16;
    out[at + 2] = word >>> 8;
    out[at + 3] = word;
  }
}

function compress(buffer: Uint8Array, at: number): void {
  for (let i = 0; i < 16; i++) {
    const j = at + i * 4;
    W[i] = (buffer[j]! << 24) | (buffer[j + 1]! << 16) | (buffer[j + 2]! << 8) | buffer[j + 3]!;
  }
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]!;
    const w2 = W[i - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = H[0]!;
  let b = H[1]!;
  let c = H[2]!;
  let d = H[3]!;
  let e = H[4]!;
  let f = H[5]!;
  let g = H[6]!;
  let h = H[7]!;
  for (let i = 0; i < 64; i++) {
    const sigma1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + sigma1 + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
    const sigma0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (sigma0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] = (H[0]! + a) | 0;
  H[1] = (H[1]! + b) | 0;
  H[2] = (H[2]! + c) | 0;
  H[3] = (H[3]! + d) | 0;
  H[4] = (H[4]! + e) | 0;
  H[5] = (H[5]! + f) | 0;
  H[6] = (H[6]! + g) | 0;
  H[7] = (H[7]! + h) | 0;
}
