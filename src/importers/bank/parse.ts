/** The importers' front door: decide the format, then hand the bytes to the right parser. */
import { importError } from './messages';
import type { BankFormat, BankStatement, CalendarDate, ColumnMapping, CsvPreview } from './types';

export interface ParseOptions {
  /** The citizen's column mapping, for a layout nobody recognises. */
  mapping?: ColumnMapping;
  /** The date a pending row without a purchase date gets; default today in Copenhagen. */
  today?: CalendarDate;
  onProgress?: (rowsDone: number) => void;
  signal?: AbortSignal;
}

export function detectBankFile(bytes: Uint8Array): BankFormat | null {
  void bytes;
  return null;
}

export function parseBankFile(bytes: Uint8Array, options: ParseOptions = {}): BankStatement {
  void bytes;
  void options;
  throw importError('unknown-format', 'not implemented yet');
}

export function previewCsv(bytes: Uint8Array, maxRows = 20): CsvPreview {
  void bytes;
  void maxRows;
  throw importError('unknown-format', 'not implemented yet');
}
