/**
 * The vault's and the message boundary's error family. Every failure a user can meet has a code;
 * the UI maps codes to plain-language messages in one place (src/ui/errors.ts). `detail` is for
 * developers and never contains personal data or key material. Features own their codes in their
 * own families (src/municipal/connector/errors.ts, src/sharing/errors.ts).
 */
import { CodedError } from '../shared/coded-error';

export const VAULT_ERROR_CODES = [
  'no-vault',
  'vault-exists',
  'locked',
  'wrong-passphrase',
  'wrong-recovery-key',
  'recovery-key-typo',
  'weak-passphrase',
  'record-damaged',
  'record-not-found',
  'record-from-newer-version',
  'invalid-record',
  'unknown-kind',
  'profile-not-found',
  'storage-full',
  'storage-failed',
  'backup-corrupt',
  'backup-truncated',
  'backup-from-newer-version',
  'not-a-backup',
  'vault-from-newer-version',
  'forbidden-sender',
  'bad-request',
  'last-profile',
  'key-derivation-failed',
  // A write sent in parts (src/background/staged-writes.ts):
  'write-expired',
  'write-too-large',
] as const;

export type VaultErrorCode = (typeof VAULT_ERROR_CODES)[number];

export class VaultError extends CodedError<VaultErrorCode> {
  override readonly name = 'VaultError';
}

export function isVaultError(error: unknown, code?: VaultErrorCode): error is VaultError {
  return error instanceof VaultError && (code === undefined || error.code === code);
}

/** Maps IndexedDB/Dexie failures to vault errors; a full disk is the one users can act on. */
export function storageError(error: unknown): VaultError {
  if (error instanceof VaultError) return error;
  const names = [error, (error as { inner?: unknown })?.inner, (error as { cause?: unknown })?.cause].map((e) => (e as { name?: string } | undefined)?.name);
  if (names.includes('QuotaExceededError')) return new VaultError('storage-full', '', { cause: error });
  return new VaultError('storage-failed', (error as Error)?.name ?? 'unknown', { cause: error });
}
