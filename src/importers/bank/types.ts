/**
 * What a bank statement importer gives back, whatever the source (CSV of any Danish bank,
 * camt.053, OFX). Money is integer øre (never floats); dates are local calendar dates.
 */
import type { ImportIssue } from '../types';

/** `YYYY-MM-DD`, a calendar date in Europe/Copenhagen with no time zone. */
export type CalendarDate = string;

export interface BankTransaction {
  /** Booking date; for a pending row, the purchase date when the text holds one, else the import date. */
  date: CalendarDate;
  /** Value date, when the file has one. */
  valueDate?: CalendarDate;
  /** Signed: negative is money out. Integer øre (or the currency's minor unit). */
  amountMinor: number;
  currency: string;
  /** The bank's text, trimmed, inner runs of spaces kept as the bank wrote them. */
  text: string;
  counterparty?: string;
  /** Running balance after the row, when given. */
  balanceMinor?: number;
  /** Reserved, not yet booked (Nordea `Reserveret`, Revolut PENDING, camt PDNG). */
  pending: boolean;
  /**
   * A pending row with no date of its own: `date` is the day it was read in, so it is no part of
   * the row's de-duplication key (read in again another day, it is the same row).
   */
  dateFromImport?: true;
  /** An id the source gives the row (OFX FITID, camt AcctSvcrRef, Lunar/Revolut ids). */
  sourceId?: string;
  /** The account the row belongs to when the file names it (multi-account files). */
  account?: string;
  /** 1-based line (or entry number) in the file, for messages and the preview. */
  line: number;
}

export interface BankFormat {
  /** Stable id, e.g. `danske-bank`, `nordea-2022`, `bec-headerless`, `camt053`, `ofx`, `mapped`. */
  id: string;
  /** The bank or standard as the citizen knows it, e.g. `Danske Bank`. */
  label: string;
}

/** An account a statement file names (camt.053 `Stmt/Acct`, OFX `BANKACCTFROM`/`CCACCTFROM`). */
export interface StatementAccount {
  /** IBAN or account number (OFX `ACCTID`, a card number for a card), as the file writes it. */
  id: string;
  /** The statement's currency (camt `Acct/Ccy`, OFX `CURDEF`), when given. */
  currency?: string;
  /** A credit card statement (OFX `CCSTMTRS`), not a bank account's. */
  card?: true;
  /** The bank that keeps the account (camt `Acct/Svcr` BIC or name, OFX `FI/ORG`), when the file says. */
  bank?: string;
}

export interface BankStatement {
  format: BankFormat;
  /** Account number / IBAN when the file names exactly one; used to remember mappings and group rows. */
  accountId?: string;
  /**
   * Every account the file names, in file order, once each however many statements it has
   * (camt.053 and OFX; absent for CSV). With more than one, each row's `account` and each
   * statement issue's `account` say where it belongs.
   */
  accounts?: StatementAccount[];
  transactions: BankTransaction[];
  issues: ImportIssue[];
}

/** For layouts nobody recognises: which column holds what (0-based), chosen by the citizen. */
export interface ColumnMapping {
  delimiter: ';' | ',' | '\t';
  hasHeader: boolean;
  date: number;
  text: number;
  amount: number;
  balance?: number;
  /** Date style of the date column. */
  dateStyle: 'DD.MM.YYYY' | 'DD-MM-YYYY' | 'DD/MM/YYYY' | 'YYYY/MM/DD' | 'YYYY-MM-DD';
  /** Decimal mark of the amount columns. */
  decimal: ',' | '.';
}

/** The first rows of a CSV file split into cells, for the mapping screen's live preview. */
export interface CsvPreview {
  encoding: 'utf-8' | 'windows-1252';
  delimiter: ';' | ',' | '\t';
  rows: string[][];
}
