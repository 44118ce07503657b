/**
 * Tampering with the stored vault in real Chromium. An extension page opens the vault's
 * IndexedDB ('handlerum-vault', store 'pages') behind the background's back and changes the
 * sealed rows; the vault must then report exactly the affected records, and the page itself
 * when its tag fails, it is missing or it is an older copy — as data, not as a thrown error —
 * and keep serving every other record.
 *
 * Row layout (src/vault/storage/page-codec.ts): `index` holds 44 bytes per record — idTag(16),
 * offset(u32 BE), length(u32 BE), flags, mac — and `body` is the stream-cipher ciphertext of
 * the records laid end to end, so plaintext byte i of the page sits at body[i].
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultRecord } from '../../src/vault/record-store';
import { launchChromium, removeProfileDir, type ChromiumSession } from './harness/chromium';
import { byId, passphraseKey, VaultApi } from './harness/vault-api';
import { RawPages, type RawRow } from './harness/raw-pages';
import { toBase64Url } from '../../src/shared/base64url';

const ENTRY_SIZE = 44;
const NOTE_COUNT = 60; // spread over 128 buckets: some pages hold several records

interface Entry {
  idTag: number[];
  offset: number;
  length: number;
}

const entriesOf = (row: RawRow): Entry[] => {
  const index = Uint8Array.from(row.index);
  const view = new DataView(index.buffer);
  const entries: Entry[] = [];
  for (let at = 0; at < index.length; at += ENTRY_SIZE) {
    entries.push({ idTag: row.index.slice(at, at + 16), offset: view.getUint32(at + 16), length: view.getUint32(at + 20) });
  }
  return entries;
};

const refOf = (idTag: number[]): string => toBase64Url(Uint8Array.from(idTag));

describe('tampered storage in Chromium', () => {
  let chromium: ChromiumSession;
  let api: VaultApi;
  let raw: RawPages;
  let ownerId: string;
  let notes: VaultRecord[];
  /** The owner's note pages, most records first. */
  let notePages: RawRow[];

  beforeAll(async () => {
    chromium = await launchChromium();
    const page = await chromium.openPage('vault.html');
    api = VaultApi.playwright(page);
    raw = new RawPages(page);
    ownerId = (await api.ok('create', { ...(await passphraseKey('manipulation er ikke muligt')), owner: { name: 'Test Testesen' } })).profileId;
    notes = await api.ok('writeRecords', {
      ops: Array.from({ length: NOTE_COUNT }, (_, i) => ({
        op: 'put' as const,
        profileId: ownerId,
        kind: 'note',
        data: { title: `Note ${i}`, body: `Indhold nummer ${i}: æblegrød og rødgrød med fløde.` },
      })),
    });
    // Groups are keyed tags, opaque to the test: the notes' group is the one holding them all.
    const rows = await raw.all();
    const countIn = (group: string) => rows.filter((r) => r.group === group).reduce((n, r) => n + entriesOf(r).length, 0);
    notePages = rows.filter((r) => countIn(r.group) === NOTE_COUNT).sort((a, b) => entriesOf(b).length - entriesOf(a).length);
  });

  afterAll(async () => {
    await chromium?.close();
    if (chromium) removeProfileDir(chromium.profileDir);
  });

  /** Whole-group read after each tamper; `expectedMissing` are ids that must not come back intact. */
  async function expectIntactExcept(expectedMissing: string[]) {
    const list = await api.ok('listRecords', { profileId: ownerId, kind: 'note' });
    const missing = new Set(expectedMissing);
    expect(byId(list.records)).toEqual(byId(notes.filter((n) => !missing.has(n.id))));
    return list;
  }

  it('finds the notes spread over pages, some pages holding several records', async () => {
    expect(new Set(notePages.map((r) => r.group)).size).toBe(1);
    expect(notePages.reduce((n, r) => n + entriesOf(r).length, 0)).toBe(NOTE_COUNT);
    expect(entriesOf(notePages[0]!).length).toBeGreaterThan(1);
    const list = await expectIntactExcept([]);
    expect(list.damaged).toEqual([]);
  });

  it('(a) one flipped body byte damages exactly the record whose bytes it hit', async () => {
    const original = notePages[0]!;
    const [victim] = entriesOf(original);
    const tampered = { ...original, body: [...original.body] };
    tampered.body[victim!.offset + 5]! ^= 0x01;
    await raw.put(tampered);
    try {
      const list = await api.ok('listRecords', { profileId: ownerId, kind: 'note' });
      expect(list.damaged).toEqual([
        { profileId: ownerId, kind: 'note', ref: `page:${original.key}`, reason: 'page-damaged' },
        { profileId: ownerId, kind: 'note', ref: refOf(victim!.idTag), reason: 'integrity' },
      ]);
      expect(list.records).toHaveLength(NOTE_COUNT - 1);
      const [hit] = notes.filter((n) => !list.records.some((r) => r.id === n.id));
      await expectIntactExcept([hit!.id]);
      expect(await api.errorOf('getRecord', { profileId: ownerId, kind: 'note', id: hit!.id })).toBe('record-damaged');
      await expectOthersReadable([hit!.id]);
    } finally {
      await raw.put(original);
    }
    expect((await expectIntactExcept([])).damaged).toEqual([]);
  });

  it('(b) an index entry moved to another id tag is reported damaged, not read as another record', async () => {
    const original = notePages[0]!;
    const [victim] = entriesOf(original);
    const list0 = await api.ok('listRecords', { profileId: ownerId, kind: 'note' });
    const tampered = { ...original, index: [...original.index] };
    tampered.index[1]! ^= 0xff; // byte 1 of the first entry's idTag (byte 0 picks the bucket)
    const movedTag = tampered.index.slice(0, 16);
    await raw.put(tampered);
    try {
      const list = await api.ok('listRecords', { profileId: ownerId, kind: 'note' });
      expect(list.damaged).toEqual([
        { profileId: ownerId, kind: 'note', ref: `page:${original.key}`, reason: 'page-damaged' },
        { profileId: ownerId, kind: 'note', ref: refOf(movedTag), reason: 'integrity' },
      ]);
      expect(list.records).toHaveLength(NOTE_COUNT - 1);
      const [moved] = list0.records.filter((n) => !list.records.some((r) => r.id === n.id));
      expect(refOf(victim!.idTag)).not.toBe(refOf(movedTag));
      await expectIntactExcept([moved!.id]);
      expect(await api.errorOf('getRecord', { profileId: ownerId, kind: 'note', id: moved!.id })).toBe('record-damaged');
      await expectOthersReadable([moved!.id]);
    } finally {
      await raw.put(original);
    }
    expect((await expectIntactExcept([])).damaged).toEqual([]);
  });

  it('(c) a page row copied under another key is reported damaged and does not shadow the original', async () => {
    const original = notePages[0]!;
    const usedKeys = new Set((await raw.all()).map((r) => r.key));
    const freeBucket = Array.from({ length: 128 }, (_, b) => `${original.group}.${b}`).find((k) => !usedKeys.has(k))!;
    await raw.put({ ...original, key: freeBucket });
    try {
      const list = await expectIntactExcept([]);
      const copied = entriesOf(original).map((e) => refOf(e.idTag));
      expect(list.damaged[0]).toEqual({ profileId: ownerId, kind: 'note', ref: `page:${freeBucket}`, reason: 'page-damaged' });
      const records = list.damaged.slice(1);
      expect(records.map((d) => d.ref).sort()).toEqual([...copied].sort());
      expect(records.every((d) => d.reason === 'integrity' && d.profileId === ownerId && d.kind === 'note')).toBe(true);
      await expectOthersReadable([]);
    } finally {
      await raw.delete(freeBucket);
    }
    expect((await expectIntactExcept([])).damaged).toEqual([]);
  });

  it('(d) a deleted page is reported missing; its records are not silently dropped', async () => {
    const original = notePages[0]!;
    await raw.delete(original.key);
    try {
      const list = await api.ok('listRecords', { profileId: ownerId, kind: 'note' });
      expect(list.damaged).toEqual([{ profileId: ownerId, kind: 'note', ref: `page:${original.key}`, reason: 'page-missing' }]);
      const gone = notes.filter((n) => !list.records.some((r) => r.id === n.id));
      expect(gone).toHaveLength(entriesOf(original).length);
      await expectIntactExcept(gone.map((n) => n.id));
      for (const note of gone) {
        expect(await api.errorOf('getRecord', { profileId: ownerId, kind: 'note', id: note.id })).toBe('record-damaged');
      }
      await expectOthersReadable(gone.map((n) => n.id));
    } finally {
      await raw.put(original);
    }
    expect((await expectIntactExcept([])).damaged).toEqual([]);
  });

  it('(e) a page rolled back to an older copy is reported, though its own tag verifies', async () => {
    const older = notePages[0]!;
    notes = await api.ok('writeRecords', {
      ops: notes.map((n) => ({
        op: 'put' as const,
        profileId: ownerId,
        kind: 'note',
        id: n.id,
        data: { ...(n.data as object), title: `${(n.data as { title: string }).title} (ændret)` },
      })),
    });
    const current = (await raw.all()).find((r) => r.key === older.key)!;
    expect(current.nonce).not.toEqual(older.nonce);
    await raw.put(older);
    try {
      const list = await api.ok('listRecords', { profileId: ownerId, kind: 'note' });
      expect(list.damaged).toEqual([{ profileId: ownerId, kind: 'note', ref: `page:${older.key}`, reason: 'page-rolled-back' }]);
      const stale = list.records.filter((r) => !notes.some((n) => n.id === r.id && n.updatedAt === r.updatedAt));
      expect(stale).toHaveLength(entriesOf(older).length);
      for (const record of stale) {
        expect(await api.errorOf('getRecord', { profileId: ownerId, kind: 'note', id: record.id })).toBe('record-damaged');
      }
      await expectOthersReadable(stale.map((r) => r.id));
    } finally {
      await raw.put(current);
    }
    expect((await expectIntactExcept([])).damaged).toEqual([]);
  });

  /** Every note except `except` reads back one by one, exactly as written. */
  async function expectOthersReadable(except: string[]) {
    for (const note of notes) {
      if (except.includes(note.id)) continue;
      expect(await api.ok('getRecord', { profileId: ownerId, kind: 'note', id: note.id })).toEqual(note);
    }
  }
});
