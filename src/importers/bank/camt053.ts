/**
 * ISO 20022 camt.053 bank-to-customer statements, any `camt.053.001.xx` version: elements are
 * matched by local name, so the namespace version does not matter. Stream-parsed with saxes —
 * no DOM, so a large statement costs only the rows it yields.
 *
 * One `Ntry` is one booking line and becomes one transaction, however many `TxDtls` a batch
 * entry holds (their amounts add up to the entry's, and importing each would count it twice).
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { parseDanishAmount } from './amount';
import { bankName } from './bank-names';
import { parseBankDate } from './dates';
import { FORMAT } from './formats';
import { importError, issue } from './messages';
import type { RowOptions } from './csv-import';
import type { BankStatement, BankTransaction, CalendarDate, StatementAccount } from './types';
import { ImportError, type ImportIssue } from '../types';

interface Entry {
  line: number;
  amount: string;
  ccy: string;
  cdtDbt: string;
  reversal: boolean;
  status: string;
  bookingDate: string;
  valueDate: string;
  ref: string;
  txRef: string;
  info: string;
  /** Ustrd lines per TxDtls (a batch has several). */
  ustrd: string[][];
  /** Debtor and creditor names per TxDtls, for a batch's text. */
  parties: { debtor: string; creditor: string }[];
  debtorName: string;
  creditorName: string;
  txCount: number;
  batchCount: number;
}

interface Stmt {
  account: string;
  ccy: string;
  /** The servicing bank: its name, else from its BIC. */
  bank: string;
  /** Where this statement's issues begin in the file's list: they get its account when it ends. */
  issueStart: number;
  opening?: number;
  closing?: number;
  rows: BankTransaction[];
  reversals: BankTransaction[];
}

function newEntry(line: number): Entry {
  return {
    line,
    amount: '',
    ccy: '',
    cdtDbt: '',
    reversal: false,
    status: '',
    bookingDate: '',
    valueDate: '',
    ref: '',
    txRef: '',
    info: '',
    ustrd: [],
    parties: [],
    debtorName: '',
    creditorName: '',
    txCount: 0,
    batchCount: 0,
  };
}

/** `NAME: remittance text` of each transaction of a batch entry (its first few), joined with `; `. */
function batchText(e: Entry): string {
  const parts: string[] = [];
  const n = Math.min(Math.max(e.ustrd.length, e.parties.length), MAX_BATCH_TEXTS);
  for (let i = 0; i < n; i++) {
    const p = e.parties[i];
    // Money in names who paid; money out names who was paid.
    const who = p ? (e.cdtDbt === 'CRDT' ? p.debtor || p.creditor : p.creditor || p.debtor) : '';
    const what = (e.ustrd[i] ?? []).join(' ');
    const part = who !== '' && what !== '' ? `${who}: ${what}` : who || what;
    if (part !== '') parts.push(part);
  }
  return parts.join('; ');
}

/** `BGS:KREDITOR:12345;BETALER:…`: a bank's coded note, two or more `:`-separated fields, no spaces before the first. */
const CODED_NOTE = /^[A-Za-z0-9_-]+:[^\s:;]*:[^;]*(;|$)/;

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function isoDate(text: string): CalendarDate | null {
  // `Dt` is a date, `DtTm` a date-time: the calendar date is its first ten characters.
  return parseBankDate(text.slice(0, 10), 'YYYY-MM-DD');
}

const CHUNK = 1 << 20;
const MAX_BATCH_TEXTS = 5;

export function parseCamt053(text: string, options: RowOptions): BankStatement {
  const issues: ImportIssue[] = [];
  const statements: Stmt[] = [];
  const stack: string[] = [];
  let buf = '';
  let stmt: Stmt | null = null;
  let stmtDepth = -1;
  let entry: Entry | null = null;
  let entryDepth = -1;
  let bal: { code: string; amount: string; cdtDbt: string } | null = null;
  let amtCcy = '';
  let entries = 0;
  let sawRoot = false;

  const parser = new SaxesParser({ xmlns: false, position: true });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    stack.push(name);
    buf = '';
    if (name === 'BkToCstmrStmt') sawRoot = true;
    else if (name === 'Stmt' && stack[stack.length - 2] === 'BkToCstmrStmt') {
      stmt = { account: '', ccy: '', bank: '', issueStart: issues.length, rows: [], reversals: [] };
      stmtDepth = stack.length - 1;
    } else if (name === 'Ntry' && stmt && stack.length - 2 === stmtDepth) {
      entry = newEntry(parser.line);
      entryDepth = stack.length - 1;
    } else if (name === 'Bal' && stmt && stack.length - 2 === stmtDepth) bal = { code: '', amount: '', cdtDbt: '' };
    else if (name === 'Amt') amtCcy = tag.attributes['Ccy'] ?? '';
    else if (name === 'TxDtls' && entry) entry.txCount++;
  });
  parser.on('text', (t: string) => {
    buf += t;
  });
  parser.on('cdata', (t: string) => {
    buf += t;
  });
  parser.on('closetag', () => {
    const name = stack[stack.length - 1]!;
    const value = buf.trim();
    buf = '';
    const depth = stack.length - 1;
    if (entry) {
      const rel = depth - entryDepth; // 0 = the Ntry itself, 1 = a direct child
      if (rel === 0) {
        finishEntry(entry);
        entry = null;
      } else if (rel === 1) {
        if (name === 'Amt') {
          entry.amount = value;
          entry.ccy = amtCcy;
        } else if (name === 'CdtDbtInd') entry.cdtDbt = value;
        else if (name === 'RvslInd') entry.reversal = value === 'true' || value === '1';
        else if (name === 'Sts' && value !== '') entry.status = value;
        else if (name === 'AcctSvcrRef') entry.ref = value;
        else if (name === 'AddtlNtryInf') entry.info = value;
      } else if (rel === 2) {
        const parent = stack[depth - 1];
        if (parent === 'Sts' && name === 'Cd') entry.status = value;
        else if (parent === 'BookgDt' && (name === 'Dt' || name === 'DtTm')) entry.bookingDate = value;
        else if (parent === 'ValDt' && (name === 'Dt' || name === 'DtTm')) entry.valueDate = value;
      } else if (stack[entryDepth + 1] === 'NtryDtls') {
        const inTx = stack[entryDepth + 2] === 'TxDtls';
        if (rel === 3 && name === 'NbOfTxs' && stack[depth - 1] === 'Btch') entry.batchCount = Number(value) || 0;
        else if (inTx && name === 'Ustrd' && stack[depth - 1] === 'RmtInf' && value !== '') {
          const at = entry.txCount - 1;
          // A batch of thousands keeps the texts of its first few transactions only.
          if (at < MAX_BATCH_TEXTS) (entry.ustrd[at] ??= []).push(value);
        } else if (inTx && name === 'Nm' && stack[entryDepth + 3] === 'RltdPties') {
          // .02: RltdPties/Dbtr/Nm; .08: RltdPties/Dbtr/Pty/Nm.
          const party = stack[entryDepth + 4];
          const shape = rel === 5 || (rel === 6 && stack[depth - 1] === 'Pty');
          const at = entry.txCount - 1;
          if (shape && at < MAX_BATCH_TEXTS) {
            const p = (entry.parties[at] ??= { debtor: '', creditor: '' });
            if (party === 'Dbtr' && p.debtor === '') p.debtor = value;
            if (party === 'Cdtr' && p.creditor === '') p.creditor = value;
          }
          if (shape && entry.txCount === 1 && party === 'Dbtr' && entry.debtorName === '') entry.debtorName = value;
          if (shape && entry.txCount === 1 && party === 'Cdtr' && entry.creditorName === '') entry.creditorName = value;
        } else if (entry.txCount > 1) {
          // The reference of a batch is not that of its first transaction.
        } else if (inTx && name === 'AcctSvcrRef' && stack[depth - 1] === 'Refs') entry.txRef = value;
      }
    } else if (stmt) {
      const rel = depth - stmtDepth;
      if (rel === 0) {
        finishStmt(stmt);
        if (stmt.account !== '') for (let i = stmt.issueStart; i < issues.length; i++) issues[i]!.account = stmt.account;
        statements.push(stmt);
        stmt = null;
      } else if (bal) {
        if (name === 'Bal' && rel === 1) {
          finishBal(stmt, bal);
          bal = null;
        } else if (name === 'Cd' && stack[depth - 1] === 'CdOrPrtry') bal.code = value;
        else if (name === 'Amt' && rel === 2) bal.amount = value;
        else if (name === 'CdtDbtInd' && rel === 2) bal.cdtDbt = value;
      } else if (stack[stmtDepth + 1] === 'Acct') {
        if (rel === 3 && name === 'IBAN') stmt.account = value;
        else if (rel === 4 && name === 'Id' && stack[depth - 1] === 'Othr' && stmt.account === '') stmt.account = value;
        else if (rel === 2 && name === 'Ccy') stmt.ccy = value;
        else if (stack[stmtDepth + 2] === 'Svcr' && stack[depth - 1] === 'FinInstnId' && value !== '') {
          // .02 BIC, .08 BICFI; a name the bank gives itself wins over one looked up from the BIC.
          if (name === 'Nm') stmt.bank = value;
          else if ((name === 'BIC' || name === 'BICFI') && stmt.bank === '') stmt.bank = bankName(value);
        }
      }
    }
    stack.pop();
  });

  function signed(amount: string, cdtDbt: string): number | null {
    try {
      const v = parseDanishAmount(amount, '.');
      if (cdtDbt === 'CRDT') return v;
      if (cdtDbt === 'DBIT') return -v;
      return null;
    } catch {
      return null;
    }
  }

  function finishBal(s: Stmt, b: { code: string; amount: string; cdtDbt: string }): void {
    const v = signed(b.amount, b.cdtDbt);
    if (v === null) return;
    if ((b.code === 'OPBD' || b.code === 'PRCD') && s.opening === undefined) s.opening = v;
    if (b.code === 'CLBD') s.closing = v;
  }

  function finishEntry(e: Entry): void {
    entries++;
    if (options.onProgress && entries % 2000 === 0) options.onProgress(entries);
    const s = stmt!;
    const status = e.status.toUpperCase();
    if (status === 'INFO') {
      issues.push(issue('info-entry', e.line));
      return;
    }
    const amountMinor = signed(e.amount, e.cdtDbt);
    if (amountMinor === null) {
      issues.push(issue('bad-amount', e.line, 'Amt or CdtDbtInd'));
      return;
    }
    const pending = status === 'PDNG';
    let date = isoDate(e.bookingDate);
    let undated = false;
    if (date === null && pending) {
      date = isoDate(e.valueDate);
      if (date === null) {
        date = options.today;
        undated = true;
      }
    }
    if (date === null) {
      issues.push(issue('bad-date', e.line, 'BookgDt'));
      return;
    }
    const batch = e.txCount > 1 || e.batchCount > 1;
    // A batch's first transaction names its own counterparty, not the batch's.
    const name = batch ? '' : e.cdtDbt === 'CRDT' ? e.debtorName : e.creditorName;
    // Banks' coded notes (`code:LABEL:value;…`) are for machines: the remittance information and
    // the counterparties say what the citizen needs. A batch without a plain note of its own
    // lists each transaction's counterparty and text with `; `.
    const info = CODED_NOTE.test(e.info) ? '' : e.info;
    // The coded note is still better than no text at all.
    const text =
      (batch
        ? info || batchText(e)
        : e.ustrd
            .map((lines) => lines.join(' '))
            .filter((t) => t !== '')
            .join('; ') ||
          name ||
          info) || e.info;
    const tx: BankTransaction = { date, amountMinor, currency: e.ccy || s.ccy || 'DKK', text, pending, line: e.line };
    if (undated) tx.dateFromImport = true;
    const valueDate = isoDate(e.valueDate);
    if (valueDate !== null) tx.valueDate = valueDate;
    if (name !== '') tx.counterparty = name;
    const ref = e.ref || (batch ? '' : e.txRef);
    if (ref !== '') tx.sourceId = ref;
    s.rows.push(tx);
    if (e.reversal) s.reversals.push(tx);
  }

  function finishStmt(s: Stmt): void {
    if (s.opening === undefined || s.closing === undefined) return;
    let sum = 0;
    for (const tx of s.rows) if (!tx.pending) sum += tx.amountMinor;
    if (s.opening + sum === s.closing) return;
    // Some banks keep the original entry's indicator on a reversal and let RvslInd flip it;
    // the ISO rule is that CdtDbtInd is already the reversal's own direction. The balances decide.
    let flip = 0;
    for (const tx of s.reversals) if (!tx.pending) flip -= 2 * tx.amountMinor;
    if (s.reversals.length > 0 && s.opening + sum + flip === s.closing) {
      for (const tx of s.reversals) tx.amountMinor = -tx.amountMinor;
      issues.push(issue('reversal-sign', s.reversals[0]!.line));
      return;
    }
    issues.push(issue('balance-mismatch', undefined, 'opening balance plus entries is not the closing balance'));
  }

  let closing = false;
  try {
    for (let at = 0; at < text.length; at += CHUNK) {
      if (options.signal?.aborted) throw importError('cancelled', 'aborted by the caller');
      parser.write(text.slice(at, at + CHUNK));
    }
    closing = true;
    parser.close();
  } catch (err) {
    if (err instanceof ImportError) throw err;
    // An error only at the very end means the document stopped before its elements were closed.
    throw importError(closing ? 'truncated' : 'malformed', `camt.053: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, undefined, err);
  }
  if (!sawRoot) throw importError('unknown-format', 'camt.053: no BkToCstmrStmt element');

  const transactions: BankTransaction[] = [];
  // A file may hold several statements of one account (one per day, say): that is one account.
  const accounts = new Map<string, StatementAccount>();
  for (const s of statements) {
    // Rows get their account here, not as they are read: Acct comes first by the schema, not always in the file.
    if (s.account !== '' && !accounts.has(s.account))
      accounts.set(s.account, { id: s.account, ...(s.ccy !== '' ? { currency: s.ccy } : {}), ...(s.bank !== '' ? { bank: s.bank } : {}) });
    for (const tx of s.rows) {
      if (s.account !== '') tx.account = s.account;
      transactions.push(tx);
    }
  }
  transactions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  options.onProgress?.(entries);
  const result: BankStatement = { format: FORMAT.camt053, transactions, issues };
  if (accounts.size > 0) result.accounts = [...accounts.values()];
  if (accounts.size === 1) result.accountId = [...accounts.keys()][0]!;
  return result;
}
