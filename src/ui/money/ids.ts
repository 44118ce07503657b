/**
 * Record ids of imported bank rows: base64url(SHA-256(account id ‖ NUL ‖ dedupe key)), 43
 * characters. Deterministic, so a row imported twice has one id and the second import finds it
 * already there. The id is sealed inside the record's ciphertext (see docs/security.md), so a
 * plain hash leaks nothing at rest; the account id in front keeps two accounts' identical rows apart.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { toBase64Url, toBase64UrlEach } from '../../shared/base64url';
import { utf8 } from '../../shared/bytes';

const encoder = new TextEncoder();
// One growing buffer for the UTF-8 of the key: an import hashes 100k keys, and a fresh array per
// key costs more than the hash itself.
let scratch = new Uint8Array(1024);

/** The UTF-8 of `account ‖ NUL ‖ key` in the scratch buffer. The NUL keeps ("ab", "c") and ("a", "bc") apart. */
function idInput(accountRecordId: string, dedupeKey: string): Uint8Array {
  if (accountRecordId === '') throw new TypeError('transactionRecordId: accountRecordId is empty');
  if (dedupeKey === '') throw new TypeError('transactionRecordId: dedupeKey is empty');
  const text = `${accountRecordId}\u0000${dedupeKey}`;
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, scratch);
  return scratch.subarray(0, written);
}

export function transactionRecordId(accountRecordId: string, dedupeKey: string): string {
  return toBase64Url(sha256(idInput(accountRecordId, dedupeKey)));
}

/**
 * `transactionRecordId` of each key, for a whole statement: the account's part of the input is
 * hashed once and its state copied for every row, each key is encoded into one reused buffer (no
 * joined string or fresh array per row), and the digests go into one buffer, made text in one call.
 */
export function transactionRecordIds(accountRecordId: string, dedupeKeys: readonly string[]): string[] {
  if (accountRecordId === '') throw new TypeError('transactionRecordIds: accountRecordId is empty');
  // The NUL ends the account's part, so a key's first character never joins the account's last.
  const afterAccount = sha256.create().update(encoder.encode(`${accountRecordId}\u0000`));
  const hasher = sha256.create();
  const digests = new Uint8Array(dedupeKeys.length * 32);
  for (let i = 0; i < dedupeKeys.length; i++) {
    const key = dedupeKeys[i]!;
    if (key === '') throw new TypeError('transactionRecordIds: dedupeKey is empty');
    if (scratch.length < key.length * 3) scratch = new Uint8Array(key.length * 3);
    const { written } = encoder.encodeInto(key, scratch);
    afterAccount._cloneInto(hasher);
    hasher.update(scratch.subarray(0, written));
    hasher.digestInto(digests.subarray(i * 32, i * 32 + 32));
  }
  return toBase64UrlEach(digests, 32);
}

/** An account number as the record id sees it: spaces, dots and dashes do not count, nor case. */
export const normaliseAccountNumber = (accountNumber: string): string => accountNumber.replace(/[\s.-]/g, '').toUpperCase();

/** A bank-account record id for an account number the file names: the same account every import. */
export function accountRecordId(accountNumber: string): string {
  const normalised = normaliseAccountNumber(accountNumber);
  if (normalised === '') throw new TypeError('accountRecordId: accountNumber is empty');
  return toBase64Url(sha256(utf8(`bank-account\u0000${normalised}`)));
}
