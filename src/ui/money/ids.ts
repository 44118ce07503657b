/**
 * Record ids of imported bank rows: base64url(SHA-256(account id ‖ NUL ‖ dedupe key)), 43
 * characters. Deterministic, so a row imported twice has one id and the second import finds it
 * already there. The id is sealed inside the record's ciphertext (see docs/security.md), so a
 * plain hash leaks nothing at rest; the account id in front keeps two accounts' identical rows apart.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { toBase64Url } from '../../shared/base64url';
import { utf8 } from '../../shared/bytes';

const encoder = new TextEncoder();
// One growing buffer for the UTF-8 of the key: an import hashes 100k keys, and a fresh array per
// key costs more than the hash itself.
let scratch = new Uint8Array(1024);

export function transactionRecordId(accountRecordId: string, dedupeKey: string): string {
  if (accountRecordId === '') throw new TypeError('transactionRecordId: accountRecordId is empty');
  if (dedupeKey === '') throw new TypeError('transactionRecordId: dedupeKey is empty');
  // The NUL separator keeps ("ab", "c") and ("a", "bc") apart.
  const text = `${accountRecordId}\u0000${dedupeKey}`;
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, scratch);
  return toBase64Url(sha256(scratch.subarray(0, written)));
}

/** An account number as the record id sees it: spaces, dots and dashes do not count, nor case. */
export const normaliseAccountNumber = (accountNumber: string): string => accountNumber.replace(/[\s.-]/g, '').toUpperCase();

/** A bank-account record id for an account number the file names: the same account every import. */
export function accountRecordId(accountNumber: string): string {
  const normalised = normaliseAccountNumber(accountNumber);
  if (normalised === '') throw new TypeError('accountRecordId: accountNumber is empty');
  return toBase64Url(sha256(utf8(`bank-account\u0000${normalised}`)));
}
