/**
 * Every way of tampering with the stored pages is reported (src/vault/storage/page-store.ts and
 * page-manifest.ts): a changed byte, swapped pages, a removed or repeated index entry, a deleted
 * page, a page rolled back to an older copy, a cut page, a removed or changed manifest. Only
 * putting the whole vault back to an older copy at once goes unseen, as docs/security.md says.
 */
import { describe, expect, it } from 'vitest';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { framed, u32s } from '../../src/vault/crypto/bytes';
import { deriveVaultKeys, type VaultKeys } from '../../src/vault/crypto/keys';
import type { VaultHeader } from '../../src/vault/header';
import type { DamagedRecord } from '../../src/vault/record-store';
import { openPage, type PageRow } from '../../src/vault/storage/page-codec';
import { groupManifestKey, MANIFEST_FORMAT, MANIFEST_KEY } from '../../src/vault/storage/page-manifest';
import type { Vault } from '../../src/vault/vault';
import { sealLegacyPage } from './support/legacy-page';
import { allRows, diskThatFills, errorCode, vaultWithProfile } from './support/setup-vault';
import { toBase64Url } from '../../src/shared/base64url';
import { concatBytes, randomBytes, utf8 } from '../../src/shared/bytes';
import { noteKind } from '../../src/records/note';

const NOTES = 300; // over 128 pages: some pages hold several notes
/** These tests read and change format 2 pages, which vaults written before format 3 hold (page-format3.test.ts has format 3's). */
const FORMAT_2 = { pageFormat: 2 } as const;
const ENTRY_SIZE = 44;

const note = (profileId: string, id: string, title = id) => ({ op: 'put', profileId, kind: 'note', id, data: { title, body: `${title}: æblegrød` } }) as const;

/** A vault with an owner and NOTES notes; `pages` are the notes' pages, fullest first. */
async function notesVault(db?: ReturnType<typeof diskThatFills>['db']) {
  const { profileId: ownerId, ...created } = await vaultWithProfile('tamper', 'Søs', { ...(db ? { db } : {}), storage: FORMAT_2 });
  const { vault } = created;
  const ids = Array.from({ length: NOTES }, (_, i) => `id${i}`);
  await vault.records.write(ids.map((id) => note(ownerId, id)));
  const rows = await created.db.pages.toArray();
  const noteGroup = rows.find((r) => r.index.length > ENTRY_SIZE)!.group;
  const pages = rows.filter((r) => r.group === noteGroup).sort((a, b) => b.index.length - a.index.length);
  const keys = deriveVaultKeys(vault.dangerouslyExportDataKey());
  return { ...created, ownerId, ids, pages, keys };
}

/** The note ids held by a page, read with the vault's keys. */
const idsOn = (keys: VaultKeys, row: PageRow): string[] =>
  openPage(keys, row).entries.map((e) => (JSON.parse(new TextDecoder().decode(e.bytes)) as { id: string }).id);

const pageReports = (damaged: DamagedRecord[]) => damaged.filter((d) => d.ref.startsWith('page:')).map((d) => [d.ref, d.reason]);

describe('each tampering is reported', () => {
  it('a flipped byte: the record, and its page ("may be missing or repeated")', async () => {
    const { vault, db, ownerId, pages } = await notesVault();
    const row = pages[0]!;
    await db.pages.put({ ...row, body: row.body.map((b, i) => (i === 0 ? b ^ 1 : b)) });
    const list = await vault.records.list(ownerId, noteKind);
    expect(pageReports(list.damaged)).toEqual([[`page:${row.key}`, 'page-damaged']]);
    expect(list.damaged.filter((d) => d.reason === 'integrity')).toHaveLength(1);
    expect(list.records).toHaveLength(NOTES - 1);
  });

  it('two pages swapped: both reported, none of their records read as the other', async () => {
    const { vault, db, ownerId, pages, keys } = await notesVault();
    const [a, b] = pages as [PageRow, PageRow];
    await db.pages.bulkPut([
      { ...b, key: a.key },
      { ...a, key: b.key },
    ]);
    const list = await vault.records.list(ownerId, noteKind);
    expect(pageReports(list.damaged).sort()).toEqual(
      [
        [`page:${a.key}`, 'page-damaged'],
        [`page:${b.key}`, 'page-damaged'],
      ].sort(),
    );
    const lost = [...idsOn(keys, a), ...idsOn(keys, b)];
    expect(list.records.filter((r) => lost.includes(r.id))).toEqual([]);
    expect(list.records).toHaveLength(NOTES - lost.length);
  });

  it('an index entry removed: the record is not silently dropped; reading it → record-damaged', async () => {
    const { vault, db, ownerId, pages, keys } = await notesVault();
    const row = pages[0]!;
    const [removed] = idsOn(keys, row);
    await db.pages.put({ ...row, index: row.index.slice(ENTRY_SIZE) });
    const list = await vault.records.list(ownerId, noteKind);
    expect(pageReports(list.damaged)).toEqual([[`page:${row.key}`, 'page-damaged']]);
    expect(list.records).toHaveLength(NOTES - 1);
    expect(await errorCode(vault.records.get(ownerId, noteKind, removed!))).toBe('record-damaged');
  });

  it('an index entry repeated: the record is listed once, and the page reported', async () => {
    const { vault, db, ownerId, pages } = await notesVault();
    const row = pages[0]!;
    const index = new Uint8Array(row.index.length + ENTRY_SIZE);
    index.set(row.index);
    index.set(row.index.subarray(0, ENTRY_SIZE), row.index.length);
    await db.pages.put({ ...row, index });
    const list = await vault.records.list(ownerId, noteKind);
    const ids = list.records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(NOTES);
    expect(pageReports(list.damaged)).toEqual([[`page:${row.key}`, 'page-damaged']]);
  });

  it('a page deleted: reported missing; its records → record-damaged; a later write keeps the report', async () => {
    const { vault, db, ownerId, pages, keys } = await notesVault();
    const row = pages[0]!;
    const gone = idsOn(keys, row);
    await db.pages.delete(row.key);
    const list = await vault.records.list(ownerId, noteKind);
    expect(pageReports(list.damaged)).toEqual([[`page:${row.key}`, 'page-missing']]);
    expect(list.records).toHaveLength(NOTES - gone.length);
    expect(await errorCode(vault.records.get(ownerId, noteKind, gone[0]!))).toBe('record-damaged');
    // Writing one of its records again recreates the page; the loss is still reported.
    await vault.records.write([note(ownerId, gone[0]!, 'again')]);
    const after = await vault.records.list(ownerId, noteKind);
    expect(pageReports(after.damaged)).toEqual([[`page:${row.key}`, 'page-missing']]);
    expect(after.records).toHaveLength(NOTES - gone.length + 1);
    expect(await errorCode(vault.records.get(ownerId, noteKind, gone[1]!))).toBe('record-damaged');
    // The user has seen it: discarding settles the page; what was written again stays.
    await vault.records.discardDamaged(
      ownerId,
      'note',
      after.damaged.map((d) => d.ref),
    );
    const settled = await vault.records.list(ownerId, noteKind);
    expect(settled.damaged).toEqual([]);
    expect(settled.records).toHaveLength(NOTES - gone.length + 1);
    expect(await vault.records.get(ownerId, noteKind, gone[1]!)).toBeNull();
  });

  it('a whole group of pages deleted: every page reported missing', async () => {
    const { vault, db, ownerId, pages } = await notesVault();
    await db.pages.bulkDelete(pages.map((p) => p.key));
    const list = await vault.records.list(ownerId, noteKind);
    expect(list.records).toEqual([]);
    expect(list.damaged.map((d) => d.reason)).toEqual(pages.map(() => 'page-missing'));
  });

  it('a page rolled back to an older copy: reported, though its tag verifies', async () => {
    const { vault, db, ownerId, pages, keys } = await notesVault();
    const old = pages[0]!;
    const [changed] = idsOn(keys, old);
    await vault.records.write([note(ownerId, changed!, 'changed later')]);
    await db.pages.put(old);
    const list = await vault.records.list(ownerId, noteKind);
    expect(pageReports(list.damaged)).toEqual([[`page:${old.key}`, 'page-rolled-back']]);
    expect(await errorCode(vault.records.get(ownerId, noteKind, changed!))).toBe('record-damaged');
    // A write on the rolled-back page does not make the old copy current unnoticed.
    await vault.records.write([note(ownerId, changed!, 'third')]);
    expect(pageReports((await vault.records.list(ownerId, noteKind)).damaged)).toEqual([[`page:${old.key}`, 'page-rolled-back']]);
  });

  it('a deleted page put back (its records had been deleted): reported', async () => {
    const { vault, db, ownerId, pages, keys } = await notesVault();
    const old = pages[pages.length - 1]!;
    const ids = idsOn(keys, old);
    await vault.records.write(ids.map((id) => ({ op: 'delete', profileId: ownerId, kind: 'note', id }) as const));
    expect(await db.pages.get(old.key)).toBeUndefined();
    await db.pages.put(old);
    const list = await vault.records.list(ownerId, noteKind);
    expect(pageReports(list.damaged)).toEqual([[`page:${old.key}`, 'page-rolled-back']]);
    expect(await errorCode(vault.records.get(ownerId, noteKind, ids[0]!))).toBe('record-damaged');
  });

  it.each([
    ['the body cut short', (row: PageRow) => ({ ...row, body: row.body.subarray(0, 20) })],
    ['the body cut to nothing', (row: PageRow) => ({ ...row, body: new Uint8Array(0) })],
    ['the index cut mid-entry', (row: PageRow) => ({ ...row, index: row.index.subarray(0, ENTRY_SIZE + 5) })],
  ])('a page truncated (%s): reported, its records not read', async (_, cut) => {
    const { vault, db, ownerId, pages, keys } = await notesVault();
    const row = pages[0]!;
    const lost = idsOn(keys, row);
    await db.pages.put(cut(row));
    const list = await vault.records.list(ownerId, noteKind);
    expect(pageReports(list.damaged)).toEqual([[`page:${row.key}`, 'page-damaged']]);
    expect(list.records.filter((r) => lost.includes(r.id))).toEqual([]);
    expect(list.records).toHaveLength(NOTES - lost.length);
  });

  it('after a discard the report is gone and reads are clean again', async () => {
    const { vault, db, ownerId, pages } = await notesVault();
    await db.pages.put({ ...pages[0]!, index: pages[0]!.index.slice(ENTRY_SIZE) });
    const list = await vault.records.list(ownerId, noteKind);
    await vault.records.discardDamaged(
      ownerId,
      'note',
      list.damaged.map((d) => d.ref),
    );
    const after = await vault.records.list(ownerId, noteKind);
    expect(after.damaged).toEqual([]);
    expect(after.records).toHaveLength(NOTES - 1);
  });
});

describe('the page manifest', () => {
  it('is rewritten in the same transaction as the pages: a failed write changes neither', async () => {
    const { db, fill } = diskThatFills('tamper-full');
    const { vault, ownerId, ids } = await notesVault(db);
    const before = await allRows(db);
    fill(true);
    expect(await errorCode(vault.records.write([note(ownerId, ids[0]!, 'lost')]))).toBe('storage-full');
    fill(false);
    expect(await allRows(db)).toEqual(before);
    expect((await vault.records.list(ownerId, noteKind)).damaged).toEqual([]);
  });

  it('removed: the next session reports every page damaged (the pages it named cannot be known)', async () => {
    const { vault, db, ownerId, pages, key } = await notesVault();
    await db.meta.delete(MANIFEST_KEY);
    vault.lock();
    await vault.unlock(key.kek);
    const list = await vault.records.list(ownerId, noteKind);
    expect(list.damaged.filter((d) => d.reason === 'page-damaged')).toHaveLength(pages.length);
    expect(list.records).toHaveLength(NOTES);
  });

  it('changed while the vault is open: the operation fails, then every page is reported', async () => {
    const { vault, db, ownerId, pages } = await notesVault();
    const stored = (await db.meta.get(MANIFEST_KEY))!.value as { ciphertext: Uint8Array };
    await db.meta.put({ key: MANIFEST_KEY, value: { ...stored, ciphertext: stored.ciphertext.map((b, i) => (i === 3 ? b ^ 1 : b)) } });
    expect(await errorCode(vault.records.list(ownerId, noteKind))).toBe('record-damaged');
    const list = await vault.records.list(ownerId, noteKind);
    expect(list.damaged.filter((d) => d.reason === 'page-damaged')).toHaveLength(pages.length);
  });

  it("a group's manifest removed: its pages are reported, and pages that cannot be named", async () => {
    const { vault, db, ownerId, pages } = await notesVault();
    await db.meta.delete(groupManifestKey(pages[0]!.group));
    const list = await vault.records.list(ownerId, noteKind);
    expect(list.damaged[0]).toEqual({ profileId: ownerId, kind: 'note', ref: `page:${pages[0]!.group}`, reason: 'page-missing' });
    expect(list.damaged.slice(1).map((d) => d.reason)).toEqual(pages.map(() => 'page-damaged'));
    // Seen and discarded: the group is trusted again from here on.
    await vault.records.discardDamaged(
      ownerId,
      'note',
      list.damaged.map((d) => d.ref),
    );
    expect((await vault.records.list(ownerId, noteKind)).damaged).toEqual([]);
  });

  it("a group's manifest rolled back together with one of its pages: seen by the top manifest", async () => {
    const { vault, db, ownerId, pages, keys } = await notesVault();
    const key = groupManifestKey(pages[0]!.group);
    const olderManifest = (await db.meta.get(key))!;
    const olderPage = pages[0]!;
    await vault.records.write([note(ownerId, idsOn(keys, olderPage)[0]!, 'changed later')]);
    await db.meta.put(olderManifest);
    await db.pages.put(olderPage);
    const list = await vault.records.list(ownerId, noteKind);
    expect(list.damaged[0]).toMatchObject({ ref: `page:${olderPage.group}`, reason: 'page-missing' });
    expect(list.damaged.length).toBe(pages.length + 1);
  });

  it("a group's manifest moved to another group fails its check", async () => {
    const { vault, db, ownerId, pages } = await notesVault();
    const profileGroup = (await db.pages.toArray()).find((r) => r.group !== pages[0]!.group)!.group;
    const other = (await db.meta.get(groupManifestKey(profileGroup)))!;
    await db.meta.put({ key: groupManifestKey(pages[0]!.group), value: other.value });
    const list = await vault.records.list(ownerId, noteKind);
    expect(list.damaged[0]).toMatchObject({ ref: `page:${pages[0]!.group}`, reason: 'page-missing' });
  });

  it('from a newer Handlerum → vault-from-newer-version (no downgrade)', async () => {
    const { vault, db, ownerId, key } = await notesVault();
    const stored = (await db.meta.get(MANIFEST_KEY))!.value as { v: number };
    await db.meta.put({ key: MANIFEST_KEY, value: { ...stored, v: MANIFEST_FORMAT + 1 } });
    vault.lock();
    await vault.unlock(key.kek);
    expect(await errorCode(vault.records.list(ownerId, noteKind))).toBe('vault-from-newer-version');
  });

  it('a page from a newer Handlerum → vault-from-newer-version', async () => {
    const { vault, db, ownerId, pages } = await notesVault();
    await db.pages.put({ ...pages[0]!, v: 4 });
    expect(await errorCode(vault.records.list(ownerId, noteKind))).toBe('vault-from-newer-version');
  });

  it('goes into backups: a page rolled back after a restore is still seen', async () => {
    const { vault, db, ownerId, pages, key, keys } = await notesVault();
    const file = await vault.backup();
    await db.pages.clear();
    await db.meta.delete(MANIFEST_KEY);
    await vault.restore(file, { method: 'passphrase', kek: key.kek });
    expect((await vault.records.list(ownerId, noteKind)).damaged).toEqual([]);
    const old = (await db.pages.get(pages[0]!.key))!;
    await vault.records.write([note(ownerId, idsOn(keys, old)[0]!, 'after restore')]);
    await db.pages.put(old);
    expect(pageReports((await vault.records.list(ownerId, noteKind)).damaged)).toEqual([[`page:${old.key}`, 'page-rolled-back']]);
  });

  it('cannot tell the whole vault put back to an older copy at once (documented limit)', async () => {
    const { vault, db, ownerId, ids, key } = await notesVault();
    const snapshot = await allRows(db);
    await vault.records.write([note(ownerId, ids[0]!, 'newer')]);
    await db.transaction('rw', db.pages, db.meta, async () => {
      await db.pages.clear();
      await db.pages.bulkPut(snapshot.pages as PageRow[]);
      await db.meta.bulkPut(snapshot.meta as { key: string; value: unknown }[]);
    });
    vault.lock();
    await vault.unlock(key.kek);
    const list = await vault.records.list(ownerId, noteKind);
    expect(list.damaged).toEqual([]);
    expect(list.records.find((r) => r.id === ids[0])!.data.title).toBe(ids[0]);
  });
});

describe('upgrade from format 1 pages (no manifest)', () => {
  /** The vault as the previous version stored it: format 1 pages and no manifest. */
  async function asFormatOne(db: Vault['db'], keys: VaultKeys) {
    const rows = await db.pages.toArray();
    await db.pages.bulkPut(rows.map((row) => sealLegacyPage(keys, row.key, row.group, openPage(keys, row).entries)));
    await db.meta.where('key').startsWith(MANIFEST_KEY).delete();
  }

  it('makes a manifest and rewrites every page as format 2; nothing is reported, nothing lost', async () => {
    const { vault, db, ownerId, key, keys } = await notesVault();
    await asFormatOne(db, keys);
    vault.lock();
    await vault.unlock(key.kek);
    const list = await vault.records.list(ownerId, noteKind);
    expect(list.damaged).toEqual([]);
    expect(list.records).toHaveLength(NOTES);
    expect((await db.pages.toArray()).every((row) => row.v === 2 && typeof row.version === 'number')).toBe(true);
    expect(await db.meta.get(MANIFEST_KEY)).toBeDefined();
  });

  it('a backup of the previous version (format 1 pages, no manifests) restores and is upgraded', async () => {
    const { vault, db, ownerId, key, keys } = await notesVault();
    await asFormatOne(db, keys);
    const header = (await db.meta.get('header'))!.value as VaultHeader;
    const file = formatOneBackup(header, await db.pages.toArray(), keys);
    vault.lock();
    await vault.unlock(key.kek); // upgrades this browser's vault
    await vault.records.write([note(ownerId, 'id0', 'after the backup')]);
    await vault.restore(file, { method: 'passphrase', kek: key.kek });
    expect(await db.meta.where('key').startsWith(MANIFEST_KEY).count()).toBe(0);
    const list = await vault.records.list(ownerId, noteKind);
    expect(list.damaged).toEqual([]);
    expect(list.records).toHaveLength(NOTES);
    expect(list.records.find((r) => r.id === 'id0')!.data.title).toBe('id0');
    expect((await db.pages.toArray()).every((row) => row.v === 2)).toBe(true);
  });

  it('a format 1 page damaged before the upgrade stays reported after it', async () => {
    const { vault, db, ownerId, key, keys, pages } = await notesVault();
    await asFormatOne(db, keys);
    const row = (await db.pages.get(pages[0]!.key))!;
    await db.pages.put({ ...row, body: row.body.map((b, i) => (i === 0 ? b ^ 1 : b)) });
    vault.lock();
    await vault.unlock(key.kek);
    const list = await vault.records.list(ownerId, noteKind);
    expect(pageReports(list.damaged)).toEqual([[`page:${row.key}`, 'page-damaged']]);
  });

  it('a format 1 copy put back after the upgrade is a rollback', async () => {
    const { vault, db, ownerId, key, keys, pages } = await notesVault();
    await asFormatOne(db, keys);
    const legacy = (await db.pages.get(pages[0]!.key))!;
    vault.lock();
    await vault.unlock(key.kek);
    await vault.records.list(ownerId, noteKind);
    await db.pages.put(legacy);
    expect(pageReports((await vault.records.list(ownerId, noteKind)).damaged)).toEqual([[`page:${legacy.key}`, 'page-rolled-back']]);
  });
});

/** A backup file as version 1 wrote it: one chunk, rows without a version, no manifests. */
function formatOneBackup(vault: VaultHeader, rows: PageRow[], keys: VaultKeys): Uint8Array {
  const streamNonce = randomBytes(16);
  const headerBytes = utf8(JSON.stringify({ createdAt: new Date().toISOString(), rowCount: rows.length, streamNonce: toBase64Url(streamNonce), vault }));
  const stream = concatBytes(...rows.map((r) => framed(r.key, r.group, u32s(r.v), r.nonce, r.index, r.body)));
  const nonce = concatBytes(streamNonce, u32s(0, 1)); // chunk 0, the last
  const sealed = xchacha20poly1305(keys.backup, nonce, framed('handlerum/backup/v1', headerBytes)).encrypt(stream);
  const prefix = new Uint8Array(14);
  prefix.set(utf8('HNDLRMBK'));
  new DataView(prefix.buffer).setUint16(8, 1);
  new DataView(prefix.buffer).setUint32(10, headerBytes.length);
  return concatBytes(prefix, headerBytes, u32s(sealed.length), sealed);
}
