/** The stored money records as the page reads them. */
import type { KindData } from '../../records/kind';
import { bankAccountKind, bankTransactionKind, categoryRuleKind } from '../../records/money/index';

export type { AccountRecord, RuleRecord, TransactionRecord } from '../../messaging/list-view-api';
export type AccountData = KindData<typeof bankAccountKind>;
export type TransactionData = KindData<typeof bankTransactionKind>;
export type RuleData = KindData<typeof categoryRuleKind>;

export const MONEY_KINDS = { accounts: bankAccountKind, transactions: bankTransactionKind, rules: categoryRuleKind } as const;

/** A put of one money record, typed by the data the page built for it. */
export interface PutOf<T> {
  op: 'put';
  profileId: string;
  kind: string;
  id: string;
  data: T;
}
