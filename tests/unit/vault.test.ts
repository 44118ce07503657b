/** The vault (src/vault/vault.ts): keys, lock state, passphrase and recovery, backup and restore. */
import { describe, expect, it } from 'vitest';
import { formatRecoveryKey } from '../../src/vault/crypto/recovery-key';
import { BACKUP_VERSION } from '../../src/vault/backup';
import { isVaultError } from '../../src/vault/errors';
import { VAULT_SCOPE } from '../../src/vault/record-store';
import { Vault } from '../../src/vault/vault';
import { allRows, createdVault, diskThatFills, errorCode, freshDb, passphraseKey, vaultWithProfile } from './support/setup-vault';
import { randomBytes } from '../../src/shared/bytes';
import { recordKinds } from '../../src/records/registry';
import { profileKind } from '../../src/records/profile';
import { noteKind } from '../../src/records/note';

/** A vault with an owner and a note, and its backup file. */
async function filledVault() {
  const { profileId: ownerId, ...created } = await vaultWithProfile('vault', 'Bo');
  await created.vault.records.write([
    { op: 'put', profileId: ownerId, kind: 'note', id: 'n1', data: { title: 'Sygesikring', body: 'Gult kort fornyet' } },
    { op: 'put', profileId: ownerId, kind: 'note', id: 'n2', data: { title: 'Boligstøtte', body: 'Ansøgt 3. marts' } },
  ]);
  return { ...created, ownerId };
}

async function everything(vault: Vault, ownerId: string) {
  return {
    profiles: await vault.records.list(VAULT_SCOPE, profileKind),
    notes: await vault.records.list(ownerId, noteKind),
  };
}

describe('create and unlock', () => {
  it('starts with no vault, then is unlocked after create and survives a reopen as locked', async () => {
    const db = freshDb();
    const vault = await Vault.open(recordKinds, db);
    expect(vault.state).toBe('no-vault');
    expect(await errorCode(() => vault.kdfParams)).toBe('no-vault');
    const key = passphraseKey();
    await vault.create(key);
    expect(vault.state).toBe('unlocked');
    const reopened = await Vault.open(recordKinds, db);
    expect(reopened.state).toBe('locked');
    expect(reopened.kdfParams).toEqual(key.kdf);
  });

  it('refuses a second create', async () => {
    const { vault } = await createdVault();
    expect(await errorCode(vault.create(passphraseKey()))).toBe('vault-exists');
  });

  it('a wrong kek → wrong-passphrase, and the vault still unlocks with the right one', async () => {
    const { vault, key, ownerId } = await filledVault();
    vault.lock();
    expect(await errorCode(vault.unlock(randomBytes(32)))).toBe('wrong-passphrase');
    expect(vault.state).toBe('locked');
    await vault.unlock(key.kek);
    expect((await vault.records.list(ownerId, noteKind)).records).toHaveLength(2);
  });

  it('stores nothing personal outside ciphertext', async () => {
    const { db } = await filledVault();
    // Bytes as latin1 text, so that a UTF-8 needle can be found in them.
    const dump = JSON.stringify(await allRows(db), (_, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v));
    for (const secret of ['Sygesikring', 'Gult kort', 'Boligstøtte', 'Ansøgt', '"note"', '"profile"']) {
      expect(dump).not.toContain(Buffer.from(secret, 'utf8').toString('latin1'));
    }
  });
});

describe('lock', () => {
  it('wipes the keys; then records → locked', async () => {
    const { vault } = await createdVault();
    const exported = vault.dangerouslyExportDataKey();
    const internal = (vault as unknown as { unlocked: { dataKey: Uint8Array; keys: Record<string, Uint8Array> } }).unlocked;
    vault.lock();
    expect(vault.state).toBe('locked');
    expect(internal.dataKey.every((b) => b === 0)).toBe(true);
    for (const key of Object.values(internal.keys)) expect(key.every((b) => b === 0)).toBe(true);
    expect(exported.some((b) => b !== 0)).toBe(true); // the export was a copy
    expect(await errorCode(() => vault.records)).toBe('locked');
    expect(await errorCode(() => vault.dangerouslyExportDataKey())).toBe('locked');
    expect(await errorCode(vault.backup())).toBe('locked');
  });

  it('tells its listeners once per lock', async () => {
    const { vault, key } = await createdVault();
    let locks = 0;
    vault.onLock(() => locks++);
    vault.lock();
    vault.lock();
    expect(locks).toBe(1);
    await vault.unlock(key.kek);
    vault.lock();
    expect(locks).toBe(2);
  });
});

describe('recovery', () => {
  it('recovers with the recovery key and a new passphrase; the old passphrase no longer works', async () => {
    const { vault, key, recoveryKey, ownerId } = await filledVault();
    vault.lock();
    const next = passphraseKey();
    await vault.recover(recoveryKey.toLowerCase().replace(/-/g, ' '), next);
    expect(vault.state).toBe('unlocked');
    expect((await vault.records.list(ownerId, noteKind)).records).toHaveLength(2);
    vault.lock();
    expect(await errorCode(vault.unlock(key.kek))).toBe('wrong-passphrase');
    await vault.unlock(next.kek);
    expect(vault.kdfParams).toEqual(next.kdf);
  });

  it('the recovery key keeps working after a passphrase change', async () => {
    const { vault, key, recoveryKey } = await filledVault();
    await vault.changePassphrase(key.kek, passphraseKey());
    vault.lock();
    await vault.recover(recoveryKey, passphraseKey());
    expect(vault.state).toBe('unlocked');
  });

  it('a well-formed but wrong recovery key → wrong-recovery-key, and nothing changes', async () => {
    const { vault, db, key } = await filledVault();
    vault.lock();
    const before = await allRows(db);
    expect(await errorCode(vault.recover(formatRecoveryKey(randomBytes(20)), passphraseKey()))).toBe('wrong-recovery-key');
    expect(await allRows(db)).toEqual(before);
    await vault.unlock(key.kek);
  });

  it('a typo → recovery-key-typo, and nothing changes', async () => {
    const { vault, db, recoveryKey } = await filledVault();
    vault.lock();
    const before = await allRows(db);
    const typo = (recoveryKey[0] === 'X' ? 'Y' : 'X') + recoveryKey.slice(1);
    expect(await errorCode(vault.recover(typo, passphraseKey()))).toBe('recovery-key-typo');
    expect(await allRows(db)).toEqual(before);
  });
});

describe('changePassphrase', () => {
  it('re-wraps only: the pages are byte-identical before and after', async () => {
    const { vault, db, key, ownerId } = await filledVault();
    const pagesBefore = await db.pages.orderBy('key').toArray();
    const next = passphraseKey();
    await vault.changePassphrase(key.kek, next);
    expect(await db.pages.orderBy('key').toArray()).toEqual(pagesBefore);
    vault.lock();
    expect(await errorCode(vault.unlock(key.kek))).toBe('wrong-passphrase');
    await vault.unlock(next.kek);
    expect((await vault.records.list(ownerId, noteKind)).records).toHaveLength(2);
  });

  it('with a wrong current kek → wrong-passphrase, and the header is unchanged', async () => {
    const { vault, db } = await filledVault();
    const before = await allRows(db);
    expect(await errorCode(vault.changePassphrase(randomBytes(32), passphraseKey()))).toBe('wrong-passphrase');
    expect(await allRows(db)).toEqual(before);
  });
});

describe('resume', () => {
  it('resumes with its own data key, after a restart of the background', async () => {
    const { vault, db, ownerId } = await filledVault();
    const dataKey = vault.dangerouslyExportDataKey();
    const restarted = await Vault.open(recordKinds, db);
    expect(restarted.resume(dataKey)).toBe(true);
    expect((await restarted.records.list(ownerId, noteKind)).records).toHaveLength(2);
  });

  it('refuses the data key of another vault, and one of the wrong size', async () => {
    const { vault } = await createdVault();
    const other = await createdVault();
    vault.lock();
    expect(vault.resume(other.vault.dangerouslyExportDataKey())).toBe(false);
    expect(vault.resume(randomBytes(31))).toBe(false);
    expect(vault.resume(randomBytes(32))).toBe(false);
    expect(vault.state).toBe('locked');
  });
});

describe('vault format versions', () => {
  it('a header from a newer vault format → vault-from-newer-version', async () => {
    const { db } = await createdVault();
    const row = (await db.meta.get('header'))!;
    await db.meta.put({ key: 'header', value: { ...(row.value as object), format: 2 } });
    expect(await errorCode(Vault.open(recordKinds, db))).toBe('vault-from-newer-version');
  });

  it('a malformed header → storage-failed, not a crash', async () => {
    const db = freshDb();
    await db.meta.put({ key: 'header', value: { format: 1, vaultId: 'x' } });
    expect(await errorCode(Vault.open(recordKinds, db))).toBe('storage-failed');
  });
});

describe('backup and restore', () => {
  it('restores into a fresh database with the passphrase: identical records', async () => {
    const { vault, key, ownerId } = await filledVault();
    const file = await vault.backup();
    const target = await Vault.open(recordKinds, freshDb('restore'));
    expect(target.state).toBe('no-vault');
    await target.restore(file, { method: 'passphrase', kek: key.kek });
    expect(target.state).toBe('unlocked');
    expect(await everything(target, ownerId)).toEqual(await everything(vault, ownerId));
  });

  it('restores with the recovery key and sets the new passphrase', async () => {
    const { vault, key, recoveryKey, ownerId } = await filledVault();
    const file = await vault.backup();
    const db = freshDb('restore');
    const target = await Vault.open(recordKinds, db);
    const next = passphraseKey();
    await target.restore(file, { method: 'recovery', recoveryKey, newPassphrase: next });
    expect(await everything(target, ownerId)).toEqual(await everything(vault, ownerId));
    const reopened = await Vault.open(recordKinds, db);
    expect(await errorCode(reopened.unlock(key.kek))).toBe('wrong-passphrase');
    await reopened.unlock(next.kek);
    expect((await reopened.records.list(ownerId, noteKind)).records).toHaveLength(2);
  });

  it('replaces the vault that was there', async () => {
    const { vault, key, ownerId } = await filledVault();
    const file = await vault.backup();
    const other = await filledVault();
    await other.vault.restore(file, { method: 'passphrase', kek: key.kek });
    expect(await everything(other.vault, ownerId)).toEqual(await everything(vault, ownerId));
    expect(await other.db.pages.count()).toBe(await vault.db.pages.count());
  });

  it('inspectBackup tells the KDF parameters before anything is unlocked', async () => {
    const { vault, key } = await filledVault();
    expect(Vault.inspectBackup(await vault.backup()).vault.kdf).toEqual(key.kdf);
  });

  describe('a refused restore leaves the existing vault untouched', () => {
    async function setting() {
      const source = await filledVault();
      const file = await source.vault.backup();
      const target = await filledVault();
      const before = await allRows(target.db);
      return { source, file, target, before };
    }

    it.each([
      ['a changed byte in the body', (f: Uint8Array) => flip(f, f.length - 20), 'backup-corrupt'],
      ['a truncated file', (f: Uint8Array) => f.subarray(0, f.length - 7), 'backup-truncated'],
      ['a newer backup version', (f: Uint8Array) => setU16(f, 8, BACKUP_VERSION + 1), 'backup-from-newer-version'],
      ['not a backup', () => new TextEncoder().encode('hello'), 'not-a-backup'],
    ])('%s → %s', async (_, change, code) => {
      const { source, file, target, before } = await setting();
      expect(await errorCode(target.vault.restore(change(file), { method: 'passphrase', kek: source.key.kek }))).toBe(code);
      expect(await allRows(target.db)).toEqual(before);
      expect(target.vault.state).toBe('unlocked');
    });

    it('a wrong passphrase → wrong-passphrase', async () => {
      const { file, target, before } = await setting();
      expect(await errorCode(target.vault.restore(file, { method: 'passphrase', kek: randomBytes(32) }))).toBe('wrong-passphrase');
      expect(await allRows(target.db)).toEqual(before);
    });

    it('a wrong recovery key → wrong-recovery-key', async () => {
      const { file, target, before } = await setting();
      const credential = { method: 'recovery' as const, recoveryKey: formatRecoveryKey(randomBytes(20)), newPassphrase: passphraseKey() };
      expect(await errorCode(target.vault.restore(file, credential))).toBe('wrong-recovery-key');
      expect(await allRows(target.db)).toEqual(before);
    });

    it('every single-byte change of the file → a typed error, and nothing changes', async () => {
      const { source, file, target, before } = await setting();
      const allowed = ['backup-corrupt', 'backup-truncated', 'not-a-backup', 'backup-from-newer-version', 'vault-from-newer-version', 'wrong-passphrase'];
      // Every 7th byte keeps this quick; tests/unit/backup.test.ts changes every byte of the format.
      for (let at = 0; at < file.length; at += 7) {
        expect(allowed, `byte ${at}`).toContain(await errorCode(target.vault.restore(flip(file, at), { method: 'passphrase', kek: source.key.kek })));
      }
      expect(await allRows(target.db)).toEqual(before);
    });
  });
});

describe('a full disk', () => {
  it('a write that hits the quota → storage-full, and nothing is written', async () => {
    const { db, fill } = diskThatFills();
    const { vault, profileId } = await vaultWithProfile('full', 'Bo', { db });
    const before = await allRows(db);
    fill(true);
    const error = await vault.records.write([{ op: 'put', profileId, kind: 'note', data: { title: 'Ny', body: 'x'.repeat(1000) } }]).catch((e: unknown) => e);
    expect(isVaultError(error, 'storage-full')).toBe(true);
    fill(false);
    expect(await allRows(db)).toEqual(before);
  });

  it('a restore that hits the quota → storage-full, and the old vault is still there', async () => {
    const source = await filledVault();
    const file = await source.vault.backup();
    const { db, fill } = diskThatFills();
    const vault = await Vault.open(recordKinds, db);
    await vault.create(passphraseKey());
    const before = await allRows(db);
    fill(true);
    expect(await errorCode(vault.restore(file, { method: 'passphrase', kek: source.key.kek }))).toBe('storage-full');
    fill(false);
    expect(await allRows(db)).toEqual(before);
  });

  it('creating a vault on a full disk → storage-full, and there is still no vault', async () => {
    const { db, fill } = diskThatFills();
    const vault = await Vault.open(recordKinds, db);
    fill(true);
    expect(await errorCode(vault.create(passphraseKey()))).toBe('storage-full');
    expect(vault.state).toBe('no-vault');
    expect(await db.meta.count()).toBe(0);
  });
});

function flip(file: Uint8Array, at: number): Uint8Array {
  const out = file.slice();
  out[at]! ^= 0x01;
  return out;
}

function setU16(file: Uint8Array, at: number, value: number): Uint8Array {
  const out = file.slice();
  new DataView(out.buffer).setUint16(at, value);
  return out;
}
