/**
 * The import preview: what a parsed statement would add to the vault, before anything is
 * stored. Each row is new, a duplicate of a row already there (same record id, so a re-import
 * or an overlapping file adds nothing twice), or pending (reserved, not booked yet). The citizen
 * opts rows out; `importOps` turns what is left into one atomic write.
 */
import type { BankStatement, BankTransaction } from '../../importers/bank/types';
import type { ImportIssue } from '../../importers/types';
import { storedTransaction } from '../../records/money/index';
import { transactionRecordIds } from './ids';
import { MONEY_KINDS, type PutOf, type TransactionData } from './model';

export type RowStatus = 'new' | 'duplicate' | 'pending';

export interface PreviewRow {
  tx: BankTransaction;
  /** The record id the row gets (or already has): the dedupe key's hash. The key itself (the row's text) is not kept. */
  id: string;
  status: RowStatus;
  category: string;
  /** Whether the row is to be imported; duplicates never are. */
  include: boolean;
}

export interface SkippedReason {
  code: string;
  message: { da: string; en: string };
  count: number;
  /** The first few lines, for the message. */
  lines: number[];
}

export interface ImportPreview {
  accountId: string;
  rows: PreviewRow[];
  counts: { new: number; duplicate: number; pending: number; skipped: number };
  skipped: SkippedReason[];
  warnings: ImportIssue[];
}

export interface PreviewInput {
  statement: BankStatement;
  /** The bank-account record the rows go to. */
  accountId: string;
  /** One dedupe key per transaction, in order (the importers' `transactionKeys`). */
  keys: readonly string[];
  /** Ids of the account's rows already in the vault. */
  existingIds: ReadonlySet<string>;
  categorise: (tx: BankTransaction) => string;
}

export function buildPreview(input: PreviewInput): ImportPreview {
  const { statement, accountId, keys, existingIds } = input;
  if (keys.length !== statement.transactions.length) {
    throw new RangeError(`buildPreview: ${keys.length} keys for ${statement.transactions.length} transactions`);
  }
  const counts = { new: 0, duplicate: 0, pending: 0, skipped: 0 };
  const seen = new Set<string>();
  const ids = transactionRecordIds(accountId, keys);
  const rows = statement.transactions.map((tx, i): PreviewRow => {
    const id = ids[i]!;
    // A key twice in one file would be one record twice: the keys number identical rows, so this is a bug upstream.
    if (seen.has(id)) throw new Error(`buildPreview: dedupe key repeated at line ${tx.line}`);
    seen.add(id);
    const status: RowStatus = existingIds.has(id) ? 'duplicate' : tx.pending ? 'pending' : 'new';
    counts[status]++;
    // Reserved rows change when the bank books them (date, sometimes text): left out unless chosen.
    return { tx, id, status, category: input.categorise(tx), include: status === 'new' };
  });
  const skipped = new Map<string, SkippedReason>();
  const warnings: ImportIssue[] = [];
  for (const issue of statement.issues) {
    if (issue.severity === 'warning') {
      warnings.push(issue);
      continue;
    }
    counts.skipped++;
    let reason = skipped.get(issue.code);
    if (!reason) skipped.set(issue.code, (reason = { code: issue.code, message: issue.message, count: 0, lines: [] }));
    reason.count++;
    if (issue.line !== undefined && reason.lines.length < 5) reason.lines.push(issue.line);
  }
  return { accountId, rows, counts, skipped: [...skipped.values()], warnings };
}

/** Sets one row in or out; a duplicate stays out (importing it would overwrite the stored row). */
export function setIncluded(preview: ImportPreview, index: number, include: boolean): ImportPreview {
  const row = preview.rows[index];
  if (!row || row.status === 'duplicate' || row.include === include) return preview;
  const rows = preview.rows.slice();
  rows[index] = { ...row, include };
  return { ...preview, rows };
}

export const includedCount = (preview: ImportPreview): number => preview.rows.reduce((n, r) => n + (r.include ? 1 : 0), 0);

export interface ImportTarget {
  profileId: string;
  importId: string;
}

/** The puts for the chosen rows. Duplicates are never written, so a citizen's edits survive. */
export function transactionOps(preview: ImportPreview, target: ImportTarget): PutOf<TransactionData>[] {
  const ops: PutOf<TransactionData>[] = [];
  for (const row of preview.rows) {
    if (!row.include || row.status === 'duplicate') continue;
    const { tx } = row;
    ops.push({
      op: 'put',
      profileId: target.profileId,
      kind: MONEY_KINDS.transactions.name,
      id: row.id,
      data: storedTransaction({
        accountId: preview.accountId,
        date: tx.date,
        ...(tx.valueDate !== undefined ? { valueDate: tx.valueDate } : {}),
        amountMinor: tx.amountMinor,
        currency: tx.currency,
        text: tx.text,
        ...(tx.counterparty !== undefined ? { counterparty: tx.counterparty } : {}),
        ...(tx.balanceMinor !== undefined ? { balanceMinor: tx.balanceMinor } : {}),
        pending: tx.pending,
        ...(tx.sourceId !== undefined ? { sourceId: tx.sourceId } : {}),
        line: tx.line,
        category: row.category,
        importId: target.importId,
      }),
    });
  }
  return ops;
}
