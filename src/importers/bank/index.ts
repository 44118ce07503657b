/**
 * Bank statement importers: bytes of a Danish bank's CSV export, a camt.053 statement or an OFX
 * file in, a `BankStatement` out. Platform-free: no DOM, no extension APIs.
 */
export type { BankFormat, BankStatement, BankTransaction, CalendarDate, ColumnMapping, CsvPreview, StatementAccount } from './types';
export { detectBankFile, parseBankFile, previewCsv, type ParseOptions } from './parse';
export { parseDanishAmount, formatDanishAmount } from './amount';
export { parseBankDate } from './dates';
export { transactionKeys } from './keys';
export { categorise, CATEGORIES, NOT_SPENDING, type CategoryId, type CategoryRule, type Category } from './categories';
export { BANK_FORMATS } from './formats';
export { accountNumberText, bankName } from './bank-names';
