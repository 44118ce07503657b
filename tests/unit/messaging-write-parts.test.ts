/**
 * Large writes: split into parts that fit a message, staged in the background and committed in
 * one transaction — through the real router and VaultService over a real (fake-indexeddb) vault.
 */
import { describe, expect, it } from 'vitest';
import { STAGE_PART_OPS, type ApiMethod, type ApiResponse } from '../../src/messaging/api';
import { writeLarge, writeParts } from '../../src/messaging/client';
import { route, type MessageSender } from '../../src/messaging/router';
import { opsIn, packWrites, splitWrites } from '../../src/messaging/write-parts';
import { unpackPuts, type PackedPuts } from '../../src/messaging/packed-puts';
import { memorySessionStore } from '../../src/background/session';
import { STAGE_TTL_MS } from '../../src/background/staged-writes';
import { VaultService } from '../../src/background/vault-service';
import { receiveError, VaultError } from '../../src/messaging/errors';
import type { WriteOp } from '../../src/vault/record-store';
import { Vault } from '../../src/vault/vault';
import { freshDb, testKdf } from './support/setup-vault';
import { toBase64Url } from '../../src/shared/base64url';
import { randomBytes } from '../../src/shared/bytes';
import { recordKinds } from '../../src/records/registry';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const PAGE: MessageSender = { id: EXTENSION_ID, url: `${ORIGIN}vault.html` };

const note = (profileId: string, i: number, size = 10): WriteOp => ({
  op: 'put',
  profileId,
  kind: 'note',
  id: `n${i}`,
  data: { title: `note ${i}`, body: 'x'.repeat(size) },
});

async function background() {
  const clock = { now: Date.parse('2026-12-02T09:00:00Z') };
  let value: unknown;
  const vault = await Vault.open(recordKinds, freshDb('write-parts'));
  const service = new VaultService({
    vault,
    session: memorySessionStore(),
    broadcast: () => {},
    now: () => clock.now,
    settings: { get: async () => value, set: async (v) => void (value = v) },
  });
  const calls: string[] = [];
  // The same contract as callVault: the value, or a VaultError with the background's code.
  const call = (async <M extends ApiMethod>(method: M, args: unknown) => {
    calls.push(method);
    const response = (await route({ channel: 'handlerum-vault', method, args }, PAGE, {
      extensionId: EXTENSION_ID,
      extensionOrigin: ORIGIN,
      handlers: service.handlers,
      vaultState: () => vault.state,
      onActivity: async () => {},
    })) as ApiResponse<M>;
    if (!response.ok) throw receiveError(response.error);
    return response.value;
  }) as typeof import('../../src/messaging/client').callVault;
  const kek = toBase64Url(randomBytes(32));
  const { profileId } = await call('create', { kdf: testKdf(), kek, owner: { name: 'Karen' } });
  const stored = async () => (await call('listRecords', { profileId, kind: 'note' })).records.length;
  return { call, calls, clock, profileId, stored, service, kek };
}

describe('splitWrites', () => {
  const op = (i: number, size = 10) => note('p', i, size);

  it('keeps a small write in one part', () => {
    expect(splitWrites([op(1), op(2), op(3)])).toHaveLength(1);
  });

  it('splits by size and by count, in order, losing nothing', () => {
    const ops = Array.from({ length: 10 }, (_, i) => op(i, 100));
    const bySize = splitWrites(ops, 400);
    expect(bySize.length).toBeGreaterThan(2);
    expect(bySize.flat()).toEqual(ops);
    expect(splitWrites(ops, Infinity, 4).map((c) => c.length)).toEqual([4, 4, 2]);
  });

  it('keeps every part within the byte cap however the sizes fall, and a huge operation alone', () => {
    // Thousands of ops (sized a block at a time) with a few large ones among them.
    const ops = Array.from({ length: 3000 }, (_, i) => op(i, i % 997 === 0 ? 50_000 : 20 + (i % 300)));
    const cap = 64 * 1024;
    const parts = splitWrites(ops, cap, 700);
    expect(parts.flat()).toEqual(ops);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(700);
      expect(JSON.stringify(part).length).toBeLessThanOrEqual(cap);
    }
    // Full parts, not one per block: the split is as coarse as the limits allow.
    expect(parts.length).toBeLessThan(20);
    const huge = op(1, 200_000);
    expect(splitWrites([op(0), huge, op(2)], cap).map((p) => p.length)).toEqual([1, 1, 1]);
  });
});

describe('packWrites', () => {
  const op = (i: number, size = 10) => note('p', i, size);
  const unpacked = (parts: ReturnType<typeof packWrites>) =>
    parts.flatMap((part) => {
      if (Array.isArray(part)) return part;
      const result = unpackPuts(part, Infinity);
      if (!('ops' in result)) throw new Error(result.problem);
      return result.ops;
    });

  it('packs long runs of puts of one kind and profile, leaves the rest as they are, in order, losing nothing', () => {
    const run = Array.from({ length: 500 }, (_, i) => op(i));
    const other: WriteOp = { op: 'delete', profileId: 'p', kind: 'note', id: 'gone' };
    const elsewhere = note('q', 1);
    const ops = [elsewhere, ...run.slice(0, 300), other, ...run.slice(300), elsewhere];
    const parts = packWrites(ops, Infinity, 250);
    expect(parts.map((part) => (Array.isArray(part) ? `ops ${part.length}` : `packed ${opsIn(part)}`))).toEqual([
      'ops 1',
      'packed 250',
      'packed 50',
      'ops 1',
      'packed 200',
      'ops 1',
    ]);
    expect(unpacked(parts)).toEqual(ops);
  });

  it('keeps each packed part within the byte cap, and a put too large for it alone and unpacked', () => {
    const ops = Array.from({ length: 400 }, (_, i) => op(i, i === 123 ? 5_000 : 40));
    const parts = packWrites(ops, 4_000, 1_000);
    for (const part of parts) if (!Array.isArray(part)) expect(part.data.length).toBeLessThanOrEqual(4_000);
    expect(parts.filter(Array.isArray)).toEqual([[ops[123]]]);
    expect(unpacked(parts)).toEqual(ops);
  });

  it('sends fields every row has with one value once, and gives each row them back', () => {
    const row = (i: number): WriteOp => ({
      op: 'put',
      profileId: 'p',
      kind: 'bank-transaction',
      id: `t${i}`,
      data: { accountId: 'acc', importId: 'imp', amountMinor: i % 3 === 0 ? -500 : i, text: `row ${i}`, pending: false, note: null, tags: ['a'] },
    });
    const ops = Array.from({ length: 300 }, (_, i) => row(i));
    const parts = packWrites(ops, Infinity, 1_000);
    expect(parts).toHaveLength(1);
    const part = parts[0] as PackedPuts;
    // Objects and arrays are not compared, so never shared; a value that differs in one row is not either.
    expect(JSON.parse(part.shared!)).toEqual({ accountId: 'acc', importId: 'imp', pending: false, note: null });
    expect(part.data).not.toContain('acc');
    expect(unpacked(parts)).toEqual(ops);
  });

  it('shares nothing when the rows have no field in common, or the data are not objects', () => {
    const differ = [note('p', 1, 10), note('p', 2, 11)];
    const numbers: WriteOp[] = differ.map((op, i) => ({ ...op, data: i }));
    for (const ops of [differ, numbers]) {
      const runs = Array.from({ length: 100 }, (_, i) => ops.map((op) => ({ ...op, id: `${op.id}x${i}` }))).flat();
      const parts = packWrites(runs, Infinity, 1_000);
      expect((parts[0] as PackedPuts).shared).toBeUndefined();
      expect(unpacked(parts)).toEqual(runs);
    }
  });

  it('a few puts are not packed', () => {
    expect(packWrites([op(1), op(2)])).toEqual([[op(1), op(2)]]);
  });
});

describe('writeLarge', () => {
  it('sends a write larger than one part as staged parts and stores all of it in one commit', async () => {
    const bg = await background();
    const ops = Array.from({ length: 2 * STAGE_PART_OPS + 5 }, (_, i) => note(bg.profileId, i));
    const progress: number[] = [];
    const written = await writeLarge(ops, { call: bg.call, onProgress: (sent) => progress.push(sent) });
    expect(written).toBe(ops.length);
    expect(bg.calls.filter((m) => m === 'stageWrites')).toHaveLength(2);
    expect(bg.calls.filter((m) => m === 'commitWrites')).toHaveLength(1);
    expect(progress).toEqual([STAGE_PART_OPS, 2 * STAGE_PART_OPS, ops.length]);
    expect(await bg.stored()).toBe(ops.length);
  }, 60_000);

  it('sends a write packed elsewhere (writeParts) as it is: the same staged parts, one commit, progress of the whole', async () => {
    const bg = await background();
    const ops = Array.from({ length: STAGE_PART_OPS + 5 }, (_, i) => note(bg.profileId, i));
    const progress: [number, number][] = [];
    const written = await writeParts(packWrites(ops), { call: bg.call, onProgress: (sent, total) => progress.push([sent, total]) });
    expect(written).toBe(ops.length);
    expect(bg.calls.slice(1)).toEqual(['stageWrites', 'commitWrites']);
    expect(progress).toEqual([
      [STAGE_PART_OPS, ops.length],
      [ops.length, ops.length],
    ]);
    expect(await bg.stored()).toBe(ops.length);
  }, 60_000);

  it('a small write is one commitWrites call, answered with the count only', async () => {
    const bg = await background();
    expect(await writeLarge([note(bg.profileId, 1), note(bg.profileId, 2)], { call: bg.call })).toBe(2);
    expect(bg.calls.slice(1)).toEqual(['commitWrites']);
    expect(await bg.call('commitWrites', { ops: [note(bg.profileId, 3)] })).toEqual({ written: 1 });
    expect(await bg.stored()).toBe(3);
  });

  it('cancelled between parts: what was sent is discarded and nothing is stored', async () => {
    const bg = await background();
    const ops = Array.from({ length: STAGE_PART_OPS + 5 }, (_, i) => note(bg.profileId, i));
    const abort = new AbortController();
    const attempt = writeLarge(ops, { call: bg.call, signal: abort.signal, onProgress: () => abort.abort() });
    await expect(attempt).rejects.toThrow();
    expect(bg.calls.slice(1)).toEqual(['stageWrites', 'discardWrites']);
    expect(await bg.stored()).toBe(0);
  }, 60_000);

  it('one invalid operation in the last part: the whole write is refused and nothing of the earlier parts is stored', async () => {
    const bg = await background();
    const ops = Array.from({ length: STAGE_PART_OPS + 5 }, (_, i) => note(bg.profileId, i));
    ops.push({ op: 'put', profileId: bg.profileId, kind: 'note', id: 'bad', data: { title: 42 } });
    await expect(writeLarge(ops, { call: bg.call })).rejects.toMatchObject({ code: 'invalid-record' });
    expect(await bg.stored()).toBe(0);
  }, 60_000);

  it('puts numbered parts back in order however they arrive; a missing or repeated part stores nothing', async () => {
    const bg = await background();
    const ops = Array.from({ length: 7 }, (_, i) => note(bg.profileId, i));
    const { stageId } = await bg.call('stageWrites', { ops: ops.slice(0, 2) });
    await bg.call('stageWrites', { stageId, part: 2, ops: ops.slice(4, 6) });
    await bg.call('stageWrites', { stageId, part: 1, ops: ops.slice(2, 4) });
    expect(await bg.call('commitWrites', { stageId, ops: ops.slice(6) })).toEqual({ written: 7 });
    expect(await bg.stored()).toBe(7);

    const gap = await bg.call('stageWrites', { ops: [note(bg.profileId, 10)] });
    await bg.call('stageWrites', { stageId: gap.stageId, part: 2, ops: [note(bg.profileId, 12)] });
    await expect(bg.call('commitWrites', { stageId: gap.stageId, ops: [] })).rejects.toMatchObject({ code: 'bad-request' });
    const twice = await bg.call('stageWrites', { ops: [note(bg.profileId, 20)] });
    await expect(bg.call('stageWrites', { stageId: twice.stageId, part: 0, ops: [note(bg.profileId, 21)] })).rejects.toMatchObject({ code: 'bad-request' });
    // The write with a repeated part is gone altogether.
    await expect(bg.call('commitWrites', { stageId: twice.stageId, ops: [] })).rejects.toMatchObject({ code: 'write-expired' });
    expect(await bg.stored()).toBe(7);
  });

  it('a staged write that waited too long, or outlived a lock, is refused as expired', async () => {
    const bg = await background();
    const { stageId } = await bg.call('stageWrites', { ops: [note(bg.profileId, 1)] });
    bg.clock.now += STAGE_TTL_MS + 1;
    await expect(bg.call('commitWrites', { stageId, ops: [] })).rejects.toMatchObject({ code: 'write-expired' });

    const again = await bg.call('stageWrites', { ops: [note(bg.profileId, 2)] });
    await bg.call('lock', {});
    await expect(bg.call('commitWrites', { stageId: again.stageId, ops: [] })).rejects.toMatchObject({ code: 'locked' });
    await expect(bg.call('stageWrites', { ops: [note(bg.profileId, 3)] })).rejects.toMatchObject({ code: 'locked' });
    await bg.call('unlock', { kek: bg.kek });
    await expect(bg.call('commitWrites', { stageId: again.stageId, ops: [] })).rejects.toMatchObject({ code: 'write-expired' });
  });

  it('refuses a packed part whose ids, data or size are wrong, storing nothing', async () => {
    const bg = await background();
    const good: PackedPuts = {
      profileId: bg.profileId,
      kind: 'note',
      ids: 'a,b',
      data: JSON.stringify([
        { title: 'a', body: '' },
        { title: 'b', body: '' },
      ]),
    };
    const wrong: PackedPuts[] = [
      { ...good, ids: 'a,,b' },
      { ...good, ids: 'a,b c' },
      { ...good, ids: '' },
      { ...good, ids: 'a'.repeat(STAGE_PART_OPS * 129 + 1) },
      { ...good, data: '[{"title":"a"}' },
      { ...good, data: '[{"title":"a"}]' },
      { ...good, data: '{"0":{},"1":{}}' },
      { ...good, shared: '{"body":' },
      { ...good, shared: '["body"]' },
      { ...good, shared: 'null' },
      { ...good, shared: `{"body":"${'x'.repeat(64 * 1024)}"}` },
      { ...good, data: '[{"title":"a"},"b"]', shared: '{"body":""}' },
      {
        ...good,
        ids: Array.from({ length: STAGE_PART_OPS + 1 }, (_, i) => `n${i}`).join(','),
        data: JSON.stringify(Array(STAGE_PART_OPS + 1).fill({ title: 'x' })),
      },
    ];
    for (const ops of wrong) {
      await expect(bg.call('stageWrites', { ops })).rejects.toMatchObject({ code: 'bad-request' });
      await expect(bg.call('commitWrites', { ops })).rejects.toMatchObject({ code: 'bad-request' });
    }
    await expect(bg.call('commitWrites', { ops: { ...good, kind: 'municipal-case' } })).rejects.toMatchObject({ code: 'bad-request' });
    await expect(bg.call('commitWrites', { ops: { ...good, data: '[{"title":1,"body":""},{"title":"b","body":""}]' } })).rejects.toMatchObject({
      code: 'invalid-record',
    });
    // Shared fields cannot hide a wrong row: every row is still checked by its kind's schema.
    const sharedWrong = { ...good, data: '[{"title":"a"},{"title":2}]', shared: '{"body":""}' };
    await expect(bg.call('commitWrites', { ops: sharedWrong })).rejects.toMatchObject({ code: 'invalid-record' });
    expect(await bg.stored()).toBe(0);
    expect(await bg.call('commitWrites', { ops: good })).toEqual({ written: 2 });
    expect(await bg.call('commitWrites', { ops: { ...good, ids: 'c,d', data: '[{"title":"c"},{"title":"d"}]', shared: '{"body":""}' } })).toEqual({
      written: 2,
    });
    expect(await bg.stored()).toBe(4);
  });

  it('refuses kinds a page may not write, at staging already', async () => {
    const bg = await background();
    await expect(bg.call('stageWrites', { ops: [{ op: 'put', profileId: bg.profileId, kind: 'municipal-case', id: 'c1', data: {} }] })).rejects.toBeInstanceOf(
      VaultError,
    );
  });
});
