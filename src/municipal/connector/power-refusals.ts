/**
 * The municipality's refusals of a representative's request (problem+json codes) as the vault's
 * coded errors, and which of them mean the power no longer opens anything.
 */
import { MunicipalError, type MunicipalErrorCode } from './errors';
import { HttpProblem } from './http';

/** The municipality's problem codes for a representative's refused request, as the vault's codes. */
const REFUSALS: Readonly<Record<string, MunicipalErrorCode>> = {
  'power-of-attorney-withdrawn': 'power-withdrawn',
  'power-of-attorney-expired': 'power-expired',
  'power-of-attorney-not-yet-valid': 'power-not-yet-valid',
  'power-of-attorney-invalid': 'power-invalid',
  'power-of-attorney-conflict': 'power-conflict',
  'outside-power-of-attorney': 'power-outside',
};

/** Refusals after which the power no longer opens anything: the connection stops syncing. */
export const POWER_ENDED_CODES = ['power-withdrawn', 'power-expired', 'power-not-yet-valid', 'power-invalid', 'power-conflict'] as const;
export type PowerEndedCode = (typeof POWER_ENDED_CODES)[number];

export const isPowerEnded = (code: string | null): code is PowerEndedCode => (POWER_ENDED_CODES as readonly (string | null)[]).includes(code);

/** A power-of-attorney refusal as a MunicipalError; null for any other error. */
export function powerRefusal(error: unknown): MunicipalError | null {
  if (!(error instanceof HttpProblem)) return null;
  const code = Object.hasOwn(REFUSALS, error.code) ? REFUSALS[error.code] : undefined;
  return code ? new MunicipalError(code, `HTTP ${error.status} ${error.code}`, { status: error.status, cause: error }) : null;
}
