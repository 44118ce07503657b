/**
 * The one human form of a key fingerprint, for people to compare by eye or over the phone.
 *
 * What it encodes: the first 20 bytes (160 bits) of the SHA-256 of the raw 32-byte public key
 * (the same digest the bundle format's base64url fingerprints carry), in Crockford's base32
 * (digits and upper-case letters without I, L, O and U), 32 characters in eight groups of four
 * separated by spaces. Reading it back ignores case, spaces and hyphens, and takes O as 0 and
 * I or L as 1, as Crockford's decoding does. Pure (no platform types).
 */
import { fromBase64Url, isBase64Url } from './base64url';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** How many digest bytes the human form carries: 160 bits, beyond any search for a look-alike key. */
export const HUMAN_FINGERPRINT_BYTES = 20;
const GROUP = 4;

/**
 * The human form of a SHA-256 digest of a key, in groups.
 * @throws {RangeError} if `digest` is shorter than {@link HUMAN_FINGERPRINT_BYTES}.
 */
export function humanFingerprintGroups(digest: Uint8Array): string[] {
  if (!(digest instanceof Uint8Array) || digest.length < HUMAN_FINGERPRINT_BYTES) {
    throw new RangeError(`digest: must be at least ${HUMAN_FINGERPRINT_BYTES} bytes`);
  }
  let chars = '';
  let buffer = 0;
  let bits = 0;
  // 160 bits are exactly 32 characters of 5 bits: nothing is left over to pad.
  for (const byte of digest.subarray(0, HUMAN_FINGERPRINT_BYTES)) {
    buffer = ((buffer << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      chars += ALPHABET[(buffer >> bits) & 31];
    }
  }
  return chars.match(new RegExp(`.{${GROUP}}`, 'g')) ?? [];
}

/** The human form of a digest as one line: `7QX2 M4K9 …`. */
export const humanFingerprint = (digest: Uint8Array): string => humanFingerprintGroups(digest).join(' ');

/**
 * The human form of a base64url fingerprint as the bundle format writes it (43 characters).
 * @throws {TypeError} if `fingerprint` is not base64url of a 32-byte digest.
 */
export function humanFingerprintOf(fingerprint: string): string {
  const digest = fromBase64Url(fingerprint, 'fingerprint');
  if (digest.length !== 32) throw new TypeError('fingerprint: must be a base64url SHA-256 digest');
  return humanFingerprint(digest);
}

/**
 * Whether what a person typed or read out is the human form of `fingerprint` (base64url):
 * case, spaces and hyphens do not matter, O reads as 0, I and L as 1. Never throws.
 */
export function matchesHumanFingerprint(typed: string, fingerprint: string): boolean {
  const normal = typed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (fingerprint.length !== 43 || !isBase64Url(fingerprint)) return false;
  return normal === humanFingerprintOf(fingerprint).replace(/ /g, '');
}
