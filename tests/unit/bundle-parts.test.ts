/**
 * In Node a bundle's plaintext stays in the chunks the host decrypted it into, and the ZIP, the
 * CRCs, the digests and the depth are read across them. Each of those gives, for any split,
 * what it gives for the same bytes in one buffer, and refuses what it refuses there.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageDecrypt, ageDecryptParts, ageEncrypt, parseAgeIdentity, x25519PublicKey } from '../../src/bundle/age';
import { NOBLE_CHUNK_AEAD, NODE_CHUNK_AEAD } from '../../src/bundle/chunk-aead';
import { sha256Digest } from '../../src/bundle/digest';
import { jsonDepth } from '../../src/bundle/limits';
import { crc32, crc32InJs, readZip, writeZip } from '../../src/bundle/zip';
import { KEYS, seededRandom } from '../../scripts/make-bundle-vectors';
import { concatBytes, utf8 } from '../../src/shared/bytes';

const RUNS = process.env.SLOW === '1' ? 300 : 30;

/** `bytes` cut at the given offsets (sorted, clamped), empty parts included. */
function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const at = [0, ...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b), bytes.length];
  return at.slice(1).map((end, i) => bytes.subarray(at[i], end));
}

const outcome = (read: () => unknown): unknown => {
  try {
    return read();
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
};

const entry = fc.record({ name: fc.string({ minLength: 1, maxLength: 12 }), bytes: fc.uint8Array({ maxLength: 300 }) });

describe('bytes in parts', () => {
  it('readZip reads a ZIP split anywhere as it reads it whole, and refuses the same changes', () => {
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.name, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 6 }), fc.nat(), (entries, cuts, at) => {
        const zip = writeZip(entries);
        const read = (input: Uint8Array | Uint8Array[]) => readZip(input).map((e) => ({ name: e.name, size: e.size, bytes: e.bytes.slice() }));
        expect(read(split(zip, cuts))).toEqual(read(zip));
        const changed = zip.slice();
        changed[at % zip.length] = changed[at % zip.length]! ^ 0x01;
        expect(outcome(() => read(split(changed, cuts)))).toEqual(outcome(() => read(changed)));
      }),
      { numRuns: RUNS },
    );
  });

  it('an entry spanning parts joins its bytes once, on first read', () => {
    const zip = writeZip([{ name: 'a', bytes: utf8('x'.repeat(100)) }]);
    const [a] = readZip(split(zip, [40, 80]));
    expect(a!.parts.length).toBeGreaterThan(1);
    expect(a!.bytes).toBe(a!.bytes);
    expect(a!.bytes).toEqual(utf8('x'.repeat(100)));
  });

  it('jsonDepth, CRC-32 and SHA-256 of parts are those of the whole', async () => {
    await fc.assert(
      fc.asyncProperty(fc.json({ maxDepth: 6 }), fc.array(fc.nat(), { maxLength: 8 }), async (json, cuts) => {
        const bytes = utf8(`${json}"\\\\\\"[`);
        const parts = split(bytes, cuts);
        expect(jsonDepth(parts)).toBe(jsonDepth(bytes));
        expect(parts.reduce((c, p) => crc32(p, c), 0)).toBe(crc32(bytes));
        expect(parts.reduce((c, p) => crc32InJs(p, c), 0)).toBe(crc32InJs(bytes));
        expect(await sha256Digest(parts)).toEqual(await sha256Digest(bytes));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('ageDecryptParts gives the plaintext in 64 KiB chunks with Node’s AEAD, in one part with noble’s', () => {
    const secretKey = parseAgeIdentity(KEYS.recipient);
    const plain = Uint8Array.from({ length: 3 * 65536 + 100 }, (_, i) => (i * 31) & 0xff);
    const file = ageEncrypt(plain, { kind: 'x25519', publicKey: x25519PublicKey(secretKey) }, seededRandom('parts-file'));
    const native = ageDecryptParts(file, { kind: 'x25519', secretKey }, NODE_CHUNK_AEAD!);
    expect(native.map((p) => p.length)).toEqual([65536, 65536, 65536, 100]);
    expect(native.every((p) => p.constructor === Uint8Array)).toBe(true);
    // Buffer.compare: toEqual walks 200 KB element by element.
    expect(Buffer.compare(concatBytes(...native), plain)).toBe(0);
    const noble = ageDecryptParts(file, { kind: 'x25519', secretKey }, NOBLE_CHUNK_AEAD);
    expect(noble.length).toBe(1);
    expect(Buffer.compare(noble[0]!, ageDecrypt(file, { kind: 'x25519', secretKey }, NOBLE_CHUNK_AEAD))).toBe(0);
    const changed = file.slice();
    changed[changed.length - 70_000] = changed[changed.length - 70_000]! ^ 0x01;
    expect(() => ageDecryptParts(changed, { kind: 'x25519', secretKey }, NODE_CHUNK_AEAD!)).toThrow(expect.objectContaining({ code: 'bad-payload' }));
  });
});
