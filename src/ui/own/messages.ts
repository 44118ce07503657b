/** Plain-language messages for the own-files and correction screens, with the error mapping in one place. */
import { ATTACHMENT_MAX_BYTES, type CorrectionStatus } from '../../records/own/index';
import { hasCode } from '../../messaging/errors';
import { errorMessage } from '../errors';
import { dateTimeText } from '../municipal/format';
import { locale, t } from '../i18n/index';
import { FileProblem, sizeText } from './attachments';

export function fileErrorMessage(error: unknown, size: number): string {
  if (error instanceof FileProblem) {
    const max = sizeText(ATTACHMENT_MAX_BYTES, locale());
    return t(`own.fileError.${error.code}`, { size: sizeText(size, locale()), max });
  }
  if (error instanceof RangeError) return t('own.fileError.unreadable');
  return errorMessage(error);
}

/** Codes with a message that fits sending (the generic ones speak of syncing). */
const SEND_ERRORS = [
  'municipality-unreachable',
  'municipality-error',
  'municipality-bad-response',
  'signature-invalid',
  'sign-in-required',
  'permission-missing',
  'bad-request',
  'storage-failed',
] as const;
const isSendError = (reason: string): reason is (typeof SEND_ERRORS)[number] => (SEND_ERRORS as readonly string[]).includes(reason);

/** Why a send failed, in words that say the request is kept and what to do. */
export function sendErrorMessage(reason: string): string {
  return isSendError(reason) ? t(`own.sendError.${reason}`) : t('own.sendError.other');
}

export const sendError = (error: unknown): string => sendErrorMessage(hasCode(error) ? error.code : 'storage-failed');

export function statusText(status: CorrectionStatus): string {
  switch (status.state) {
    case 'draft':
      return t('own.status.draft');
    case 'sent':
      return t('own.status.sent', { when: dateTimeText(status.sentAt) });
    case 'received':
      return t('own.status.received', { when: dateTimeText(status.receipt.receivedAt), receipt: status.receipt.id });
    case 'failed':
      return t('own.status.failed', { when: dateTimeText(status.failedAt) });
  }
}
