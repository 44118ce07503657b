/**
 * Importing a file with several accounts, as the money page does it, against a real RecordStore
 * on fake-indexeddb: each account's rows go to their own bank-account record (found by account
 * number, or new), have their own counts, and are stored in one write; the same file again adds
 * nothing to any account; a FITID that recurs in another account is another row.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { categorise, parseBankFile, type BankStatement } from '../../src/importers/bank/index';
import type { WriteOp } from '../../src/vault/record-store';
import type { Vault } from '../../src/vault/vault';
import {
  buildFilePreview,
  choiceFor,
  importOps,
  splitByAccount,
  withAccount,
  type FilePreview,
  type PreviewContext,
} from '../../src/ui/money/accounts-in-file';
import { accountRecordId } from '../../src/ui/money/ids';
import type { AccountRecord, TransactionRecord } from '../../src/ui/money/model';
import { setIncluded } from '../../src/ui/money/preview';
import { vaultWithProfile } from './support/setup-vault';
import { bankAccountKind, bankTransactionKind } from '../../src/records/money/index';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/bank');
const parse = (name: string): BankStatement => parseBankFile(new Uint8Array(readFileSync(join(DIR, name))), { today: '2026-04-01' });

const CURRENT = 'DK5000400440116243';
const SAVINGS = '3409-1234567890';

async function stored(vault: Vault, profileId: string) {
  const accounts = (await vault.records.list(profileId, bankAccountKind)).records as AccountRecord[];
  const transactions = (await vault.records.list(profileId, bankTransactionKind)).records as TransactionRecord[];
  return { accounts, transactions };
}

async function context(vault: Vault, profileId: string): Promise<PreviewContext> {
  const { accounts, transactions } = await stored(vault, profileId);
  return { accounts, existingIds: new Set(transactions.map((t) => t.id)), categorise: (tx) => categorise(tx, []) };
}

const labelsOf = (view: FilePreview) => view.parts.map((p) => (p.choice.kind === 'new' ? p.choice.label : 'kept'));

/** Saves the preview the way ImportPanel.save does: every op in one write. */
async function save(vault: Vault, profileId: string, view: FilePreview, ctx: PreviewContext, labels = labelsOf(view), statement?: BankStatement) {
  const result = importOps(view.parts, labels, {
    profileId,
    importId: `import-${Math.random().toString(36).slice(2, 10)}`,
    at: '2026-04-01T10:00:00.000Z',
    formatId: (statement ?? view.parts[0]!.statement).format.id,
    accounts: ctx.accounts,
  });
  await vault.records.write([...result.rows, ...result.accounts]);
  return result;
}

const counts = (view: FilePreview) => view.parts.map((p) => [p.number ?? null, p.preview.counts]);

describe('splitByAccount', () => {
  it('one statement per account in file order, issues with their account, the rest for the whole file', () => {
    const s = parse('camt053-04-multi.xml');
    s.issues.push({ code: 'mixed-encoding', severity: 'warning', message: { da: 'x', en: 'x' } });
    const { statements, fileIssues } = splitByAccount(s);
    expect(statements.map((p) => [p.accountId, p.transactions.length, p.issues.map((i) => i.code)])).toEqual([
      [CURRENT, 5, ['info-entry']],
      [SAVINGS, 3, []],
    ]);
    expect(statements.every((p) => p.transactions.every((t) => t.account === p.accountId))).toBe(true);
    expect(fileIssues.map((i) => i.code)).toEqual(['mixed-encoding']);
  });

  it('a file of one account, or of none named, is the statement itself', () => {
    const one = parse('camt053-02.xml');
    expect(splitByAccount(one).statements).toEqual([one]);
    const csv = parse('danske-bank.csv');
    expect(splitByAccount(csv).statements).toEqual([csv]);
  });

  it('a CSV whose rows name two accounts is split too', () => {
    const s = parse('nykredit.csv');
    const accounts = new Set(s.transactions.map((t) => t.account));
    expect(accounts).toEqual(new Set(['54700001112223', '54700009998887']));
    expect(splitByAccount(s).statements.map((p) => [p.accountId, p.transactions.length])).toEqual([
      ['54700001112223', 2],
      ['54700009998887', 1],
    ]);
  });
});

describe('a camt.053 file with two accounts', () => {
  it('gets a new account per account number, each with its own counts and rows', async () => {
    const { vault, profileId } = await vaultWithProfile('money-multi');
    const ctx = await context(vault, profileId);
    const view = buildFilePreview(parse('camt053-04-multi.xml'), ctx);
    expect(view.parts.map((p) => p.choice)).toEqual([
      { kind: 'new', id: accountRecordId(CURRENT), label: 'Danske Bank DK50 0040 0440 1162 43', accountNumber: CURRENT },
      { kind: 'new', id: accountRecordId(SAVINGS), label: SAVINGS, accountNumber: SAVINGS },
    ]);
    expect(counts(view)).toEqual([
      [CURRENT, { new: 5, duplicate: 0, pending: 0, skipped: 1 }],
      [SAVINGS, { new: 2, duplicate: 0, pending: 1, skipped: 0 }],
    ]);
    expect(view.fileIssues?.counts.skipped).toBe(0);
  });

  it('is stored in one write, each row on its account; the same file again is 0 new in every account and adds nothing', async () => {
    const { vault, profileId } = await vaultWithProfile('money-multi');
    const ctx = await context(vault, profileId);
    const view = buildFilePreview(parse('camt053-04-multi.xml'), ctx);
    const first = await save(vault, profileId, view, ctx, ['Lønkonto', 'Opsparing']);
    expect(first.savedTo).toBe('Lønkonto og Opsparing');
    const after = await stored(vault, profileId);
    expect(after.accounts.map((a) => [a.id, a.data.label, a.data.accountNumber, a.data.lastImport?.added]).sort()).toEqual(
      [
        [accountRecordId(CURRENT), 'Lønkonto', CURRENT, 5],
        [accountRecordId(SAVINGS), 'Opsparing', SAVINGS, 2],
      ].sort(),
    );
    const byAccount = (id: string) =>
      after.transactions
        .filter((t) => t.data.accountId === id)
        .map((t) => t.data.text)
        .sort();
    expect(byAccount(accountRecordId(CURRENT))).toEqual(['Apoteket Åboulevarden', 'Føtex Århus C', 'Husleje april', 'Løn marts', 'Overførsel opsparing']);
    expect(byAccount(accountRecordId(SAVINGS))).toEqual(['Overførsel opsparing', 'Rente 1. kvartal']);

    const again = await context(vault, profileId);
    const second = buildFilePreview(parse('camt053-04-multi.xml'), again);
    expect(second.parts.map((p) => p.choice)).toEqual([
      { kind: 'existing', id: accountRecordId(CURRENT) },
      { kind: 'existing', id: accountRecordId(SAVINGS) },
    ]);
    expect(counts(second)).toEqual([
      [CURRENT, { new: 0, duplicate: 5, pending: 0, skipped: 1 }],
      [SAVINGS, { new: 0, duplicate: 2, pending: 1, skipped: 0 }],
    ]);
    const result = await save(vault, profileId, second, again, ['Lønkonto', 'Opsparing']);
    expect(result.rows).toEqual([]);
    const end = await stored(vault, profileId);
    expect(end.transactions).toHaveLength(7);
    expect(end.accounts.map((a) => a.data.lastImport?.added)).toEqual([0, 0]);
    // The names the citizen gave stay.
    expect(end.accounts.map((a) => a.data.label).sort()).toEqual(['Lønkonto', 'Opsparing']);
  });

  it('finds an account the citizen already has by its number, however it is written', async () => {
    const { vault, profileId } = await vaultWithProfile('money-multi');
    await vault.records.write([
      {
        op: 'put',
        profileId,
        kind: 'bank-account',
        id: 'mine-current',
        data: { label: 'Min lønkonto', accountNumber: 'dk50 0040 0440 1162 43', formatId: 'camt053' },
      },
    ]);
    const ctx = await context(vault, profileId);
    const view = buildFilePreview(parse('camt053-04-multi.xml'), ctx);
    expect(view.parts[0]!.choice).toEqual({ kind: 'existing', id: 'mine-current' });
    expect(view.parts[1]!.choice.kind).toBe('new');
    await save(vault, profileId, view, ctx, ['Min lønkonto', 'Opsparing']);
    const after = await stored(vault, profileId);
    expect(after.transactions.filter((t) => t.data.accountId === 'mine-current')).toHaveLength(5);
    expect(after.accounts.find((a) => a.id === 'mine-current')!.data).toMatchObject({ label: 'Min lønkonto', accountNumber: 'dk50 0040 0440 1162 43' });
  });

  it('an existing account picked for rows that name a number learns the number, so the next file finds it', async () => {
    const { vault, profileId } = await vaultWithProfile('money-multi');
    await vault.records.write([{ op: 'put', profileId, kind: 'bank-account', id: 'from-csv', data: { label: 'Danske lønkonto', formatId: 'danske-bank' } }]);
    const ctx = await context(vault, profileId);
    let view = buildFilePreview(parse('camt053-04-multi.xml'), ctx);
    view = withAccount(view, 0, choiceFor(view.parts[0]!, 'from-csv', ctx.accounts), ctx);
    await save(vault, profileId, view, ctx, ['Danske lønkonto', 'Opsparing']);
    const next = buildFilePreview(parse('camt053-04-multi.xml'), await context(vault, profileId));
    expect(next.parts[0]!.choice).toEqual({ kind: 'existing', id: 'from-csv' });
    expect(next.parts[0]!.preview.counts.new).toBe(0);
  });

  it('two parts sent to one account are one account write with the counts added up', async () => {
    const { vault, profileId } = await vaultWithProfile('money-multi');
    const ctx = await context(vault, profileId);
    let view = buildFilePreview(parse('camt053-04-multi.xml'), ctx);
    view = withAccount(view, 1, view.parts[0]!.choice, ctx);
    const result = importOps(view.parts, ['Alt', 'Alt'], {
      profileId,
      importId: 'i1',
      at: '2026-04-01T10:00:00.000Z',
      formatId: 'camt053',
      accounts: ctx.accounts,
    });
    expect(result.accounts).toHaveLength(1);
    expect((result.accounts[0] as Extract<WriteOp, { op: 'put' }>).data).toMatchObject({ label: 'Alt', lastImport: { added: 7, duplicates: 0 } });
    expect(new Set(result.rows.map((r) => r.id)).size).toBe(7);
  });

  it('a new account whose rows are all left out is not made; nothing at all is stored when the write fails', async () => {
    const { vault, profileId } = await vaultWithProfile('money-multi');
    const ctx = await context(vault, profileId);
    const view = buildFilePreview(parse('camt053-04-multi.xml'), ctx);
    let savings = view.parts[1]!.preview;
    savings.rows.forEach((_, i) => (savings = setIncluded(savings, i, false)));
    const trimmed: FilePreview = { ...view, parts: [view.parts[0]!, { ...view.parts[1]!, preview: savings }] };
    const result = importOps(trimmed.parts, ['Lønkonto', 'Opsparing'], {
      profileId,
      importId: 'i2',
      at: '2026-04-01T10:00:00.000Z',
      formatId: 'camt053',
      accounts: ctx.accounts,
    });
    expect(result.accounts.map((a) => a.id)).toEqual([accountRecordId(CURRENT)]);
    expect(result.savedTo).toBe('Lønkonto');
    // One write: a broken last op (an account without a name) and not one row is stored.
    const broken = { ...(result.accounts[0] as Extract<WriteOp, { op: 'put' }>), data: { label: '', formatId: 'camt053' } };
    await expect(vault.records.write([...result.rows, broken])).rejects.toThrow();
    expect((await stored(vault, profileId)).transactions).toEqual([]);
  });
});

describe('an OFX file with two bank accounts and a card', () => {
  it('stores each statement on its account, the same FITID in each; a re-import adds nothing anywhere', async () => {
    const { vault, profileId } = await vaultWithProfile('money-multi');
    const ctx = await context(vault, profileId);
    const view = buildFilePreview(parse('ofx1-multi.ofx'), ctx);
    expect(view.parts.map((p) => [p.number, p.card, p.preview.counts.new])).toEqual([
      ['4011223344', false, 3],
      ['4011998877', false, 2],
      ['4571XXXXXXXX1234', true, 2],
    ]);
    await save(vault, profileId, view, ctx, ['Lønkonto', 'Opsparing', 'Kreditkort']);
    const after = await stored(vault, profileId);
    expect(after.accounts).toHaveLength(3);
    expect(after.transactions).toHaveLength(7);
    expect(
      after.transactions
        .filter((t) => t.data.sourceId === '1001')
        .map((t) => t.data.accountId)
        .sort(),
    ).toEqual([accountRecordId('4011223344'), accountRecordId('4011998877'), accountRecordId('4571XXXXXXXX1234')].sort());
    const again = buildFilePreview(parse('ofx1-multi.ofx'), await context(vault, profileId));
    expect(again.parts.map((p) => [p.choice.kind, p.preview.counts.new, p.preview.counts.duplicate])).toEqual([
      ['existing', 0, 3],
      ['existing', 0, 2],
      ['existing', 0, 2],
    ]);
  });
});

describe('a new account is named after its bank and number, not the file format', () => {
  it('camt.053 and OFX with and without a bank; CSV by its bank layout', async () => {
    const { accountLabelFor } = await import('../../src/ui/money/account-choice');
    const { BANK_FORMATS } = await import('../../src/importers/bank/index');
    const camt = BANK_FORMATS.find((f) => f.id === 'camt053')!;
    const danske = BANK_FORMATS.find((f) => f.id === 'danske-bank')!;
    expect(accountLabelFor({ format: camt, accounts: [{ id: 'DK5000400440116243', bank: 'Danske Bank' }] }, 'DK5000400440116243')).toBe(
      'Danske Bank DK50 0040 0440 1162 43',
    );
    expect(accountLabelFor({ format: camt }, 'DK5000400440116243')).toBe('DK50 0040 0440 1162 43');
    expect(accountLabelFor({ format: danske }, '3409-1234567890')).toBe('Danske Bank 3409-1234567890');
  });
});

describe('a file that names no account', () => {
  const danske = (rows: string[]) =>
    parseBankFile(new TextEncoder().encode(['"Dato";"Tekst";"Beløb";"Saldo";"Status";"Afstemt"', ...rows].join('\r\n') + '\r\n'), { today: '2026-04-01' });
  const first = danske(['"02.01.2026";"Netto";"-10,00";"90,00";"Udført";"Nej"', '"03.01.2026";"Føtex";"-20,00";"70,00";"Udført";"Nej"']);

  it('goes to the account of the same layout it shares rows with, without asking; an unrelated one is only a guess to confirm', async () => {
    const { vault, profileId } = await vaultWithProfile('money-multi');
    let ctx = await context(vault, profileId);
    const view = buildFilePreview(first, ctx);
    expect(view.parts[0]!.choice.kind).toBe('new');
    await save(vault, profileId, view, ctx, ['Lønkonto']);
    ctx = await context(vault, profileId);
    const [account] = ctx.accounts;

    // The next file overlaps the first: it continues that account.
    const next = buildFilePreview(danske(['"03.01.2026";"Føtex";"-20,00";"70,00";"Udført";"Nej"', '"05.01.2026";"Bager";"-5,00";"65,00";"Udført";"Nej"']), ctx);
    expect(next.parts[0]!.choice).toEqual({ kind: 'existing', id: account!.id });

    // Another account's file in the same bank layout, sharing nothing: the citizen must say where it goes.
    const other = buildFilePreview(danske(['"02.01.2026";"Husleje";"-5.000,00";"1.000,00";"Udført";"Nej"']), ctx);
    expect(other.parts[0]!.choice).toEqual({ kind: 'existing', id: account!.id, unsure: true });
    // Choosing it (or any account) in the preview settles it.
    expect(choiceFor(other.parts[0]!, account!.id, ctx.accounts)).toEqual({ kind: 'existing', id: account!.id });
  });
});
