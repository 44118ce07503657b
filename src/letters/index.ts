/**
 * Letters the citizen already has: the text of a PDF letter and what can be read from it.
 * src/letters/reading is pure TypeScript (platform-free); src/letters/pdf wraps pdf.js.
 */
export { LETTER_ERROR_CODES, LETTER_LIMITS, LetterError, type LetterErrorCode } from './errors';
export * from './reading/types';
export { readLetter } from './reading/read';
// Loads pdf.js only when first called (a dynamic import), so importing this module stays light.
export { extractPdfText, type ExtractOptions, type PdfText } from './pdf/extract';
