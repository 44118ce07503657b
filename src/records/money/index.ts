/** The record kinds of imported bank data. */
export { bankAccountKind } from './bank-account';
export {
  bankTransactionKind,
  DEFAULT_CURRENCY,
  readTransaction,
  storedTransaction,
  transactionCurrency,
  type StoredTransaction,
  type Transaction,
} from './bank-transaction';
export { categoryRuleKind } from './category-rule';
export { ColumnMappingSchema } from './fields';
