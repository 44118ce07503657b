/**
 * The column-mapping screen's logic: a first guess from the file's first rows, the remembered
 * choice of an account whose layout fits, and the start of the file for the live preview
 * (parsing a few kilobytes keeps the preview instant whatever the file's size).
 */
import type { ColumnMapping, CsvPreview } from '../../importers/bank/index';
import type { AccountRecord } from './model';

const DATE_PATTERNS: [RegExp, ColumnMapping['dateStyle']][] = [
  [/^\d{1,2}\.\d{1,2}\.\d{4}$/, 'DD.MM.YYYY'],
  [/^\d{1,2}-\d{1,2}-\d{4}$/, 'DD-MM-YYYY'],
  [/^\d{1,2}\/\d{1,2}\/\d{4}$/, 'DD/MM/YYYY'],
  [/^\d{4}\/\d{1,2}\/\d{1,2}$/, 'YYYY/MM/DD'],
  [/^\d{4}-\d{1,2}-\d{1,2}$/, 'YYYY-MM-DD'],
];
const COMMA_AMOUNT = /^[-+\u2212]?\s?\d{1,3}(?:[.\s\u00a0]?\d{3})*,\d{1,2}$/;
const POINT_AMOUNT = /^[-+\u2212]?\s?\d{1,3}(?:[,\s\u00a0]?\d{3})*\.\d{1,2}$/;

const dateStyleOf = (cell: string): ColumnMapping['dateStyle'] | null => DATE_PATTERNS.find(([re]) => re.test(cell.trim()))?.[1] ?? null;

/** The number of columns of the widest preview row. */
export const columnCount = (csv: CsvPreview): number => csv.rows.reduce((n, r) => Math.max(n, r.length), 0);

/** A first guess: the first date-like column, the first two amount-like columns (amount, balance), the longest text column. */
export function guessMapping(csv: CsvPreview): ColumnMapping {
  const width = columnCount(csv);
  const hasHeader = csv.rows.length > 1 && !(csv.rows[0] ?? []).some((cell) => dateStyleOf(cell) !== null);
  const body = csv.rows.slice(hasHeader ? 1 : 0);
  const share = (col: number, test: (cell: string) => boolean) =>
    body.length === 0 ? 0 : body.filter((r) => test((r[col] ?? '').trim())).length / body.length;
  const columns = Array.from({ length: width }, (_, i) => i);
  const date = columns.find((c) => share(c, (cell) => dateStyleOf(cell) !== null) >= 0.8) ?? 0;
  const commaCols = columns.filter((c) => c !== date && share(c, (cell) => COMMA_AMOUNT.test(cell)) >= 0.8);
  const pointCols = columns.filter((c) => c !== date && share(c, (cell) => POINT_AMOUNT.test(cell)) >= 0.8);
  const decimal: ',' | '.' = pointCols.length > commaCols.length ? '.' : ',';
  const amounts = decimal === ',' ? commaCols : pointCols;
  const amount = amounts[0] ?? Math.min(width - 1, date + 2);
  const textLength = (c: number) => body.reduce((n, r) => n + (r[c] ?? '').length, 0);
  const text = columns.filter((c) => c !== date && !amounts.includes(c)).sort((a, b) => textLength(b) - textLength(a))[0] ?? Math.min(width - 1, date + 1);
  const dateStyle = body.map((r) => dateStyleOf(r[date] ?? '')).find((s) => s !== null) ?? 'DD.MM.YYYY';
  return {
    delimiter: csv.delimiter,
    hasHeader,
    date,
    text,
    amount,
    ...(amounts[1] !== undefined ? { balance: amounts[1] } : {}),
    dateStyle,
    decimal,
  };
}

/** The account whose remembered mapping fits this file (same delimiter, its columns exist), the latest import first. */
export function rememberedMapping(csv: CsvPreview, accounts: readonly AccountRecord[]): { account: AccountRecord; mapping: ColumnMapping } | null {
  const width = columnCount(csv);
  const fits = (m: ColumnMapping) => m.delimiter === csv.delimiter && Math.max(m.date, m.text, m.amount, m.balance ?? 0) < width;
  const candidates = accounts
    .filter((a) => a.data.mapping && fits(a.data.mapping as ColumnMapping))
    .sort((a, b) => (b.data.lastImport?.at ?? '').localeCompare(a.data.lastImport?.at ?? ''));
  const account = candidates[0];
  return account ? { account, mapping: account.data.mapping as ColumnMapping } : null;
}

/** The first `maxBytes` of the file cut after the last whole line, for the live preview. */
export async function fileStart(file: Blob, maxBytes = 32 * 1024): Promise<Uint8Array> {
  const bytes = new Uint8Array(await file.slice(0, maxBytes).arrayBuffer());
  if (file.size <= maxBytes) return bytes;
  const lastNewline = bytes.lastIndexOf(0x0a);
  return lastNewline > 0 ? bytes.subarray(0, lastNewline + 1) : bytes;
}
