/**
 * The shared kernel's byte codecs: the one base64url (and age's unpadded standard base64), strict
 * in both directions and checked against Node's own encoder, and the UTF-8 and byte helpers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64Unpadded, fromBase64Url, isBase64Url, toBase64Unpadded, toBase64Url } from '../../src/shared/base64url';
import { concatBytes, equalBytes, fromUtf8, randomBytes, utf8 } from '../../src/shared/bytes';
import { runs } from './support/setup-vault';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('base64url', () => {
  it('writes what Node writes, and decodes its own output back to the same bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(text)).toEqual(bytes);
        expect(isBase64Url(text)).toBe(true);
      }),
      runs(200, 5000),
    );
  });

  it('decoding then encoding gives back the same text: one spelling per byte string', () => {
    const canonical = fc.stringMatching(/^[A-Za-z0-9_-]{0,80}$/).filter(isBase64Url);
    fc.assert(
      fc.property(canonical, (text) => {
        expect(toBase64Url(fromBase64Url(text))).toBe(text);
      }),
      runs(200, 5000),
    );
  });

  it('round-trips more than one slice of text (32 Ki characters)', () => {
    const big = new Uint8Array(200_000).map((_, i) => (i * 31) & 255);
    expect(equalBytes(fromBase64Url(toBase64Url(big)), big)).toBe(true);
  });

  it('knows the URL-safe characters', () => {
    expect(toBase64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(fromBase64Url('')).toEqual(new Uint8Array(0));
  });

  it.each(['A', 'AAAAA', 'AA==', 'AA=', 'AB=', 'AAAA=', 'A+/A', 'AA+A', 'AA/A', 'AA A', ' AAA', 'AAA\n', 'AAæA', 'é', 'AB', 'AAB'])(
    'refuses %j with a TypeError',
    (text) => {
      expect(() => fromBase64Url(text)).toThrow(TypeError);
      expect(isBase64Url(text)).toBe(false);
    },
  );

  it('refuses every non-zero trailing bit', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 64 }).filter((b) => b.length % 3 !== 0),
        fc.integer({ min: 1, max: 15 }),
        (data, junk) => {
          const text = toBase64Url(data);
          const unused = data.length % 3 === 1 ? 4 : 2;
          const last = ALPHABET.indexOf(text.at(-1)!);
          const changed = text.slice(0, -1) + ALPHABET[last | (junk & ((1 << unused) - 1))];
          if (changed !== text) expect(() => fromBase64Url(changed)).toThrow(/non-canonical/);
        },
      ),
      runs(100),
    );
  });

  it('names the value in its messages', () => {
    expect(() => fromBase64Url('A', 'jwk.x')).toThrow(/^jwk\.x: impossible length 1$/);
    expect(() => fromBase64Url('AA+A', 'salt')).toThrow(/^salt: character "\+" at 2 is not in the alphabet$/);
  });
});

describe('unpadded standard base64 (age)', () => {
  it('writes what Node writes without the padding, and decodes it back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64Unpadded(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64').replace(/=+$/, ''));
        expect(fromBase64Unpadded(text)).toEqual(bytes);
      }),
      runs(100),
    );
  });

  it('refuses padding and the URL-safe characters', () => {
    for (const bad of ['AA==', 'AA-A', 'AA_A', 'AB']) expect(() => fromBase64Unpadded(bad), bad).toThrow(TypeError);
  });
});

describe('bytes', () => {
  it('UTF-8 round-trips any text and refuses broken UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(fromUtf8(utf8(text))).toBe(text);
      }),
      runs(100),
    );
    expect(() => fromUtf8(new Uint8Array([0xc3]))).toThrow(TypeError);
    expect(() => fromUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toThrow(TypeError); // a lone surrogate
  });

  it('keeps a leading byte-order mark as text instead of dropping it', () => {
    expect(fromUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('\uFEFFA');
  });

  it('concatenates in order and compares by content', () => {
    const joined = concatBytes(new Uint8Array([1, 2]), new Uint8Array(), new Uint8Array([3]));
    expect(joined).toEqual(new Uint8Array([1, 2, 3]));
    expect(equalBytes(joined, new Uint8Array([1, 2, 3]))).toBe(true);
    expect(equalBytes(joined, new Uint8Array([1, 2, 4]))).toBe(false);
    expect(equalBytes(joined, new Uint8Array([1, 2]))).toBe(false);
  });

  it('gives random bytes of any length, past the 64 KiB a single getRandomValues call allows', () => {
    const big = randomBytes(200_000);
    expect(big.length).toBe(200_000);
    // Each 64 KiB slice is filled: an unfilled one would be all zeros.
    for (let at = 0; at < big.length; at += 65536) expect(big.subarray(at, at + 65536).some((b) => b !== 0)).toBe(true);
    expect(equalBytes(randomBytes(32), randomBytes(32))).toBe(false);
  });
});
