/**
 * Categories in the page: the citizen's rules win over the built-in ones (newest rule first),
 * re-categorising never touches a category the citizen chose, rule suggestions drop what
 * changes from row to row; the account a file goes to; the column mapping's first guess.
 */
import { describe, expect, it } from 'vitest';
import { categorise, type BankStatement, type CsvPreview } from '../../src/importers/bank/index';
import { chooseAccount } from '../../src/ui/money/account-choice';
import { citizenRules, recategoriseOps, setCategoryOp, suggestMatch } from '../../src/ui/money/categories';
import { accountRecordId } from '../../src/ui/money/ids';
import { guessMapping, rememberedMapping } from '../../src/ui/money/mapping';
import { storedTransaction } from '../../src/records/money/index';
import type { AccountRecord, RuleRecord, TransactionRecord } from '../../src/ui/money/model';

const AT = '2026-03-01T10:00:00.000Z';
const rule = (id: string, match: string, category: string, createdAt: string): RuleRecord => ({
  id,
  kind: 'category-rule',
  profileId: 'p',
  v: 1,
  createdAt,
  updatedAt: createdAt,
  data: { match, category, createdAt },
});
const stored = (id: string, text: string, amountMinor: number, category: string, categoryByCitizen = false): TransactionRecord => ({
  id,
  kind: 'bank-transaction',
  profileId: 'p',
  v: 3,
  createdAt: AT,
  updatedAt: AT,
  data: storedTransaction({
    accountId: 'a',
    date: '2026-02-01',
    amountMinor,
    currency: 'DKK',
    text,
    pending: false,
    line: 2,
    category,
    categoryByCitizen,
    importId: 'i',
  }),
});
const account = (id: string, data: Partial<AccountRecord['data']>): AccountRecord => ({
  id,
  kind: 'bank-account',
  profileId: 'p',
  v: 1,
  createdAt: AT,
  updatedAt: AT,
  data: { label: id, formatId: 'mapped', ...data },
});

describe('citizen rules', () => {
  it('are tried newest first and win over the built-in rules', () => {
    const rules = citizenRules([
      rule('old', 'bageriet', 'restaurants', '2026-01-01T00:00:00.000Z'),
      rule('new', 'bageriet', 'shopping', '2026-02-01T00:00:00.000Z'),
      rule('bad', 'x', 'no-such-category', '2026-03-01T00:00:00.000Z'),
    ]);
    expect(rules.map((r) => r.id)).toEqual(['new', 'old']);
    const tx = { date: '2026-02-01', amountMinor: -4500, currency: 'DKK', text: 'Dankort-køb Bageriet Søndergade', pending: false, line: 2 };
    expect(categorise(tx)).toBe('groceries');
    expect(categorise(tx, rules)).toBe('shopping');
  });

  it('re-sort only the rows nobody chose a category for', () => {
    const rows = [
      stored('1', 'Bageriet Søndergade', -4500, 'groceries'),
      stored('2', 'Bageriet Søndergade', -3000, 'groceries', true),
      stored('3', 'Netto Østerbro', -2000, 'groceries'),
    ];
    const ops = recategoriseOps('p', rows, citizenRules([rule('r', 'bageriet', 'restaurants', AT)]));
    expect(ops).toEqual([{ op: 'put', profileId: 'p', kind: 'bank-transaction', id: '1', data: { ...rows[0]!.data, category: 'restaurants' } }]);
    // Without the rule, row 1 would go back to the built-in category: nothing to do for the others.
    expect(recategoriseOps('p', rows, [])).toEqual([]);
  });

  it('a category set on a row is the citizen\u2019s from then on', () => {
    const op = setCategoryOp('p', stored('1', 'Netto', -100, 'groceries'), 'health');
    expect(op).toMatchObject({ op: 'put', id: '1', data: { category: 'health', categoryByCitizen: true } });
  });

  it('suggest a match without the card prefix, dates and card numbers', () => {
    expect(suggestMatch('Dankort-køb Netto Østerbro 12.03')).toBe('Netto Østerbro');
    expect(suggestMatch('Visa/Dankort 4571XXXXXXXX1234 Café Kalaset')).toBe('Café Kalaset');
    expect(suggestMatch('MobilePay Anders And')).toBe('Anders And');
    expect(suggestMatch('Overførsel', 'Boligforeningen AAB')).toBe('Boligforeningen AAB');
    expect(suggestMatch('12.03')).toBe('12.03');
  });
});

describe('chooseAccount', () => {
  const statement = (accountId?: string, formatId = 'danske-bank'): BankStatement => ({
    format: { id: formatId, label: 'Danske Bank' },
    transactions: [],
    issues: [],
    ...(accountId ? { accountId } : {}),
  });

  it('sends a file that names its account to the same record every time', () => {
    const first = chooseAccount(statement('3409-1234567890'), []);
    expect(first).toEqual({ kind: 'new', id: accountRecordId('3409-1234567890'), label: 'Danske Bank 3409-1234567890', accountNumber: '3409-1234567890' });
    expect(chooseAccount(statement('3409 1234567890'), [account(first.id, {})])).toEqual({ kind: 'existing', id: first.id });
  });

  it('otherwise uses the account of the remembered mapping, then (unsure, to be confirmed) the last one in the same format, else a new one', () => {
    const mapping = { delimiter: ';', hasHeader: true, date: 0, text: 1, amount: 2, dateStyle: 'DD.MM.YYYY', decimal: ',' } as const;
    const accounts = [
      account('mapped', { mapping }),
      account('older', { formatId: 'danske-bank', lastImport: { importId: 'i', at: '2026-01-01T00:00:00.000Z', added: 1, duplicates: 0 } }),
      account('newer', { formatId: 'danske-bank', lastImport: { importId: 'i', at: '2026-02-01T00:00:00.000Z', added: 1, duplicates: 0 } }),
    ];
    expect(chooseAccount(statement(undefined, 'mapped'), accounts, { ...mapping })).toEqual({ kind: 'existing', id: 'mapped' });
    expect(chooseAccount(statement(), accounts)).toEqual({ kind: 'existing', id: 'newer', unsure: true });
    const fresh = chooseAccount(statement(undefined, 'ofx'), accounts);
    expect(fresh.kind).toBe('new');
    expect(fresh.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe('column mapping', () => {
  const csv: CsvPreview = {
    encoding: 'windows-1252',
    delimiter: ';',
    rows: [
      ['Bogført', 'Rentedato', 'Beskrivelse', 'Beløb', 'Saldo'],
      ['02.01.2026', '02.01.2026', 'Dankort-køb Netto Østerbro', '-289,50', '12.450,75'],
      ['03.01.2026', '03.01.2026', 'Løn januar fra arbejdsgiver', '15.000,00', '27.450,75'],
      ['05.01.2026', '05.01.2026', 'Rejsekort', '-24,00', '27.426,75'],
    ],
  };

  it('guesses the header, date, text, amount and balance columns and the styles', () => {
    expect(guessMapping(csv)).toEqual({ delimiter: ';', hasHeader: true, date: 0, text: 2, amount: 3, balance: 4, dateStyle: 'DD.MM.YYYY', decimal: ',' });
    const headerless: CsvPreview = {
      ...csv,
      delimiter: ',',
      rows: [
        ['2026-01-02', 'Coffee shop', '-4.50'],
        ['2026-01-03', 'Salary', '1500.00'],
      ],
    };
    expect(guessMapping(headerless)).toMatchObject({ hasHeader: false, date: 0, text: 1, amount: 2, dateStyle: 'YYYY-MM-DD', decimal: '.' });
  });

  it('offers the remembered mapping of an account only when its columns fit the file', () => {
    const fits = { delimiter: ';', hasHeader: true, date: 0, text: 2, amount: 3, dateStyle: 'DD.MM.YYYY', decimal: ',' } as const;
    const tooWide = { ...fits, amount: 9 };
    const accounts = [account('wide', { mapping: tooWide }), account('fits', { mapping: fits })];
    expect(rememberedMapping(csv, accounts)?.account.id).toBe('fits');
    expect(rememberedMapping({ ...csv, delimiter: ',' }, accounts)).toBeNull();
  });
});
