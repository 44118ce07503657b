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

/** Balances chain per account and currency; no new string for the common one-account file. */
function groupOf(tx: BankTransaction): string {
  return tx.account === undefined ? tx.currency : `${tx.account}\u0000${tx.currency}`;
}

/**
 * Calls `visit(prev, tx)` for each booked row with a balance and the previous such row of its
 * account and currency, in file order. The last group is kept aside: most files have one, and
 * a Map lookup per row shows in the profile.
 */
function eachPair(txs: readonly BankTransaction[], visit: (prev: BankTransaction, tx: BankTransaction) => void): void {
  const last = new Map<string, BankTransaction>();
  let lastGroup = '';
  let lastTx: BankTransaction | undefined;
  for (const tx of txs) {
    if (tx.balanceMinor === undefined || tx.pending) continue;
    const group = groupOf(tx);
    let prev: BankTransaction | undefined;
    if (lastTx !== undefined && group === lastGroup) prev = lastTx;
    else {
      if (lastTx !== undefined) last.set(lastGroup, lastTx);
      prev = last.get(group);
      lastGroup = group;
    }
    if (prev) visit(prev, tx);
    lastTx = tx;
  }
}

/**
 * Returns the rows oldest first (file order kept within a day) and adds `balance-mismatch`
 * warnings. Balances chain per account and currency (a Revolut file mixes currencies).
 */
export function checkBalances(txs: BankTransaction[], issues: ImportIssue[]): BankTransaction[] {
  let asc = 0;
  let desc = 0;
  eachPair(txs, (prev, tx) => {
    if (prev.balanceMinor! + tx.amountMinor === tx.balanceMinor) asc++;
    if (tx.balanceMinor! + prev.amountMinor === prev.balanceMinor) desc++;
  });
  let newestFirst = desc > asc;
  if (desc === asc && txs.length > 1) newestFirst = txs[0]!.date > txs[txs.length - 1]!.date;

  let mismatches = 0;
  eachPair(txs, (prev, tx) => {
    const ok = newestFirst ? tx.balanceMinor! + prev.amountMinor === prev.balanceMinor : prev.balanceMinor! + tx.amountMinor === tx.balanceMinor;
    if (ok) return;
    mismatches++;
    // The detail names lines, not amounts: issues may end up in a developer's log.
    if (mismatches <= MAX_MISMATCH_ISSUES) issues.push(issue('balance-mismatch', tx.line, `does not follow from line ${prev.line}`));
  });
  if (mismatches > MAX_MISMATCH_ISSUES) issues.push(issue('balance-mismatch', undefined, `${mismatches - MAX_MISMATCH_ISSUES} more rows`));

  const ordered = newestFirst ? txs.slice().reverse() : txs;
  // Array.prototype.sort is stable: rows of one day keep their (oldest-first) order.
  return ordered.sort(byDate);
}

function byDate(a: BankTransaction, b: BankTransaction): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}
