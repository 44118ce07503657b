/**
 * CSV rows → bank transactions by a column plan. Rows that cannot be read become issues with
 * their line number; the file as a whole fails only when nothing in it is a bank row.
 */
import { parseDanishAmount } from './amount';
import { checkBalances } from './balance';
import type { CsvTable } from './csv';
import type { ColumnPlan } from './csv-layouts';
import { parseBankDate, purchaseDateInText } from './dates';
import { MIXED_DELIMITERS, importError, issue } from './messages';
import type { BankStatement, BankTransaction, CalendarDate } from './types';
import type { ImportIssue } from '../types';

export interface RowOptions {
  today: CalendarDate;
  onProgress?: ((rowsDone: number) => void) | undefined;
  signal?: AbortSignal | undefined;
}

const PROGRESS_EVERY = 2000;

/** A date cell may carry a time (`2025-03-04 12:00:00`, `04.03.2025 12.00`): keep the date part. */
function dateText(cell: string): string {
  const s = cell.trim();
  if (s.length <= 10) return s;
  const cut = s.search(TIME_START);
  return cut > 0 ? s.slice(0, cut) : s;
}
const TIME_START = /[ T]/;

function otherDelimiterCount(row: readonly string[], delimiter: string): number {
  // The row was not split: its one cell holds the other delimiter between columns.
  const cell = row.join(delimiter);
  let n = 0;
  for (const d of delimiter === ';' ? [',', '\t'] : [';', '\t']) {
    let at = cell.indexOf(d);
    while (at >= 0) {
      n++;
      at = cell.indexOf(d, at + 1);
    }
  }
  return n;
}

function cellAt(row: readonly string[], i: number | undefined): string {
  if (i === undefined) return '';
  const c = row[i];
  return c === undefined ? '' : c.trim();
}

function firstCell(row: readonly string[], cols: readonly number[]): string {
  for (const i of cols) {
    const c = cellAt(row, i);
    // A line break inside a quoted text (a Sparekasse does this) reads as one space.
    if (c !== '') return c.indexOf('\n') >= 0 ? c.replace(LINE_BREAKS, ' ') : c;
  }
  return '';
}
const LINE_BREAKS = /\s*\n\s*/g;

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw importError('cancelled', 'aborted by the caller');
}

/** Reads every data row of the table by the plan. */
export function importCsvRows(table: CsvTable, plan: ColumnPlan, options: RowOptions): BankStatement {
  const { rows, lines } = table;
  const issues: ImportIssue[] = [];
  const transactions: BankTransaction[] = [];
  for (const line of table.badQuoteLines) issues.push(issue('bad-quotes', line));
  const { today, onProgress, signal } = options;
  throwIfAborted(signal);
  const ownAccounts = new Set<string>();
  const accounts = new Set<string>();
  let mixed = 0;
  let dataRows = 0;
  let lastCurrencyRaw = '';
  let lastCurrency = plan.defaultCurrency;
  let pending = 0;
  for (let r = plan.headerRow + 1; r < rows.length; r++) {
    if ((r & 1023) === 0) throwIfAborted(signal);
    if (onProgress && r % PROGRESS_EVERY === 0) onProgress(r - plan.headerRow - 1);
    const row = rows[r]!;
    const line = lines[r]!;
    dataRows++;
    if (row.length < plan.minCells) {
      if (otherDelimiterCount(row, table.delimiter) >= plan.minCells - 1) {
        mixed++;
        issues.push(issue('mixed-delimiter', line));
      } else issues.push(issue('bad-row', line, `${row.length} cells, ${plan.minCells} needed`));
      continue;
    }
    const text = firstCell(row, plan.text);

    // Status: Revolut's State, Danske Bank's Status.
    let isPending = false;
    let undated = false;
    if (plan.status) {
      const raw = cellAt(row, plan.status.column);
      // The usual values are compared as written; only the rare ones pay for toUpperCase.
      const s = raw === 'Udført' ? 'UDFØRT' : raw === 'COMPLETED' ? raw : raw.toUpperCase();
      if (plan.status.kind === 'revolut') {
        if (s === 'PENDING') isPending = true;
        else if (s === 'REVERTED' || s === 'DECLINED' || s === 'FAILED') {
          issues.push(issue('declined-row', line, s.toLowerCase()));
          continue;
        }
      } else if (s !== '' && s !== 'UDFØRT' && s !== 'UTFØRT') isPending = true;
    }

    let dateCell = cellAt(row, plan.date);
    if (dateCell === '' && plan.altDate !== undefined) dateCell = cellAt(row, plan.altDate);
    let date: CalendarDate | null;
    const c0 = dateCell.charCodeAt(0);
    if ((c0 === 0x52 || c0 === 0x72) && dateCell.toLowerCase() === 'reserveret') {
      // Nordea's reserved card payments: no booking date yet, the purchase date is in the text.
      isPending = true;
      date = purchaseDateInText(text, today);
      if (date === null) {
        date = today;
        undated = true;
      }
    } else {
      date = parseBankDate(dateText(dateCell), plan.dateStyle);
      if (date === null && plan.dateStyle !== undefined && plan.format.id !== 'mapped') date = parseBankDate(dateText(dateCell));
      if (date === null) {
        issues.push(issue('bad-date', line, `column ${plan.date + 1}`));
        continue;
      }
    }

    let amountMinor: number;
    try {
      amountMinor = parseDanishAmount(cellAt(row, plan.amount), plan.decimal);
      if (plan.fee !== undefined) {
        const fee = cellAt(row, plan.fee);
        // Revolut's fee is charged on top of the amount, so it is money out too.
        if (fee !== '') amountMinor -= Math.abs(parseDanishAmount(fee, plan.decimal));
      }
    } catch {
      issues.push(issue('bad-amount', line, `column ${plan.amount + 1}`));
      continue;
    }

    let currency = plan.defaultCurrency;
    if (plan.currency !== undefined) {
      const raw = cellAt(row, plan.currency);
      // Files hold one or a few currencies: reuse the last normalised one instead of a new string per row.
      if (raw !== lastCurrencyRaw) {
        lastCurrencyRaw = raw;
        lastCurrency = raw.toUpperCase() || plan.defaultCurrency;
      }
      currency = lastCurrency;
    }
    const tx: BankTransaction = {
      date,
      amountMinor,
      currency,
      text,
      pending: isPending,
      line,
    };
    if (undated) tx.dateFromImport = true;
    if (plan.valueDate !== undefined) {
      const v = parseBankDate(dateText(cellAt(row, plan.valueDate)));
      if (v !== null) tx.valueDate = v;
    }
    if (plan.counterparty) {
      const cp = firstCell(row, plan.counterparty);
      if (cp !== '') tx.counterparty = cp;
    }
    if (plan.balance !== undefined) {
      const b = cellAt(row, plan.balance);
      if (b !== '') {
        try {
          tx.balanceMinor = parseDanishAmount(b, plan.decimal);
        } catch {
          issues.push(issue('bad-balance', line, `column ${plan.balance + 1}`));
        }
      }
    }
    if (plan.sourceId !== undefined) {
      const id = cellAt(row, plan.sourceId);
      if (id !== '') tx.sourceId = id;
    }
    if (plan.account !== undefined) {
      const a = cellAt(row, plan.account);
      if (a !== '') {
        tx.account = a;
        accounts.add(a);
      }
    }
    if (plan.ownAccount) {
      const own = cellAt(row, amountMinor < 0 ? plan.ownAccount.payer : plan.ownAccount.payee);
      if (own !== '') ownAccounts.add(own);
    }
    if (isPending) pending++;
    transactions.push(tx);
  }
  if (mixed > 0 && mixed * 2 >= dataRows) {
    throw importError('malformed', `${mixed} of ${dataRows} rows use another delimiter than ${JSON.stringify(table.delimiter)}`, MIXED_DELIMITERS);
  }
  if (pending > 0) issues.push(issue('pending-row', undefined, `${pending} pending rows`));
  onProgress?.(dataRows);
  const ordered = checkBalances(transactions, issues);
  const statement: BankStatement = { format: plan.format, transactions: ordered, issues };
  const accountId = accounts.size === 1 ? [...accounts][0] : ownAccounts.size === 1 ? [...ownAccounts][0] : undefined;
  if (accountId !== undefined) statement.accountId = accountId;
  return statement;
}
