/**
 * Standard copies of bank transactions for receivers that already read bank files: CSV and
 * OFX 2.2 (XML). Amounts are integer minor units in the vault and written as exact decimals
 * here, never through floats.
 *
 * CSV comes in two dialects. `rfc4180` (comma, dot decimals) is for programs. `danish`
 * (semicolon, decimal comma, UTF-8 byte order mark) is what a spreadsheet set to Danish opens
 * by a double click with columns, numbers and æ, ø, å intact — Danish Excel splits on `;`,
 * reads `-123,45` as a number, and reads a CSV without a BOM as Windows-1252 — and it is the
 * shape Danish banks' own exports have, so budget tools that read those read it too.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { base64urlEncode, utf8 } from '../encoding';

/** Structurally the vault's bank transaction (src/importers/bank/types.ts), so those pass as is. */
export interface StandardTransaction {
  /** `YYYY-MM-DD`. */
  date: string;
  valueDate?: string;
  /** Signed integer minor units (øre); negative is money out. */
  amountMinor: number;
  currency: string;
  text: string;
  counterparty?: string;
  balanceMinor?: number;
  pending?: boolean;
  sourceId?: string;
  account?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** ISO 4217 currencies without minor units that Danish bank files may carry. */
const ZERO_DECIMALS = new Set(['ISK', 'JPY', 'KRW', 'CLP', 'VND', 'HUF']);

function checkRow(t: StandardTransaction, i: number): void {
  if (!DATE.test(t.date)) throw new TypeError(`transactions[${i}].date: not YYYY-MM-DD`);
  if (t.valueDate !== undefined && !DATE.test(t.valueDate)) throw new TypeError(`transactions[${i}].valueDate: not YYYY-MM-DD`);
  if (!Number.isSafeInteger(t.amountMinor)) throw new TypeError(`transactions[${i}].amountMinor: not an integer`);
  if (t.balanceMinor !== undefined && !Number.isSafeInteger(t.balanceMinor)) throw new TypeError(`transactions[${i}].balanceMinor: not an integer`);
  if (!/^[A-Z]{3}$/.test(t.currency)) throw new TypeError(`transactions[${i}].currency: not an ISO 4217 code`);
}

/** Exact decimal text of a minor-unit amount, e.g. -12345 DKK → `-123.45`. */
export function formatMinor(amountMinor: number, currency: string): string {
  const decimals = ZERO_DECIMALS.has(currency) ? 0 : 2;
  const sign = amountMinor < 0 ? '-' : '';
  const digits = String(Math.abs(amountMinor)).padStart(decimals + 1, '0');
  return decimals === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

export const TRANSACTIONS_CSV_HEADER = ['date', 'value_date', 'amount', 'currency', 'text', 'counterparty', 'balance', 'pending', 'id', 'account'] as const;

export type CsvDialect = 'rfc4180' | 'danish';

const DIALECTS: Record<CsvDialect, { separator: string; decimal: string; bom: string; quote: RegExp }> = {
  rfc4180: { separator: ',', decimal: '.', bom: '', quote: /[",\r\n]/ },
  danish: { separator: ';', decimal: ',', bom: '\uFEFF', quote: /[";\r\n]/ },
};

/**
 * CSV with a header row ({@link TRANSACTIONS_CSV_HEADER}, the same in both dialects) and CRLF
 * line ends; `rfc4180` by default. Texts are written exactly as the bank gave them (no
 * spreadsheet-formula escaping, which would change the data).
 * @throws {TypeError} naming the row and field that is not valid, or an unknown dialect.
 */
export function transactionsToCsv(transactions: readonly StandardTransaction[], options: { dialect?: CsvDialect } = {}): string {
  const name = options.dialect ?? 'rfc4180';
  if (!Object.hasOwn(DIALECTS, name)) throw new TypeError(`options.dialect: not one of ${Object.keys(DIALECTS).join(', ')}`);
  const dialect = DIALECTS[name];
  const field = (value: string): string => (dialect.quote.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const amount = (minor: number, currency: string): string => formatMinor(minor, currency).replace('.', dialect.decimal);
  const lines = [TRANSACTIONS_CSV_HEADER.join(dialect.separator)];
  transactions.forEach((t, i) => {
    checkRow(t, i);
    lines.push(
      [
        t.date,
        t.valueDate ?? '',
        amount(t.amountMinor, t.currency),
        t.currency,
        t.text,
        t.counterparty ?? '',
        t.balanceMinor === undefined ? '' : amount(t.balanceMinor, t.currency),
        t.pending ? 'true' : 'false',
        t.sourceId ?? '',
        t.account ?? '',
      ]
        .map(field)
        .join(dialect.separator),
    );
  });
  return `${dialect.bom}${lines.join('\r\n')}\r\n`;
}

const xml = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const ofxDate = (date: string): string => date.replace(/-/g, '');
const ofxInstant = (at: Date): string => at.toISOString().replace(/[-:T]/g, '').slice(0, 14);

/** A stable FITID for rows the bank gave no id: a digest of the row and its position. */
const fitid = (t: StandardTransaction, i: number): string =>
  t.sourceId ?? base64urlEncode(sha256(utf8(`${i}|${t.account ?? ''}|${t.date}|${t.amountMinor}|${t.currency}|${t.text}`))).slice(0, 24);

/**
 * OFX 2.2 (XML): one statement per account and currency, amounts with `.` decimals. Pending
 * rows are left out (an OFX statement lists booked transactions only). The ledger balance is
 * the last known running balance of each statement and is omitted when the rows carry none:
 * OFX requires one, but a balance nobody gave would be made up. A row without text has no
 * NAME and no MEMO (both optional; empty elements are not allowed).
 * @throws {TypeError} naming the row and field that is not valid.
 */
export function transactionsToOfx(transactions: readonly StandardTransaction[], options: { now: Date; accountId?: string; bankId?: string }): string {
  const groups = new Map<string, { account: string; currency: string; rows: { t: StandardTransaction; i: number }[] }>();
  transactions.forEach((t, i) => {
    checkRow(t, i);
    if (t.pending) return;
    const account = t.account ?? options.accountId ?? 'unknown';
    const key = `${account}\u0000${t.currency}`;
    const group = groups.get(key) ?? { account, currency: t.currency, rows: [] };
    group.rows.push({ t, i });
    groups.set(key, group);
  });
  const now = ofxInstant(options.now);
  const status = '<STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>';
  const statements = [...groups.values()].map((g, n) => {
    const rows = [...g.rows].sort((a, b) => (a.t.date < b.t.date ? -1 : a.t.date > b.t.date ? 1 : a.i - b.i));
    const first = rows[0]!.t.date;
    const last = rows[rows.length - 1]!.t.date;
    const withBalance = rows.filter((r) => r.t.balanceMinor !== undefined);
    const balance = withBalance[withBalance.length - 1]?.t;
    const items = rows.map(({ t, i }) => {
      const name = t.counterparty || t.text;
      return [
        '<STMTTRN>',
        `<TRNTYPE>${t.amountMinor < 0 ? 'DEBIT' : 'CREDIT'}</TRNTYPE>`,
        `<DTPOSTED>${ofxDate(t.date)}</DTPOSTED>`,
        ...(t.valueDate ? [`<DTAVAIL>${ofxDate(t.valueDate)}</DTAVAIL>`] : []),
        `<TRNAMT>${formatMinor(t.amountMinor, t.currency)}</TRNAMT>`,
        `<FITID>${xml(fitid(t, i))}</FITID>`,
        ...(name ? [`<NAME>${xml([...name].slice(0, 32).join(''))}</NAME>`] : []),
        ...(t.text ? [`<MEMO>${xml([...t.text].slice(0, 255).join(''))}</MEMO>`] : []),
        '</STMTTRN>',
      ].join('');
    });
    return [
      `<STMTTRNRS><TRNUID>${n + 1}</TRNUID>${status}<STMTRS>`,
      `<CURDEF>${g.currency}</CURDEF>`,
      `<BANKACCTFROM><BANKID>${xml(options.bankId ?? '0000')}</BANKID><ACCTID>${xml(g.account)}</ACCTID><ACCTTYPE>CHECKING</ACCTTYPE></BANKACCTFROM>`,
      `<BANKTRANLIST><DTSTART>${ofxDate(first)}</DTSTART><DTEND>${ofxDate(last)}</DTEND>`,
      ...items,
      '</BANKTRANLIST>',
      ...(balance ? [`<LEDGERBAL><BALAMT>${formatMinor(balance.balanceMinor!, g.currency)}</BALAMT><DTASOF>${ofxDate(balance.date)}</DTASOF></LEDGERBAL>`] : []),
      '</STMTRS></STMTTRNRS>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
    '<?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>',
    '<OFX>',
    `<SIGNONMSGSRSV1><SONRS>${status}<DTSERVER>${now}</DTSERVER><LANGUAGE>DAN</LANGUAGE></SONRS></SIGNONMSGSRSV1>`,
    '<BANKMSGSRSV1>',
    ...statements,
    '</BANKMSGSRSV1>',
    '</OFX>',
    '',
  ].join('\n');
}
