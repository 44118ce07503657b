/**
 * Running-balance checks and ordering. Banks write newest-first or oldest-first; the balances
 * tell which (when they are there), and a balance that does not follow from the amounts is a
 * warning, never a reason to drop rows: same-day rows come in any order, anonymised files keep
 * one constant balance.
 */
import { issue } from './messages';
import type { BankTransaction } from './types';
import type { ImportIssue } from '../types';

const MAX_MISMATCH_ISSUES = 5;

/**
 * Returns the rows oldest first (file order kept within a day) and adds `balance-mismatch`
 * warnings. Balances chain per account and currency (a Revolut file mixes currencies).
 */
export function checkBalances(txs: BankTransaction[], issues: ImportIssue[]): BankTransaction[] {
  let asc = 0;
  let desc = 0;
  const last = new Map<string, BankTransaction>();
  for (const tx of txs) {
    if (tx.balanceMinor === undefined || tx.pending) continue;
    const group = `${tx.account ?? ''}\u0000${tx.currency}`;
    const prev = last.get(group);
    if (prev) {
      if (prev.balanceMinor! + tx.amountMinor === tx.balanceMinor) asc++;
      if (tx.balanceMinor + prev.amountMinor === prev.balanceMinor) desc++;
    }
    last.set(group, tx);
  }
  let newestFirst = desc > asc;
  if (desc === asc && txs.length > 1) newestFirst = txs[0]!.date > txs[txs.length - 1]!.date;

  // Mismatches, in the order the file was written.
  last.clear();
  let mismatches = 0;
  for (const tx of txs) {
    if (tx.balanceMinor === undefined || tx.pending) continue;
    const group = `${tx.account ?? ''}\u0000${tx.currency}`;
    const prev = last.get(group);
    if (prev) {
      const ok = newestFirst ? tx.balanceMinor + prev.amountMinor === prev.balanceMinor : prev.balanceMinor! + tx.amountMinor === tx.balanceMinor;
      if (!ok) {
        mismatches++;
        // The detail names lines, not amounts: issues may end up in a developer's log.
        if (mismatches <= MAX_MISMATCH_ISSUES) issues.push(issue('balance-mismatch', tx.line, `does not follow from line ${prev.line}`));
      }
    }
    last.set(group, tx);
  }
  if (mismatches > MAX_MISMATCH_ISSUES) issues.push(issue('balance-mismatch', undefined, `${mismatches - MAX_MISMATCH_ISSUES} more rows`));

  const ordered = newestFirst ? txs.slice().reverse() : txs;
  // Array.prototype.sort is stable: rows of one day keep their (oldest-first) order.
  return ordered.sort(byDate);
}

function byDate(a: BankTransaction, b: BankTransaction): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}
