import { describe, expect, it } from 'vitest';
import {
  manifestEntryOf,
  publicJwk,
  recordDigest,
  signManifest,
  SignatureError,
  verifyPage,
  verifyPageSignature,
  verifyRecordProvenance,
  type PageManifest,
} from '../../src/municipal/api';
import { demoKey, KeyRing } from '../../src/municipality-server/signing';
import { fromBase64Url, toBase64Url } from '../../src/shared/base64url';

const key = demoKey('vestera-demo-2026');
const oldKey = demoKey('vestera-demo-2025');
const jwks = { keys: [publicJwk(oldKey), publicJwk(key)] };

const records = [
  { type: 'case', id: 'c-1', version: 2, title: 'Kontanthjælp', kle: { code: '32.24.04', title: 'Hjælp til forsørgelse (kontanthjælp mv.)' } },
  { type: 'payment', id: 'p-1', version: 1, net: { ore: 790000, currency: 'DKK' }, note: 'æøå – "citat"' },
];

function manifestFor(items: unknown[]): PageManifest {
  return { iss: 'http://127.0.0.1:8787', sub: 'thomas', resource: 'cases', cursor: null, iat: 1_700_000_000, items: items.map(manifestEntryOf) };
}

function expectCode(fn: () => unknown, code: string) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SignatureError);
    expect((error as SignatureError).code).toBe(code);
    return;
  }
  throw new Error(`expected SignatureError ${code}`);
}

describe('recordDigest', () => {
  it('is the SHA-256 of RFC 8785 canonical JSON: key order does not matter, content does', () => {
    const a = { type: 'case', id: 'x', version: 1, b: [1, 2], a: { z: 1, y: 'ø' } };
    const b = { a: { y: 'ø', z: 1 }, b: [1, 2], version: 1, id: 'x', type: 'case' };
    expect(recordDigest(a)).toBe(recordDigest(b));
    expect(recordDigest({ ...a, b: [2, 1] })).not.toBe(recordDigest(a));
    // Vector computed with Node's crypto: SHA-256 of '{"a":1}', base64url.
    expect(recordDigest({ a: 1 })).toBe('AVq9f1zFei3ZS3WQ8ErYCEJzkF7jPsXOvq5iJ2qX-GI');
  });
});

describe('page signatures', () => {
  it('round-trips: a signed page verifies and returns its manifest', () => {
    const jws = signManifest(manifestFor(records), key);
    const header = JSON.parse(new TextDecoder().decode(fromBase64Url(jws.split('.')[0]!)));
    expect(header).toEqual({ alg: 'EdDSA', kid: 'vestera-demo-2026', typ: 'citizen-data-page+jws' });
    expect(verifyPage({ items: records, signature: jws }, jwks).items).toHaveLength(2);
    expect(verifyRecordProvenance(records[1], jws, jwks).sub).toBe('thomas');
  });

  it('the reference server signs natively, giving the very JWS the JavaScript signer gives', () => {
    const manifest = manifestFor(records);
    const jws = new KeyRing('vestera-demo-2026').sign(manifest);
    expect(jws).toBe(signManifest(manifest, key));
    expect(verifyPageSignature(jws, jwks)).toEqual(manifest);
    expect(new KeyRing('vestera-demo-2025').sign(manifest)).toBe(signManifest(manifest, oldKey));
  });

  it('verifies pages signed with an earlier key that is still in the JWKS (rotation)', () => {
    const jws = signManifest(manifestFor(records), oldKey);
    expect(verifyPageSignature(jws, jwks).resource).toBe('cases');
    expectCode(() => verifyPageSignature(jws, { keys: [publicJwk(key)] }), 'unknown-key');
  });

  it('detects tampering with the payload, the signature, a record, and the item list', () => {
    const jws = signManifest(manifestFor(records), key);
    const [h, p, s] = jws.split('.') as [string, string, string];
    const otherPayload = toBase64Url(new TextEncoder().encode(JSON.stringify({ ...manifestFor(records), sub: 'freja' })));
    expectCode(() => verifyPageSignature(`${h}.${otherPayload}.${s}`, jwks), 'bad-signature');
    const flipped = s.slice(0, 10) + (s[10] === 'A' ? 'B' : 'A') + s.slice(11);
    expectCode(() => verifyPageSignature(`${h}.${p}.${flipped}`, jwks), 'bad-signature');
    const changed = [{ ...records[0]!, title: 'Noget andet' }, records[1]];
    expectCode(() => verifyPage({ items: changed, signature: jws }, jwks), 'manifest-mismatch');
    expectCode(() => verifyPage({ items: records.slice(0, 1), signature: jws }, jwks), 'manifest-mismatch');
    expectCode(() => verifyRecordProvenance({ ...records[1]!, version: 2 }, jws, jwks), 'not-in-manifest');
    expectCode(() => verifyRecordProvenance({ ...records[1]!, note: 'x' }, jws, jwks), 'not-in-manifest');
  });

  it('refuses malformed tokens and other algorithms', () => {
    expectCode(() => verifyPageSignature('a.b', jwks), 'malformed');
    expectCode(() => verifyPageSignature('!!.b.c', jwks), 'malformed');
    const none = `${toBase64Url(new TextEncoder().encode(JSON.stringify({ alg: 'none', kid: key.kid })))}.e30.`;
    expectCode(() => verifyPageSignature(none, jwks), 'unsupported-algorithm');
    const jws = signManifest(manifestFor(records), key);
    expectCode(() => verifyPageSignature(jws, { keys: [{ kty: 'RSA' }] }), 'malformed');
  });
});
