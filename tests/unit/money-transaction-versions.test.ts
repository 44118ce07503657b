/**
 * Bank-transaction records across their versions. Version 2 no longer stores the dedupe key;
 * version 3 no longer stores the defaults (kroner, booked, a category the rules chose). Rows
 * written by older versions still open, through the migrations, as the same rows; a row written
 * now is smaller by those bytes, and `readTransaction` gives every field the screens and sharing
 * read.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { transactionKeys, type BankTransaction } from '../../src/importers/bank/index';
import { defineKind } from '../../src/records/kind';
import { bankTransactionKind, readTransaction, storedTransaction } from '../../src/records/money/index';
import { registerKindForTests } from '../../src/records/registry';
import { buildPreview, transactionOps } from '../../src/ui/money/preview';
import { VAULT_SCOPE } from '../../src/vault/record-store';
import { createdVault } from './support/setup-vault';

// Version 2 as it was stored: every field, defaults included.
const v2Fields = z.object({
  accountId: z.string(),
  date: z.string(),
  valueDate: z.string().optional(),
  amountMinor: z.number(),
  currency: z.string(),
  text: z.string(),
  counterparty: z.string().optional(),
  balanceMinor: z.number().optional(),
  pending: z.boolean(),
  sourceId: z.string().optional(),
  line: z.number(),
  category: z.string(),
  categoryByCitizen: z.boolean(),
  importId: z.string(),
});
const asVersion = (version: number, schema: z.ZodType) => defineKind({ ...bankTransactionKind, version, migrations: { 1: (d: unknown) => d }, schema });
// Version 1: version 2's fields and the key beside them.
const bankTransactionV1 = asVersion(1, v2Fields.extend({ key: z.string().min(1).max(2000) }));
const bankTransactionV2 = asVersion(2, v2Fields);

const undo: (() => void)[] = [];
afterEach(() => undo.splice(0).forEach((u) => u()));

const ACCOUNT = 'Yq7pR2nV4cW8xZ1bD3fG5hYq7pR2nV4cW8xZ1bD3fG5';
const IMPORT = 'Xk3v9Qb2T0uYw1aZr5sLmA';
const row: BankTransaction = {
  date: '2026-03-02',
  amountMinor: -28950,
  currency: 'DKK',
  text: 'Dankort-køb Netto Østerbro',
  balanceMinor: 1245075,
  pending: false,
  line: 7,
};
/** The same row as every version before 3 stored it (without the key). */
const wholeRow = { accountId: ACCOUNT, ...row, category: 'groceries', categoryByCitizen: false, importId: IMPORT };

async function withProfile() {
  const { vault } = await createdVault('money-versions');
  const [profile] = await vault.records.write([{ op: 'put', profileId: VAULT_SCOPE, kind: 'profile', data: { name: 'Søren Ærø', relation: 'self' } }]);
  return { vault, profileId: profile!.id };
}

function ops(profileId: string, rows: BankTransaction[] = [row]) {
  const statement = { format: { id: 'danske-bank', label: 'Danske Bank' }, transactions: rows, issues: [] };
  const keys = transactionKeys(ACCOUNT, statement.transactions);
  const preview = buildPreview({ statement, accountId: ACCOUNT, keys, existingIds: new Set(), categorise: () => 'groceries' });
  preview.rows.forEach((r, i) => (preview.rows[i] = { ...r, include: true }));
  return { keys, ops: transactionOps(preview, { profileId, importId: IMPORT }) };
}

describe('bank-transaction versions', () => {
  it('a version 1 row with its key, and a version 2 row, open as version 3: key and defaults gone, every field readable', async () => {
    const { vault, profileId } = await withProfile();
    const { keys, ops: puts } = ops(profileId);
    const id = puts[0]!.id;
    undo.push(registerKindForTests(bankTransactionV1));
    await vault.records.write([{ op: 'put', profileId, kind: 'bank-transaction', id, data: { ...wholeRow, key: keys[0]! } }]);
    expect((await vault.records.getByName(profileId, 'bank-transaction', id))?.data).toHaveProperty('key', keys[0]);
    undo.pop()!();
    undo.push(registerKindForTests(bankTransactionV2));
    await vault.records.write([
      { op: 'put', profileId, kind: 'bank-transaction', id: 'v2row', data: { ...wholeRow, currency: 'EUR', pending: true, line: 8 } },
    ]);
    undo.pop()!();

    const v1 = await vault.records.get(profileId, bankTransactionKind, id);
    expect(v1?.v).toBe(3);
    const { currency: _c, pending: _p, categoryByCitizen: _b, ...withoutDefaults } = wholeRow;
    expect(v1?.data).toEqual(withoutDefaults);
    expect(readTransaction(v1!.data)).toEqual(wholeRow);
    // Values other than the defaults stay stored.
    const v2 = await vault.records.get(profileId, bankTransactionKind, 'v2row');
    expect(v2?.data).toEqual({ ...withoutDefaults, currency: 'EUR', pending: true, line: 8 });
    expect(readTransaction(v2!.data)).toEqual({ ...wholeRow, currency: 'EUR', pending: true, line: 8 });
    expect((await vault.records.list(profileId, bankTransactionKind)).records).toHaveLength(2);
  });

  it('a row written now stores no key and no default, and is smaller by them', async () => {
    const { vault, profileId } = await withProfile();
    const { ops: puts } = ops(profileId);
    const [written] = await vault.records.write(puts);
    const read = await vault.records.get(profileId, bankTransactionKind, written!.id);
    expect(read?.data).toEqual({
      accountId: ACCOUNT,
      date: row.date,
      amountMinor: row.amountMinor,
      text: row.text,
      balanceMinor: row.balanceMinor,
      line: 7,
      category: 'groceries',
      importId: IMPORT,
    });
    expect(JSON.stringify(read?.data).length).toBeLessThan(JSON.stringify(wholeRow).length - 50);
  });

  it('a row written whole (an older page, a test) is stored without its defaults; a differing value is kept', async () => {
    const { vault, profileId } = await withProfile();
    const [whole, euro] = await vault.records.write([
      { op: 'put', profileId, kind: 'bank-transaction', id: 'whole', data: wholeRow },
      { op: 'put', profileId, kind: 'bank-transaction', id: 'euro', data: { ...wholeRow, currency: 'EUR', pending: true, categoryByCitizen: true } },
    ]);
    expect(whole!.data).not.toHaveProperty('currency');
    expect(whole!.data).not.toHaveProperty('pending');
    expect(whole!.data).not.toHaveProperty('categoryByCitizen');
    expect(euro!.data).toMatchObject({ currency: 'EUR', pending: true, categoryByCitizen: true });
    expect((await vault.records.get(profileId, bankTransactionKind, 'euro'))?.data).toEqual(euro!.data);
    // Bad values are still refused, with or without the defaults.
    for (const bad of [{ currency: 'kr' }, { pending: 'no' }, { categoryByCitizen: 1 }, { line: 0 }]) {
      await expect(vault.records.write([{ op: 'put', profileId, kind: 'bank-transaction', id: 'bad', data: { ...wholeRow, ...bad } }])).rejects.toMatchObject({
        code: 'invalid-record',
      });
    }
  });

  it('storedTransaction and readTransaction are inverses over every combination of the defaults', () => {
    for (const currency of ['DKK', 'EUR'])
      for (const pending of [false, true])
        for (const categoryByCitizen of [false, true]) {
          const whole = { ...wholeRow, currency, pending, categoryByCitizen };
          expect(readTransaction(storedTransaction(whole))).toEqual(whole);
          expect(storedTransaction(readTransaction(storedTransaction(whole)))).toEqual(storedTransaction(whole));
        }
  });
});
