/**
 * The one error base of Handlerum. Every failure a person can meet carries a code that the UI
 * maps to plain words in one place (src/ui/errors.ts); each layer or feature owns its codes in
 * its own subclass. `detail` is for developers and never holds personal data or key material.
 */
export abstract class CodedError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    readonly detail = '',
    options?: { cause?: unknown },
  ) {
    super(detail ? `${code}: ${detail}` : code, options);
  }
}

export const isCodedError = (error: unknown): error is CodedError => error instanceof CodedError;
