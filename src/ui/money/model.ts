/** The stored money records as the page reads them. */
import type { KindData } from '../../records/kind';
import { bankAccountKind, bankTransactionKind, categoryRuleKind } from '../../records/money/index';
import type { VaultRecord } from '../../vault/public-types';

export type AccountData = KindData<typeof bankAccountKind>;
export type TransactionData = KindData<typeof bankTransactionKind>;
export type RuleData = KindData<typeof categoryRuleKind>;

export type AccountRecord = VaultRecord<AccountData>;
export type TransactionRecord = VaultRecord<TransactionData>;
export type RuleRecord = VaultRecord<RuleData>;

export const MONEY_KINDS = { accounts: bankAccountKind, transactions: bankTransactionKind, rules: categoryRuleKind } as const;

/** A put of one money record whose data the page built and knows: it can show it without reading it back. */
export interface PutOf<T> {
  op: 'put';
  profileId: string;
  kind: string;
  id: string;
  data: T;
}

export interface MoneyData {
  /** By label. */
  accounts: AccountRecord[];
  /** Newest first (`newestFirst`). */
  transactions: TransactionRecord[];
  rules: RuleRecord[];
  /** Records that could not be read (left out, counted). */
  damaged: number;
}

// ISO dates sort as plain strings; localeCompare's collation costs most of a 100k-row sort.
export const newestFirst = (a: TransactionRecord, b: TransactionRecord): number =>
  a.data.date < b.data.date ? 1 : a.data.date > b.data.date ? -1 : a.data.line - b.data.line;

export const byLabel = (a: AccountRecord, b: AccountRecord): number => a.data.label.localeCompare(b.data.label);
