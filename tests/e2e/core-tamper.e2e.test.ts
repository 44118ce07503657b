/**
 * Tampering with the stored vault in real Chromium. An extension page opens the vault's
 * IndexedDB ('handlerum-vault', store 'pages') behind the background's back and changes the
 * sealed rows; the vault must then report exactly the affected records, and the page itself
 * when its tag fails, it is missing or it is an older copy — as data, not as a thrown error —
 * and keep serving every other record.
 *
 * Row layout (format 3, src/vault/storage/page-format3.ts): `index` holds a u32 frame count, 16
 * bytes per frame — first record, record count, offset and length of its ciphertext in `body`
 * (u32 BE each) — and 24 bytes per record: idTag(16), length(u32 BE), flags. Each frame is sealed
 * with AES-GCM (a counter-mode cipher), so plaintext byte i of a frame sits at byte i of its
 * ciphertext, and a changed byte damages the records of that frame.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultRecord } from '../../src/vault/record-store';
import { launchChromium, removeProfileDir, type ChromiumSession } from './harness/chromium';
import { byId, passphraseKey, VaultApi } from './harness/vault-api';
import { RawPages, type RawRow } from './harness/raw-pages';
import { toBase64Url } from '../../src/shared/base64url';

const ENTRY_SIZE = 24;
const NOTE_COUNT = 60; // spread over 128 buckets: some pages hold several records

interface Entry {
  idTag: number[];
  /** Where its bytes sit in `body`, and the frame that holds it. */
  offset: number;
  length: number;
  frame: number;
  /** Where its entry starts in `index`. */
  at: number;
}

const entriesOf = (row: RawRow): Entry[] => {
  const index = Uint8Array.from(row.index);
  const view = new DataView(index.buffer);
  const frames = view.getUint32(0);
  const start = 4 + 16 * frames;
  const entries: Entry[] = [];
  for (let frame = 0; frame < frames; frame++) {
    const [first, count] = [view.getUint32(4 + 16 * frame), view.getUint32(8 + 16 * frame)];
    let offset = view.getUint32(12 + 16 * frame);
    for (let j = first; j < first + count; j++) {
      const at = start + j * ENTRY_SIZE;
      const length = view.getUint32(at + 16);
      entries.push({ idTag: row.index.slice(at, at + 16), offset, length, frame, at });
      offset += length;
    }
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

  /** The damage report of a page whose frame holding `entries` failed: the page, then each of them. */
  const frameDamage = (pageKey: string, entries: Entry[]) => [
    { profileId: ownerId, kind: 'note', ref: `page:${pageKey}`, reason: 'page-damaged' },
    ...entries.map((e) => ({ profileId: ownerId, kind: 'note', ref: refOf(e.idTag), reason: 'integrity' })),
  ];

  it('(a) one flipped body byte damages exactly the records of the frame it hit', async () => {
    const original = notePages[0]!;
    const [victim] = entriesOf(original);
    const frame = entriesOf(original).filter((e) => e.frame === victim!.frame);
    const tampered = { ...original, body: [...original.body] };
    tampered.body[victim!.offset + 5]! ^= 0x01;
    await raw.put(tampered);
    try {
      const list = await api.ok('listRecords', { profileId: ownerId, kind: 'note' });
      expect(list.damaged).toEqual(frameDamage(original.key, frame));
      expect(list.records).toHaveLength(NOTE_COUNT - frame.length);
      const hit = notes.filter((n) => !list.records.some((r) => r.id === n.id)).map((n) => n.id);
      await expectIntactExcept(hit);
      for (const id of hit) expect(await api.errorOf('getRecord', { profileId: ownerId, kind: 'note', id })).toBe('record-damaged');
      await expectOthersReadable(hit);
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
    tampered.index[victim!.at + 1]! ^= 0xff; // byte 1 of the first entry's idTag (byte 0 picks the bucket)
    await raw.put(tampered);
    try {
      const frame = entriesOf(tampered).filter((e) => e.frame === victim!.frame);
      const movedTag = frame[0]!.idTag;
      const list = await api.ok('listRecords', { profileId: ownerId, kind: 'note' });
      expect(list.damaged).toEqual(frameDamage(original.key, frame));
      expect(list.records).toHaveLength(NOTE_COUNT - frame.length);
      const moved = list0.records.filter((n) => !list.records.some((r) => r.id === n.id)).map((n) => n.id);
      expect(refOf(victim!.idTag)).not.toBe(refOf(movedTag));
      await expectIntactExcept(moved);
      for (const id of moved) expect(await api.errorOf('getRecord', { profileId: ownerId, kind: 'note', id })).toBe('record-damaged');
      await expectOthersReadable(moved);
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
