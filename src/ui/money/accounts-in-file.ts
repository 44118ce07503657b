/**
 * A statement file can hold several accounts: a camt.053 `Stmt` per account, OFX `STMTRS` (bank)
 * and `CCSTMTRS` (card) statements side by side, a CSV with an account column. Such a file is
 * imported account by account: each account's rows go to their own bank-account record (the one
 * with that account number, else a new one), are compared only with that account's stored rows,
 * and have their own preview and counts — and everything is still stored in one atomic write.
 * A file with one account (or none named) is one part, exactly as before.
 */
import type { BankStatement, BankTransaction, ColumnMapping, StatementAccount } from '../../importers/bank/index';
import { transactionKeys } from '../../importers/bank/index';
import type { ImportIssue } from '../../importers/types';
import { locale } from '../i18n/index';
import { accountLabelFor, chooseAccount, newAccount, type AccountChoice } from './account-choice';
import { accountRecordId } from './ids';
import { MONEY_KINDS, type AccountData, type AccountRecord, type PutOf, type TransactionData } from './model';
import { buildPreview, transactionOps, type ImportPreview } from './preview';

/** The rows of one account in the file, where they go, and what they would add. */
export interface AccountPart {
  /** The account number or IBAN the file gives these rows; absent for rows that name none. */
  number?: string;
  /** A credit card's statement (OFX `CCSTMTRS`). */
  card: boolean;
  /** This account's rows and issues, as a statement of its own. */
  statement: BankStatement;
  choice: AccountChoice;
  preview: ImportPreview;
}

export interface FilePreview {
  parts: AccountPart[];
  /** In a file with several accounts, what concerns the file as a whole (issues naming no account); else null. */
  fileIssues: ImportPreview | null;
}

export interface PreviewContext {
  accounts: readonly AccountRecord[];
  /** Ids of every stored bank row. */
  existingIds: ReadonlySet<string>;
  categorise: (tx: BankTransaction) => string;
  /** The citizen's column mapping, when the file needed one. */
  mapping?: ColumnMapping;
}

/**
 * The file as one statement per account, in file order (accounts the file lists first, then any
 * that only rows name, then rows naming none). One account, or none named: the statement itself.
 * Issues go with the account they name; the rest concern the whole file.
 */
export function splitByAccount(statement: BankStatement): { statements: BankStatement[]; fileIssues: ImportIssue[] } {
  const listed = new Map<string, StatementAccount>((statement.accounts ?? []).map((a) => [a.id, a]));
  const rows = new Map<string, BankTransaction[]>([...listed.keys()].map((id) => [id, []]));
  for (const tx of statement.transactions) {
    const key = tx.account ?? '';
    let list = rows.get(key);
    if (!list) rows.set(key, (list = []));
    list.push(tx);
  }
  const issues = new Map<string, ImportIssue[]>();
  const fileIssues: ImportIssue[] = [];
  for (const issue of statement.issues) {
    if (issue.account !== undefined && rows.has(issue.account)) (issues.get(issue.account) ?? issues.set(issue.account, []).get(issue.account)!).push(issue);
    else fileIssues.push(issue);
  }
  // An account with neither rows nor issues (an empty statement) has nothing to show.
  const keys = [...rows.keys()].filter((key) => rows.get(key)!.length > 0 || issues.has(key));
  if (keys.length <= 1) return { statements: [statement], fileIssues: [] };
  const statements = keys.map((key): BankStatement => {
    const part: BankStatement = { format: statement.format, transactions: rows.get(key)!, issues: issues.get(key) ?? [] };
    if (key !== '') {
      part.accountId = key;
      part.accounts = [listed.get(key) ?? { id: key }];
    }
    return part;
  });
  return { statements, fileIssues };
}

/** What one account's rows would add to the account chosen for them. */
function previewOf(statement: BankStatement, choice: AccountChoice, context: PreviewContext): ImportPreview {
  return buildPreview({
    statement,
    accountId: choice.id,
    keys: transactionKeys(choice.id, statement.transactions),
    existingIds: context.existingIds,
    categorise: context.categorise,
  });
}

function partOf(statement: BankStatement, picked: AccountChoice, context: PreviewContext): AccountPart {
  const preview = previewOf(statement, picked, context);
  // A file that shares rows with the guessed account continues it: no need to ask.
  const choice: AccountChoice = picked.kind === 'existing' && picked.unsure && preview.counts.duplicate > 0 ? { kind: 'existing', id: picked.id } : picked;
  const part: AccountPart = { card: statement.accounts?.[0]?.card === true, statement, choice, preview };
  if (statement.accountId) part.number = statement.accountId;
  return part;
}

/** The preview of a parsed file: one part per account, each going to the account chosen for it. */
export function buildFilePreview(statement: BankStatement, context: PreviewContext): FilePreview {
  const { statements, fileIssues } = splitByAccount(statement);
  const parts = statements.map((s) => partOf(s, chooseAccount(s, context.accounts, context.mapping), context));
  if (parts.length === 1) return { parts, fileIssues: null };
  const whole: BankStatement = { format: statement.format, transactions: [], issues: fileIssues };
  return { parts, fileIssues: previewOf(whole, { kind: 'existing', id: 'file' }, context) };
}

/**
 * The choice for an account picked in the preview (`new` for a new one). A new account for rows
 * that name their number keeps the number, and the record id derived from it when no account has it yet.
 */
export function choiceFor(
  part: Pick<AccountPart, 'number'> & { statement: Pick<BankStatement, 'format' | 'accounts'> },
  picked: string,
  accounts: readonly AccountRecord[],
): AccountChoice {
  if (picked !== 'new') return { kind: 'existing', id: picked };
  const fresh = newAccount(part.number ? accountLabelFor(part.statement, part.number) : part.statement.format.label);
  if (!part.number) return fresh;
  const derived = accountRecordId(part.number);
  return { ...fresh, id: accounts.some((a) => a.id === derived) ? fresh.id : derived, accountNumber: part.number };
}

/** The file preview with part `index` going to another account (its rows compared with that account's). */
export function withAccount(file: FilePreview, index: number, choice: AccountChoice, context: PreviewContext): FilePreview {
  const parts = file.parts.map((part, i) => (i === index ? partOf(part.statement, choice, context) : part));
  return { ...file, parts };
}

/** The file preview with the rows of part `index` chosen anew. */
export function withRows(file: FilePreview, index: number, preview: ImportPreview): FilePreview {
  return { ...file, parts: file.parts.map((part, i) => (i === index ? { ...part, preview } : part)) };
}

export interface ImportTarget {
  profileId: string;
  importId: string;
  /** When the import is saved, ISO. */
  at: string;
  formatId: string;
  mapping?: ColumnMapping;
  /** The stored accounts, to keep what the citizen set on them. */
  accounts: readonly AccountRecord[];
}

/**
 * Everything the save writes, for one atomic call: the chosen rows of every part, then one
 * `bank-account` put per account with its last import (see `accountOps`). `labels[i]` is the
 * name of part i's account. `savedTo` names the accounts that got rows.
 */
export function importOps(
  parts: readonly AccountPart[],
  labels: readonly string[],
  target: ImportTarget,
): { rows: PutOf<TransactionData>[]; accounts: PutOf<AccountData>[]; savedTo: string } {
  const totals = parts.map((part): PartTotals => ({ ...part, added: savedRows(part.preview), duplicates: part.preview.counts.duplicate }));
  return { rows: rowOps(parts, target), ...accountOps(totals, labels, target) };
}

/** The chosen rows of every part, in part order. */
export function rowOps(parts: readonly AccountPart[], target: Pick<ImportTarget, 'profileId' | 'importId'>): PutOf<TransactionData>[] {
  const rows: PutOf<TransactionData>[] = [];
  for (const part of parts) for (const op of transactionOps(part.preview, { profileId: target.profileId, importId: target.importId })) rows.push(op);
  return rows;
}

/** How many rows of a part the save writes: the chosen ones, never a duplicate (as `transactionOps`). */
const savedRows = (preview: ImportPreview): number => preview.rows.reduce((n, r) => n + (r.include && r.status !== 'duplicate' ? 1 : 0), 0);

/** What `accountOps` needs of a part: where its rows go, and how many it adds and finds stored. */
export interface PartTotals {
  choice: AccountChoice;
  number?: string | undefined;
  added: number;
  duplicates: number;
}

/**
 * One `bank-account` put per account the rows go to, with its last import (two parts sent to one
 * account add up). An account that exists gets the file's number when it had none, so the next
 * file finds it by number. A new account that would get no rows in a file of several accounts
 * is not made. `labels[i]` is the name of part i's account. `savedTo` names the accounts that got rows.
 */
export function accountOps(parts: readonly PartTotals[], labels: readonly string[], target: ImportTarget): { accounts: PutOf<AccountData>[]; savedTo: string } {
  if (labels.length !== parts.length) throw new RangeError(`importOps: ${labels.length} labels for ${parts.length} accounts`);
  const byAccount = new Map<string, { label: string; number?: string; choice: AccountChoice; added: number; duplicates: number }>();
  parts.forEach((part, i) => {
    const sum = byAccount.get(part.choice.id) ?? { label: labels[i]!, choice: part.choice, added: 0, duplicates: 0 };
    if (sum.number === undefined && part.number !== undefined) sum.number = part.number;
    sum.added += part.added;
    sum.duplicates += part.duplicates;
    byAccount.set(part.choice.id, sum);
  });
  const accounts: PutOf<AccountData>[] = [];
  const savedTo: string[] = [];
  for (const [id, sum] of byAccount) {
    const existing = target.accounts.find((a) => a.id === id);
    if (!existing && sum.added === 0 && parts.length > 1) continue;
    const mapping = target.mapping ?? (existing?.data.mapping as ColumnMapping | undefined);
    const accountNumber = sum.choice.kind === 'new' ? (sum.choice.accountNumber ?? sum.number) : (existing?.data.accountNumber ?? sum.number);
    accounts.push({
      op: 'put',
      profileId: target.profileId,
      kind: MONEY_KINDS.accounts.name,
      id,
      data: {
        label: sum.label,
        ...(accountNumber ? { accountNumber } : {}),
        formatId: target.formatId,
        ...(mapping ? { mapping } : {}),
        lastImport: { importId: target.importId, at: target.at, added: sum.added, duplicates: sum.duplicates },
      },
    });
    if (sum.added > 0) savedTo.push(sum.label);
  }
  return { accounts, savedTo: new Intl.ListFormat(locale(), { type: 'conjunction' }).format(savedTo) };
}
