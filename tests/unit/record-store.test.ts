/** The typed record API (src/vault/record-store.ts) over sealed pages in (fake) IndexedDB. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { isVaultError } from '../../src/vault/errors';
import { VAULT_SCOPE, type RecordChange } from '../../src/vault/record-store';
import { defineKind, type KindRegistry } from '../../src/records/kind';
import { noteKind } from '../../src/records/note';
import { profileKind } from '../../src/records/profile';
import { recordKinds, registerKindForTests } from '../../src/records/registry';
import { Vault } from '../../src/vault/vault';
import { addProfile, allRows, diskThatFills, errorCode, freshDb, passphraseKey, vaultWithProfile } from './support/setup-vault';

/** `pageFormat: 2` for tests that read and change format 2 pages' layout (page-format3.test.ts has format 3's). */
async function withOwner(storage: { pageFormat?: 2 | 3 } = {}) {
  const { profileId, ...created } = await vaultWithProfile('records', 'Ib', { storage });
  return { ...created, ownerId: profileId };
}

const note = (profileId: string, title: string, id?: string) =>
  ({ op: 'put', profileId, kind: 'note', ...(id ? { id } : {}), data: { title, body: `${title} body` } }) as const;

const undo: (() => void)[] = [];
afterEach(() => {
  while (undo.length) undo.pop()!();
});

describe('put / get / list / delete', () => {
  it('puts, gets, lists and deletes notes', async () => {
    const { vault, ownerId } = await withOwner();
    const [a, b] = await vault.records.write([note(ownerId, 'A'), note(ownerId, 'B')]);
    expect((await vault.records.get(ownerId, noteKind, a!.id))!.data).toEqual({ title: 'A', body: 'A body' });
    const list = await vault.records.list(ownerId, noteKind);
    expect(list.damaged).toEqual([]);
    expect(list.records.map((r) => r.data.title).sort()).toEqual(['A', 'B']);
    await vault.records.write([{ op: 'delete', profileId: ownerId, kind: 'note', id: a!.id }]);
    expect(await vault.records.get(ownerId, noteKind, a!.id)).toBeNull();
    expect((await vault.records.list(ownerId, noteKind)).records.map((r) => r.id)).toEqual([b!.id]);
  });

  it('returns records as written, with kind, profile and current version', async () => {
    const { vault, ownerId } = await withOwner();
    const [written] = await vault.records.write([note(ownerId, 'X', 'my-id')]);
    expect(written).toMatchObject({ id: 'my-id', kind: 'note', profileId: ownerId, v: 1, data: { title: 'X' } });
    expect(await vault.records.get(ownerId, noteKind, 'my-id')).toEqual(written);
  });

  it('generates distinct base64url ids when none is given', async () => {
    const { vault, ownerId } = await withOwner();
    const written = await vault.records.write(Array.from({ length: 30 }, (_, i) => note(ownerId, `n${i}`)));
    const ids = written.map((r) => r.id);
    expect(new Set(ids).size).toBe(30);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('keeps createdAt on update and moves updatedAt', async () => {
    const { vault, ownerId } = await withOwner();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2025-01-01T10:00:00Z'));
      const [first] = await vault.records.write([note(ownerId, 'v1', 'n1')]);
      vi.setSystemTime(new Date('2025-01-01T10:01:00Z'));
      const [second] = await vault.records.write([note(ownerId, 'v2', 'n1')]);
      expect(first!.createdAt).toBe('2025-01-01T10:00:00.000Z');
      expect(second!.createdAt).toBe(first!.createdAt);
      expect(second!.updatedAt).toBe('2025-01-01T10:01:00.000Z');
      const stored = await vault.records.get(ownerId, noteKind, 'n1');
      expect(stored).toMatchObject({ createdAt: '2025-01-01T10:00:00.000Z', updatedAt: '2025-01-01T10:01:00.000Z', data: { title: 'v2' } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('a get of a record that does not exist → null; a delete of one → no error', async () => {
    const { vault, ownerId } = await withOwner();
    expect(await vault.records.get(ownerId, noteKind, 'nope')).toBeNull();
    await vault.records.write([{ op: 'delete', profileId: ownerId, kind: 'note', id: 'nope' }]);
  });

  it('keeps each profile apart: the same id in two profiles is two records', async () => {
    const { vault, ownerId } = await withOwner();
    const child = await addProfile(vault, { name: 'Lis', relation: 'child' });
    await vault.records.write([note(ownerId, 'mine', 'same'), note(child, 'hers', 'same')]);
    expect((await vault.records.get(ownerId, noteKind, 'same'))!.data.title).toBe('mine');
    expect((await vault.records.get(child, noteKind, 'same'))!.data.title).toBe('hers');
  });

  it('stores many records over many pages and lists them all', async () => {
    const { vault, ownerId, db } = await withOwner();
    await vault.records.write(Array.from({ length: 400 }, (_, i) => note(ownerId, `n${i}`, `id${i}`)));
    expect((await vault.records.list(ownerId, noteKind)).records).toHaveLength(400);
    expect(await db.pages.count()).toBeGreaterThan(50);
  });
});

describe('validation: all of a batch or nothing', () => {
  it('one invalid record in a batch → invalid-record, and nothing is written', async () => {
    const { vault, ownerId, db } = await withOwner();
    await vault.records.write([note(ownerId, 'existing', 'e')]);
    const before = await db.pages.toArray();
    const batch = [note(ownerId, 'ok 1'), { op: 'put', profileId: ownerId, kind: 'note', data: { title: '', body: 'x' } } as const, note(ownerId, 'ok 2')];
    expect(await errorCode(vault.records.write(batch))).toBe('invalid-record');
    expect(await db.pages.toArray()).toEqual(before);
    expect((await vault.records.list(ownerId, noteKind)).records).toHaveLength(1);
  });

  it('an invalid record names its position, not its content', async () => {
    const { vault, ownerId } = await withOwner();
    const error = await vault.records
      .write([note(ownerId, 'a'), { op: 'put', profileId: ownerId, kind: 'note', data: { title: 'Hemmelig', body: 7 } }])
      .catch((e: unknown) => e);
    expect(isVaultError(error, 'invalid-record')).toBe(true);
    expect((error as Error).message).toContain('operation 1');
    expect((error as Error).message).not.toContain('Hemmelig');
  });

  it.each([
    ['an unknown kind', 'unknown-kind', { op: 'put', profileId: 'p1', kind: 'spaceship', data: {} }],
    ['a profile-scoped kind at vault scope', 'bad-request', { op: 'put', profileId: VAULT_SCOPE, kind: 'note', data: { title: 't', body: '' } }],
    ['a vault-scoped kind in a profile', 'bad-request', { op: 'put', profileId: 'p1', kind: 'profile', data: { name: 'x', relation: 'self' } }],
    ['a malformed id', 'bad-request', { op: 'put', profileId: 'p1', kind: 'note', id: 'has space', data: { title: 't', body: '' } }],
    ['a delete of a malformed id', 'bad-request', { op: 'delete', profileId: 'p1', kind: 'note', id: '' }],
  ] as const)('%s → %s, and nothing is written', async (_, code, op) => {
    const { vault, ownerId, db } = await withOwner();
    const before = await db.pages.toArray();
    expect(await errorCode(vault.records.write([note(ownerId, 'fine'), op]))).toBe(code);
    expect(await db.pages.toArray()).toEqual(before);
  });

  it('reads check the scope and the kind too', async () => {
    const { vault, ownerId } = await withOwner();
    expect(await errorCode(vault.records.listByName(ownerId, 'spaceship'))).toBe('unknown-kind');
    expect(await errorCode(vault.records.list(VAULT_SCOPE, noteKind))).toBe('bad-request');
    expect(await errorCode(vault.records.get(ownerId, profileKind, 'x'))).toBe('bad-request');
  });
});

describe('change events', () => {
  it('reports each written group once per batch, with the ids', async () => {
    const { vault, ownerId } = await withOwner();
    const seen: RecordChange[][] = [];
    const stop = vault.records.onChange((changes) => seen.push(changes));
    await vault.records.write([note(ownerId, 'a', 'a'), note(ownerId, 'b', 'b'), { op: 'delete', profileId: ownerId, kind: 'note', id: 'zz' }]);
    expect(seen).toEqual([[{ profileId: ownerId, kind: 'note', ids: ['a', 'b', 'zz'] }]]);
    stop();
    await vault.records.write([note(ownerId, 'c')]);
    expect(seen).toHaveLength(1);
  });

  it('reports nothing for a batch that was refused', async () => {
    const { vault, ownerId } = await withOwner();
    const seen: RecordChange[][] = [];
    vault.records.onChange((changes) => seen.push(changes));
    await errorCode(vault.records.write([note(ownerId, 'a'), { op: 'put', profileId: ownerId, kind: 'note', data: {} }]));
    expect(seen).toEqual([]);
  });
});

describe('profiles', () => {
  it('dropProfiles deletes the profile and its notes', async () => {
    const { vault, ownerId } = await withOwner();
    const child = await addProfile(vault, { name: 'Lis', relation: 'child' });
    await vault.records.write([note(child, 'c1'), note(child, 'c2'), note(ownerId, 'mine')]);
    const seen: RecordChange[][] = [];
    vault.records.onChange((c) => seen.push(c));
    await vault.records.write([{ op: 'delete', profileId: VAULT_SCOPE, kind: 'profile', id: child }], { dropProfiles: [child] });
    expect((await vault.records.list(child, noteKind)).records).toEqual([]);
    expect((await vault.records.list(VAULT_SCOPE, profileKind)).records.map((p) => p.id)).toEqual([ownerId]);
    expect((await vault.records.list(ownerId, noteKind)).records).toHaveLength(1);
    expect(seen[0]).toContainEqual({ profileId: child, kind: 'note', ids: [] });
  });

  it('drops the notes in the same transaction as the write: when the write fails, nothing is dropped', async () => {
    const { db, fill } = diskThatFills('drop');
    const vault = await Vault.open(recordKinds, db);
    await vault.create(passphraseKey());
    const [owner, child] = await vault.records.write([
      { op: 'put', profileId: VAULT_SCOPE, kind: 'profile', data: { name: 'Ib', relation: 'self' } },
      { op: 'put', profileId: VAULT_SCOPE, kind: 'profile', data: { name: 'Lis', relation: 'child' } },
    ]);
    await vault.records.write([note(child!.id, 'c1'), note(child!.id, 'c2')]);
    const before = await allRows(db);
    fill(true);
    // The drop (a delete) goes through; the put of the updated owner profile fails, and takes the drop with it.
    const failed = vault.records.write([{ op: 'put', profileId: VAULT_SCOPE, kind: 'profile', id: owner!.id, data: { name: 'Ib B.', relation: 'self' } }], {
      dropProfiles: [child!.id],
    });
    expect(await errorCode(failed)).toBe('storage-full');
    fill(false);
    expect(await allRows(db)).toEqual(before);
    expect((await vault.records.list(child!.id, noteKind)).records).toHaveLength(2);
  });

  it('a failing write with dropProfiles drops nothing', async () => {
    const { vault, ownerId } = await withOwner();
    await vault.records.write([note(ownerId, 'keep')]);
    expect(await errorCode(vault.records.write([{ op: 'put', profileId: ownerId, kind: 'note', data: {} }], { dropProfiles: [ownerId] }))).toBe(
      'invalid-record',
    );
    expect((await vault.records.list(ownerId, noteKind)).records).toHaveLength(1);
  });
});

describe('typed access by kind', () => {
  it('list and get take the kind and give its data', async () => {
    const { vault, ownerId } = await withOwner();
    const [a] = await vault.records.write([note(ownerId, 'A'), note(ownerId, 'B')]);
    const got = await vault.records.get(ownerId, noteKind, a!.id);
    const title: string | undefined = got?.data.title;
    expect(title).toBe('A');
    const list = await vault.records.list(ownerId, noteKind);
    expect(list.records.map((r) => r.data.title).sort()).toEqual(['A', 'B']);
    expect(list).toEqual(await vault.records.listByName(ownerId, 'note'));
    expect(await vault.records.get(ownerId, noteKind, 'no-such-id')).toBeNull();
  });

  it('the vault stores only the kinds it was opened with', async () => {
    const onlyProfiles: KindRegistry = {
      find: (name) => (name === profileKind.name ? profileKind : undefined),
      profileKinds: () => [],
    };
    const vault = await Vault.open(onlyProfiles, freshDb('only-profiles'));
    await vault.create(passphraseKey());
    const [owner] = await vault.records.write([{ op: 'put', profileId: VAULT_SCOPE, kind: 'profile', data: { name: 'Ib', relation: 'self' } }]);
    expect(await errorCode(vault.records.write([note(owner!.id, 'A')]))).toBe('unknown-kind');
    expect(await errorCode(vault.records.list(owner!.id, noteKind))).toBe('unknown-kind');
  });
});

describe('schema versions', () => {
  const v1 = defineKind({
    name: 'test-reminder',
    scope: 'profile',
    version: 1,
    description: 'A test kind, first version.',
    schema: z.object({ text: z.string() }),
  });
  const v2 = defineKind({
    name: 'test-reminder',
    scope: 'profile',
    version: 2,
    description: 'A test kind, second version.',
    schema: z.object({ text: z.string(), done: z.boolean() }),
    migrations: { 1: (data) => ({ ...(data as { text: string }), done: false }) },
  });

  it('reads a version 1 record as version 2, through the migration', async () => {
    const { vault, ownerId } = await withOwner();
    undo.push(registerKindForTests(v1));
    await vault.records.write([{ op: 'put', profileId: ownerId, kind: 'test-reminder', id: 'r1', data: { text: 'Ring til kommunen' } }]);
    undo.push(registerKindForTests(v2));
    const record = await vault.records.getByName(ownerId, 'test-reminder', 'r1');
    expect(record).toMatchObject({ v: 2, data: { text: 'Ring til kommunen', done: false } });
    expect((await vault.records.listByName(ownerId, 'test-reminder')).records[0]).toEqual(record);
  });

  it('a record from a newer version is reported damaged (newer-version) in a list, never thrown', async () => {
    const { vault, ownerId } = await withOwner();
    undo.push(registerKindForTests(v2));
    await vault.records.write([{ op: 'put', profileId: ownerId, kind: 'test-reminder', id: 'new', data: { text: 'later', done: true } }]);
    undo.push(registerKindForTests(v1));
    await vault.records.write([{ op: 'put', profileId: ownerId, kind: 'test-reminder', id: 'old', data: { text: 'now' } }]);
    const list = await vault.records.listByName(ownerId, 'test-reminder');
    expect(list.records.map((r) => r.id)).toEqual(['old']);
    expect(list.damaged).toEqual([{ profileId: ownerId, kind: 'test-reminder', ref: expect.any(String), reason: 'newer-version' }]);
    expect(await errorCode(vault.records.getByName(ownerId, 'test-reminder', 'new'))).toBe('record-from-newer-version');
  });

  it('defineKind refuses a version without a migration from every older one', () => {
    expect(() => defineKind({ name: 'x', scope: 'profile', version: 3, description: 'x', schema: z.object({}), migrations: { 1: (d) => d } })).toThrow(
      /version 2/,
    );
  });
});

describe('damaged records', () => {
  it('a changed byte in a stored page damages one record; the rest read; discardDamaged removes it', async () => {
    const { vault, ownerId, db } = await withOwner({ pageFormat: 2 });
    // 300 notes over 128 pages: some page holds three or more.
    const ids = Array.from({ length: 300 }, (_, i) => `id${i}`);
    await vault.records.write(ids.map((id) => note(ownerId, id, id)));
    const rows = await db.pages.toArray();
    const crowded = rows.find((r) => r.index.length >= 3 * 44)!; // only the notes share pages
    const changed = { ...crowded, body: crowded.body.slice() };
    changed.body[0]! ^= 1; // the first byte belongs to the first record on the page
    await db.pages.put(changed);
    const list = await vault.records.list(ownerId, noteKind);
    // The record, and its page: a page whose tag failed may also have lost or repeated entries.
    expect(list.damaged).toHaveLength(2);
    expect(list.damaged).toContainEqual({ profileId: ownerId, kind: 'note', ref: `page:${crowded.key}`, reason: 'page-damaged' });
    expect(list.damaged.find((d) => d.reason === 'integrity')).toMatchObject({ profileId: ownerId, kind: 'note' });
    expect(list.records).toHaveLength(299);
    await vault.records.discardDamaged(
      ownerId,
      'note',
      list.damaged.map((d) => d.ref),
    );
    const after = await vault.records.list(ownerId, noteKind);
    expect(after.damaged).toEqual([]);
    expect(after.records).toHaveLength(299);
  });

  it('a rewrite of a page keeps its damaged record reported until discarded', async () => {
    const { vault, ownerId, db } = await withOwner({ pageFormat: 2 });
    const written = await vault.records.write(Array.from({ length: 300 }, (_, i) => note(ownerId, `n${i}`, `id${i}`)));
    const row = (await db.pages.toArray()).find((r) => r.index.length >= 2 * 44)!;
    const broken = { ...row, body: row.body.slice() };
    broken.body[0]! ^= 1;
    await db.pages.put(broken);
    const damaged = (await vault.records.list(ownerId, noteKind)).damaged;
    expect(damaged.map((d) => d.reason).sort()).toEqual(['integrity', 'page-damaged']);
    // Rewrite every record except the damaged one: the page is sealed again.
    const intact = (await vault.records.list(ownerId, noteKind)).records;
    await vault.records.write(intact.map((r) => note(ownerId, `${r.data.title}!`, r.id)));
    const after = await vault.records.list(ownerId, noteKind);
    expect(after.damaged.map((d) => d.ref)).toEqual(damaged.map((d) => d.ref));
    expect(after.records).toHaveLength(written.length - 1);
  });

  it('a page whose record boundaries are unreadable is reported, is not overwritten, and can be discarded', async () => {
    const { vault, ownerId, db } = await withOwner({ pageFormat: 2 });
    await vault.records.write(Array.from({ length: 300 }, (_, i) => note(ownerId, `n${i}`, `id${i}`)));
    const row = (await db.pages.toArray()).find((r) => r.index.length >= 2 * 44)!;
    const lost = row.index.length / 44;
    await db.pages.put({ ...row, index: row.index.subarray(0, row.index.length - 3) });
    const list = await vault.records.list(ownerId, noteKind);
    expect(list.damaged).toEqual([{ profileId: ownerId, kind: 'note', ref: `page:${row.key}`, reason: 'page-damaged' }]);
    expect(list.records).toHaveLength(300 - lost);
    // A batch that lands on that page is refused whole, rather than silently replacing what was there.
    const before = await allRows(db);
    const rewriteAll = Array.from({ length: 300 }, (_, i) => note(ownerId, `changed ${i}`, `id${i}`));
    expect(await errorCode(vault.records.write(rewriteAll))).toBe('record-damaged');
    expect(await allRows(db)).toEqual(before);
    await vault.records.discardDamaged(ownerId, 'note', [`page:${row.key}`]);
    const after = await vault.records.list(ownerId, noteKind);
    expect(after.damaged).toEqual([]);
    expect(await db.pages.get(row.key)).toBeUndefined();
  });

  it('get of a damaged record → record-damaged', async () => {
    const { vault, ownerId, db } = await withOwner();
    await vault.records.write([note(ownerId, 'solo', 'solo')]);
    for (const row of await db.pages.toArray()) {
      const broken = { ...row, body: row.body.slice() };
      broken.body[0]! ^= 1;
      await db.pages.put(broken);
    }
    expect(await errorCode(vault.records.get(ownerId, noteKind, 'solo'))).toBe('record-damaged');
  });
});

describe('lock during an operation', () => {
  it('a write under way when the vault locks fails with locked, and damages nothing', async () => {
    const { vault, ownerId, key } = await withOwner();
    await vault.records.write(Array.from({ length: 50 }, (_, i) => note(ownerId, `n${i}`, `id${i}`)));
    const records = vault.records;
    const pending = records.write(Array.from({ length: 50 }, (_, i) => note(ownerId, `changed ${i}`, `id${i}`)));
    vault.lock();
    expect(await errorCode(pending)).toBe('locked');
    await vault.unlock(key.kek);
    const list = await vault.records.list(ownerId, noteKind);
    expect(list.damaged).toEqual([]);
    expect(list.records.map((r) => r.data.title).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `n${i}`).sort());
  });

  it('a read under way when the vault locks fails with locked instead of reporting damage', async () => {
    const { vault, ownerId } = await withOwner();
    await vault.records.write([note(ownerId, 'a')]);
    const pending = vault.records.list(ownerId, noteKind);
    vault.lock();
    expect(await errorCode(pending)).toBe('locked');
  });

  it('a store kept from before the lock refuses to work after it', async () => {
    const { vault, ownerId } = await withOwner();
    const records = vault.records;
    vault.lock();
    expect(await errorCode(records.write([note(ownerId, 'late')]))).toBe('locked');
    expect(await errorCode(records.list(ownerId, noteKind))).toBe('locked');
    expect(() => vault.records).toThrow('locked');
  });
});
