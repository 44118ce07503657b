/** Property tests of the crypto helpers: every pair of inverses round-trips, every change is caught. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEY_LENGTH, NONCE_LENGTH, open, seal, sealInPlace, TAG_LENGTH } from '../../src/vault/crypto/aead';
import { framed } from '../../src/vault/crypto/bytes';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { deriveVaultKeys, hmacSha256, keyedTag, unwrapDataKey, wrapDataKey } from '../../src/vault/crypto/keys';
import { runs } from './support/setup-vault';
import { fromBase64Url, toBase64Url } from '../../src/shared/base64url';
import { equalBytes } from '../../src/shared/bytes';

const key = fc.uint8Array({ minLength: KEY_LENGTH, maxLength: KEY_LENGTH });
const bytes = (maxLength = 300) => fc.uint8Array({ maxLength });

const flipBit = (data: Uint8Array, bit: number): Uint8Array => {
  const out = data.slice();
  out[bit >> 3]! ^= 1 << (bit & 7);
  return out;
};

describe('seal / open', () => {
  it('round-trips any plaintext and associated data', () => {
    fc.assert(
      fc.property(key, bytes(), bytes(64), (k, plaintext, ad) => {
        const sealed = seal(k, plaintext, ad);
        expect(sealed.nonce.length).toBe(NONCE_LENGTH);
        expect(sealed.ciphertext.length).toBe(plaintext.length + TAG_LENGTH);
        expect(equalBytes(open(k, sealed, ad)!, plaintext)).toBe(true);
      }),
      runs(100),
    );
  });

  it('any single-bit change of key, nonce, ciphertext or associated data → null', () => {
    const input = fc.tuple(key, bytes(64), bytes(16)).chain(([k, plaintext, ad]) => {
      const sealed = seal(k, plaintext, ad);
      const sizes = { key: k.length, nonce: sealed.nonce.length, ciphertext: sealed.ciphertext.length, ad: ad.length };
      const parts = (Object.keys(sizes) as (keyof typeof sizes)[]).filter((p) => sizes[p] > 0);
      return fc.constantFrom(...parts).chain((part) => fc.nat({ max: sizes[part] * 8 - 1 }).map((bit) => ({ k, ad, sealed, part, bit })));
    });
    fc.assert(
      fc.property(input, ({ k, ad, sealed, part, bit }) => {
        const changed = {
          k: part === 'key' ? flipBit(k, bit) : k,
          ad: part === 'ad' ? flipBit(ad, bit) : ad,
          nonce: part === 'nonce' ? flipBit(sealed.nonce, bit) : sealed.nonce,
          ciphertext: part === 'ciphertext' ? flipBit(sealed.ciphertext, bit) : sealed.ciphertext,
        };
        expect(open(changed.k, { nonce: changed.nonce, ciphertext: changed.ciphertext }, changed.ad)).toBeNull();
      }),
      runs(200),
    );
  });

  it('draws a new nonce on every call (the caller never passes one)', () => {
    const k = new Uint8Array(32).fill(7);
    const nonces = new Set(Array.from({ length: 50 }, () => toBase64Url(seal(k, new Uint8Array(1), new Uint8Array()).nonce)));
    expect(nonces.size).toBe(50);
  });

  it('refuses keys of the wrong type or size by name', () => {
    expect(() => seal(new Uint8Array(31), new Uint8Array(), new Uint8Array())).toThrow(RangeError);
    expect(() => seal(new Uint8Array(31), new Uint8Array(), new Uint8Array())).toThrow(/seal: key must be 32 bytes/);
    expect(() => open([] as unknown as Uint8Array, { nonce: new Uint8Array(24), ciphertext: new Uint8Array(16) }, new Uint8Array())).toThrow(TypeError);
    expect(() => open(new Uint8Array(32), { nonce: new Uint8Array(12), ciphertext: new Uint8Array(16) }, new Uint8Array())).toThrow(/nonce/);
  });

  it('sealInPlace: the buffer comes back holding what open takes back to the plaintext', () => {
    fc.assert(
      fc.property(key, bytes(), bytes(64), (k, plaintext, ad) => {
        const buffer = new Uint8Array(plaintext.length + TAG_LENGTH);
        buffer.set(plaintext);
        const sealed = sealInPlace(k, buffer, plaintext.length, ad);
        expect(sealed.ciphertext).toBe(buffer);
        expect(sealed.nonce.length).toBe(NONCE_LENGTH);
        expect(equalBytes(open(k, sealed, ad)!, plaintext)).toBe(true);
        if (plaintext.length >= 16) expect(equalBytes(buffer.subarray(0, 16), plaintext.subarray(0, 16))).toBe(false);
      }),
      runs(100),
    );
  });

  it('sealInPlace refuses a buffer without room for exactly one tag after the plaintext', () => {
    const k = new Uint8Array(KEY_LENGTH);
    for (const [size, length] of [
      [10, 10],
      [27, 10],
      [26, -1],
      [26, 10.5],
    ] as const)
      expect(() => sealInPlace(k, new Uint8Array(size), length, new Uint8Array())).toThrow(/sealInPlace: buffer must be length \+ 16 bytes/);
  });

  it('a ciphertext shorter than a tag → null, not an exception', () => {
    fc.assert(
      fc.property(key, fc.uint8Array({ maxLength: TAG_LENGTH - 1 }), (k, short) => {
        expect(open(k, { nonce: new Uint8Array(NONCE_LENGTH), ciphertext: short }, new Uint8Array())).toBeNull();
      }),
      runs(30),
    );
  });
});

describe('wrapDataKey / unwrapDataKey', () => {
  it('round-trips, and is bound to the key, the method and the vault id', () => {
    fc.assert(
      fc.property(key, key, fc.stringMatching(/^[A-Za-z0-9_-]{16,24}$/), (kek, dataKey, vaultId) => {
        const wrapped = wrapDataKey(kek, dataKey, 'passphrase', vaultId);
        expect(equalBytes(unwrapDataKey(kek, wrapped, 'passphrase', vaultId)!, dataKey)).toBe(true);
        expect(unwrapDataKey(kek, wrapped, 'recovery', vaultId)).toBeNull();
        expect(unwrapDataKey(kek, wrapped, 'passphrase', `${vaultId}x`)).toBeNull();
        expect(unwrapDataKey(flipBit(kek, 0), wrapped, 'passphrase', vaultId)).toBeNull();
      }),
      runs(50),
    );
  });
});

describe('deriveVaultKeys', () => {
  it('gives four distinct sub-keys, none equal to the data key', () => {
    fc.assert(
      fc.property(key, (dataKey) => {
        const keys = deriveVaultKeys(dataKey);
        const all = [dataKey, keys.encryption, keys.recordMac, keys.tags, keys.backup].map(toBase64Url);
        expect(new Set(all).size).toBe(5);
      }),
      runs(30),
    );
  });

  it('keyed tags depend on how the parts are split', () => {
    const k = new Uint8Array(32).fill(1);
    expect(toBase64Url(keyedTag(k, 'ab', 'c'))).not.toBe(toBase64Url(keyedTag(k, 'a', 'bc')));
  });
});

describe('base64url', () => {
  it('round-trips any bytes, and writes only the URL-safe alphabet without padding', () => {
    fc.assert(
      fc.property(bytes(2000), (data) => {
        const text = toBase64Url(data);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(text.length).toBe(Math.ceil((data.length * 4) / 3));
        expect(equalBytes(fromBase64Url(text), data)).toBe(true);
      }),
      runs(200),
    );
  });

  it('round-trips more than 64 KiB (the encoder works in slices)', () => {
    const big = new Uint8Array(200_000).map((_, i) => (i * 31) & 255);
    expect(equalBytes(fromBase64Url(toBase64Url(big)), big)).toBe(true);
  });

  it.each(['AAAA=', 'AA+A', 'AA/A', 'AA A', 'é'])('refuses %j with a TypeError', (text) => {
    expect(() => fromBase64Url(text)).toThrow(TypeError);
  });

  it('refuses a length no encoder writes (4n + 1) with a TypeError', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_-]{0,40}$/).filter((t) => t.length % 4 === 1),
        (text) => {
          expect(() => fromBase64Url(text)).toThrow(TypeError);
        },
      ),
      runs(50),
    );
  });

  it('refuses non-canonical text (unused low bits set), so that each byte string has one spelling', () => {
    fc.assert(
      fc.property(
        bytes(64).filter((b) => b.length % 3 !== 0),
        fc.integer({ min: 1, max: 15 }),
        (data, junk) => {
          const text = toBase64Url(data);
          const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
          const unused = data.length % 3 === 1 ? 4 : 2; // bits of the last character that carry nothing
          const last = alphabet.indexOf(text.at(-1)!);
          const changed = text.slice(0, -1) + alphabet[last | (junk & ((1 << unused) - 1))];
          if (changed === text) return;
          expect(() => fromBase64Url(changed)).toThrow(TypeError);
        },
      ),
      runs(100),
    );
  });
});

describe('framed', () => {
  const part = fc.oneof(fc.string({ maxLength: 8 }), fc.uint8Array({ maxLength: 8 }));
  const asBytes = (p: string | Uint8Array) => (typeof p === 'string' ? new TextEncoder().encode(p) : p);
  const sameParts = (a: (string | Uint8Array)[], b: (string | Uint8Array)[]) =>
    a.length === b.length && a.every((p, i) => equalBytes(asBytes(p), asBytes(b[i]!)));

  it('is injective: different part lists never frame alike', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 5 }), fc.array(part, { maxLength: 5 }), (a, b) => {
        expect(equalBytes(framed(...a), framed(...b))).toBe(sameParts(a, b));
      }),
      runs(300),
    );
  });

  it('is injective on the splits of one string (the case plain concatenation gets wrong)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 2, maxLength: 12 }), fc.nat(), fc.nat(), (text, i, j) => {
        const a = i % (text.length + 1);
        const b = j % (text.length + 1);
        fc.pre(a !== b);
        expect(equalBytes(framed(text.slice(0, a), text.slice(a)), framed(text.slice(0, b), text.slice(b)))).toBe(false);
      }),
      runs(100),
    );
  });

  it('is each part as a big-endian u32 length and its bytes', () => {
    expect(Array.from(framed('ab', new Uint8Array([9])))).toEqual([0, 0, 0, 2, 97, 98, 0, 0, 0, 1, 9]);
  });

  it('writes strings as UTF-8, ASCII or not, exactly as TextEncoder does', () => {
    const reference = (...parts: (string | Uint8Array)[]) =>
      Uint8Array.from(
        parts.flatMap((p) => {
          const b = asBytes(p);
          return [b.length >>> 24, (b.length >>> 16) & 255, (b.length >>> 8) & 255, b.length & 255, ...b];
        }),
      );
    const anyPart = fc.oneof(fc.string({ maxLength: 40, unit: 'binary' }), fc.string({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 }));
    fc.assert(
      fc.property(fc.array(anyPart, { maxLength: 6 }), (parts) => {
        expect(Array.from(framed(...parts))).toEqual(Array.from(reference(...parts)));
      }),
      runs(300),
    );
    expect(Array.from(framed('æ'))).toEqual([0, 0, 0, 2, 0xc3, 0xa6]);
  });
});

describe('hmacSha256', () => {
  it('equals a one-shot HMAC-SHA256 for any key and message, with calls under two keys interleaved', () => {
    fc.assert(
      fc.property(key, key, fc.array(fc.tuple(fc.boolean(), bytes(200)), { maxLength: 8 }), (k1, k2, calls) => {
        for (const [first, message] of calls) {
          const k = first ? k1 : k2;
          expect(Array.from(hmacSha256(k, message))).toEqual(Array.from(hmac(sha256, k, message)));
        }
      }),
      runs(200),
    );
  });
});
