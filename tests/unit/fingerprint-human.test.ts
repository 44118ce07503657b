/**
 * The human form of fingerprints: vectors made independently (tests/vectors/fingerprint.json),
 * the must-fail inputs, reading back what a person typed, and the forms the vault and the
 * receiver CLI show.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../src/bundle/keys';
import { summaryLines } from '../../src/receiver/cli-text';
import { fingerprintGroups } from '../../src/sharing/identity';
import { fromBase64Url } from '../../src/shared/base64url';
import { humanFingerprint, humanFingerprintGroups, humanFingerprintOf, matchesHumanFingerprint } from '../../src/shared/fingerprint';

const VECTORS = JSON.parse(readFileSync(new URL('../vectors/fingerprint.json', import.meta.url), 'utf8')) as {
  vectors: { name: string; publicKeyHex: string; fingerprint: string; human: string }[];
  mustFail: { fingerprint: string; why: string }[];
};
const hex = (text: string) => Uint8Array.from(text.match(/../g)!.map((b) => parseInt(b, 16)));
const RUNS = process.env.SLOW === '1' ? 5_000 : 200;

describe('human fingerprints', () => {
  it.each(VECTORS.vectors)('$name: the key gives the vector', ({ publicKeyHex, fingerprint, human }) => {
    expect(keyFingerprint(hex(publicKeyHex))).toBe(fingerprint);
    expect(humanFingerprintOf(fingerprint)).toBe(human);
    expect(fingerprintGroups(fingerprint).join(' ')).toBe(human);
  });

  it.each(VECTORS.mustFail)('refuses $why', ({ fingerprint }) => {
    expect(() => humanFingerprintOf(fingerprint)).toThrow(TypeError);
    expect(matchesHumanFingerprint('0000', fingerprint)).toBe(false);
  });

  it('has eight groups of four from an alphabet without I, L, O, U or lower case', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (digest) => {
        const groups = humanFingerprintGroups(digest);
        expect(groups).toHaveLength(8);
        for (const g of groups) expect(g).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}$/);
      }),
      { numRuns: RUNS },
    );
    expect(() => humanFingerprintGroups(new Uint8Array(19))).toThrow(RangeError);
  });

  it('tells 160-bit digests apart: any change in the first 20 bytes changes the form, later bytes do not', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.nat(159), (digest, bit) => {
        const flipped = digest.slice();
        flipped[bit >> 3]! ^= 1 << (bit & 7);
        expect(humanFingerprint(flipped)).not.toBe(humanFingerprint(digest));
      }),
      { numRuns: RUNS },
    );
    const later = fromBase64Url(VECTORS.vectors[0]!.fingerprint);
    later[25]! ^= 1;
    expect(humanFingerprint(later)).toBe(VECTORS.vectors[0]!.human);
  });

  it('reads back what a person typed or heard: no case, spaces or hyphens, O as 0, I and L as 1', () => {
    const { fingerprint, human } = VECTORS.vectors[0]!;
    expect(matchesHumanFingerprint(human, fingerprint)).toBe(true);
    expect(matchesHumanFingerprint(human.toLowerCase().replace(/ /g, '-'), fingerprint)).toBe(true);
    expect(matchesHumanFingerprint(human.replace(/0/g, 'o'), fingerprint)).toBe(true);
    expect(matchesHumanFingerprint(human.replace(/1/g, 'l'), fingerprint)).toBe(true);
    expect(matchesHumanFingerprint(human.slice(0, -1), fingerprint)).toBe(false);
    expect(matchesHumanFingerprint(VECTORS.vectors[1]!.human, fingerprint)).toBe(false);
  });

  it('is what the receiver CLI prints for the sender and the recipient', () => {
    const [sender, recipient] = VECTORS.vectors;
    const lines = summaryLines(
      {
        id: 'AAAAAAAAAAAAAAAAAAAAAA',
        issuer: { name: 'Thomas', fingerprint: sender!.fingerprint },
        recipient: { kind: 'x25519', fingerprint: recipient!.fingerprint, name: 'Advokat Jensen' },
        purpose: { code: 'legal', text: { da: 'Sag', en: 'Case' } },
        scope: { description: { da: 'Sag', en: 'Case' }, categories: ['cases'] },
        issuedAt: '2026-12-01T10:00:00.000Z',
        validFrom: '2026-12-01T10:00:00.000Z',
        validUntil: '2027-12-01T10:00:00.000Z',
        statusPlace: null,
        files: [],
      },
      'en',
    );
    expect(lines).toContain(`From: Thomas (${sender!.human})`);
    expect(lines).toContain(`To: ${recipient!.human} (Advokat Jensen)`);
  });
});
