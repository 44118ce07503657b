/**
 * Checking municipal provenance on the receiving side: a bundle's `attestedBy: "municipality"`
 * entry carries the municipality's page signature (compact EdDSA JWS over the page's record
 * digests). With the municipality's published JWKS a receiver can confirm that the shared
 * records are the ones the municipality signed — independently of the citizen's signature.
 * Mirrors src/municipal/api/signature.ts, kept here so the bundle stays free of vault code.
 */
import { z } from 'zod';
import { sha256 } from '@noble/hashes/sha2.js';
import { canonicalJson, parseJws, verifyEd25519 } from './jws';
import type { ProvenanceEntry } from './schemas';
import { fromBase64Url, toBase64Url } from '../shared/base64url';
import { utf8 } from '../shared/bytes';

const Jwks = z.object({
  keys: z.array(z.looseObject({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string().regex(/^[A-Za-z0-9_-]{43}$/), kid: z.string() })),
});
const Digest = z.looseObject({ type: z.string(), id: z.string(), version: z.number(), sha256: z.string() });
const PagePayload = z.looseObject({ iss: z.string(), items: z.array(Digest) });

type MunicipalEntry = Extract<ProvenanceEntry, { attestedBy: 'municipality' }>;
type RecordDigest = MunicipalEntry['records'][number];

export type ProvenanceResult =
  | { ok: true; issuer: string; records: RecordDigest[] }
  | { ok: false; reason: 'malformed' | 'unknown-key' | 'bad-signature' | 'not-signed' | 'mismatch'; detail: string };

/** The digest a municipal page manifest lists for a record: SHA-256 of its JCS form. */
export function recordDigest(record: { type: string; id: string; version: number }): RecordDigest {
  return { type: record.type, id: record.id, version: record.version, sha256: toBase64Url(sha256(utf8(canonicalJson(record)))) };
}

const same = (a: RecordDigest, b: RecordDigest) => a.type === b.type && a.id === b.id && a.version === b.version && a.sha256 === b.sha256;

/**
 * Checks a municipal provenance entry against the municipality's JWKS and, when given, the
 * records as they appear in the bundle's data. Never throws.
 */
export function verifyMunicipalProvenance(
  entry: MunicipalEntry,
  jwks: unknown,
  records?: readonly { type: string; id: string; version: number }[],
): ProvenanceResult {
  const keys = Jwks.safeParse(jwks);
  if (!keys.success) return { ok: false, reason: 'malformed', detail: 'the JWKS is not a set of Ed25519 keys' };
  const jws = parseJws(entry.jws);
  if (typeof jws === 'string') return { ok: false, reason: 'malformed', detail: jws };
  if (jws.header.alg !== 'EdDSA' || jws.header.kid !== entry.kid)
    return { ok: false, reason: 'malformed', detail: 'the page JWS is not EdDSA by the named key' };
  const key = keys.data.keys.find((k) => k.kid === entry.kid);
  if (!key) return { ok: false, reason: 'unknown-key', detail: `the JWKS has no key ${entry.kid}` };
  if (!verifyEd25519(jws.signature, jws.signingInput, fromBase64Url(key.x)))
    return { ok: false, reason: 'bad-signature', detail: 'the page signature does not verify' };
  const page = PagePayload.safeParse(jws.payload);
  if (!page.success) return { ok: false, reason: 'malformed', detail: 'the page JWS payload is not a page manifest' };
  const unsigned = entry.records.find((r) => !page.data.items.some((i) => same(i, r)));
  if (unsigned) return { ok: false, reason: 'not-signed', detail: `${unsigned.type} ${unsigned.id} v${unsigned.version} is not in the signed page` };
  for (const record of records ?? []) {
    let digest: RecordDigest;
    try {
      digest = recordDigest(record);
    } catch {
      return { ok: false, reason: 'mismatch', detail: 'a record has no JSON form' };
    }
    if (!entry.records.some((r) => same(r, digest)))
      return { ok: false, reason: 'mismatch', detail: `${record.type} ${record.id} v${record.version} differs from what the municipality signed` };
  }
  return { ok: true, issuer: page.data.iss, records: entry.records };
}
