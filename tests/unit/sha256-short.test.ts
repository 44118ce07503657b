/** The short-message SHA-256 gives the standard's digests: vectors, and @noble/hashes on any input. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { sha256Into } from '../../src/shared/sha256-short';
import { utf8 } from '../../src/shared/bytes';
import { runs } from './support/setup-vault';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const digest = (message: Uint8Array) => {
  const out = new Uint8Array(32);
  sha256Into(message, out, 0);
  return out;
};

describe('sha256Into', () => {
  it('gives the FIPS 180-4 vectors', () => {
    expect(hex(digest(utf8('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(digest(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(digest(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(hex(digest(new Uint8Array(1_000_000).fill(0x61)))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with @noble/hashes at every length around the block edges, and on any input', () => {
    for (let length = 0; length < 200; length++) {
      const message = Uint8Array.from({ length }, (_, i) => (i * 131 + length) & 0xff);
      expect(digest(message)).toEqual(sha256(message));
    }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (message) => {
        expect(digest(message)).toEqual(sha256(message));
      }),
      runs(200),
    );
  });

  it('gives the same digests when messages share their first block, and when they differ in it by one bit', () => {
    const prefix = new Uint8Array(64).fill(0x41);
    for (const length of [64, 65, 119, 120, 200]) {
      const message = Uint8Array.from({ length }, (_, i) => (i < 64 ? 0x41 : i & 0xff));
      expect(digest(message)).toEqual(sha256(message));
      expect(digest(message)).toEqual(sha256(message));
      const flipped = message.slice();
      flipped[63] = flipped[63]! ^ 1;
      expect(digest(flipped)).toEqual(sha256(flipped));
      expect(digest(prefix)).toEqual(sha256(prefix));
    }
  });

  it('writes at the offset given, and refuses one without room', () => {
    const out = new Uint8Array(70).fill(7);
    sha256Into(utf8('abc'), out, 33);
    expect(out.subarray(33, 65)).toEqual(sha256(utf8('abc')));
    expect(out.subarray(0, 33).every((b) => b === 7) && out.subarray(65).every((b) => b === 7)).toBe(true);
    expect(() => sha256Into(utf8('abc'), out, 40)).toThrow(/offset 40/);
  });

  it('hashes only the first `length` bytes when given, and refuses a length past the message', () => {
    const out = new Uint8Array(32);
    sha256Into(utf8('abcdef'), out, 0, 3);
    expect(out).toEqual(sha256(utf8('abc')));
    expect(() => sha256Into(utf8('abc'), out, 0, 4)).toThrow(/length 4/);
  });
});
