/**
 * The error contract of the message boundary: the coded families a page may meet, how the
 * router sends one (code and detail) and how the client makes the same class again from its code.
 * Any other thrown value is unexpected and crosses as `storage-failed` with its name only.
 */
import { MUNICIPAL_ERROR_CODES, MunicipalError, type MunicipalErrorCode } from '../municipal/connector/errors';
import { SHARING_ERROR_CODES, SharingError, type SharingErrorCode } from '../sharing/errors';
import { VaultError, type VaultErrorCode } from '../vault/errors';

export { MunicipalError, SharingError, VaultError, type MunicipalErrorCode, type SharingErrorCode, type VaultErrorCode };

/** An error a citizen may meet: one of the families whose codes the UI maps to words. */
export type AppError = VaultError | MunicipalError | SharingError;
export type ErrorCode = AppError['code'];

/** An `AppError` as it crosses the message boundary; each code belongs to one family. */
export interface SentError {
  code: ErrorCode;
  detail: string;
}

export const isAppError = (error: unknown): error is AppError =>
  error instanceof VaultError || error instanceof MunicipalError || error instanceof SharingError;

/** True for an error of any family with this code (or with any code, when none is given). */
export function hasCode<C extends ErrorCode>(error: unknown, code?: C): error is AppError & { code: C } {
  return isAppError(error) && (code === undefined || error.code === code);
}

/** The error as sent to a page; unexpected failures by name only, as their messages could carry record content. */
export function sendError(error: unknown): SentError {
  if (isAppError(error)) return { code: error.code, detail: error.detail };
  return { code: 'storage-failed', detail: (error as Error)?.name ?? 'Error' };
}

const isIn = <C extends string>(codes: readonly C[], code: string): code is C => (codes as readonly string[]).includes(code);

/** The same class, code and detail on the page's side. */
export function receiveError({ code, detail }: SentError): AppError {
  if (isIn(MUNICIPAL_ERROR_CODES, code)) return new MunicipalError(code, detail);
  if (isIn(SHARING_ERROR_CODES, code)) return new SharingError(code, detail);
  return new VaultError(code, detail);
}
