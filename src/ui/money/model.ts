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
