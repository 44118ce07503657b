/**
 * Bank-transaction records, version 2: the dedupe key is no longer stored. A row written by
 * version 1 (with its key) still opens, through the migration, as the same row without it;
 * a row written now is smaller by the key's bytes and keeps everything the screens and
 * sharing read.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { transactionKeys, type BankTransaction } from '../../src/importers/bank/index';
import { defineKind } from '../../src/records/kind';
import { bankTransactionKind } from '../../src/records/money/index';
import { registerKindForTests } from '../../src/records/registry';
import { buildPreview, transactionOps } from '../../src/ui/money/preview';
import { VAULT_SCOPE } from '../../src/vault/record-store';
import { createdVault } from './support/setup-vault';

// Version 1 as it was stored: the current fields and the key beside them.
const bankTransactionV1 = defineKind({
  ...bankTransactionKind,
  version: 1,
  migrations: {},
  schema: (bankTransactionKind.schema as z.ZodObject).extend({ key: z.string().min(1).max(2000) }),
});

const undo: (() => void)[] = [];
afterEach(() => undo.splice(0).forEach((u) => u()));

const ACCOUNT = 'Yq7pR2nV4cW8xZ1bD3fG5hYq7pR2nV4cW8xZ1bD3fG5';
const row: BankTransaction = {
  date: '2026-03-02',
  amountMinor: -28950,
  currency: 'DKK',
  text: 'Dankort-køb Netto Østerbro',
  balanceMinor: 1245075,
  pending: false,
  line: 7,
};

async function withProfile() {
  const { vault } = await createdVault('money-v2');
  const [profile] = await vault.records.write([{ op: 'put', profileId: VAULT_SCOPE, kind: 'profile', data: { name: 'Søren Ærø', relation: 'self' } }]);
  return { vault, profileId: profile!.id };
}

function ops(profileId: string) {
  const statement = { format: { id: 'danske-bank', label: 'Danske Bank' }, transactions: [row], issues: [] };
  const keys = transactionKeys(ACCOUNT, statement.transactions);
  const preview = buildPreview({ statement, accountId: ACCOUNT, keys, existingIds: new Set(), categorise: () => 'groceries' });
  return { keys, ops: transactionOps(preview, { profileId, importId: 'Xk3v9Qb2T0uYw1aZr5sLmA' }) };
}

describe('bank-transaction version 2', () => {
  it('a version 1 row with its key opens as version 2: the key gone, every other field as stored', async () => {
    const { vault, profileId } = await withProfile();
    const { keys, ops: puts } = ops(profileId);
    const put = puts[0]!;
    if (put.op !== 'put') throw new Error('transactionOps gave a delete');
    const v1Data = { ...(put.data as object), key: keys[0]! };
    undo.push(registerKindForTests(bankTransactionV1));
    await vault.records.write([{ ...put, data: v1Data }]);
    expect((await vault.records.getByName(profileId, 'bank-transaction', put.id!))?.data).toHaveProperty('key', keys[0]);
    undo.pop()!();
    const read = await vault.records.get(profileId, bankTransactionKind, put.id!);
    expect(read?.v).toBe(2);
    expect(read?.data).not.toHaveProperty('key');
    const { key: _key, ...rest } = v1Data;
    expect(read?.data).toEqual(rest);
    expect((await vault.records.list(profileId, bankTransactionKind)).records).toEqual([read]);
  });

  it('a row written now holds no key, and the screens’ fields are all there', async () => {
    const { vault, profileId } = await withProfile();
    const { ops: puts } = ops(profileId);
    const [written] = await vault.records.write(puts);
    const read = await vault.records.get(profileId, bankTransactionKind, written!.id);
    expect(read?.data).not.toHaveProperty('key');
    expect(read?.data).toMatchObject({
      accountId: ACCOUNT,
      date: row.date,
      amountMinor: row.amountMinor,
      currency: 'DKK',
      text: row.text,
      line: 7,
      category: 'groceries',
    });
  });
});
