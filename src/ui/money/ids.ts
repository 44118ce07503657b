/**
 * Record ids of imported bank rows: base64url(SHA-256(account id ‖ NUL ‖ dedupe key)), 43
 * characters. Deterministic, so a row imported twice has one id and the second import finds it
 * already there. The id is sealed inside the record's ciphertext (see docs/security.md), so a
 * plain hash leaks nothing at rest; the account id in front keeps two accounts' identical rows apart.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { toBase64Url, utf8 } from '../../vault/crypto/bytes';

const encoder = new TextEncoder();
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
// One growing buffer for the UTF-8 of the key: an import hashes 100k keys, and a fresh array per
// key plus btoa and three regex passes cost more than the hash itself.
let scratch = new Uint8Array(1024);

/** base64url without padding of a 32-byte digest: 43 characters. */
function digestText(d: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 3 <= d.length; i += 3) {
    const n = (d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!;
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = d.length - i;
  if (rest === 2) {
    const n = (d[i]! << 16) | (d[i + 1]! << 8);
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]!;
  } else if (rest === 1) {
    const n = d[i]! << 16;
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]!;
  }
  return out;
}

export function transactionRecordId(accountRecordId: string, dedupeKey: string): string {
  if (accountRecordId === '') throw new TypeError('transactionRecordId: accountRecordId is empty');
  if (dedupeKey === '') throw new TypeError('transactionRecordId: dedupeKey is empty');
  // The NUL separator keeps ("ab", "c") and ("a", "bc") apart.
  const text = `${accountRecordId}\u0000${dedupeKey}`;
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, scratch);
  return digestText(sha256(scratch.subarray(0, written)));
}

/** A bank-account record id for an account number the file names: the same account every import. */
export function accountRecordId(accountNumber: string): string {
  const normalised = accountNumber.replace(/[\s.-]/g, '').toUpperCase();
  if (normalised === '') throw new TypeError('accountRecordId: accountNumber is empty');
  return toBase64Url(sha256(utf8(`bank-account\u0000${normalised}`)));
}
