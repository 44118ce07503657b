/**
 * Every single-byte change of a small bundle is refused: each position of the file, changed in
 * its lowest bit (and its highest under SLOW=1), must fail to open (the age header MAC covers the header, the
 * STREAM tags cover the payload). X25519 only: scrypt would make thousands of opens slow.
 */
import { describe, expect, it } from 'vitest';
import { openBundle } from '../../src/bundle/index';
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

  it('cutting the bundle anywhere is refused', async () => {
    const bundle = await makeBundle('cuts', tinyContent());
    for (let length = 0; length < bundle.length; length += 13) {
      const result = await openBundle(bundle.subarray(0, length), { identity: KEYS.recipient, now: TIMES.during });
      expect(result.ok, `length ${length}`).toBe(false);
    }
  }, 60_000);
});
