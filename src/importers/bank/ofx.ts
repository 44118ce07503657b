/**
 * OFX statements, 1.x (SGML: a `KEY:VALUE` header block, leaf elements without closing tags)
 * and 2.x (XML), read by one tolerant tokenizer rather than an XML parser: banks don't always
 * implement the OFX standard properly — tags closed or not, everything on one line, unknown
 * tags, tags in the wrong case.
 */
import { parseDanishAmount } from './amount';
import { parseOfxDate } from './dates';
import { FORMAT } from './formats';
import { importError, issue } from './messages';
import type { RowOptions } from './csv-import';
import type { BankStatement, BankTransaction, StatementAccount } from './types';
import type { ImportIssue } from '../types';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}
const ENTITY = /&(#x?[0-9a-f]+|[a-z]+);/gi;

interface Txn {
  line: number;
  leaves: Map<string, string>;
}

interface Statement {
  account: string;
  currency: string;
  /** A credit card statement (CCSTMTRS). */
  card: boolean;
  /** Where this statement's issues begin in the file's list: they get its account when it ends. */
  issueStart: number;
  rows: BankTransaction[];
}

/** Which aggregates hold a statement and its account. */
const STATEMENTS = new Set(['STMTRS', 'CCSTMTRS']);
const ACCOUNTS = new Set(['BANKACCTFROM', 'CCACCTFROM']);

export function parseOfx(text: string, options: RowOptions): BankStatement {
  const issues: ImportIssue[] = [];
  const statements: Statement[] = [];
  const stack: string[] = [];
  let stmt: Statement | null = null;
  let txn: Txn | null = null;
  let sawOfx = false;
  let bank = '';
  let line = 1;
  let lineScan = 0;
  let count = 0;

  const lineAt = (pos: number): number => {
    // Lines are counted lazily, only up to the tags that need a number.
    for (; lineScan < pos; lineScan++) if (text.charCodeAt(lineScan) === 0x0a) line++;
    return line;
  };

  const start = text.indexOf('<');
  if (start < 0) throw importError('malformed', 'OFX: no tags');
  let pos = start;
  let openLeaf: string | null = null; // a tag whose text is being read
  let leafText = '';
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const chunk = lt < 0 ? text.slice(pos) : text.slice(pos, lt);
    if (openLeaf !== null) leafText += decodeEntities(chunk);
    if (lt >= 0 && text.startsWith('<![CDATA[', lt)) {
      // Some banks wrap NAME and MEMO in CDATA: its text is taken as written (no entities, `<` allowed).
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) throw importError('truncated', 'OFX: a CDATA section is not closed');
      if (openLeaf !== null) leafText += text.slice(lt + 9, end);
      pos = end + 3;
      continue;
    }
    if (openLeaf !== null) {
      const value = leafText.trim();
      if (value !== '') {
        // A tag followed by text is a leaf: it holds no elements, whether or not it is closed.
        setLeaf(openLeaf, value);
        if (stack[stack.length - 1] === openLeaf) stack.pop();
      }
      openLeaf = null;
      leafText = '';
    }
    if (lt < 0) break;
    const gt = text.indexOf('>', lt + 1);
    if (gt < 0) throw importError('truncated', 'OFX: a tag is not finished');
    const raw = text.slice(lt + 1, gt);
    pos = gt + 1;
    const c0 = raw.charCodeAt(0);
    if (c0 === 0x3f /* ? */ || c0 === 0x21 /* ! */) {
      // <?xml …?>, <?OFX …?>, <!-- … -->: not content. A comment may hold '>' — skip to its end.
      if (raw.startsWith('!--') && !raw.endsWith('--')) {
        const end = text.indexOf('-->', lt + 4);
        if (end < 0) throw importError('truncated', 'OFX: a comment is not closed');
        pos = end + 3;
      }
      continue;
    }
    if (c0 === 0x2f /* / */) {
      close(raw.slice(1).trim().toUpperCase());
      continue;
    }
    const selfClosing = raw.endsWith('/');
    const name = (selfClosing ? raw.slice(0, -1) : raw).trim().split(SPACE, 1)[0]!.toUpperCase();
    if (name === '') continue;
    if (selfClosing) continue; // <MEMO/>: an empty leaf
    open(name, lt);
    openLeaf = name;
  }
  if (!sawOfx) throw importError('unknown-format', 'OFX: no OFX element');
  // Aggregates are closed even in OFX 1.x: an open OFX element means the file was cut short.
  if (stack.includes('OFX')) throw importError('truncated', 'OFX: the OFX element is not closed');
  if (stmt) finishStatement();

  function open(name: string, at: number): void {
    if (name === 'OFX') sawOfx = true;
    // Every tag is pushed; a leaf in SGML never closes, so it is popped when the next close tag
    // of an aggregate above it arrives (see close()).
    stack.push(name);
    if (STATEMENTS.has(name)) {
      if (stmt) finishStatement();
      stmt = { account: '', currency: '', card: name === 'CCSTMTRS', issueStart: issues.length, rows: [] };
    } else if (name === 'STMTTRN') {
      txn = { line: lineAt(at), leaves: new Map() };
    }
  }

  function setLeaf(name: string, value: string): void {
    const parent = stack[stack.length - 2];
    if (txn && stack.includes('STMTTRN')) {
      // CURRENCY/ORIGCURRENCY are aggregates whose CURSYM says the row's currency.
      if (name === 'CURSYM' && (parent === 'CURRENCY' || parent === 'ORIGCURRENCY')) txn.leaves.set(`${parent}.CURSYM`, value);
      else if (!txn.leaves.has(name)) txn.leaves.set(name, value);
    } else if (name === 'ORG' && parent === 'FI') {
      // The sign-on's financial institution: the bank every statement of the file is from.
      bank = value;
    } else if (stmt) {
      if (name === 'CURDEF') stmt.currency = value;
      else if (name === 'ACCTID' && stack.some((t) => ACCOUNTS.has(t))) stmt.account = value;
    }
  }

  function close(name: string): void {
    const idx = stack.lastIndexOf(name);
    if (idx < 0) return; // a close tag for a leaf we already let go of, or junk
    stack.length = idx; // implicitly closes unclosed leaves under it
    if (name === 'STMTTRN' && txn) {
      finishTxn(txn);
      txn = null;
    } else if (STATEMENTS.has(name) && stmt) finishStatement();
  }

  function finishTxn(t: Txn): void {
    count++;
    if ((count & 1023) === 0 && options.signal?.aborted) throw importError('cancelled', 'aborted by the caller');
    if (options.onProgress && count % 2000 === 0) options.onProgress(count);
    if (!stmt) stmt = { account: '', currency: '', card: false, issueStart: issues.length, rows: [] };
    const leaves = t.leaves;
    const date = parseOfxDate(leaves.get('DTPOSTED') ?? '') ?? parseOfxDate(leaves.get('DTUSER') ?? '');
    if (date === null) {
      issues.push(issue('bad-date', t.line, 'DTPOSTED'));
      return;
    }
    let amountMinor: number;
    try {
      amountMinor = parseDanishAmount(leaves.get('TRNAMT') ?? '');
    } catch {
      issues.push(issue('bad-amount', t.line, 'TRNAMT'));
      return;
    }
    const name = leaves.get('NAME') ?? leaves.get('PAYEE') ?? '';
    const memo = leaves.get('MEMO') ?? '';
    const text = name !== '' && memo !== '' && memo !== name ? `${name} ${memo}` : name || memo;
    const tx: BankTransaction = {
      date,
      amountMinor,
      // Filled from the statement's CURDEF below when the row names no currency of its own.
      currency: leaves.get('CURRENCY.CURSYM') ?? leaves.get('ORIGCURRENCY.CURSYM') ?? '',
      text,
      pending: false,
      line: t.line,
    };
    if (name !== '') tx.counterparty = name;
    const userDate = parseOfxDate(leaves.get('DTUSER') ?? '');
    if (userDate !== null && userDate !== date) tx.valueDate = userDate;
    const fitid = leaves.get('FITID') ?? '';
    if (fitid !== '') tx.sourceId = fitid;
    stmt.rows.push(tx);
  }

  function finishStatement(): void {
    if (!stmt) return;
    if (stmt.account !== '') for (let i = stmt.issueStart; i < issues.length; i++) issues[i]!.account = stmt.account;
    statements.push(stmt);
    stmt = null;
  }

  // Several statements of one account (one per period) are one account.
  const accounts = new Map<string, StatementAccount>();
  const transactions: BankTransaction[] = [];
  for (const s of statements) {
    if (s.account !== '' && !accounts.has(s.account)) {
      accounts.set(s.account, {
        id: s.account,
        ...(s.currency !== '' ? { currency: s.currency } : {}),
        ...(s.card ? { card: true as const } : {}),
        ...(bank !== '' ? { bank } : {}),
      });
    }
    for (const tx of s.rows) {
      if (s.account !== '') tx.account = s.account;
      if (tx.currency === '') tx.currency = s.currency || 'DKK';
      transactions.push(tx);
    }
  }
  transactions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  options.onProgress?.(count);
  const result: BankStatement = { format: FORMAT.ofx, transactions, issues };
  if (accounts.size > 0) result.accounts = [...accounts.values()];
  if (accounts.size === 1) result.accountId = [...accounts.keys()][0]!;
  return result;
}
const SPACE = /\s/;
