/**
 * Byte helpers every layer needs: strict UTF-8, concatenation, constant-time equality and
 * randomness. Only standard globals (TextEncoder/TextDecoder, WebCrypto's getRandomValues), so
 * this runs unchanged in a page, a worker, the service worker and Node.
 */
const encoder = new TextEncoder();
// ignoreBOM keeps a leading U+FEFF as text instead of dropping it silently: bytes and text agree.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export const utf8 = (text: string): Uint8Array => encoder.encode(text);

/** @throws {TypeError} on bytes that are not UTF-8. */
export const fromUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Constant-time comparison of two byte strings of public length. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** The one member of WebCrypto used here, typed locally so this module needs no DOM types. */
type WithRandom = typeof globalThis & { crypto: { getRandomValues(array: Uint8Array): Uint8Array } };

/** Cryptographically random bytes. getRandomValues refuses more than 64 KiB per call. */
export function randomBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let offset = 0; offset < length; offset += 65536) {
    (globalThis as WithRandom).crypto.getRandomValues(out.subarray(offset, Math.min(length, offset + 65536)));
  }
  return out;
}
