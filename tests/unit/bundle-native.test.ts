/**
 * The host's native ChaCha20-Poly1305 and CRC-32 (Node's, used for speed) give exactly what the
 * JavaScript gives (@noble/ciphers, the sliced CRC), so a bundle made or opened in Node is the
 * bundle a browser makes or opens: the same bytes sealed, the same chunks refused, the same
 * result for every test vector; and on a Node that has them, they are the ones in use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AgeError, ageDecrypt, ageEncrypt, parseAgeIdentity, x25519PublicKey, type AgeIdentity } from '../../src/bundle/age';
import { CHUNK_AEAD, NOBLE_CHUNK_AEAD, NODE_CHUNK_AEAD, type ChunkAead } from '../../src/bundle/chunk-aead';
import { crc32, crc32InJs } from '../../src/bundle/zip';
import { KEYS, seededRandom, VECTORS_DIR, type BundleVector } from '../../scripts/make-bundle-vectors';
import { fromBase64Unpadded } from '../../src/shared/base64url';

const RUNS = process.env.SLOW === '1' ? 500 : 40;
const hostHasBuiltins = typeof (process as { getBuiltinModule?: unknown }).getBuiltinModule === 'function';
const native = NODE_CHUNK_AEAD!;

const sealWith = (aead: ChunkAead, key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array) => {
  const out = new Uint8Array(plaintext.length + 16);
  aead.seal(key, nonce, plaintext, out);
  return out;
};
const openWith = (aead: ChunkAead, key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array) => {
  const out = new Uint8Array(sealed.length - 16);
  return { ok: aead.open(key, nonce, sealed, out), out };
};

/** What ageDecrypt gives: the plaintext, or the code of its AgeError. */
function decryptOutcome(file: Uint8Array, identity: AgeIdentity, aead: ChunkAead): Uint8Array | string {
  try {
    return ageDecrypt(file, identity, aead);
  } catch (error) {
    if (error instanceof AgeError) return error.code;
    throw error;
  }
}

describe('native code where the host has it', () => {
  it('is what Node uses (ChaCha20-Poly1305 from node:crypto, CRC-32 from node:zlib)', () => {
    if (!hostHasBuiltins) return; // an older Node runs the JavaScript, which the rest proves equal
    expect(NODE_CHUNK_AEAD?.name).toBe('node:crypto');
    expect(CHUNK_AEAD).toBe(NODE_CHUNK_AEAD);
    expect(crc32).not.toBe(crc32InJs);
  });

  describe.runIf(NODE_CHUNK_AEAD !== null)('ChaCha20-Poly1305 on one chunk', () => {
    const lengths = [0, 1, 15, 16, 17, 63, 64, 65, 1000, 65_535, 65_536];

    it('seals to the same bytes as @noble/ciphers, and each opens what the other sealed', () => {
      const random = seededRandom('chunk-aead');
      for (const length of lengths) {
        const key = random(32);
        const nonce = random(12);
        const plaintext = random(length);
        const ours = sealWith(native, key, nonce, plaintext);
        expect(Buffer.compare(ours, sealWith(NOBLE_CHUNK_AEAD, key, nonce, plaintext)), `length ${length}`).toBe(0);
        for (const [opener, sealed] of [
          [native, ours],
          [NOBLE_CHUNK_AEAD, ours],
        ] as const) {
          const { ok, out } = openWith(opener, key, nonce, sealed);
          expect(ok, `${opener.name}, length ${length}`).toBe(true);
          expect(Buffer.compare(out, plaintext)).toBe(0);
        }
      }
    });

    it('agrees with @noble/ciphers on random chunks (property)', () => {
      fc.assert(
        fc.property(
          fc.uint8Array({ minLength: 32, maxLength: 32 }),
          fc.uint8Array({ minLength: 12, maxLength: 12 }),
          fc.uint8Array({ maxLength: 3000 }),
          (key, nonce, plaintext) => {
            const sealed = sealWith(NOBLE_CHUNK_AEAD, key, nonce, plaintext);
            expect(Buffer.compare(sealWith(native, key, nonce, plaintext), sealed)).toBe(0);
            expect(Buffer.compare(openWith(native, key, nonce, sealed).out, plaintext)).toBe(0);
          },
        ),
        { numRuns: RUNS },
      );
    });

    it('refuses a changed bit anywhere, a wrong key or nonce, like @noble/ciphers, and hands out no plaintext', () => {
      const random = seededRandom('chunk-aead-tamper');
      const key = random(32);
      const nonce = random(12);
      const plaintext = random(300).map((b) => b | 1); // no zero bytes: "no plaintext" is then an all-zero output
      const sealed = sealWith(native, key, nonce, plaintext);
      const attempts: [string, Uint8Array, Uint8Array, Uint8Array][] = [];
      for (let at = 0; at < sealed.length; at++) {
        const changed = sealed.slice();
        changed[at]! ^= 1 << (at % 8);
        attempts.push([`bit at ${at}`, key, nonce, changed]);
      }
      attempts.push(['another key', random(32), nonce, sealed], ['another nonce', key, random(12), sealed]);
      for (const [what, k, n, s] of attempts) {
        for (const aead of [native, NOBLE_CHUNK_AEAD]) {
          const { ok, out } = openWith(aead, k, n, s);
          expect(ok, `${aead.name}: ${what}`).toBe(false);
          expect(
            out.every((b) => b === 0),
            `${aead.name}: ${what} left plaintext`,
          ).toBe(true);
        }
      }
    });

    it('names the size rule when the output buffer does not fit, as @noble/ciphers does', () => {
      for (const aead of [native, NOBLE_CHUNK_AEAD]) {
        expect(() => aead.seal(new Uint8Array(32), new Uint8Array(12), new Uint8Array(10), new Uint8Array(10))).toThrow(RangeError);
        expect(() => aead.open(new Uint8Array(32), new Uint8Array(12), new Uint8Array(26), new Uint8Array(26))).toThrow(RangeError);
        expect(() => aead.open(new Uint8Array(32), new Uint8Array(12), new Uint8Array(15), new Uint8Array(0))).toThrow(RangeError);
      }
    });

    it('gives age files byte for byte the same, and every bundle vector the same outcome', () => {
      const secretKey = parseAgeIdentity(KEYS.recipient);
      const to = { kind: 'x25519' as const, publicKey: x25519PublicKey(secretKey) };
      const plain = seededRandom('age-chunks')(3 * 65_536 + 5);
      const file = ageEncrypt(plain, to, seededRandom('same'), native);
      expect(Buffer.compare(file, ageEncrypt(plain, to, seededRandom('same'), NOBLE_CHUNK_AEAD))).toBe(0);
      expect(Buffer.compare(ageDecrypt(file, { kind: 'x25519', secretKey }, NOBLE_CHUNK_AEAD), plain)).toBe(0);

      const vectors = readdirSync(VECTORS_DIR).filter((f) => f.endsWith('.json'));
      let compared = 0;
      for (const name of vectors) {
        const v = JSON.parse(readFileSync(join(VECTORS_DIR, name), 'utf8')) as BundleVector;
        let id: AgeIdentity;
        try {
          id =
            v.passphrase !== undefined
              ? { kind: 'scrypt', passphrase: v.passphrase, maxWorkFactor: 22 }
              : { kind: 'x25519', secretKey: parseAgeIdentity(v.identity!) };
        } catch {
          continue; // a vector whose identity is not a key at all says nothing about the cipher
        }
        const file = fromBase64Unpadded(v.bundle);
        const a = decryptOutcome(file, id, native);
        const b = decryptOutcome(file, id, NOBLE_CHUNK_AEAD);
        if (typeof a === 'string' || typeof b === 'string') expect(a, name).toBe(b);
        else expect(Buffer.compare(a, b), name).toBe(0);
        compared++;
      }
      expect(compared).toBeGreaterThanOrEqual(20);
    });
  });

  describe('CRC-32', () => {
    it('has the standard check value, in JavaScript and natively', () => {
      for (const f of [crc32, crc32InJs]) {
        expect(f(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
        expect(f(new Uint8Array(0))).toBe(0);
      }
    });

    it('is the same natively and in JavaScript on any bytes, at any offset (property)', () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 5000 }), fc.nat(7), (bytes, skip) => {
          const view = bytes.subarray(Math.min(skip, bytes.length));
          expect(crc32(view)).toBe(crc32InJs(view));
        }),
        { numRuns: RUNS },
      );
    });
  });
});
