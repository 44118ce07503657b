/**
 * Record ids of imported bank rows: base64url(SHA-256(account id ‖ dedupe key)), 43 characters.
 * Deterministic, so a row imported twice has one id and the second import finds it already
 * there. The id is sealed inside the record's ciphertext (see docs/security.md), so a plain hash
 * leaks nothing at rest; the account id in front keeps two accounts' identical rows apart.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { toBase64Url, utf8 } from '../../vault/crypto/bytes';

export function transactionRecordId(accountRecordId: string, dedupeKey: string): string {
  if (accountRecordId === '') throw new TypeError('transactionRecordId: accountRecordId is empty');
  if (dedupeKey === '') throw new TypeError('transactionRecordId: dedupeKey is empty');
  // The NUL separator keeps ("ab", "c") and ("a", "bc") apart; neither part can contain one that matters.
  return toBase64Url(sha256(utf8(`${accountRecordId}\u0000${dedupeKey}`)));
}

/** A bank-account record id for an account number the file names: the same account every import. */
export function accountRecordId(accountNumber: string): string {
  const normalised = accountNumber.replace(/[\s.-]/g, '').toUpperCase();
  if (normalised === '') throw new TypeError('accountRecordId: accountNumber is empty');
  return toBase64Url(sha256(utf8(`bank-account\u0000${normalised}`)));
}
