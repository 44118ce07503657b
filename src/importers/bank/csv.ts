/**
 * CSV text → rows of cells with their line numbers. PapaParse does the splitting (quoted
 * newlines, doubled quotes); this module sniffs the delimiter, evens out line endings and skips
 * blank lines while keeping count of physical lines for messages.
 */
import Papa from 'papaparse';

export type Delimiter = ';' | ',' | '\t';

export interface CsvTable {
  /** Non-blank rows, cells as PapaParse gives them (quotes removed, not trimmed). */
  rows: string[][];
  /** 1-based physical line each row starts on. */
  lines: number[];
  delimiter: Delimiter;
  /** Lines where a quoted field was not closed. */
  badQuoteLines: number[];
}

/** Counts each candidate delimiter outside quotes in one line. */
export function countDelimiters(line: string): { semicolon: number; comma: number; tab: number } {
  let semicolon = 0;
  let comma = 0;
  let tab = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 0x3b) semicolon++;
    else if (c === 0x2c) comma++;
    else if (c === 0x09) tab++;
  }
  return { semicolon, comma, tab };
}

/** The first line with anything but white space in it (without its line break). */
export function firstNonBlankLine(text: string): string {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (line.trim() !== '') return line.endsWith('\r') ? line.slice(0, -1) : line;
    start = end + 1;
  }
  return '';
}

/**
 * The delimiter of the file, from its first non-blank line: the most frequent of `;`, `,` and tab
 * outside quotes; `;` on a tie, as nearly every Danish bank uses it.
 */
export function sniffDelimiter(text: string): Delimiter {
  const { semicolon, comma, tab } = countDelimiters(firstNonBlankLine(text));
  if (tab > semicolon && tab > comma) return '\t';
  if (comma > semicolon) return ',';
  return ';';
}

function isBlankRow(row: readonly string[]): boolean {
  for (const cell of row) {
    // Most cells start with a visible character: no trim (and no new string) needed for them.
    if (cell.length > 0 && (cell.charCodeAt(0) > 0x20 || cell.trim() !== '')) return false;
  }
  return true;
}

function countNewlines(cell: string): number {
  let n = 0;
  let at = cell.indexOf('\n');
  while (at >= 0) {
    n++;
    at = cell.indexOf('\n', at + 1);
  }
  return n;
}

/** Splits CSV text. `maxRows` limits the rows read (blank ones included), for previews. */
export function splitCsv(text: string, delimiter: Delimiter, maxRows = 0): CsvTable {
  // One kind of line ending for PapaParse, which otherwise guesses one and misses the others.
  const normalised = text.indexOf('\r') >= 0 ? text.replace(CR_LINE_ENDINGS, '\n') : text;
  const hasQuotes = normalised.indexOf('"') >= 0;
  const result = Papa.parse<string[]>(normalised, { delimiter, newline: '\n', quoteChar: '"', skipEmptyLines: false, preview: maxRows });
  const data = result.data;
  const rows: string[][] = [];
  const lines: number[] = [];
  const lineOfDataRow = hasQuotes || result.errors.length > 0 ? new Array<number>(data.length) : undefined;
  let line = 1;
  for (let i = 0; i < data.length; i++) {
    const row = data[i]!;
    if (lineOfDataRow) lineOfDataRow[i] = line;
    if (!isBlankRow(row)) {
      rows.push(row);
      lines.push(line);
    }
    line++;
    // A quoted field with line breaks spans several physical lines.
    if (hasQuotes) for (const cell of row) if (cell.length > 0) line += countNewlines(cell);
  }
  const badQuoteLines: number[] = [];
  for (const err of result.errors) {
    if (err.type === 'Quotes' && err.row !== undefined && lineOfDataRow) badQuoteLines.push(lineOfDataRow[err.row] ?? line);
  }
  return { rows, lines, delimiter, badQuoteLines };
}
const CR_LINE_ENDINGS = /\r\n?/g;
