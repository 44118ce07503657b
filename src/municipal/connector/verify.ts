/**
 * Page verification for the sync: the page JWS against the municipality's keys, then each item
 * against the signed manifest, one by one, so that one bad record costs only itself.
 *
 * Ed25519 runs on WebCrypto where the platform has it (an order of magnitude faster than
 * JavaScript) and falls back to @noble/curves. Digests are the API package's (`manifestEntryOf`,
 * with the sync's SHA-256 from record-hash.ts), so a stored record verifies later with
 * `verifyRecordProvenance`.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { Jwks, PageManifest, type Jwk } from '../api/schemas';
import { sha256 } from '@noble/hashes/sha2.js';
import { manifestEntryHashedWith, SignatureError, type HashFunction } from '../api/signature';
import { fromBase64Url } from '../../shared/base64url';
import { fromUtf8, utf8 } from '../../shared/bytes';

export interface VerifiedJws {
  manifest: PageManifest;
  kid: string;
}

type Ed25519Verify = (signature: Uint8Array, message: Uint8Array, jwk: Jwk) => Promise<boolean>;

function nobleVerify(signature: Uint8Array, message: Uint8Array, jwk: Jwk): Promise<boolean> {
  try {
    return Promise.resolve(ed25519.verify(signature, message, fromBase64Url(jwk.x)));
  } catch {
    return Promise.resolve(false);
  }
}

let webCryptoWorks: boolean | undefined;

/** WebCrypto Ed25519 if this platform has it, decided once; noble otherwise. */
async function platformVerifier(): Promise<Ed25519Verify> {
  const subtle = globalThis.crypto?.subtle;
  if (webCryptoWorks === undefined) {
    try {
      await subtle.importKey('raw', new Uint8Array(32), { name: 'Ed25519' }, false, ['verify']);
      webCryptoWorks = true;
    } catch {
      webCryptoWorks = false;
    }
  }
  if (!webCryptoWorks) return nobleVerify;
  const keys = new Map<string, Promise<CryptoKey>>();
  return async (signature, message, jwk) => {
    let key = keys.get(jwk.x);
    if (!key) keys.set(jwk.x, (key = subtle.importKey('raw', fromBase64Url(jwk.x) as BufferSource, { name: 'Ed25519' }, false, ['verify'])));
    try {
      return await subtle.verify({ name: 'Ed25519' }, await key, signature as BufferSource, message as BufferSource);
    } catch {
      return false;
    }
  };
}

function decodePart(part: string, what: string): unknown {
  try {
    return JSON.parse(fromUtf8(fromBase64Url(part)));
  } catch (cause) {
    throw new SignatureError('malformed', `JWS ${what} is not base64url JSON`, { cause });
  }
}

export class PageVerifier {
  private verify: Promise<Ed25519Verify> | undefined;

  constructor(private readonly jwks: Jwks) {}

  /**
   * Checks a compact JWS (same rules as `verifyPageSignature` in the API package).
   * @throws {SignatureError}
   */
  async verifyJws(jws: string): Promise<VerifiedJws> {
    const parts = jws.split('.');
    if (parts.length !== 3) throw new SignatureError('malformed', 'JWS must have three parts');
    const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
    const header = decodePart(headerPart, 'header') as { alg?: unknown; kid?: unknown; crit?: unknown } | null;
    if (typeof header !== 'object' || header === null) throw new SignatureError('malformed', 'JWS header must be an object');
    if (header.alg !== 'EdDSA') throw new SignatureError('unsupported-algorithm', 'JWS alg must be EdDSA');
    if (header.crit !== undefined) throw new SignatureError('unsupported-algorithm', 'JWS crit headers are not supported');
    if (typeof header.kid !== 'string') throw new SignatureError('malformed', 'JWS header lacks kid');
    const jwk = this.jwks.keys.find((k) => k.kid === header.kid);
    if (!jwk) throw new SignatureError('unknown-key', 'no key with that kid');
    let signature: Uint8Array;
    try {
      signature = fromBase64Url(signaturePart);
    } catch (cause) {
      throw new SignatureError('malformed', 'JWS signature is not base64url', { cause });
    }
    this.verify ??= platformVerifier();
    const verify = await this.verify;
    const valid = signature.length === 64 && (await verify(signature, utf8(`${headerPart}.${payloadPart}`), jwk));
    if (!valid) throw new SignatureError('bad-signature', 'the page signature does not verify');
    const manifest = PageManifest.safeParse(decodePart(payloadPart, 'payload'));
    if (!manifest.success) throw new SignatureError('malformed', 'JWS payload is not a page manifest');
    return { manifest: manifest.data, kid: header.kid };
  }
}

export interface ItemVerdict {
  ok: boolean;
  /** The record's digest as received (empty when the item is not even a record). */
  digest: string;
}

/**
 * Compares each item with the manifest entry at its position. The manifest must list exactly as
 * many items as the page carries; otherwise no item can be matched and all fail. `hash` is the
 * SHA-256 to digest with (see record-hash.ts).
 */
export function checkItems(items: readonly unknown[], manifest: PageManifest, hash: HashFunction = sha256): ItemVerdict[] {
  if (manifest.items.length !== items.length) return items.map(() => ({ ok: false, digest: '' }));
  return items.map((item, i) => {
    let actual;
    try {
      actual = manifestEntryHashedWith(item, hash);
    } catch {
      return { ok: false, digest: '' };
    }
    const listed = manifest.items[i]!;
    const ok = listed.type === actual.type && listed.id === actual.id && listed.version === actual.version && listed.sha256 === actual.sha256;
    return { ok, digest: actual.sha256 };
  });
}

export const parseJwks = (value: unknown): Jwks | null => {
  const parsed = Jwks.safeParse(value);
  return parsed.success ? parsed.data : null;
};
