/**
 * De-duplication keys for bank rows across repeated and overlapping imports. A row the source
 * gives an id keeps that id; otherwise date, amount, text, balance and the row's occurrence
 * among identical rows — two bus tickets at the same price on one day are two rows, and stay two.
 */
import type { BankTransaction } from './types';

/**
 * One key per transaction, in the same order. Stable under row order: shuffle the rows and each
 * row keeps its key (identical rows share the set of keys between them). The caller hashes the
 * key into a record id; the key itself holds the row's text and is never stored in the clear.
 */
export function transactionKeys(accountId: string, txs: readonly BankTransaction[]): string[] {
  const seen = new Map<string, number>();
  const keys = new Array<string>(txs.length);
  for (let i = 0; i < txs.length; i++) {
    const tx = txs[i]!;
    const account = tx.account ?? accountId;
    if (tx.sourceId !== undefined && tx.sourceId !== '') {
      keys[i] = `${account}\u0000id\u0000${tx.sourceId}`;
      continue;
    }
    // NUL cannot occur in a decoded bank text (files with NULs are refused), so it separates safely.
    // A pending row dated by the day it was read in keeps one key whatever day that was.
    const date = tx.dateFromImport ? '' : tx.date;
    const base = `${account}\u0000${tx.pending ? 'p' : 'b'}\u0000${date}\u0000${tx.amountMinor}\u0000${tx.currency}\u0000${tx.balanceMinor ?? ''}\u0000${tx.text}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    keys[i] = `${base}\u0000${n}`;
  }
  return keys;
}
