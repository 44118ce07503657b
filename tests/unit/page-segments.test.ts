/**
 * A bucket is a base page plus append segments (src/vault/storage/bucket-layout.ts): a write
 * re-seals only the parts holding what it changes, and every segment is named with its version
 * in the group manifest, so a damaged, removed or rolled-back segment is reported like a page.
 */
import { describe, expect, it } from 'vitest';
import { deriveVaultKeys, type VaultKeys } from '../../src/vault/crypto/keys';
import type { DamagedRecord } from '../../src/vault/record-store';
import { baseKeyOf, mapKey, partsToMerge, repeatsAnyTag } from '../../src/vault/storage/bucket-layout';
import { openPage, type PageRow } from '../../src/vault/storage/page-codec';
import { MANIFEST_FORMAT, MANIFEST_KEY } from '../../src/vault/storage/page-manifest';
import type { VaultDb } from '../../src/vault/storage/db';
import { PageStore, type PageChange } from '../../src/vault/storage/page-store';
import { randomBytes, utf8 } from '../../src/shared/bytes';
import { Vault } from '../../src/vault/vault';
import { allRows, diskThatFills, errorCode, freshDb, vaultWithProfile } from './support/setup-vault';
import { recordKinds } from '../../src/records/registry';
import { noteKind } from '../../src/records/note';

const note = (profileId: string, id: string, title = id) => ({ op: 'put', profileId, kind: 'note', id, data: { title, body: `${title}: rødgrød` } }) as const;
const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `n${from + i}`);
const isSegment = (row: PageRow) => row.key !== baseKeyOf(row.key);
const FORMAT_2 = { pageFormat: 2 } as const;

/** A vault with an owner and `first` notes written at once (so they fill the base pages). */
async function segmentedVault(first: number, maxSegments?: number, db: VaultDb = freshDb('segments')) {
  // Format 2 pages, whose layout these tests read; the segments work alike in format 3 (page-format3.test.ts).
  const storage = maxSegments === undefined ? FORMAT_2 : { ...FORMAT_2, maxSegments };
  const { vault, key, profileId: ownerId } = await vaultWithProfile('segments', 'Åse', { db, storage });
  await vault.records.write(ids(0, first).map((id) => note(ownerId, id)));
  const keys = deriveVaultKeys(vault.dangerouslyExportDataKey());
  const noteGroup = async () => {
    const rows = await db.pages.toArray();
    const group = rows.find((r) => r.index.length > 44)!.group;
    return rows.filter((r) => r.group === group);
  };
  return { vault, db, key, ownerId, keys, noteGroup };
}

const idsOn = (keys: VaultKeys, row: PageRow): string[] =>
  openPage(keys, row).entries.map((e) => (JSON.parse(new TextDecoder().decode(e.bytes)) as { id: string }).id);
const pageReports = (damaged: DamagedRecord[]) => damaged.filter((d) => d.ref.startsWith('page:')).map((d) => [d.ref, d.reason]);
const sortedIds = (records: { id: string }[]) => records.map((r) => r.id).sort();

describe('appending', () => {
  it('new records go into new segments; the base pages are not re-sealed', async () => {
    const { vault, ownerId, noteGroup } = await segmentedVault(200);
    const before = await noteGroup();
    expect(before.filter(isSegment)).toEqual([]);
    await vault.records.write(ids(200, 400).map((id) => note(ownerId, id)));
    const after = await noteGroup();
    for (const base of before) expect(after.find((r) => r.key === base.key)?.nonce).toEqual(base.nonce);
    expect(after.filter(isSegment).length).toBeGreaterThan(0);
    const list = await vault.records.list(ownerId, noteKind);
    expect(list.damaged).toEqual([]);
    expect(sortedIds(list.records)).toEqual(ids(0, 400).sort());
    expect((await vault.records.get(ownerId, noteKind, 'n399'))?.data.title).toBe('n399');
    expect((await vault.records.get(ownerId, noteKind, 'n3'))?.data.title).toBe('n3');
  });

  it('a change re-seals only the part holding the record, which keeps its createdAt', async () => {
    const { vault, ownerId, keys, noteGroup } = await segmentedVault(200);
    await vault.records.write(ids(200, 400).map((id) => note(ownerId, id)));
    const before = await noteGroup();
    const segment = before.find(isSegment)!;
    const [target] = idsOn(keys, segment);
    const created = (await vault.records.get(ownerId, noteKind, target!))!.createdAt;
    await vault.records.write([note(ownerId, target!, 'changed')]);
    const after = await noteGroup();
    const resealed = after.filter((row) => !before.some((b) => b.key === row.key && b.version === row.version));
    expect(resealed.map((r) => r.key)).toEqual([segment.key]);
    const record = (await vault.records.get(ownerId, noteKind, target!))!;
    expect(record.data.title).toBe('changed');
    expect(record.createdAt).toBe(created);
    expect((await vault.records.list(ownerId, noteKind)).records).toHaveLength(400);
  });

  it('a record deleted from a segment is gone; an emptied segment is removed with its manifest entry', async () => {
    // Enough notes that every one of the 128 buckets has a base page (with 200, a fifth of the
    // buckets stay empty, and a note landing in one becomes that bucket's base, not a segment).
    const { vault, ownerId, keys, noteGroup } = await segmentedVault(2000);
    await vault.records.write([note(ownerId, 'lonely')]);
    const segment = (await noteGroup()).find(isSegment)!;
    expect(idsOn(keys, segment)).toEqual(['lonely']);
    await vault.records.write([{ op: 'delete', profileId: ownerId, kind: 'note', id: 'lonely' }]);
    expect((await noteGroup()).filter(isSegment)).toEqual([]);
    expect(await vault.records.get(ownerId, noteKind, 'lonely')).toBeNull();
    expect((await vault.records.list(ownerId, noteKind)).damaged).toEqual([]);
  });

  it('compaction keeps at most maxSegments per bucket, and every record exactly once', async () => {
    const { vault, ownerId, noteGroup } = await segmentedVault(130, 2);
    for (let round = 0; round < 6; round++) await vault.records.write(ids(130 + round * 130, 130 + (round + 1) * 130).map((id) => note(ownerId, id)));
    const rows = await noteGroup();
    const perBucket = new Map<string, number>();
    for (const row of rows.filter(isSegment)) perBucket.set(baseKeyOf(row.key), (perBucket.get(baseKeyOf(row.key)) ?? 0) + 1);
    expect(Math.max(...perBucket.values())).toBeLessThanOrEqual(2);
    expect(rows.length).toBeGreaterThan(128); // some buckets do hold segments
    const list = await vault.records.list(ownerId, noteKind);
    expect(list.damaged).toEqual([]);
    expect(sortedIds(list.records)).toEqual(ids(0, 910).sort());
  });

  it('maxSegments 0 is the format 2 layout: one page per bucket, re-sealed whole', async () => {
    const { vault, ownerId, noteGroup } = await segmentedVault(200, 0);
    await vault.records.write(ids(200, 400).map((id) => note(ownerId, id)));
    const rows = await noteGroup();
    expect(rows.filter(isSegment)).toEqual([]);
    expect((await vault.records.list(ownerId, noteKind)).records).toHaveLength(400);
  });
});

describe('merging by size', () => {
  const part = (key: string, bytes: number, mergeable = true, resealed = false) => ({ key, bytes, mergeable, resealed });

  it('merges nothing under the limit but a part re-sealed anyway; over it, the smallest, then every part no larger than the merge', () => {
    expect(partsToMerge('g.1', [part('g.1.7', 10)], 4, 5)).toEqual([]); // no base yet: the new part is the base
    expect(partsToMerge('g.1', [part('g.1', 900), part('g.1.2', 10)], 4, 5)).toEqual([]);
    expect(partsToMerge('g.1', [part('g.1', 900), part('g.1.2', 10, true, true)], 4, 5)).toEqual(['g.1.2']);
    const full = [part('g.1', 900), part('g.1.2', 40), part('g.1.3', 10), part('g.1.4', 30), part('g.1.5', 200)];
    expect(partsToMerge('g.1', full, 4, 10)).toEqual(['g.1.3']); // 10 + 10 = 20 < 30: stop
    expect(partsToMerge('g.1', full, 4, 25)).toEqual(['g.1.3', 'g.1.4', 'g.1.2']); // 35, then 65, then 105 < 200
    expect(partsToMerge('g.1', full, 0, 1)).toEqual(['g.1.3', 'g.1.4', 'g.1.2', 'g.1.5', 'g.1']);
  });

  it('never merges a part with a problem', () => {
    const full = [part('g.1', 900), part('g.1.2', 1, false), part('g.1.3', 5), part('g.1.4', 70, true, true), part('g.1.5', 2, false)];
    expect(partsToMerge('g.1', full, 4, 10)).toEqual(['g.1.4', 'g.1.3']);
    expect(partsToMerge('g.1', [part('g.1', 900), part('g.1.2', 1, false)], 0, 1)).toEqual(['g.1']);
  });
});

describe('each segment is checked like a page', () => {
  /** A vault whose notes n200… went into segments; `segment` is one of them, with its notes. */
  async function withSegment() {
    const made = await segmentedVault(200);
    await made.vault.records.write(ids(200, 400).map((id) => note(made.ownerId, id)));
    const rows = await made.noteGroup();
    const segment = rows.filter(isSegment).sort((a, b) => b.index.length - a.index.length)[0]!;
    const base = rows.find((r) => r.key === baseKeyOf(segment.key))!;
    return { ...made, segment, onSegment: idsOn(made.keys, segment), onBase: idsOn(made.keys, base) };
  }

  it('damage in one segment: that segment and record reported; its bucket base still reads', async () => {
    const { vault, db, ownerId, segment, onSegment, onBase } = await withSegment();
    await db.pages.put({ ...segment, body: segment.body.map((b, i) => (i === 0 ? b ^ 1 : b)) });
    const list = await vault.records.list(ownerId, noteKind);
    expect(pageReports(list.damaged)).toEqual([[`page:${segment.key}`, 'page-damaged']]);
    expect(list.damaged.filter((d) => d.reason === 'integrity')).toHaveLength(1);
    expect(list.records).toHaveLength(399);
    expect((await vault.records.get(ownerId, noteKind, onBase[0]!))?.id).toBe(onBase[0]);
    const readable = await Promise.all(onSegment.map((id) => errorCode(vault.records.get(ownerId, noteKind, id))));
    expect(readable.filter((code) => code === 'record-damaged')).toHaveLength(1);
  });

  it('a removed segment: reported missing, its records refused, the rest of its bucket read', async () => {
    const { vault, db, ownerId, segment, onSegment, onBase } = await withSegment();
    await db.pages.delete(segment.key);
    const list = await vault.records.list(ownerId, noteKind);
    expect(pageReports(list.damaged)).toEqual([[`page:${segment.key}`, 'page-missing']]);
    expect(list.records).toHaveLength(400 - onSegment.length);
    expect(await errorCode(vault.records.get(ownerId, noteKind, onSegment[0]!))).toBe('record-damaged');
    expect((await vault.records.get(ownerId, noteKind, onBase[0]!))?.id).toBe(onBase[0]);
    // A record of the lost segment written again is stored; the loss stays reported.
    await vault.records.write([note(ownerId, onSegment[0]!, 'again')]);
    const after = await vault.records.list(ownerId, noteKind);
    expect(pageReports(after.damaged)).toEqual([[`page:${segment.key}`, 'page-missing']]);
    expect((await vault.records.get(ownerId, noteKind, onSegment[0]!))?.data.title).toBe('again');
  });

  it('a rolled-back segment: reported though its tag verifies; its changed record refused', async () => {
    const { vault, db, ownerId, segment, onSegment } = await withSegment();
    await vault.records.write([note(ownerId, onSegment[0]!, 'changed later')]);
    await db.pages.put(segment);
    const list = await vault.records.list(ownerId, noteKind);
    expect(pageReports(list.damaged)).toEqual([[`page:${segment.key}`, 'page-rolled-back']]);
    expect(await errorCode(vault.records.get(ownerId, noteKind, onSegment[0]!))).toBe('record-damaged');
  });

  it('a segment merged away and put back: reported; no record listed twice; reads give the current copy', async () => {
    const { vault, db, ownerId, noteGroup } = await segmentedVault(130, 1);
    await vault.records.write(ids(130, 260).map((id) => note(ownerId, id)));
    const segments = (await noteGroup()).filter(isSegment);
    // The next write merges some of these segments into other parts; then one record of them changes.
    await vault.records.write(ids(260, 390).map((id) => note(ownerId, id)));
    const left = new Set((await noteGroup()).map((r) => r.key));
    const segment = segments.find((s) => !left.has(s.key))!;
    const [moved] = idsOn(deriveVaultKeys(vault.dangerouslyExportDataKey()), segment);
    await vault.records.write([note(ownerId, moved!, 'current')]);
    await db.pages.put(segment);
    const list = await vault.records.list(ownerId, noteKind);
    expect(pageReports(list.damaged)).toEqual([[`page:${segment.key}`, 'page-rolled-back']]);
    expect(sortedIds(list.records)).toEqual(ids(0, 390).sort());
    expect(list.records.find((r) => r.id === moved)?.data.title).toBe('current');
    expect((await vault.records.get(ownerId, noteKind, moved!))?.data.title).toBe('current');
    // Settling it keeps no stale second copy.
    await vault.records.discardDamaged(ownerId, 'note', [`page:${segment.key}`]);
    const settled = await vault.records.list(ownerId, noteKind);
    expect(settled.damaged).toEqual([]);
    expect(sortedIds(settled.records)).toEqual(ids(0, 390).sort());
    expect(settled.records.find((r) => r.id === moved)?.data.title).toBe('current');
  });

  it('a segment cut short: reported; a write to its bucket is refused whole until it is settled', async () => {
    const { vault, db, ownerId, segment, onSegment, onBase } = await withSegment();
    await db.pages.put({ ...segment, index: segment.index.subarray(0, 50) });
    const list = await vault.records.list(ownerId, noteKind);
    expect(pageReports(list.damaged)).toEqual([[`page:${segment.key}`, 'page-damaged']]);
    expect(list.records).toHaveLength(400 - onSegment.length);
    expect((await vault.records.get(ownerId, noteKind, onBase[0]!))?.id).toBe(onBase[0]);
    // Which records it held cannot be read: a record of its bucket may be one of them.
    const before = await allRows(db);
    expect(await errorCode(vault.records.write([note(ownerId, onBase[0]!, 'changed')]))).toBe('record-damaged');
    expect(await allRows(db)).toEqual(before);
    await vault.records.discardDamaged(ownerId, 'note', [`page:${segment.key}`]);
    await vault.records.write([note(ownerId, onBase[0]!, 'changed')]);
    expect((await vault.records.get(ownerId, noteKind, onBase[0]!))?.data.title).toBe('changed');
    expect((await vault.records.list(ownerId, noteKind)).damaged).toEqual([]);
  });

  it('an interrupted write lands nothing: neither segment nor manifest', async () => {
    const { db, fill } = diskThatFills('segments-full');
    const { vault, ownerId } = await segmentedVault(200, undefined, db);
    const before = await allRows(db);
    fill(true);
    expect(await errorCode(vault.records.write(ids(200, 400).map((id) => note(ownerId, id))))).toBe('storage-full');
    fill(false);
    expect(await allRows(db)).toEqual(before);
    expect((await vault.records.list(ownerId, noteKind)).records).toHaveLength(200);
  });

  it('a write that fails midway, after segments were sealed, lands nothing', async () => {
    const { db, keys, noteGroup } = await segmentedVault(200);
    const group = (await noteGroup())[0]!.group;
    const before = await allRows(db);
    const store = new PageStore(db, keys);
    const tagIn = (bucket: number) => Uint8Array.of(bucket, ...randomBytes(15));
    const fresh = Array.from({ length: 300 }, (_, i): PageChange => ({ group, idTag: tagIn(i % 127), update: () => utf8(`{"n":${i}}`) }));
    // The failing record's bucket (127) comes last: every other bucket is sealed by then.
    const failing: PageChange = {
      group,
      idTag: tagIn(127),
      update: () => {
        throw new Error('interrupted');
      },
    };
    await expect(store.apply([...fresh, failing])).rejects.toThrow();
    expect(await allRows(db)).toEqual(before);
  });
});

describe('older vaults and backups', () => {
  it('a format 2 vault (one page per bucket, manifest format 1) opens, takes segments, and is upgraded', async () => {
    const db = freshDb('segments-old');
    const { vault, ownerId, key, noteGroup } = await segmentedVault(200, 0, db);
    for (const row of await db.meta.where('key').startsWith(MANIFEST_KEY).toArray()) {
      await db.meta.put({ key: row.key, value: { ...(row.value as object), v: 1 } });
    }
    vault.lock();
    const reopened = await Vault.open(recordKinds, db);
    await reopened.unlock(key.kek);
    expect((await reopened.records.list(ownerId, noteKind)).records).toHaveLength(200);
    await reopened.records.write(ids(200, 300).map((id) => note(ownerId, id)));
    expect((await noteGroup()).some(isSegment)).toBe(true);
    const list = await reopened.records.list(ownerId, noteKind);
    expect(list.damaged).toEqual([]);
    expect(list.records).toHaveLength(300);
    expect(((await db.meta.get(MANIFEST_KEY))!.value as { v: number }).v).toBe(MANIFEST_FORMAT);
  });

  it('a backup with segments restores whole, and its segments stay checked', async () => {
    const { vault, ownerId, key, noteGroup } = await segmentedVault(200);
    await vault.records.write(ids(200, 400).map((id) => note(ownerId, id)));
    const file = await vault.backup();
    const segment = (await noteGroup()).find(isSegment)!;
    const db = freshDb('segments-restored');
    const restored = await Vault.open(recordKinds, db);
    await restored.restore(file, { method: 'passphrase', kek: key.kek });
    const list = await restored.records.list(ownerId, noteKind);
    expect(list.damaged).toEqual([]);
    expect(sortedIds(list.records)).toEqual(ids(0, 400).sort());
    await db.pages.delete(segment.key);
    expect(pageReports((await restored.records.list(ownerId, noteKind)).damaged)).toEqual([[`page:${segment.key}`, 'page-missing']]);
  });
});

describe('mapKey', () => {
  it('tells apart id tags that differ in any one bit, and spells equal tags alike', () => {
    const tag = randomBytes(16);
    const keys = new Set<string>([mapKey(tag)]);
    for (let bit = 0; bit < 128; bit++) {
      const changed = tag.slice();
      changed[bit >> 3]! ^= 1 << (bit & 7);
      keys.add(mapKey(changed));
    }
    expect(keys.size).toBe(129);
    expect(mapKey(tag.slice())).toBe(mapKey(tag));
    expect(mapKey(new Uint8Array(32).subarray(8, 24))).toBe(mapKey(new Uint8Array(16)));
  });

  it('refuses anything but 16 bytes', () => {
    for (const n of [0, 15, 17]) expect(() => mapKey(new Uint8Array(n))).toThrow(RangeError);
  });
});

describe('repeatsAnyTag', () => {
  it('finds a tag given twice, and not two tags whose prints (bytes 4–7) are equal', () => {
    const tags = Array.from({ length: 50 }, () => randomBytes(16));
    expect(repeatsAnyTag(tags)).toBe(false);
    expect(repeatsAnyTag([...tags, tags[17]!.slice()])).toBe(true);
    const samePrint = tags[3]!.slice();
    samePrint[12]! ^= 1; // differs outside the print only
    expect(repeatsAnyTag([...tags, samePrint])).toBe(false);
    expect(repeatsAnyTag([...tags, samePrint, samePrint.slice()])).toBe(true);
    expect(repeatsAnyTag([])).toBe(false);
  });
});

describe('one write that names a record twice', () => {
  // A new group's buckets hold no part, so the write takes its records as new without looking
  // them up, unless one comes twice: then the later change sees the earlier one.
  it('into a new group: the record is stored once, as its last change left it', async () => {
    const { vault, profileId } = await vaultWithProfile('twice', 'Åse');
    const written = await vault.records.write([note(profileId, 'a', 'first'), note(profileId, 'b'), note(profileId, 'a', 'second')]);
    expect(written.map((r) => r.data)).toMatchObject([{ title: 'first' }, { title: 'b' }, { title: 'second' }]);
    const list = await vault.records.list(profileId, noteKind);
    expect(list.damaged).toEqual([]);
    expect(list.records.map((r) => `${r.id}:${r.data.title}`).sort()).toEqual(['a:second', 'b:b']);
  });

  it('into a new group: put then delete leaves nothing; delete then put leaves the record', async () => {
    const { vault, profileId } = await vaultWithProfile('twice-delete', 'Åse');
    await vault.records.write([
      note(profileId, 'gone'),
      { op: 'delete', profileId, kind: 'note', id: 'gone' },
      { op: 'delete', profileId, kind: 'note', id: 'kept' },
      note(profileId, 'kept'),
    ]);
    expect((await vault.records.list(profileId, noteKind)).records.map((r) => r.id)).toEqual(['kept']);
    expect(await vault.records.get(profileId, noteKind, 'gone')).toBeNull();
  });
});
