/**
 * Sharing's error family: why a recipient, a share or a delivery was refused. `detail` says which
 * check, for developers; an HTTP status is written `HTTP 503` (the one part a message may show).
 */
import { CodedError } from '../shared/coded-error';

export const SHARING_ERROR_CODES = [
  'bad-recipient-address',
  'bad-recipient-key',
  'not-a-recipient-key',
  'recipient-is-self',
  'recipient-name-missing',
  'recipient-not-found',
  'recipient-permission-missing',
  'recipient-unreachable',
  'well-known-missing',
  'well-known-invalid',
  'selection-unavailable',
  'outside-power-of-attorney',
  'expiry-in-past',
  'case-already-closed',
  'grant-not-found',
  'grant-not-active',
  'bundle-gone',
  'no-bundle-endpoint',
  'delivery-failed',
  'share-too-large',
  'document-unavailable',
  'inbox-unavailable',
  'inbox-unreachable',
  'inbox-refused',
  'inbox-full',
  'inbox-receipt-invalid',
] as const;

export type SharingErrorCode = (typeof SHARING_ERROR_CODES)[number];

export class SharingError extends CodedError<SharingErrorCode> {
  override readonly name = 'SharingError';
}
