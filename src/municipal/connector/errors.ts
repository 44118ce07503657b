/**
 * The municipal connector's error family: why talking to a municipality failed. Codes are mapped
 * to plain words in the UI (src/ui/errors.ts) like the vault's; `detail` is for developers only.
 */
import { CodedError } from '../../shared/coded-error';

export const MUNICIPAL_ERROR_CODES = [
  'invalid-address',
  'permission-missing',
  'municipality-unreachable',
  'municipality-not-supported',
  'municipality-error',
  'municipality-bad-response',
  'signature-invalid',
  'sign-in-required',
  'sign-in-cancelled',
  'municipality-other-citizen',
  // A representative's power of attorney refused by the municipality (see connector/powers.ts).
  'power-withdrawn',
  'power-expired',
  'power-not-yet-valid',
  'power-invalid',
  'power-conflict',
  'power-outside',
] as const;

export type MunicipalErrorCode = (typeof MUNICIPAL_ERROR_CODES)[number];

export class MunicipalError extends CodedError<MunicipalErrorCode> {
  override readonly name = 'MunicipalError';
  /** The HTTP status of the municipality's answer this error reports, when it reports one. */
  readonly status: number | undefined;
  constructor(code: MunicipalErrorCode, detail?: string, options: { cause?: unknown; status?: number } = {}) {
    super(code, detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
  }
}
