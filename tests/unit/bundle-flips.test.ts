/**
 * Every single-byte change of a small bundle is refused: each position of the file, changed in
 * its lowest bit (and its highest under SLOW=1), must fail to open (the age header MAC covers the header, the
 * STREAM tags cover the payload). X25519 only: scrypt would make thousands of opens slow.
 */
import { describe, expect, it } from 'vitest';
import { openBundle } from '../../src/bundle/index';
import { ageDecrypt, ageEncrypt } from '../../src/bundle/age';
import { readZip, writeZip } from '../../src/bundle/zip';
import { KEYS, makeBundle, smallContent, TIMES } from '../../scripts/make-bundle-vectors';

/** The smallest content the schemas accept, so the loop over every byte stays short. */
function tinyContent() {
  const content = smallContent();
  const t = { da: 'a', en: 'a' };
  return {
    ...content,
    purpose: { code: 'b', text: t },
    scope: { description: t, categories: ['t'] },
    data: { n: 1 },
    consent: {
      ...content.consent,
      controller: { name: 'T', role: 'citizen' as const },
      piiPrincipal: { name: 'T' },
      recipients: [{ name: 'F' }],
      purposes: [{ code: 'b', text: t, legalBasis: 'consent' as const }],
      dataCategories: ['t'],
      termination: { expiresAt: content.consent.termination.expiresAt, text: t },
      withdrawal: { text: t },
      deletion: { text: t },
    },
  };
}

// One change per position by default; SLOW=1 also flips the highest bit of every byte.
const MASKS = process.env.SLOW === '1' ? [0x01, 0x80] : [0x01];

describe('single-byte changes', () => {
  it('every position changed is refused; the original opens', async () => {
    const bundle = await makeBundle('flips', tinyContent());
    const options = { identity: KEYS.recipient, now: TIMES.during };
    expect((await openBundle(bundle, options)).ok).toBe(true);
    const reasons = new Map<string, number>();
    const accepted: number[] = [];
    for (let at = 0; at < bundle.length; at++) {
      for (const mask of MASKS) {
        const changed = bundle.slice();
        changed[at] = changed[at]! ^ mask;
        const result = await openBundle(changed, options);
        if (result.ok) accepted.push(at);
        else reasons.set(result.reason, (reasons.get(result.reason) ?? 0) + 1);
      }
    }
    expect(accepted).toEqual([]);
    expect(bundle.length).toBeGreaterThan(1000);
    // Changes in the version line say "not a bundle"; in a stanza, "wrong key"; the rest, "tampered".
    expect([...reasons.keys()].every((r) => ['not-a-bundle', 'wrong-key', 'tampered'].includes(r))).toBe(true);
    expect(reasons.get('tampered')).toBeGreaterThan(bundle.length * 0.8 * MASKS.length);
  }, 120_000);

  it('every position of the ZIP inside, changed and encrypted again, is refused', async () => {
    // What an attacker who can decrypt (or holds the recipient's public key) could try: change
    // the plaintext ZIP and encrypt it again. scrypt with work factor 1 keeps each round cheap.
    const passphrase = 'flip';
    const bundle = await makeBundle('zip-flips', tinyContent(), { recipient: { kind: 'passphrase', passphrase }, scryptWorkFactor: 1 });
    const zip = ageDecrypt(bundle, { kind: 'scrypt', passphrase, maxWorkFactor: 1 });
    const options = { identity: { passphrase }, now: TIMES.during };
    expect((await openBundle(ageEncrypt(zip, { kind: 'scrypt', passphrase, workFactor: 1 }), options)).ok).toBe(true);
    const accepted: number[] = [];
    const reasons = new Set<string>();
    for (let at = 0; at < zip.length; at++) {
      const changed = zip.slice();
      changed[at] = changed[at]! ^ 0x01;
      const result = await openBundle(ageEncrypt(changed, { kind: 'scrypt', passphrase, workFactor: 1 }), options);
      if (result.ok) accepted.push(at);
      else reasons.add(result.reason);
    }
    expect(accepted).toEqual([]);
    // A changed byte breaks the ZIP's canonical form (its CRC, if nothing else) before the signature is read.
    expect([...reasons].every((r) => r === 'tampered' || r === 'not-a-bundle')).toBe(true);

    // With each entry's content changed and the ZIP written again canonically (CRCs right), the
    // signature or the manifest's digests must catch it.
    const entries = readZip(zip).map((e) => ({ name: e.name, bytes: e.bytes.slice() }));
    const contentReasons = new Set<string>();
    for (const [n, entry] of entries.entries()) {
      for (let at = 0; at < entry.bytes.length; at++) {
        const bytes = entry.bytes.slice();
        bytes[at] = bytes[at]! ^ 0x01;
        const changed = writeZip(entries.map((e, i) => (i === n ? { name: e.name, bytes } : e)));
        const result = await openBundle(ageEncrypt(changed, { kind: 'scrypt', passphrase, workFactor: 1 }), options);
        if (result.ok) accepted.push(at);
        else contentReasons.add(result.reason);
      }
    }
    expect(accepted).toEqual([]);
    // A changed manifest fails its signature (or, changed into a later version number, is "unsupported").
    expect([...contentReasons].every((r) => ['bad-signature', 'tampered', 'unsupported-version'].includes(r))).toBe(true);
    expect(contentReasons).toContain('bad-signature');
    expect(contentReasons).toContain('tampered');
  }, 120_000);

  it('cutting the bundle anywhere is refused', async () => {
    const bundle = await makeBundle('cuts', tinyContent());
    for (let length = 0; length < bundle.length; length += 13) {
      const result = await openBundle(bundle.subarray(0, length), { identity: KEYS.recipient, now: TIMES.during });
      expect(result.ok, `length ${length}`).toBe(false);
    }
  }, 60_000);
});
