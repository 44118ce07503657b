/** The receiver page's check of municipal signatures against a loaded JWKS: it passes only for the signed records, unchanged. */
import { ed25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { recordDigest, type ProvenanceEntry } from '../../src/bundle';
import { canonicalJson, signJws } from '../../src/bundle/jws';
import { checkMunicipalProvenance, jwksUrl, recordsCoveredBy } from '../../src/receiver-page/provenance-check';
import { toBase64Url } from '../../src/shared/base64url';

const secret = ed25519.utils.randomSecretKey();
const jwksOf = (key: Uint8Array, kid = 'vestera-2026') =>
  JSON.stringify({ keys: [{ kty: 'OKP', crv: 'Ed25519', x: toBase64Url(ed25519.getPublicKey(key)), kid }] });
const theCase = { type: 'case', id: 'thomas-sag-0002', version: 3, title: 'Rehabiliteringsteam', status: 'awaiting-citizen' };
const decision = { type: 'decision', id: 'thomas-afg-0007', version: 1, title: 'Afklaring', caseId: 'thomas-sag-0002' };
const other = { type: 'case', id: 'thomas-sag-0001', version: 1, title: 'Kontanthjælp' };

function entry(records = [theCase, decision]): Extract<ProvenanceEntry, { attestedBy: 'municipality' }> {
  const items = [...records, other].map(recordDigest);
  const jws = signJws(canonicalJson({ iss: 'http://127.0.0.1:8787', items }), 'citizen-data-page+jws', 'vestera-2026', secret);
  return {
    attestedBy: 'municipality',
    source: 'Vesterå Kommune',
    origin: 'http://127.0.0.1:8787',
    jws,
    kid: 'vestera-2026',
    records: records.map(recordDigest),
  };
}
const data = (c = theCase) => ({ cases: [{ case: c, decisions: [decision] }] });

describe('checking municipal provenance on the receiver page', () => {
  it('finds the records an entry covers, wherever they sit in data.json, and no others', () => {
    expect(recordsCoveredBy(entry(), { ...data(), notes: [other] })).toEqual([theCase, decision]);
  });

  it('passes with the municipality’s keys when the records are those it signed', () => {
    expect(checkMunicipalProvenance([entry()], data(), jwksOf(secret))).toEqual([{ ok: true, issuer: 'http://127.0.0.1:8787', records: entry().records }]);
    expect(jwksUrl('http://127.0.0.1:8787/citizen/v1')).toBe('http://127.0.0.1:8787/.well-known/jwks.json');
  });

  it('fails for a changed record, another key, a missing key, and a file that is not JSON', () => {
    expect(checkMunicipalProvenance([entry()], data({ ...theCase, status: 'closed' }), jwksOf(secret))?.[0]).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(checkMunicipalProvenance([entry()], data(), jwksOf(ed25519.utils.randomSecretKey()))?.[0]).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(checkMunicipalProvenance([entry()], data(), jwksOf(secret, 'another-kid'))?.[0]).toMatchObject({ ok: false, reason: 'unknown-key' });
    expect(checkMunicipalProvenance([entry()], data(), '{"keys": 1}')?.[0]).toMatchObject({ ok: false, reason: 'malformed' });
    expect(checkMunicipalProvenance([entry()], data(), 'not json')).toBeNull();
  });

  it('fails when the entry lists a record the signed page does not hold', () => {
    const forged = { ...entry(), records: [...entry().records, recordDigest({ type: 'document', id: 'forged', version: 1 })] };
    expect(checkMunicipalProvenance([forged], data(), jwksOf(secret))?.[0]).toMatchObject({ ok: false, reason: 'not-signed' });
  });
});
