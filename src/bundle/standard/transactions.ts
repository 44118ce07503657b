/**
 * Standard copies of bank transactions for receivers that already read bank files: CSV and
 * OFX 1.02 (SGML with a UTF-8 header). Amounts are integer minor units in the vault and
 * written as exact decimals here, never through floats.
 *
 * CSV comes in two dialects. `rfc4180` (comma, dot decimals) is for programs. `danish`
 * (semicolon, decimal comma, UTF-8 byte order mark) is what a spreadsheet set to Danish opens
 * by a double click with columns, numbers and æ, ø, å intact — Danish Excel splits on `;`,
 * reads `-123,45` as a number, and reads a CSV without a BOM as Windows-1252 — and it is the
 * shape Danish banks' own exports have, so budget tools that read those read it too.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { toBase64Url } from '../../shared/base64url';
import { utf8 } from '../../shared/bytes';

/** Structurally the vault's bank transaction (src/importers/bank/types.ts), so those pass as is. */
export interface StandardTransaction {
  /** `YYYY-MM-DD`. */
  date: string;
  valueDate?: string;
  /** Signed integer minor units (øre); negative is money out. */
  amountMinor: number;
  currency: string;
  text: string;
  /** The category the citizen gave the row, when it is shared. */
  category?: string;
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

export const TRANSACTIONS_CSV_HEADER = [
  'date',
  'value_date',
  'amount',
  'currency',
  'text',
  'counterparty',
  'balance',
  'pending',
  'id',
  'account',
  'category',
] as const;

export type CsvDialect = 'rfc4180' | 'danish';

const DIALECTS: Record<CsvDialect, { separator: string; decimal: string; bom: string; quote: RegExp }> = {
  rfc4180: { separator: ',', decimal: '.', bom: '', quote: /[",\r\n]/ },
  danish: { separator: ';', decimal: ',', bom: '\uFEFF', quote: /[";\r\n]/ },
};

/**
 * Whether a spreadsheet would read a text cell as something else: a formula (`=`, `+`, `-`,
 * `@`, or a tab or carriage return first, as OWASP's CSV-injection rule lists them), or a
 * number or date (`00123` loses its zeros, `1-2` becomes a date).
 */
const SPREADSHEET_REREADS = /^[=+\-@\t\r]|^(?=.*\d)[\d .,:/%-]+$/;

/**
 * A text cell as a spreadsheet shows it as text: with a leading `'` when it would otherwise be
 * read as a formula, number or date (what spreadsheet-safe exporters do). A third party writes
 * transfer and MobilePay texts, so `=HYPERLINK(…)` must not become a live link. The exact text
 * stays in data.json and the OFX copy.
 */
export const spreadsheetText = (value: string): string => (value !== '' && SPREADSHEET_REREADS.test(value) ? `'${value}` : value);

/**
 * CSV with a header row ({@link TRANSACTIONS_CSV_HEADER}, the same in both dialects) and CRLF
 * line ends; `rfc4180` by default. Text cells go through {@link spreadsheetText}.
 * @throws {TypeError} naming the row and field that is not valid, or an unknown dialect.
 */
export function transactionsToCsv(transactions: readonly StandardTransaction[], options: { dialect?: CsvDialect } = {}): string {
  const name = options.dialect ?? 'rfc4180';
  if (!Object.hasOwn(DIALECTS, name)) throw new TypeError(`options.dialect: not one of ${Object.keys(DIALECTS).join(', ')}`);
  const dialect = DIALECTS[name];
  const field = (value: string): string => (dialect.quote.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const text = (value: string | undefined): string => spreadsheetText(value ?? '');
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
        text(t.text),
        text(t.counterparty),
        t.balanceMinor === undefined ? '' : amount(t.balanceMinor, t.currency),
        t.pending ? 'true' : 'false',
        text(t.sourceId),
        text(t.account),
        text(t.category),
      ]
        .map(field)
        .join(dialect.separator),
    );
  });
  return `${dialect.bom}${lines.join('\r\n')}\r\n`;
}

/** Element text: `&`, `<`, `>` escaped, and line breaks as spaces (SGML OFX readers end an element's text at the line's end). */
const sgml = (value: string): string =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n|\r|\n/g, ' ');
/** A day as noon of that day: libofx reads a date without a time as 10:59 and warns; noon is the same day in any zone within ±11 hours. */
const ofxDate = (date: string): string => `${date.replace(/-/g, '')}120000`;
const ofxInstant = (at: Date): string => at.toISOString().replace(/[-:T]/g, '').slice(0, 14);

/**
 * FITIDs for rows the bank gave no id: a digest of what the row says (day, amount, currency,
 * text) and how many identical rows came before it that day. A share covers whole days, so the
 * same transaction gets the same FITID in every share and re-export that carries the same
 * fields, and an importer that deduplicates on FITID (GnuCash, ledger-autosync) skips it.
 */
function fitids(transactions: readonly StandardTransaction[]): string[] {
  const seen = new Map<string, number>();
  return transactions.map((t) => {
    if (t.sourceId) return t.sourceId;
    const key = `${t.account ?? ''}|${t.date}|${t.amountMinor}|${t.currency}|${t.text}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return toBase64Url(sha256(utf8(`${key}|${n}`))).slice(0, 24);
  });
}

/** MEMO: the exact text, then the citizen's category after ` | Kategori: ` (OFX has no category element). */
const memo = (t: StandardTransaction): string => [t.text, t.category ? `Kategori: ${t.category}` : ''].filter(Boolean).join(' | ');

/**
 * OFX 1.02 (SGML) with a header that says UTF-8 (`ENCODING:UTF-8`, `CHARSET:NONE`): one
 * statement per account and currency, amounts with `.` decimals. An OFX 2 (XML) file without
 * that header is read as ASCII by ofxparse and fails on æ, ø and å; this form is read by
 * ofxparse, libofx (GnuCash, KMyMoney) and the npm OFX parsers alike. Pending rows are left out
 * (an OFX statement lists booked transactions only). LEDGERBAL is required by OFX and by
 * libofx: it is the last running balance the rows carry, and when they carry none (a share
 * never does) it is 0.00 as of the last day, a placeholder that reveals no balance the citizen
 * did not choose to share. A row without text has no NAME and no MEMO. Every element is closed,
 * so the body is also well-formed XML.
 * @throws {TypeError} naming the row and field that is not valid.
 */
export function transactionsToOfx(transactions: readonly StandardTransaction[], options: { now: Date; accountId?: string; bankId?: string }): string {
  transactions.forEach(checkRow);
  const ids = fitids(transactions);
  const groups = new Map<string, { account: string; currency: string; rows: { t: StandardTransaction; i: number }[] }>();
  transactions.forEach((t, i) => {
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
      const note = memo(t);
      return [
        '<STMTTRN>',
        `<TRNTYPE>${t.amountMinor < 0 ? 'DEBIT' : 'CREDIT'}</TRNTYPE>`,
        `<DTPOSTED>${ofxDate(t.date)}</DTPOSTED>`,
        ...(t.valueDate ? [`<DTAVAIL>${ofxDate(t.valueDate)}</DTAVAIL>`] : []),
        `<TRNAMT>${formatMinor(t.amountMinor, t.currency)}</TRNAMT>`,
        `<FITID>${sgml(ids[i]!)}</FITID>`,
        ...(name ? [`<NAME>${sgml([...name].slice(0, 32).join(''))}</NAME>`] : []),
        ...(note ? [`<MEMO>${sgml([...note].slice(0, 255).join(''))}</MEMO>`] : []),
        '</STMTTRN>',
      ].join('');
    });
    const ledger = balance
      ? { amount: formatMinor(balance.balanceMinor!, g.currency), asOf: balance.date }
      : { amount: formatMinor(0, g.currency), asOf: last };
    return [
      `<STMTTRNRS><TRNUID>${n + 1}</TRNUID>${status}<STMTRS>`,
      `<CURDEF>${g.currency}</CURDEF>`,
      `<BANKACCTFROM><BANKID>${sgml(options.bankId ?? '0000')}</BANKID><ACCTID>${sgml(g.account)}</ACCTID><ACCTTYPE>CHECKING</ACCTTYPE></BANKACCTFROM>`,
      `<BANKTRANLIST><DTSTART>${ofxDate(first)}</DTSTART><DTEND>${ofxDate(last)}</DTEND>`,
      ...items,
      '</BANKTRANLIST>',
      `<LEDGERBAL><BALAMT>${ledger.amount}</BALAMT><DTASOF>${ofxDate(ledger.asOf)}</DTASOF></LEDGERBAL>`,
      '</STMTRS></STMTTRNRS>',
    ].join('\r\n');
  });
  return [
    'OFXHEADER:100',
    'DATA:OFXSGML',
    'VERSION:102',
    'SECURITY:NONE',
    'ENCODING:UTF-8',
    'CHARSET:NONE',
    'COMPRESSION:NONE',
    'OLDFILEUID:NONE',
    'NEWFILEUID:NONE',
    '',
    '<OFX>',
    `<SIGNONMSGSRSV1><SONRS>${status}<DTSERVER>${now}</DTSERVER><LANGUAGE>DAN</LANGUAGE></SONRS></SIGNONMSGSRSV1>`,
    '<BANKMSGSRSV1>',
    ...statements,
    '</BANKMSGSRSV1>',
    '</OFX>',
    '',
  ].join('\r\n');
}
