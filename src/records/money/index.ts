/** The record kinds of imported bank data. */
export { bankAccountKind } from './bank-account';
export { bankTransactionKind } from './bank-transaction';
export { categoryRuleKind } from './category-rule';
export { ColumnMappingSchema } from './fields';
