/**
 * Every error code of every family (vault, municipal connector, sharing), mapped in one place to
 * a plain-language message that says what happened and what to do. The `satisfies` clause makes
 * a new code without a message a type error.
 */
import { hasCode, type ErrorCode } from '../messaging/errors';
import { t, type MessageKey } from './i18n/index';
import type { LetterFailure } from './letters/letter-worker-api';

export const ERROR_MESSAGE_KEYS = {
  'no-vault': 'error.no-vault',
  'vault-exists': 'error.vault-exists',
  locked: 'error.locked',
  'wrong-passphrase': 'error.wrong-passphrase',
  'wrong-recovery-key': 'error.wrong-recovery-key',
  'recovery-key-typo': 'error.recovery-key-typo',
  'weak-passphrase': 'error.weak-passphrase',
  'record-damaged': 'error.record-damaged',
  'record-not-found': 'error.record-not-found',
  'record-from-newer-version': 'error.record-from-newer-version',
  'invalid-record': 'error.invalid-record',
  'unknown-kind': 'error.unknown-kind',
  'profile-not-found': 'error.profile-not-found',
  'storage-full': 'error.storage-full',
  'storage-failed': 'error.storage-failed',
  'backup-corrupt': 'error.backup-corrupt',
  'backup-truncated': 'error.backup-truncated',
  'backup-from-newer-version': 'error.backup-from-newer-version',
  'not-a-backup': 'error.not-a-backup',
  'vault-from-newer-version': 'error.vault-from-newer-version',
  'forbidden-sender': 'error.forbidden-sender',
  'bad-request': 'error.bad-request',
  'last-profile': 'error.last-profile',
  'key-derivation-failed': 'error.key-derivation-failed',
  'write-expired': 'error.write-expired',
  'write-too-large': 'error.write-too-large',
  // The municipal connector (src/municipal/connector/errors.ts):
  'invalid-address': 'error.invalid-address',
  'permission-missing': 'error.permission-missing',
  'municipality-unreachable': 'error.municipality-unreachable',
  'municipality-not-supported': 'error.municipality-not-supported',
  'municipality-error': 'error.municipality-error',
  'municipality-bad-response': 'error.municipality-bad-response',
  'signature-invalid': 'error.signature-invalid',
  'sign-in-required': 'error.sign-in-required',
  'sign-in-cancelled': 'error.sign-in-cancelled',
  'municipality-other-citizen': 'error.municipality-other-citizen',
  'power-withdrawn': 'error.power-withdrawn',
  'power-expired': 'error.power-expired',
  'power-not-yet-valid': 'error.power-not-yet-valid',
  'power-invalid': 'error.power-invalid',
  'power-conflict': 'error.power-conflict',
  'power-outside': 'error.power-outside',
  // Sharing (src/sharing/errors.ts); its texts live with the sharing screens' (src/ui/i18n/sharing.*.ts).
  'bad-recipient-address': 'sharing.error.bad-recipient-address',
  'bad-recipient-key': 'sharing.error.bad-recipient-key',
  'not-a-recipient-key': 'sharing.error.not-a-recipient-key',
  'recipient-is-self': 'sharing.error.recipient-is-self',
  'recipient-name-missing': 'sharing.error.recipient-name-missing',
  'recipient-not-found': 'sharing.error.recipient-not-found',
  'recipient-permission-missing': 'sharing.error.recipient-permission-missing',
  'recipient-unreachable': 'sharing.error.recipient-unreachable',
  'well-known-missing': 'sharing.error.well-known-missing',
  'well-known-invalid': 'sharing.error.well-known-invalid',
  'selection-unavailable': 'sharing.error.selection-unavailable',
  'outside-power-of-attorney': 'error.outside-power-of-attorney',
  'expiry-in-past': 'sharing.error.expiry-in-past',
  'case-already-closed': 'sharing.error.case-already-closed',
  'grant-not-found': 'sharing.error.grant-not-found',
  'grant-not-active': 'sharing.error.grant-not-active',
  'bundle-gone': 'sharing.error.bundle-gone',
  'no-bundle-endpoint': 'sharing.error.no-bundle-endpoint',
  'delivery-failed': 'sharing.error.delivery-failed',
  'share-too-large': 'sharing.error.share-too-large',
  'document-unavailable': 'sharing.error.document-unavailable',
  'inbox-unavailable': 'sharing.error.inbox-unavailable',
  'inbox-unreachable': 'sharing.error.inbox-unreachable',
  'inbox-refused': 'sharing.error.inbox-refused',
  'inbox-full': 'sharing.error.inbox-full',
  'inbox-receipt-invalid': 'sharing.error.inbox-receipt-invalid',
} as const satisfies Record<ErrorCode, MessageKey>;

/**
 * The message to show for any thrown value; never the developer detail, which is not for users.
 * The one part of it a message may show is an HTTP status (`HTTP 503` in the detail → `{status}`).
 */
export function errorMessage(error: unknown): string {
  if (!hasCode(error)) return t('common.unexpected');
  const status = /\bHTTP (\d{3})\b/.exec(error.detail)?.[1] ?? '–';
  return t(ERROR_MESSAGE_KEYS[error.code], { status });
}

export const errorCode = (error: unknown): ErrorCode | null => (hasCode(error) ? error.code : null);

/** Why a letter could not be read: the letters' family (src/letters/errors.ts) and the letter worker's ZIP codes. */
export const LETTER_ERROR_KEYS = {
  'letter-empty': 'letters.error.letter-empty',
  'letter-not-a-pdf': 'letters.error.letter-not-a-pdf',
  'letter-encrypted': 'letters.error.letter-encrypted',
  'letter-damaged': 'letters.error.letter-damaged',
  'letter-too-large': 'letters.error.letter-too-large',
  'letter-too-many-pages': 'letters.error.letter-too-many-pages',
  'letter-cancelled': 'letters.error.letter-cancelled',
  'zip-damaged': 'letters.error.zip-damaged',
  'zip-too-large': 'letters.error.zip-too-large',
  'zip-no-pdfs': 'letters.error.zip-no-pdfs',
  unexpected: 'letters.error.unexpected',
} as const satisfies Record<LetterFailure['code'], MessageKey>;

/** The message for a letter that could not be read; `max` is the largest letter in words ("25 MB"). */
export const letterErrorMessage = (code: LetterFailure['code'], max: string): string => t(LETTER_ERROR_KEYS[code], { max });
