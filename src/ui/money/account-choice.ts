/**
 * Which bank-account record an import goes to. A file that names its account always goes to the
 * same record: the one whose id is derived from the number, else one that has the number (however
 * spaced), else a new one with the derived id. Otherwise the account whose remembered mapping was
 * used, else the last account imported in the same format — a guess the citizen confirms unless
 * the file shares rows with it (see accounts-in-file.ts) — else a new one.
 */
import { accountNumberText, type BankStatement, type ColumnMapping } from '../../importers/bank/index';
import { accountRecordId, normaliseAccountNumber } from './ids';
import type { AccountRecord } from './model';
import { toBase64Url } from '../../shared/base64url';
import { randomBytes } from '../../shared/bytes';

/**
 * `unsure`: only the layout points at this account (the file names none, nor was its mapping
 * used): the rows go there only once the citizen confirms it, unless some are already stored there.
 */
export type AccountChoice = { kind: 'existing'; id: string; unsure?: true } | { kind: 'new'; id: string; label: string; accountNumber?: string };

/** Account numbers compared as `accountRecordId` does. */
const sameAccountNumber = (a: string, b: string) => normaliseAccountNumber(a) !== '' && normaliseAccountNumber(a) === normaliseAccountNumber(b);

const sameMapping = (a: ColumnMapping | undefined, b: ColumnMapping | undefined) =>
  a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);

export function chooseAccount(statement: BankStatement, accounts: readonly AccountRecord[], mapping?: ColumnMapping): AccountChoice {
  if (statement.accountId) {
    const id = accountRecordId(statement.accountId);
    if (accounts.some((a) => a.id === id)) return { kind: 'existing', id };
    const sameNumber = accounts.find((a) => a.data.accountNumber !== undefined && sameAccountNumber(a.data.accountNumber, statement.accountId!));
    if (sameNumber) return { kind: 'existing', id: sameNumber.id };
    return { kind: 'new', id, label: accountLabelFor(statement, statement.accountId), accountNumber: statement.accountId };
  }
  const byMapping = mapping && accounts.find((a) => sameMapping(a.data.mapping as ColumnMapping | undefined, mapping));
  if (byMapping) return { kind: 'existing', id: byMapping.id };
  const sameFormat = accounts
    .filter((a) => a.data.formatId === statement.format.id && !a.data.accountNumber)
    .sort((a, b) => (b.data.lastImport?.at ?? '').localeCompare(a.data.lastImport?.at ?? ''))[0];
  if (sameFormat) return { kind: 'existing', id: sameFormat.id, unsure: true };
  return newAccount(statement.format.label);
}

/**
 * A new account's name: the bank and the number (`Danske Bank DK50 0040 0440 1162 43`). A CSV
 * layout is a bank's own, so its label is the bank; a camt.053 or OFX file names its bank, if at
 * all, in the statement — never "ISO 20022 camt.053 …".
 */
export function accountLabelFor(statement: Pick<BankStatement, 'format' | 'accounts'>, number: string): string {
  const standard = statement.format.id === 'camt053' || statement.format.id === 'ofx';
  const bank = standard ? statement.accounts?.find((a) => a.id === number)?.bank : statement.format.label;
  const shown = accountNumberText(number);
  return bank ? `${bank} ${shown}` : shown;
}

export const newAccount = (label: string): Extract<AccountChoice, { kind: 'new' }> => ({ kind: 'new', id: toBase64Url(randomBytes(16)), label });
