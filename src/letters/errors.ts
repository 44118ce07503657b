/**
 * The letters' error family: why a file could not be read as a letter. `detail` names the check
 * for developers and never holds the letter's text.
 */
import { CodedError } from '../shared/coded-error';

export const LETTER_ERROR_CODES = [
  /** Zero bytes, or a PDF without a single page. */
  'letter-empty',
  /** The bytes are not a PDF at all (e.g. a JPEG with a .pdf name). */
  'letter-not-a-pdf',
  /** A PDF that needs a password to open. */
  'letter-encrypted',
  /** A PDF whose structure is broken beyond repair. */
  'letter-damaged',
  /** Over the size limit (LETTER_LIMITS.maxBytes). */
  'letter-too-large',
  /** Over the page limit (LETTER_LIMITS.maxPages). */
  'letter-too-many-pages',
  /** Reading was cancelled by the caller. */
  'letter-cancelled',
] as const;

export type LetterErrorCode = (typeof LETTER_ERROR_CODES)[number];

export class LetterError extends CodedError<LetterErrorCode> {
  override readonly name = 'LetterError';
}

/**
 * What one letter may be. A letter, even a long case file from an access request, is far below
 * these; a file above them is refused before the PDF parser sees more than its header.
 */
export const LETTER_LIMITS = {
  maxBytes: 64 * 1024 * 1024,
  maxPages: 400,
} as const;
