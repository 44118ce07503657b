/**
 * Categories in the page: their labels in the current language, the citizen's rules as the
 * importers' CategoryRule, and re-categorising stored rows when a rule is added or removed.
 * A category the citizen chose on a row is never touched.
 */
import { CATEGORIES, categorise, type BankTransaction, type CategoryId, type CategoryRule } from '../../importers/bank/index';
import { readTransaction } from '../../records/money/index';
import type { WriteOp } from '../../vault/public-types';
import { getLanguage } from '../i18n/index';
import type { AccountRecord, RuleRecord, TransactionRecord } from './model';

const BY_ID = new Map(CATEGORIES.map((c) => [c.id as string, c]));

export const categoryLabel = (id: string): string => BY_ID.get(id)?.label[getLanguage()] ?? id;

/** Categories in the order of the catalogue, labelled, for a <select>. */
export const categoryOptions = (): { id: CategoryId; label: string }[] => CATEGORIES.map((c) => ({ id: c.id, label: c.label[getLanguage()] }));

/** The citizen's rules, newest first: a newer rule for the same text wins over an older one. */
export function citizenRules(records: readonly RuleRecord[]): CategoryRule[] {
  return [...records]
    .sort((a, b) => b.data.createdAt.localeCompare(a.data.createdAt) || a.id.localeCompare(b.id))
    .filter((r) => BY_ID.has(r.data.category))
    .map((r) => ({ id: r.id, match: r.data.match, category: r.data.category as CategoryId }));
}

/** A stored row as the importers' transaction, for `categorise`. */
export function asTransaction(record: TransactionRecord): BankTransaction {
  const d = readTransaction(record.data);
  return {
    date: d.date,
    amountMinor: d.amountMinor,
    currency: d.currency,
    text: d.text,
    pending: d.pending,
    line: d.line,
    ...(d.counterparty !== undefined ? { counterparty: d.counterparty } : {}),
  };
}

/** Puts for the stored rows whose category the rules now decide differently (rows set by the citizen excepted). */
export function recategoriseOps(profileId: string, rows: readonly TransactionRecord[], rules: readonly CategoryRule[]): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const row of rows) {
    if (row.data.categoryByCitizen) continue;
    const category = categorise(asTransaction(row), rules);
    if (category !== row.data.category) ops.push({ op: 'put', profileId, kind: 'bank-transaction', id: row.id, data: { ...row.data, category } });
  }
  return ops;
}

/** The row's category chosen by the citizen: rules and re-imports leave it alone from now on. */
export function setCategoryOp(profileId: string, row: TransactionRecord, category: string): WriteOp {
  return { op: 'put', profileId, kind: 'bank-transaction', id: row.id, data: { ...row.data, category, categoryByCitizen: true } };
}

/**
 * What a rule for this row should look for: the shop or counterparty without the bank's
 * prefixes ("Dankort-køb", "MobilePay"), card numbers and dates, which change from row to row.
 */
export function suggestMatch(text: string, counterparty?: string): string {
  const base = counterparty?.trim() || text;
  const cleaned = base
    .replace(/^(dankort-?køb|dk-?køb|visa\/dankort|visa|mastercard|kortkøb|køb|betaling|bs-?betaling|pbs|nota|mobilepay( køb)?)\b[\s:-]*/i, '')
    .replace(/\b\d{1,2}[./-]\d{1,2}([./-]\d{2,4})?\b/g, '')
    .replace(/\b[\dX*]{4,}\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.length >= 2 ? cleaned : base.trim();
}

export const accountLabel = (accounts: readonly AccountRecord[], id: string): string => accounts.find((a) => a.id === id)?.data.label ?? '';
