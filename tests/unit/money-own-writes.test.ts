/**
 * The page's own import shown without reading it back: what `withWritten` makes of the list
 * shown before and the write is the list a load after the write gives (record times aside),
 * against a real RecordStore on fake-indexeddb; and the change the vault reports for that write
 * is recognised once, while any other change is not.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { categorise, parseBankFile } from '../../src/importers/bank/index';
import type { KindChange } from '../../src/messaging/api';
import { bankAccountKind, bankTransactionKind, categoryRuleKind } from '../../src/records/money/index';
import { buildFilePreview, importOps, withRows, type FilePreview, type PreviewContext } from '../../src/ui/money/accounts-in-file';
import { byLabel, MONEY_KINDS, newestFirst, type AccountRecord, type MoneyData, type TransactionRecord } from '../../src/ui/money/model';
import { OwnWrites, withWritten, type Written } from '../../src/ui/money/own-writes';
import { setIncluded } from '../../src/ui/money/preview';
import type { RecordChange } from '../../src/vault/public-types';
import { VAULT_SCOPE } from '../../src/vault/record-store';
import type { Vault } from '../../src/vault/vault';
import { createdVault } from './support/setup-vault';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/bank');
const parse = (name: string) => parseBankFile(new Uint8Array(readFileSync(join(DIR, name))), { today: '2026-04-01' });
const KINDS = new Set(Object.values(MONEY_KINDS).map((k) => k.name));

async function vaultWithProfile(): Promise<{ vault: Vault; profileId: string }> {
  const { vault } = await createdVault('money-own-writes');
  const [profile] = await vault.records.write([{ op: 'put', profileId: VAULT_SCOPE, kind: 'profile', data: { name: 'Thomas', relation: 'self' } }]);
  return { vault, profileId: profile!.id };
}

/** The list as the money page loads it (use-money-data.ts `loadMoney`, straight from the vault). */
async function load(vault: Vault, profileId: string): Promise<MoneyData> {
  const accounts = (await vault.records.list(profileId, bankAccountKind)).records as AccountRecord[];
  const transactions = (await vault.records.list(profileId, bankTransactionKind)).records as TransactionRecord[];
  const rules = (await vault.records.list(profileId, categoryRuleKind)).records;
  return { accounts: accounts.sort(byLabel), transactions: transactions.sort(newestFirst), rules: rules as MoneyData['rules'], damaged: 0 };
}

const context = (data: MoneyData): PreviewContext => ({
  accounts: data.accounts,
  existingIds: new Set(data.transactions.map((t) => t.id)),
  categorise: (tx) => categorise(tx, []),
});

/** What the page compares: every field but the record's times, which only the background knows. */
const shape = (data: MoneyData) => ({
  accounts: data.accounts.map(({ createdAt: _c, updatedAt: _u, ...rest }) => rest),
  transactions: data.transactions.map(({ createdAt: _c, updatedAt: _u, ...rest }) => rest),
  rules: data.rules,
});

/** Saves `view` as ImportPanel.save does; returns what the page wrote and what the vault reported. */
async function save(vault: Vault, profileId: string, view: FilePreview, shown: MoneyData): Promise<{ written: Written; changes: KindChange[] }> {
  const labels = view.parts.map((p) => (p.choice.kind === 'new' ? p.choice.label : (shown.accounts.find((a) => a.id === p.choice.id)?.data.label ?? '')));
  const at = '2026-04-01T10:00:00.000Z';
  const ops = importOps(view.parts, labels, { profileId, importId: 'import-1', at, formatId: view.parts[0]!.statement.format.id, accounts: shown.accounts });
  const reported: RecordChange[] = [];
  const stop = vault.records.onChange((changes) => reported.push(...changes));
  await vault.records.write([...ops.rows, ...ops.accounts]);
  stop();
  // As the background broadcasts it (vault-service.ts): counts, not ids.
  const changes = reported.map(({ profileId: p, kind, ids }) => ({ profileId: p, kind, count: ids.length }));
  return { written: { profileId, transactions: ops.rows, accounts: ops.accounts, at }, changes };
}

describe('withWritten', () => {
  it('gives the list a load after the write gives: new rows among the stored ones, the account updated', async () => {
    const { vault, profileId } = await vaultWithProfile();
    // Half the rows first (every other one left out), so the second import's rows fall between stored ones.
    const empty = await load(vault, profileId);
    const first = buildFilePreview(parse('danske-bank.csv'), context(empty));
    let part = first.parts[0]!.preview;
    for (let i = 0; i < part.rows.length; i += 2) part = setIncluded(part, i, false);
    await save(vault, profileId, withRows(first, 0, part), empty);
    const before = await load(vault, profileId);
    expect(before.transactions.length).toBeGreaterThan(2);

    const again = buildFilePreview(parse('danske-bank.csv'), context(before));
    expect(again.parts[0]!.preview.counts.duplicate).toBe(before.transactions.length);
    const { written } = await save(vault, profileId, again, before);
    expect(written.transactions.length).toBeGreaterThan(0);
    const shown = withWritten(before, written);
    const after = await load(vault, profileId);
    expect(shape(shown)).toEqual(shape(after));
    expect(shown.accounts[0]!.data.lastImport).toEqual(after.accounts[0]!.data.lastImport);
  });

  it('adds the accounts of a file with several, in label order, and their rows by date', async () => {
    const { vault, profileId } = await vaultWithProfile();
    const empty = await load(vault, profileId);
    await save(vault, profileId, buildFilePreview(parse('danske-bank.csv'), context(empty)), empty);
    const before = await load(vault, profileId);
    const { written } = await save(vault, profileId, buildFilePreview(parse('camt053-04-multi.xml'), context(before)), before);
    const shown = withWritten(before, written);
    expect(shown.accounts).toHaveLength(3);
    expect(shape(shown)).toEqual(shape(await load(vault, profileId)));
  });
});

describe('OwnWrites', () => {
  it('recognises the change the vault reports for the write once, and no other change', async () => {
    const { vault, profileId } = await vaultWithProfile();
    const empty = await load(vault, profileId);
    const own = new OwnWrites();
    const view = buildFilePreview(parse('camt053-04-multi.xml'), context(empty));
    // The counts the page expects are taken before the write is sent, from what it will send.
    const labels = view.parts.map((p) => (p.choice.kind === 'new' ? p.choice.label : ''));
    const planned = importOps(view.parts, labels, { profileId, importId: 'import-1', at: '2026-04-01T10:00:00.000Z', formatId: 'camt053', accounts: [] });
    own.expect({ profileId, transactions: planned.rows, accounts: planned.accounts, at: '2026-04-01T10:00:00.000Z' });
    const { changes } = await save(vault, profileId, view, empty);

    const otherProfile = changes.map((c) => ({ ...c, profileId: 'someone-else' }));
    const oneMore = changes.map((c) => (c.kind === 'bank-transaction' ? { ...c, count: c.count + 1 } : c));
    const withRule = [...changes, { profileId, kind: 'category-rule', count: 1 }];
    for (const other of [otherProfile, oneMore, withRule]) expect(own.consume(other, KINDS)).toBe(false);
    // Kinds the money page does not show (the activity log of the import) do not count.
    expect(own.consume([...changes, { profileId, kind: 'audit-entry', count: 1 }], KINDS)).toBe(true);
    expect(own.consume(changes, KINDS)).toBe(false);
  });

  it('forgets a write that failed or was cancelled', () => {
    const own = new OwnWrites();
    const put = { op: 'put' as const, profileId: 'p', kind: 'bank-account', id: 'a', data: { label: 'Løn', formatId: 'danske-bank' } };
    const forget = own.expect({ profileId: 'p', transactions: [], accounts: [put], at: '2026-04-01T10:00:00.000Z' });
    forget();
    expect(own.consume([{ profileId: 'p', kind: 'bank-account', count: 1 }], KINDS)).toBe(false);
  });
});
