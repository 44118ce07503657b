/**
 * Municipal provenance travels in the bundle and still checks out at the receiver against the
 * municipality's JWKS; a changed record, a record the page did not sign, another key and a
 * forged signature are each refused.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openBundle, verifyMunicipalProvenance, type ProvenanceEntry } from '../../src/bundle/index';
import { publicJwk } from '../../src/municipal/api/signature';
import { KEYS, TIMES } from '../../scripts/make-bundle-vectors';
import { fromBase64Unpadded } from '../../src/shared/base64url';

type Municipal = Extract<ProvenanceEntry, { attestedBy: 'municipality' }>;
const jwks = { keys: [publicJwk(KEYS.municipality)] };

async function opened() {
  const vector = JSON.parse(readFileSync('tests/vectors/bundle/full-x25519.json', 'utf8')) as { bundle: string };
  const result = await openBundle(fromBase64Unpadded(vector.bundle), { identity: KEYS.recipient, now: TIMES.during });
  if (!result.ok) throw new Error(result.detail);
  const entry = result.provenance.find((p): p is Municipal => p.attestedBy === 'municipality')!;
  return { entry, records: (result.data as { records: { type: string; id: string; version: number }[] }).records };
}

describe('municipal provenance', () => {
  it('the shared records are the ones the municipality signed', async () => {
    const { entry, records } = await opened();
    expect(verifyMunicipalProvenance(entry, jwks, records)).toMatchObject({ ok: true, issuer: 'https://aarhus.example' });
  });

  it('refuses a changed record, an unsigned digest, an unknown key and a forged signature', async () => {
    const { entry, records } = await opened();
    const changed = records.map((r, i) => (i === 0 ? { ...r, status: 'afvist' } : r));
    expect(verifyMunicipalProvenance(entry, jwks, changed)).toMatchObject({ ok: false, reason: 'mismatch' });
    const unsigned = { ...entry, records: [...entry.records, { ...entry.records[0]!, version: 99 }] };
    expect(verifyMunicipalProvenance(unsigned, jwks)).toMatchObject({ ok: false, reason: 'not-signed' });
    expect(verifyMunicipalProvenance(entry, { keys: [{ ...jwks.keys[0]!, kid: 'other' }] })).toMatchObject({ ok: false, reason: 'unknown-key' });
    const otherKey = publicJwk({ kid: KEYS.municipality.kid, secretKey: KEYS.issuer.signingSecretKey });
    expect(verifyMunicipalProvenance(entry, { keys: [otherKey] })).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(verifyMunicipalProvenance(entry, 'nope')).toMatchObject({ ok: false, reason: 'malformed' });
  });
});
