/**
 * New record ids: 16 random bytes as unpadded base64url (22 characters). A large write needs
 * one per record, so the randomness is drawn once for a whole batch and each id is spelled
 * from its 16 bytes directly: one `getRandomValues` and one general base64 encoding per id
 * cost more than the record's hashing. The spelling equals `toBase64Url` of the same bytes.
 */
import { randomBytes } from '../shared/bytes';

export const RECORD_ID_BYTES = 16;

const ALPHABET = Uint8Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', (c) => c.charCodeAt(0));
const codes: number[] = new Array<number>(22).fill(0);

/** The id spelled by the 16 bytes of `bytes` at `at`. */
export function recordIdFromBytes(bytes: Uint8Array, at = 0): string {
  if (at < 0 || at + RECORD_ID_BYTES > bytes.length) throw new RangeError('recordIdFromBytes: 16 bytes needed at the offset given');
  let o = 0;
  for (let i = at; i < at + 15; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    codes[o++] = ALPHABET[n >> 18]!;
    codes[o++] = ALPHABET[(n >> 12) & 63]!;
    codes[o++] = ALPHABET[(n >> 6) & 63]!;
    codes[o++] = ALPHABET[n & 63]!;
  }
  const last = bytes[at + 15]!;
  codes[o++] = ALPHABET[last >> 2]!;
  codes[o] = ALPHABET[(last & 3) << 4]!;
  return String.fromCharCode(...codes);
}

/** `count` new random record ids, from one draw of randomness. */
export function newRecordIds(count: number): string[] {
  const bytes = randomBytes(count * RECORD_ID_BYTES);
  const ids = new Array<string>(count);
  for (let i = 0; i < count; i++) ids[i] = recordIdFromBytes(bytes, i * RECORD_ID_BYTES);
  bytes.fill(0);
  return ids;
}
