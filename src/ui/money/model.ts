/** The stored money records as the page reads them. */
import type { z } from 'zod';
import type { bankAccountKind, bankTransactionKind, categoryRuleKind } from '../../records/money/index';
import type { VaultRecord } from '../../vault/record-store';

export type AccountData = z.infer<typeof bankAccountKind.schema>;
export type TransactionData = z.infer<typeof bankTransactionKind.schema>;
export type RuleData = z.infer<typeof categoryRuleKind.schema>;

export type AccountRecord = VaultRecord<AccountData>;
export type TransactionRecord = VaultRecord<TransactionData>;
export type RuleRecord = VaultRecord<RuleData>;

export const MONEY_KINDS = { accounts: 'bank-account', transactions: 'bank-transaction', rules: 'category-rule' } as const;
