/**
 * Provenance of municipal records. The municipality signs each response page once: a compact
 * JWS (RFC 7515, alg EdDSA / Ed25519, RFC 8037) whose payload is a manifest listing, for every
 * record on the page, its type, id, version and the SHA-256 of its RFC 8785 (JCS) canonical
 * JSON. One signature per page instead of per record keeps verification cheap (an Ed25519
 * verify costs milliseconds in JS), and any single record stays checkable later from the pair
 * (record JSON, page JWS) — which is what the vault keeps and what a bundle carries.
 *
 * Pure TypeScript: runs in browsers, workers and Node.
 */
import canonicalize from 'canonicalize';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { Jwks, PageManifest, type ManifestEntry } from './schemas';
import { fromBase64Url, toBase64Url } from '../../shared/base64url';
import { fromUtf8, utf8 } from '../../shared/bytes';
import { CodedError } from '../../shared/coded-error';
import { CanonicalJsonWriter } from '../../shared/canonical-json';

export type SignatureErrorCode = 'malformed' | 'unsupported-algorithm' | 'unknown-key' | 'bad-signature' | 'manifest-mismatch' | 'not-in-manifest';

export class SignatureError extends CodedError<SignatureErrorCode> {
  override readonly name = 'SignatureError';
}

/** The header this API puts on page signatures. */
export const PAGE_JWS_TYPE = 'citizen-data-page+jws';

/** RFC 8785 canonical JSON of a value. @throws {TypeError} for values JSON cannot carry. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('canonicalJson: value has no JSON form');
  return text;
}

const canonicalWriter = new CanonicalJsonWriter();

/** A SHA-256 function: noble's by default; a sync passes a faster one giving the same digests. */
export type HashFunction = (bytes: Uint8Array) => Uint8Array;

function digestWith(record: unknown, hash: HashFunction): string {
  // Every synced record is hashed: the writer's bytes, or the reference encoder's for values that are not plain JSON.
  return toBase64Url(hash(canonicalWriter.write(record) ?? utf8(canonicalJson(record))));
}

/** base64url SHA-256 of the record's canonical JSON: the digest a page manifest lists. */
export function recordDigest(record: unknown): string {
  return digestWith(record, sha256);
}

/** The manifest entry for one record as received (before any schema parsing). */
export function manifestEntryOf(record: unknown): ManifestEntry {
  return manifestEntryHashedWith(record, sha256);
}

/** `manifestEntryOf` with the given SHA-256. */
export function manifestEntryHashedWith(record: unknown, hash: HashFunction): ManifestEntry {
  if (typeof record !== 'object' || record === null) throw new TypeError('manifestEntryOf: record must be an object');
  const { type, id, version } = record as { type?: unknown; id?: unknown; version?: unknown };
  if (typeof type !== 'string' || typeof id !== 'string' || typeof version !== 'number') {
    throw new TypeError('manifestEntryOf: record needs string type, string id and number version');
  }
  return { type, id, version, sha256: digestWith(record, hash) };
}

export interface SigningKey {
  readonly kid: string;
  /** 32-byte Ed25519 secret seed. */
  readonly secretKey: Uint8Array;
}

/** Signs a manifest as a compact JWS. Used by servers and by tests that need signed fixtures. */
export function signManifest(manifest: PageManifest, key: SigningKey): string {
  return signManifestWith(manifest, key.kid, (message) => ed25519.sign(message, key.secretKey));
}

/**
 * Signs a manifest as a compact JWS with an Ed25519 signer of the caller's (a server's native
 * one); Ed25519 is deterministic, so it gives the same JWS as `signManifest` with the same key.
 */
export function signManifestWith(manifest: PageManifest, kid: string, sign: (message: Uint8Array) => Uint8Array): string {
  const header = { alg: 'EdDSA', kid, typ: PAGE_JWS_TYPE };
  const signingInput = `${toBase64Url(utf8(JSON.stringify(header)))}.${toBase64Url(utf8(JSON.stringify(manifest)))}`;
  return `${signingInput}.${toBase64Url(sign(utf8(signingInput)))}`;
}

/** The public JWK of a signing key. */
export function publicJwk(key: SigningKey): Jwks['keys'][number] {
  return {
    kty: 'OKP',
    crv: 'Ed25519',
    x: toBase64Url(ed25519.getPublicKey(key.secretKey)),
    kid: key.kid,
    alg: 'EdDSA',
    use: 'sig',
  };
}

function decodeJson(part: string, what: string): unknown {
  try {
    return JSON.parse(fromUtf8(fromBase64Url(part)));
  } catch (cause) {
    throw new SignatureError('malformed', `JWS ${what} is not base64url JSON`, { cause });
  }
}

/**
 * Checks a page JWS against a JWKS and returns its manifest.
 * @throws {SignatureError} `malformed`, `unsupported-algorithm`, `unknown-key` or `bad-signature`.
 */
export function verifyPageSignature(jws: string, jwks: unknown): PageManifest {
  const parts = jws.split('.');
  if (parts.length !== 3) throw new SignatureError('malformed', 'JWS must have three parts');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJson(headerPart, 'header') as { alg?: unknown; kid?: unknown; crit?: unknown };
  if (typeof header !== 'object' || header === null) throw new SignatureError('malformed', 'JWS header must be an object');
  if (header.alg !== 'EdDSA') throw new SignatureError('unsupported-algorithm', `JWS alg must be EdDSA, got ${String(header.alg)}`);
  if (header.crit !== undefined) throw new SignatureError('unsupported-algorithm', 'JWS crit headers are not supported');
  if (typeof header.kid !== 'string') throw new SignatureError('malformed', 'JWS header lacks kid');

  const keys = Jwks.safeParse(jwks);
  if (!keys.success) throw new SignatureError('malformed', 'JWKS is not a set of Ed25519 keys', { cause: keys.error });
  const jwk = keys.data.keys.find((k) => k.kid === header.kid);
  if (!jwk) throw new SignatureError('unknown-key', `no key with kid ${header.kid}`);

  let signature: Uint8Array;
  try {
    signature = fromBase64Url(signaturePart);
  } catch (cause) {
    throw new SignatureError('malformed', 'JWS signature is not base64url', { cause });
  }
  let valid = false;
  try {
    valid = signature.length === 64 && ed25519.verify(signature, utf8(`${headerPart}.${payloadPart}`), fromBase64Url(jwk.x));
  } catch {
    // noble throws on points that are not on the curve: that is a bad signature too.
    valid = false;
  }
  if (!valid) throw new SignatureError('bad-signature', 'the page signature does not verify');

  const manifest = PageManifest.safeParse(decodeJson(payloadPart, 'payload'));
  if (!manifest.success) throw new SignatureError('malformed', 'JWS payload is not a page manifest', { cause: manifest.error });
  return manifest.data;
}

/**
 * Verifies a whole page as received: the signature, and that the items are exactly the ones the
 * manifest lists, in order, with matching digests.
 * @throws {SignatureError}
 */
export function verifyPage(page: { items: readonly unknown[]; signature: string }, jwks: unknown): PageManifest {
  const manifest = verifyPageSignature(page.signature, jwks);
  if (manifest.items.length !== page.items.length) {
    throw new SignatureError('manifest-mismatch', `page has ${page.items.length} items, manifest lists ${manifest.items.length}`);
  }
  page.items.forEach((item, i) => {
    const listed = manifest.items[i]!;
    const actual = manifestEntryOf(item);
    if (listed.type !== actual.type || listed.id !== actual.id || listed.version !== actual.version || listed.sha256 !== actual.sha256) {
      throw new SignatureError('manifest-mismatch', `item ${i} (${actual.type} ${actual.id}) does not match the signed manifest`);
    }
  });
  return manifest;
}

/**
 * Checks one stored record against the page signature it came with: the signature must verify
 * and the manifest must list this record's type, id, version and digest.
 * @throws {SignatureError} `not-in-manifest` if the record (as it is now) was not signed.
 */
export function verifyRecordProvenance(record: unknown, jws: string, jwks: unknown): PageManifest {
  const manifest = verifyPageSignature(jws, jwks);
  const actual = manifestEntryOf(record);
  const listed = manifest.items.find((e) => e.type === actual.type && e.id === actual.id && e.version === actual.version);
  if (!listed || listed.sha256 !== actual.sha256) {
    throw new SignatureError('not-in-manifest', `${actual.type} ${actual.id} v${actual.version} is not signed by this page`);
  }
  return manifest;
}
