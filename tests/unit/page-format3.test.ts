/**
 * Format 3 pages (src/vault/storage/page-format3.ts, src/vault/crypto/frame-keys.ts). What the
 * design promises:
 *  - fixed keys and salt give fixed bytes, which an independent AES-GCM (HKDF from noble, the
 *    key imported raw into WebCrypto) opens;
 *  - a changed byte anywhere in a frame, its index entries or its frame-table entry damages that
 *    frame's records only; a changed salt, version, key or group damages every frame;
 *  - a frame dropped, repeated, swapped or taken from another page or version is detected;
 *  - in the store: groups mix format 2 and 3 parts, a part is rewritten as format 3 when it is
 *    rewritten anyway, a write that another context overtook starts over, nothing is written
 *    once the store is closed, and backups carry both formats.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { framed, u32s } from '../../src/vault/crypto/bytes';
import { FrameKeyring } from '../../src/vault/crypto/frame-keys';
import { deriveVaultKeys } from '../../src/vault/crypto/keys';
import type { PageEntry, PageRow } from '../../src/vault/storage/page-codec';
import { dangerouslySealPage3WithSalt, FRAME_RECORDS, openPage3, sealPage3 } from '../../src/vault/storage/page-format3';
import { PageStore, type PageChange } from '../../src/vault/storage/page-store';
import { VaultDb } from '../../src/vault/storage/db';
import { freshDb, runs, vaultWithProfile } from './support/setup-vault';
import { hex as toHex } from './support/hex';
import { toBase64Url } from '../../src/shared/base64url';
import { equalBytes, randomBytes, utf8 } from '../../src/shared/bytes';
import { noteKind } from '../../src/records/note';

const KEY = 'groupTag.5';
const GROUP = 'groupTag';
const VERSION = 7;

const tag = (n: number, bucket = 5) => Uint8Array.from({ length: 16 }, (_, i) => (i === 0 ? bucket : i <= 4 ? (n >>> (8 * (i - 1))) & 0xff : 0));
const record = (n: number): PageEntry => ({ idTag: tag(n), bytes: utf8(`{"id":"r${n}","title":"Notat ${n} – æøå"}`), damaged: false });
const records = (count: number) => Array.from({ length: count }, (_, i) => record(i));

const ring = () => new FrameKeyring(randomBytes(32));

/** The ids of the records a page gave back intact, and of those it named damaged. */
async function opened(keyring: FrameKeyring, row: PageRow) {
  const page = await openPage3(keyring, row);
  const id = (e: PageEntry) => new DataView(e.idTag.buffer, e.idTag.byteOffset).getUint32(1, true);
  return {
    intact: page.intact,
    unreadable: page.unreadable,
    good: page.entries.filter((e) => !e.damaged).map(id),
    damaged: page.entries.filter((e) => e.damaged).map(id),
    page,
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const flip = (bytes: Uint8Array, at: number) => bytes.map((b, i) => (i === at ? b ^ 1 : b));
/** Frame i's table entry: first, count, offset, length. */
const frameEntry = (row: PageRow, i: number) => {
  const view = new DataView(row.index.buffer, row.index.byteOffset + 4 + 16 * i, 16);
  return { first: view.getUint32(0), count: view.getUint32(4), offset: view.getUint32(8), length: view.getUint32(12) };
};
const framesOf = (row: PageRow) => new DataView(row.index.buffer, row.index.byteOffset).getUint32(0);
const recordEntryAt = (row: PageRow, j: number) => 4 + 16 * framesOf(row) + 24 * j;

describe('format 3: known answer', () => {
  const material = Uint8Array.from({ length: 32 }, (_, i) => i);
  const salt = new Uint8Array(32).fill(0x11);
  const entries: PageEntry[] = [
    { idTag: tag(1), bytes: utf8('{"id":"a","title":"Første"}'), damaged: false },
    { idTag: tag(2), bytes: utf8('{"id":"b"}'), damaged: false },
  ];

  it('the page-frames sub-key is HKDF-SHA256 of the data key with its own label', () => {
    const dataKey = new Uint8Array(32).fill(7);
    const expected = hkdf(sha256, dataKey, undefined, utf8('handlerum page-frames v1'), 32);
    expect(toHex(deriveVaultKeys(dataKey).pageFrames)).toBe(toHex(expected));
  });

  it('fixed keys and salt give fixed bytes', async () => {
    const row = await dangerouslySealPage3WithSalt(new FrameKeyring(material), KEY, GROUP, VERSION, entries, salt);
    expect(row.v).toBe(3);
    expect(toHex(row.nonce)).toBe('11'.repeat(32));
    expect(toHex(row.index)).toBe(
      '00000001' +
        '00000000000000020000000000000036' +
        '05010000000000000000000000000000' +
        '0000001c00000000' +
        '05020000000000000000000000000000' +
        '0000000a00000000',
    );
    expect(toHex(row.body)).toBe(KNOWN_BODY);
  });

  it('an independent AES-256-GCM opens the frame: noble HKDF, the key imported raw', async () => {
    const row = await dangerouslySealPage3WithSalt(new FrameKeyring(material), KEY, GROUP, VERSION, entries, salt);
    const keyBytes = hkdf(sha256, material, salt, utf8('handlerum/page/v3'), 32);
    const key = await crypto.subtle.importKey('raw', keyBytes as BufferSource, 'AES-GCM', false, ['decrypt']);
    const ad = framed('handlerum/page/v3', KEY, GROUP, u32s(VERSION, 0, 1, 2), row.index.subarray(4, 20), row.index.subarray(20));
    const iv = new Uint8Array(12); // frame 0
    const plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: ad as BufferSource }, key, row.body as BufferSource));
    expect(new TextDecoder().decode(plain)).toBe('{"id":"a","title":"Første"}{"id":"b"}');
  });
});

// Sealed once; the independent decryption above opens these bytes too.
const KNOWN_BODY = '62155716e70803a090baf79a7cc40cef9ee5d87bd6c9fae6062197730169629d533a956b1a8c55c5573e27495c2f3f18e275be067819';

describe('format 3: sealing and opening', () => {
  it('round-trips any records, frame by frame, none damaged', async () => {
    const keyring = ring();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 3000 }), { maxLength: 80 }), async (bodies) => {
        const entries = bodies.map((bytes, i) => ({ idTag: tag(i), bytes, damaged: false }));
        const page = await openPage3(keyring, await sealPage3(keyring, KEY, GROUP, VERSION, entries));
        expect(page.intact).toBe(true);
        expect(page.entries.map((e) => [toHex(e.idTag), toHex(e.bytes), e.damaged])).toEqual(entries.map((e) => [toHex(e.idTag), toHex(e.bytes), false]));
      }),
      runs(15),
    );
  });

  it('frames hold at most FRAME_RECORDS records; an empty page still has one frame', async () => {
    const keyring = ring();
    const row = await sealPage3(keyring, KEY, GROUP, VERSION, records(100));
    expect(framesOf(row)).toBe(Math.ceil(100 / FRAME_RECORDS));
    const empty = await sealPage3(keyring, KEY, GROUP, VERSION, []);
    expect(framesOf(empty)).toBe(1);
    expect(empty.body.length).toBe(16);
    expect((await opened(keyring, empty)).intact).toBe(true);
  });

  it('a damaged record stays flagged when sealed again', async () => {
    const keyring = ring();
    const entries = records(3);
    entries[1] = { ...entries[1]!, damaged: true };
    expect((await opened(keyring, await sealPage3(keyring, KEY, GROUP, VERSION, entries))).damaged).toEqual([1]);
  });
});

describe('format 3: a changed byte damages one frame', () => {
  // 100 records: frames 0–2 of 32 records, frame 3 of 4.
  const setUp = async () => {
    const keyring = ring();
    return { keyring, row: await sealPage3(keyring, KEY, GROUP, VERSION, records(100)) };
  };
  const frame1 = range(32, 64);
  const others = [...range(0, 32), ...range(64, 100)];

  it.each([
    ['a byte of its ciphertext', (row: PageRow) => ({ body: flip(row.body, frameEntry(row, 1).offset + 3) })],
    ['a byte of its tag', (row: PageRow) => ({ body: flip(row.body, frameEntry(row, 1).offset + frameEntry(row, 1).length - 1) })],
    ['an id tag in its index entries', (row: PageRow) => ({ index: flip(row.index, recordEntryAt(row, 40) + 5) })],
    ['a length in its index entries', (row: PageRow) => ({ index: flip(row.index, recordEntryAt(row, 40) + 19) })],
    ['a flag in its index entries', (row: PageRow) => ({ index: flip(row.index, recordEntryAt(row, 40) + 23) })],
    ['its offset in the frame table', (row: PageRow) => ({ index: flip(row.index, 4 + 16 + 11) })],
    ['its record count in the frame table', (row: PageRow) => ({ index: flip(row.index, 4 + 16 + 7) })],
  ])('%s: only that frame’s records are damaged and named', async (_, change) => {
    const { keyring, row } = await setUp();
    const result = await opened(keyring, { ...row, ...change(row) });
    expect(result.intact).toBe(false);
    expect(result.good).toEqual(others);
    expect(result.damaged.filter((n) => !frame1.includes(n))).toEqual([]);
    expect(result.damaged).toHaveLength(32);
  });

  it.each([
    ['the salt', (row: PageRow) => ({ nonce: flip(row.nonce, 0) })],
    ['the version', () => ({ version: VERSION + 1 })],
    ['the key (the page moved)', () => ({ key: 'groupTag.6' })],
    ['the group', () => ({ group: 'otherTag' })],
    ['the frame count', (row: PageRow) => ({ index: flip(row.index, 3) })],
  ])('%s: every frame is damaged', async (_, change) => {
    const { keyring, row } = await setUp();
    const result = await opened(keyring, { ...row, ...change(row) });
    expect(result.good).toEqual([]);
    expect(result.intact).toBe(false);
  });

  it('an index that cannot be laid out (cut mid-entry, or no frames) is unreadable', async () => {
    const { keyring, row } = await setUp();
    expect((await opened(keyring, { ...row, index: row.index.subarray(0, row.index.length - 3) })).unreadable).toBe(true);
    expect((await opened(keyring, { ...row, index: new Uint8Array(4) })).unreadable).toBe(true);
  });

  it('the body cut short: the frames past the cut are damaged, those before it read', async () => {
    const { keyring, row } = await setUp();
    const result = await opened(keyring, { ...row, body: row.body.subarray(0, frameEntry(row, 2).offset) });
    expect(result.good).toEqual(range(0, 64));
    expect(result.damaged).toEqual(range(64, 100));
  });
});

describe('format 3: frames cannot be dropped, repeated, swapped or moved', () => {
  /** The page with its frame table rewritten to `order` (frame numbers of the original), body and records left as they are. */
  function reframed(row: PageRow, order: number[]): PageRow {
    const frames = framesOf(row);
    const records = row.index.subarray(4 + 16 * frames);
    const index = new Uint8Array(4 + 16 * order.length + records.length);
    new DataView(index.buffer).setUint32(0, order.length);
    order.forEach((from, i) => index.set(row.index.subarray(4 + 16 * from, 4 + 16 * (from + 1)), 4 + 16 * i));
    index.set(records, 4 + 16 * order.length);
    return { ...row, index };
  }

  it('a frame dropped: detected, nothing of the page vouched for', async () => {
    const keyring = ring();
    const row = await sealPage3(keyring, KEY, GROUP, VERSION, records(100));
    const result = await opened(keyring, reframed(row, [0, 1, 2]));
    expect(result.intact).toBe(false);
    expect(result.good).toEqual([]);
  });

  it('a frame repeated: detected', async () => {
    const keyring = ring();
    const row = await sealPage3(keyring, KEY, GROUP, VERSION, records(100));
    const result = await opened(keyring, reframed(row, [0, 1, 2, 3, 1]));
    expect(result.intact).toBe(false);
    expect(result.good).toEqual([]);
  });

  it('two frames swapped within the page: both damaged, the others read', async () => {
    const keyring = ring();
    const row = await sealPage3(keyring, KEY, GROUP, VERSION, records(100));
    const result = await opened(keyring, reframed(row, [0, 2, 1, 3]));
    expect(result.intact).toBe(false);
    expect(result.good).toEqual([...range(0, 32), ...range(96, 100)]);
  });

  it('a frame from another page, or from another version of this page: damaged', async () => {
    const keyring = ring();
    const salt = randomBytes(32);
    const row = await dangerouslySealPage3WithSalt(keyring, KEY, GROUP, VERSION, records(100), salt);
    const at = frameEntry(row, 1);
    const splice = (other: PageRow) => {
      const body = row.body.slice();
      body.set(other.body.subarray(at.offset, at.offset + at.length), at.offset);
      return { ...row, body };
    };
    // Same records, so the same layout: only the frame's origin differs.
    const otherPage = await sealPage3(keyring, KEY, GROUP, VERSION, records(100));
    const otherVersion = await dangerouslySealPage3WithSalt(keyring, KEY, GROUP, VERSION + 1, records(100), salt);
    const otherKey = await dangerouslySealPage3WithSalt(keyring, 'groupTag.9', GROUP, VERSION, records(100), salt);
    for (const other of [otherPage, otherVersion, otherKey]) {
      expect(equalBytes(other.body.subarray(at.offset, at.offset + at.length), row.body.subarray(at.offset, at.offset + at.length))).toBe(false);
      const result = await opened(keyring, splice(other));
      expect(result.damaged).toEqual(range(32, 64));
    }
  });
});

describe('format 3 in the page store', () => {
  const GROUP_TAG = 'g1';
  const put = (n: number, text = `r${n}`): PageChange => ({ group: GROUP_TAG, idTag: tag(n, 5), update: () => utf8(text) });
  const text = (bytes: Uint8Array | null) => (bytes ? new TextDecoder().decode(bytes) : null);
  const store = (db: VaultDb, dataKey: Uint8Array, pageFormat: 2 | 3 = 3) => new PageStore(db, deriveVaultKeys(dataKey), { pageFormat });

  it('a flipped byte in a stored page: only its frame’s records are named damaged; the rest read', async () => {
    const db = freshDb('format3');
    const pages = store(db, randomBytes(32));
    await pages.apply(range(0, 100).map((n) => put(n)));
    const [row] = await db.pages.toArray();
    expect(row!.v).toBe(3);
    await db.pages.put({ ...row!, body: flip(row!.body, frameEntry(row!, 2).offset) });
    const contents = await pages.readGroup(GROUP_TAG);
    expect(contents.records).toHaveLength(100 - 32);
    expect(
      contents.damaged
        .filter((d) => d.reason === 'integrity')
        .map((d) => d.ref)
        .sort(),
    ).toEqual(
      range(64, 96)
        .map((n) => toBase64Url(tag(n)))
        .sort(),
    );
    expect(contents.damaged.filter((d) => d.reason === 'page-damaged')).toEqual([{ group: GROUP_TAG, ref: `page:${row!.key}`, reason: 'page-damaged' }]);
    expect(text(await pages.readOne(GROUP_TAG, tag(10)))).toBe('r10');
    await expect(pages.readOne(GROUP_TAG, tag(70))).rejects.toMatchObject({ code: 'record-damaged' });
  });

  it('a group of format 2 and format 3 parts is read, and a part is rewritten as format 3 when written anyway', async () => {
    const db = freshDb('format3-mixed');
    const dataKey = randomBytes(32);
    await store(db, dataKey, 2).apply(range(0, 20).map((n) => put(n)));
    const pages = store(db, dataKey);
    await pages.apply(range(20, 30).map((n) => put(n)));
    expect((await db.pages.toArray()).map((r) => r.v).sort()).toEqual([2, 3]);
    expect((await pages.readGroup(GROUP_TAG)).records.map((r) => text(r.bytes)).sort()).toEqual(
      range(0, 30)
        .map((n) => `r${n}`)
        .sort(),
    );
    await pages.apply([put(3, 'changed')]);
    expect((await db.pages.toArray()).every((r) => r.v === 3)).toBe(true);
    const contents = await pages.readGroup(GROUP_TAG);
    expect(contents.damaged).toEqual([]);
    expect(contents.records).toHaveLength(30);
    expect(text(await pages.readOne(GROUP_TAG, tag(3)))).toBe('changed');
  });

  it('a write that another context overtook between its read and its write starts over, and lands both', async () => {
    const name = `format3-race-${toBase64Url(randomBytes(6))}`;
    const dataKey = randomBytes(32);
    const dbA = new VaultDb(name);
    const a = store(dbA, dataKey);
    const b = store(new VaultDb(name), dataKey); // another connection, as another context has
    await a.apply([put(1, 'first')]);
    // The other context writes the same record after this write read it, before it lands.
    const transaction = dbA.transaction.bind(dbA) as (...args: unknown[]) => Promise<unknown>;
    let overtaken = false;
    Object.assign(dbA, {
      transaction: async (...args: unknown[]) => {
        if (args[0] === 'rw' && !overtaken) {
          overtaken = true;
          await b.apply([put(1, 'from the other context'), put(2)]);
        }
        return transaction(...args);
      },
    });
    let calls = 0;
    const seen: (string | null)[] = [];
    await a.apply([
      {
        group: GROUP_TAG,
        idTag: tag(1),
        update: (previous) => {
          calls++;
          seen.push(text(previous));
          return utf8(`${text(previous)} + this write`);
        },
      },
      put(3),
    ]);
    expect(overtaken).toBe(true);
    expect(calls).toBe(2);
    expect(seen).toEqual(['first', 'from the other context']);
    expect(text(await a.readOne(GROUP_TAG, tag(1)))).toBe('from the other context + this write');
    expect((await a.readGroup(GROUP_TAG)).records).toHaveLength(3);
  });

  it('a write overtaken every time gives up with storage-failed, and nothing of it lands', async () => {
    const name = `format3-busy-${toBase64Url(randomBytes(6))}`;
    const dataKey = randomBytes(32);
    const dbA = new VaultDb(name);
    const a = store(dbA, dataKey);
    const b = store(new VaultDb(name), dataKey);
    await a.apply([put(1)]);
    const transaction = dbA.transaction.bind(dbA) as (...args: unknown[]) => Promise<unknown>;
    let overtakes = 0;
    Object.assign(dbA, {
      transaction: async (...args: unknown[]) => {
        if (args[0] === 'rw') await b.apply([put(100 + overtakes++)]);
        return transaction(...args);
      },
    });
    await expect(a.apply([put(2)])).rejects.toMatchObject({ code: 'storage-failed' });
    expect(overtakes).toBe(8);
    expect(await b.readOne(GROUP_TAG, tag(2))).toBeNull();
    expect((await b.readGroup(GROUP_TAG)).records).toHaveLength(1 + 8);
  });

  it('writes of one store wait for each other: none is lost', async () => {
    const pages = store(freshDb('format3-serial'), randomBytes(32));
    await Promise.all(range(0, 10).map((n) => pages.apply([put(n)])));
    expect((await pages.readGroup(GROUP_TAG)).records).toHaveLength(10);
  });

  it('closed while sealing: the write fails with locked and nothing lands', async () => {
    const db = freshDb('format3-lock');
    const pages = store(db, randomBytes(32));
    await pages.apply([put(1)]);
    const before = await db.pages.toArray();
    const closing: PageChange = { group: GROUP_TAG, idTag: tag(2), update: () => (pages.close(), utf8('late')) };
    await expect(pages.apply([closing])).rejects.toMatchObject({ code: 'locked' });
    expect(await db.pages.toArray()).toEqual(before);
  });

  it('a backup of format 2 pages restores into a vault that writes format 3, and the reverse', async () => {
    const old = await vaultWithProfile('format3-backup', 'Ida', { storage: { pageFormat: 2 } });
    const notes = range(0, 40).map((n) => ({ op: 'put', profileId: old.profileId, kind: 'note', id: `n${n}`, data: { title: `n${n}`, body: 'før' } }) as const);
    await old.vault.records.write(notes);
    const file = await old.vault.backup();
    const now = await vaultWithProfile('format3-restore', 'Ida');
    await now.vault.restore(file, { method: 'passphrase', kek: old.key.kek });
    expect((await now.vault.records.list(old.profileId, noteKind)).records).toHaveLength(40);
    await now.vault.records.write([{ ...notes[0]!, data: { title: 'n0', body: 'efter' } }]);
    expect((await now.db.pages.toArray()).some((r) => r.v === 3)).toBe(true);
    const mixed = await now.vault.backup();
    await old.vault.restore(mixed, { method: 'passphrase', kek: old.key.kek });
    const list = await old.vault.records.list(old.profileId, noteKind);
    expect(list.damaged).toEqual([]);
    expect(list.records.find((r) => r.id === 'n0')?.data.body).toBe('efter');
  });
});
