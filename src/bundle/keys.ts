/**
 * Keys and fingerprints. One fingerprint definition for every key the format names — the
 * issuer's Ed25519 key and a recipient's X25519 key alike: base64url (no padding) of the
 * SHA-256 of the raw 32-byte public key.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { encodeAgeIdentity, encodeAgeRecipient, parseAgeIdentity, parseAgeRecipient, x25519PublicKey } from './age';
import type { Ed25519Jwk } from './schemas';
import { fromBase64Url, toBase64Url } from '../shared/base64url';

/** The human form of fingerprints, for the receiver's side (src/shared/fingerprint.ts). */
export { humanFingerprintOf, matchesHumanFingerprint } from '../shared/fingerprint';

/**
 * The fingerprint of a raw 32-byte public key (Ed25519 or X25519).
 * @throws {RangeError} if `publicKey` is not 32 bytes.
 */
export function keyFingerprint(publicKey: Uint8Array): string {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== 32) throw new RangeError('publicKey: must be 32 bytes');
  return toBase64Url(sha256(publicKey));
}

/** The fingerprint of an `age1…` recipient. @throws {TypeError} if it is not one. */
export const recipientFingerprint = (ageRecipient: string): string => keyFingerprint(parseAgeRecipient(ageRecipient));

/**
 * A new age X25519 key pair in age's own text forms, as `age-keygen` makes.
 * @param random - source of the 32 secret bytes; fixed only in test vectors.
 */
export function generateIdentity(random: (n: number) => Uint8Array = randomBytes): { identity: string; recipient: string } {
  const secret = random(32);
  if (!(secret instanceof Uint8Array) || secret.length !== 32) throw new RangeError('random(32) must return 32 bytes');
  return { identity: encodeAgeIdentity(secret), recipient: encodeAgeRecipient(x25519PublicKey(secret)) };
}

/** The `age1…` recipient of an `AGE-SECRET-KEY-1…` identity. @throws {TypeError} if it is not one. */
export const identityToRecipient = (identity: string): string => encodeAgeRecipient(x25519PublicKey(parseAgeIdentity(identity)));

/** The OKP JWK of an Ed25519 secret seed. @throws {RangeError} if the seed is not 32 bytes. */
export function ed25519Jwk(signingSecretKey: Uint8Array): Ed25519Jwk {
  if (!(signingSecretKey instanceof Uint8Array) || signingSecretKey.length !== 32) throw new RangeError('signingSecretKey: must be 32 bytes');
  return { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(ed25519.getPublicKey(signingSecretKey)) };
}

/** The fingerprint of an OKP JWK's key. @throws {TypeError} if `x` is not base64url of 32 bytes. */
export const jwkFingerprint = (jwk: Ed25519Jwk): string => keyFingerprint(fromBase64Url(jwk.x, 'jwk.x'));
