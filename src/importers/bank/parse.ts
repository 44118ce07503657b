/** The importers' front door: check and decode the bytes, decide the format, hand over to its parser. */
import { parseCamt053 } from './camt053';
import { countDelimiters, firstNonBlankLine, sniffDelimiter, splitCsv } from './csv';
import { importCsvRows } from './csv-import';
import { findHeaderLayout, findHeaderlessLayout, mappedLayout, type ColumnPlan } from './csv-layouts';
import { z } from 'zod';
import { DATE_STYLES, type DateStyle } from './dates';
import { danishToday } from '../../shared/danish-time';
import { checkBytes, checkLineLengths, decodeBytes, peekText, type DecodedText } from './decode';
import { FORMAT } from './formats';
import { cutOffError, MIXED_DELIMITERS, importError, issue } from './messages';
import { endsWithLineBreak, lastRowCutOff } from './cut-off';
import { parseOfx } from './ofx';
import type { BankFormat, BankStatement, CalendarDate, ColumnMapping, CsvPreview } from './types';
import { ImportError } from '../types';

export interface ParseOptions {
  /** The citizen's column mapping, for a layout nobody recognises. */
  mapping?: ColumnMapping;
  /** The date a pending row without a purchase date gets; default today in Copenhagen. */
  today?: CalendarDate;
  /** Called every few thousand rows with the number of rows read. */
  onProgress?: (rowsDone: number) => void;
  /** Checked between rows; an aborted signal ends the parse with ImportError `cancelled`. */
  signal?: AbortSignal;
  /**
   * The citizen's explicit choice for a CSV file whose last row is cut off: read the complete
   * rows and leave the cut one out. Without it such a file is ImportError `truncated`.
   */
  keepCompleteRows?: boolean;
}

// What the caller hands in is checked where it enters: a mapping from the screen, a date.
const Column = z.int().min(0).max(1000);
const OptionsSchema = z.object({
  mapping: z
    .object({
      delimiter: z.enum([';', ',', '\t']),
      hasHeader: z.boolean(),
      date: Column,
      text: Column,
      amount: Column,
      balance: Column.optional(),
      dateStyle: z.enum(DATE_STYLES as [DateStyle, ...DateStyle[]]),
      decimal: z.enum([',', '.']),
    })
    .optional(),
  today: z.iso.date().optional(),
  keepCompleteRows: z.boolean().optional(),
});

function checkOptions(options: ParseOptions): void {
  const result = OptionsSchema.safeParse({ mapping: options.mapping, today: options.today, keepCompleteRows: options.keepCompleteRows });
  if (!result.success) throw new TypeError(`parseBankFile: bad options: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
}

type Kind = 'camt053' | 'ofx' | 'csv';

/** Rows read to recognise a CSV layout. */
const DETECT_ROWS = 40;

function kindOf(text: string): Kind {
  const head = text.slice(0, 4096);
  const start = head.trimStart();
  if (OFX_HEADER.test(head) || (start.startsWith('<') && OFX_ROOT.test(head))) return 'ofx';
  if (start.startsWith('<') && (head.includes('camt.053') || head.includes('BkToCstmrStmt'))) return 'camt053';
  return 'csv';
}
const OFX_HEADER = /^\s*OFXHEADER\s*:/im;
const OFX_ROOT = /<OFX[\s>]|<\?OFX\s/i;

/** Detection reads only the start of a file (cut at a line break): the header and some rows. */
const DETECT_BYTES = 256 * 1024;

interface ReadText extends DecodedText {
  kind: Kind;
}

function read(bytes: Uint8Array, prefixOnly = false): ReadText {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('bank importer: bytes must be a Uint8Array');
  let end = checkBytes(bytes);
  const kind = kindOf(peekText(bytes, end));
  if (kind === 'csv') checkLineLengths(bytes, end);
  if (prefixOnly && end > DETECT_BYTES) {
    const nl = bytes.lastIndexOf(0x0a, DETECT_BYTES);
    if (nl > 0) end = nl;
  }
  const decoded = decodeBytes(bytes, end);
  // The first text of a file is its header: U+FFFD there means æ/ø/å were lost before we got it.
  if (firstNonBlankLine(decoded.text).includes('\uFFFD')) {
    throw importError('damaged-encoding', 'U+FFFD in the first line');
  }
  return { ...decoded, kind };
}

function csvPlan(rows: readonly (readonly string[])[]): ColumnPlan | null {
  return findHeaderLayout(rows) ?? findHeaderlessLayout(rows);
}

function unknownCsv(text: string): ImportError {
  const first = firstNonBlankLine(text);
  const counts = countDelimiters(first);
  // A header line (no digits) with both `;` and `,` between cells mixes delimiters.
  if (counts.semicolon > 0 && counts.comma > 0 && !DIGIT.test(first)) {
    return importError('malformed', 'the first line mixes ";" and ","', MIXED_DELIMITERS);
  }
  return importError('unknown-format', 'no known header or row shape');
}
const DIGIT = /\d/;

/** The format of a file, or null when it is not one the importers know (or not readable at all). */
export function detectBankFile(bytes: Uint8Array): BankFormat | null {
  let decoded: ReadText;
  try {
    decoded = read(bytes, true);
  } catch (err) {
    if (err instanceof ImportError) return null;
    throw err;
  }
  const kind = decoded.kind;
  if (kind === 'ofx') return FORMAT.ofx;
  if (kind === 'camt053') return FORMAT.camt053;
  const table = splitCsv(decoded.text, sniffDelimiter(decoded.text), DETECT_ROWS);
  return csvPlan(table.rows)?.format ?? null;
}

/**
 * Reads a bank statement. Rows that cannot be read are reported in `issues`; pending rows are
 * kept with `pending: true`.
 * @throws ImportError when the file as a whole cannot be read (`empty-file`, `not-text`,
 *   `damaged-encoding`, `line-too-long`, `too-large`, `unknown-format`, `malformed`, `truncated`,
 *   `cancelled`); TypeError for bytes that are not a Uint8Array or options that do not fit.
 */
export function parseBankFile(bytes: Uint8Array, options: ParseOptions = {}): BankStatement {
  checkOptions(options);
  const decoded = read(bytes);
  const statement = parseText(decoded, options);
  if (decoded.mixed) statement.issues.unshift(issue('mixed-encoding', undefined));
  return statement;
}

function parseText({ text, kind, endsMidCharacter }: ReadText, options: ParseOptions): BankStatement {
  const today = options.today ?? danishToday();
  const rowOptions = { today, onProgress: options.onProgress, signal: options.signal };
  if (!options.mapping) {
    if (kind === 'ofx') return parseOfx(text, rowOptions);
    if (kind === 'camt053') return parseCamt053(text, rowOptions);
  }
  const delimiter = options.mapping?.delimiter ?? sniffDelimiter(text);
  const table = splitCsv(text, delimiter);
  let plan = options.mapping ? mappedLayout(options.mapping) : csvPlan(table.rows);
  // A headerless file's last row cut short may spoil its shape: recognise it by the rows before.
  if (!plan && table.rows.length > 1 && !endsWithLineBreak(text)) plan = csvPlan(table.rows.slice(0, -1));
  if (!plan) throw unknownCsv(text);
  if (!lastRowCutOff(text, table, plan, endsMidCharacter)) return importCsvRows(table, plan, rowOptions);
  const line = table.lines[table.lines.length - 1]!;
  const completeRows = table.rows.length - 2 - plan.headerRow;
  if (!options.keepCompleteRows) throw cutOffError(line, completeRows);
  // The cut row is left out; a quote it left open is part of the cut, not a warning of its own.
  table.rows.pop();
  table.lines.pop();
  table.badQuoteLines = table.badQuoteLines.filter((l) => l !== line);
  const statement = importCsvRows(table, plan, rowOptions);
  statement.issues.unshift(issue('cut-off-row', line));
  return statement;
}

/**
 * The first rows of a CSV file split into cells, for the mapping screen.
 * @throws ImportError for files that cannot be read as text at all.
 */
export function previewCsv(bytes: Uint8Array, maxRows = 20): CsvPreview {
  if (!Number.isInteger(maxRows) || maxRows < 1) throw new RangeError(`previewCsv: maxRows must be a positive integer, got ${maxRows}`);
  const { text, encoding } = read(bytes);
  const delimiter = sniffDelimiter(text);
  // Blank lines count against PapaParse's preview limit, so read some extra.
  const table = splitCsv(text, delimiter, maxRows * 2 + 20);
  return { encoding, delimiter, rows: table.rows.slice(0, maxRows).map((row) => row.map((c) => c.trim())) };
}
