/**
 * Standard-format copies of what a share carries, for receivers that read bank files rather
 * than data.json: the raw transactions as CSV (the Danish spreadsheet dialect) and as OFX 2.2.
 * They are made from data.json's own rows, never from the vault's records, so a copy cannot
 * hold a field the citizen left out (no account, balance or bank id leaves this way). Pure.
 */
import { STANDARD_MEDIA_TYPES, textFile, transactionsToCsv, transactionsToOfx, type BundleFile, type StandardTransaction } from '../bundle/index';

export const TRANSACTION_COPY_PATHS = { csv: 'files/transactions.csv', ofx: 'files/transactions.ofx' } as const;

/** One `transactions` entry of data.json, as buildShare writes it. */
interface TransactionsEntry {
  fields: readonly string[];
  rows: readonly { date?: string; amountMinor?: number; currency?: string; text?: string }[];
}

/**
 * The rows of every `transactions` entry whose fields include date and amount (a bank file
 * without either says nothing), in data.json's order; the text is empty when it was not chosen.
 */
export function copyableTransactions(data: Record<string, unknown>): StandardTransaction[] {
  const entries = (data.transactions ?? []) as readonly TransactionsEntry[];
  return entries
    .filter((entry) => entry.fields.includes('date') && entry.fields.includes('amount'))
    .flatMap((entry) => entry.rows.map((row) => ({ date: row.date!, amountMinor: row.amountMinor!, currency: row.currency!, text: row.text ?? '' })));
}

/**
 * `files/transactions.csv` and `files/transactions.ofx` when the share carries transactions
 * with dates and amounts; nothing otherwise (also when the chosen period holds no rows).
 * @param now the OFX file's server time
 */
export function standardCopies(data: Record<string, unknown>, now: Date): BundleFile[] {
  const rows = copyableTransactions(data);
  if (rows.length === 0) return [];
  return [
    textFile(TRANSACTION_COPY_PATHS.csv, STANDARD_MEDIA_TYPES.csv, transactionsToCsv(rows, { dialect: 'danish' })),
    textFile(TRANSACTION_COPY_PATHS.ofx, STANDARD_MEDIA_TYPES.ofx, transactionsToOfx(rows, { now })),
  ];
}
