/**
 * Compact JWS (RFC 7515) with EdDSA over Ed25519 (RFC 8037), the one algorithm the format
 * uses. The header is `{"alg":"EdDSA","kid":…,"typ":…}` in canonical JSON; the payload is the
 * caller's canonical JSON text, so the signed bytes are one fixed string per value.
 */
import canonicalize from 'canonicalize';
import { ed25519 } from '@noble/curves/ed25519.js';
import { fromBase64Url, toBase64Url } from '../shared/base64url';
import { fromUtf8, utf8 } from '../shared/bytes';

/**
 * RFC 8785 (JCS) canonical JSON, for the small signed documents (manifest, revocation
 * notices, consent, provenance).
 * @throws {TypeError} for values JSON cannot carry.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('canonicalJson: value has no JSON form');
  return text;
}

export function signJws(payloadJson: string, typ: string, kid: string, signingSecretKey: Uint8Array): string {
  const input = `${toBase64Url(utf8(canonicalJson({ alg: 'EdDSA', kid, typ })))}.${toBase64Url(utf8(payloadJson))}`;
  return `${input}.${toBase64Url(ed25519.sign(utf8(input), signingSecretKey))}`;
}

export type JwsProblem = 'malformed' | 'bad-signature';

export interface ParsedJws {
  header: { alg: unknown; kid: unknown; typ: unknown };
  /** The payload's text (UTF-8 decoded) and its JSON value. */
  payloadText: string;
  payload: unknown;
  signingInput: Uint8Array;
  signature: Uint8Array;
}

/** Splits and decodes a compact JWS; returns a problem string instead of throwing. */
export function parseJws(jws: string): ParsedJws | string {
  const parts = jws.split('.');
  if (parts.length !== 3) return 'a compact JWS has three parts';
  const [h, p, s] = parts as [string, string, string];
  let header: unknown;
  let payloadText: string;
  let payload: unknown;
  let signature: Uint8Array;
  try {
    header = JSON.parse(fromUtf8(fromBase64Url(h, 'JWS header')));
    payloadText = fromUtf8(fromBase64Url(p, 'JWS payload'));
    payload = JSON.parse(payloadText);
    signature = fromBase64Url(s, 'JWS signature');
  } catch (cause) {
    return `JWS part is not canonical base64url JSON (${(cause as Error).message})`;
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return 'JWS header is not an object';
  const keys = Object.keys(header).sort().join(',');
  if (keys !== 'alg,kid,typ') return `JWS header must have exactly alg, kid, typ (has ${keys})`;
  return { header: header as ParsedJws['header'], payloadText, payload, signingInput: utf8(`${h}.${p}`), signature };
}

/** Ed25519 verification that treats every malformed input as a failed signature. */
export function verifyEd25519(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return signature.length === 64 && publicKey.length === 32 && ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}
