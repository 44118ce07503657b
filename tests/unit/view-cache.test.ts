/**
 * The background's view cache (src/background/views/view-cache.ts): a kind is listed once and
 * then answered from memory while its group version stands; a write moves the version and the
 * next answer is read again; locking and deleting a profile let go of what is held; damaged
 * records are carried with their kind.
 */
import { describe, expect, it, vi } from 'vitest';
import { ViewCache, type HeldLists, type Pace } from '../../src/background/views/view-cache';
import type { RecordKind } from '../../src/records/kind';
import type { Vault } from '../../src/vault/index';
import { heldOverview } from '../../src/background/views/overview-lists';
import { OVERVIEW_KINDS } from '../../src/overview/from-records';
import { fixtureData, syncedOps, syncedPut } from './support/overview-fixtures';
import { touchedRow, vaultWithProfile } from './support/setup-vault';

async function syncedVault() {
  const { vault, db, key, profileId } = await vaultWithProfile('views', 'Lis');
  const data = fixtureData();
  await vault.records.write(syncedOps(profileId, data));
  return { vault, db, key, profileId, data, cache: new ViewCache(vault) };
}

const { cases, payments, documents, accessLog } = OVERVIEW_KINDS;

/** A model that counts its records, and how often it was computed. */
function counting(key: string, kind: RecordKind) {
  const spec = { key, kinds: [kind], computed: 0, compute: (lists: HeldLists) => (spec.computed++, lists.of(kind).records.length) };
  return spec;
}

/** The kinds listed from the vault, in order. */
function listingOrder(vault: Vault): string[] {
  const order: string[] = [];
  const store = vault.records;
  const listByName = store.listByName.bind(store);
  vi.spyOn(store, 'listByName').mockImplementation((profileId, kind) => (order.push(kind), listByName(profileId, kind)));
  return order;
}

describe('the view cache', () => {
  it('lists a kind once, then answers it from memory while its version stands', async () => {
    const { cache, profileId, data } = await syncedVault();
    const first = await cache.read(profileId, [cases, payments]);
    expect(
      first
        .of(cases)
        .records.map((r) => r.id)
        .sort(),
    ).toEqual(data.cases.map((c) => c.vaultId).sort());
    expect(cache.listed).toBe(2);
    const second = await cache.read(profileId, [cases, payments]);
    expect(cache.listed).toBe(2);
    expect(second.of(payments)).toBe(first.of(payments));
    expect(() => second.of(OVERVIEW_KINDS.documents)).toThrow(RangeError);
  });

  it('reads again only the kind a write changed, and never answers what is stale', async () => {
    const { vault, cache, profileId, data } = await syncedVault();
    const before = await cache.read(profileId, [cases, payments]);
    const pay = data.payments[0]!;
    await vault.records.write([syncedPut(profileId, 'payments', 'v-pay-new', pay.origin, { ...pay.record, id: 'pay-new' })]);
    const after = await cache.read(profileId, [cases, payments]);
    expect(cache.listed).toBe(3); // payments again, cases not
    expect(after.of(cases)).toBe(before.of(cases));
    expect(after.of(payments).records.map((r) => r.id)).toContain('v-pay-new');
    await vault.records.write([{ op: 'delete', profileId, kind: payments.name, id: 'v-pay-new' }]);
    expect((await cache.read(profileId, [payments])).of(payments).records.map((r) => r.id)).not.toContain('v-pay-new');
  });

  it('derives a model once per version of its kinds', async () => {
    const { vault, cache, profileId, data } = await syncedVault();
    let computed = 0;
    const count = () =>
      cache.derive(profileId, 'count', [cases], (lists) => {
        computed++;
        return lists.of(cases).records.length;
      });
    expect(await count()).toBe(data.cases.length);
    expect(await count()).toBe(data.cases.length);
    expect(computed).toBe(1);
    // A change to a kind the model does not read leaves it alone.
    const pay = data.payments[0]!;
    await vault.records.write([syncedPut(profileId, 'payments', 'v-pay-new', pay.origin, { ...pay.record, id: 'pay-new' })]);
    await count();
    expect(computed).toBe(1);
    await vault.records.write([{ op: 'delete', profileId, kind: cases.name, id: data.cases[0]!.vaultId }]);
    expect(await count()).toBe(data.cases.length - 1);
    expect(computed).toBe(2);
  });

  it('answers a burst of requests with one listing of each kind', async () => {
    const { cache, profileId } = await syncedVault();
    const answers = await Promise.all([1, 2, 3, 4].map(() => heldOverview(cache, profileId, ['cases', 'payments'])));
    expect(cache.listed).toBe(2);
    expect(new Set(answers.map((a) => a.data.cases)).size).toBe(1);
  });

  it('lets go of everything when the vault locks, and reads again after unlocking', async () => {
    const { vault, key, cache, profileId } = await syncedVault();
    await cache.read(profileId, [cases]);
    vault.lock();
    await expect(cache.read(profileId, [cases])).rejects.toMatchObject({ code: 'locked' });
    await vault.unlock(key.kek);
    await cache.read(profileId, [cases]);
    expect(cache.listed).toBe(2);
  });

  it('stores nothing from a read that was under way when the vault locked', async () => {
    const { vault, cache, profileId } = await syncedVault();
    const store = vault.records;
    const listByName = store.listByName.bind(store);
    // What a lock does to the cache, while the read waits for IndexedDB.
    const spy = vi.spyOn(store, 'listByName').mockImplementationOnce((...args) => (cache.clear(), listByName(...args)));
    await cache.read(profileId, [cases]);
    expect(spy).toHaveBeenCalledOnce();
    await cache.read(profileId, [cases]);
    expect(cache.listed).toBe(2);
  });

  it('forgets a deleted profile', async () => {
    const { cache, profileId } = await syncedVault();
    await cache.read(profileId, [cases]);
    cache.forget(profileId);
    await cache.read(profileId, [cases]);
    expect(cache.listed).toBe(2);
  });

  it('carries damaged records with their kind, and the rest of the kind', async () => {
    const { vault, db, cache, profileId, data } = await syncedVault();
    const pay = data.payments[0]!;
    const row = await touchedRow(db, () => vault.records.write([syncedPut(profileId, 'payments', 'v-pay-9', pay.origin, { ...pay.record, id: 'pay-9' })]));
    await db.pages.put({ ...row, body: row.body.map((b, i) => (i === 0 ? b ^ 1 : b)) });
    const answer = await heldOverview(cache, profileId, ['cases', 'payments']);
    expect(answer.damaged.length).toBeGreaterThan(0);
    expect(answer.damaged.every((d) => d.profileId === profileId && d.kind === payments.name)).toBe(true);
    expect(answer.data.cases).toHaveLength(data.cases.length);
    // From memory the second time, with the same report.
    expect((await heldOverview(cache, profileId, ['payments'])).damaged).toEqual(answer.damaged);
    expect(cache.listed).toBe(2);
    // Once the citizen removed them, they are not reported again.
    await vault.records.discardDamaged(
      profileId,
      payments.name,
      answer.damaged.map((d) => d.ref),
    );
    expect((await heldOverview(cache, profileId, ['payments'])).damaged).toEqual([]);
  });

  it('answers a call a page waits for before the warm-up steps still queued', async () => {
    const { vault, cache, profileId, data } = await syncedVault();
    const order = listingOrder(vault);
    const done: string[] = [];
    const warming = cache.warm(profileId, [counting('a', cases), counting('b', payments), counting('c', documents)]).then(() => done.push('warm-up'));
    const asked = cache.read(profileId, [accessLog]).then((lists) => (done.push('asked'), lists));
    expect((await asked).of(accessLog).records).toHaveLength(data.accessLog.length);
    await warming;
    // The warm-up's first step was under way; the click went before the rest of it.
    expect(order).toEqual([cases.name, accessLog.name, payments.name, documents.name]);
    expect(done).toEqual(['asked', 'warm-up']);
  });

  it('keeps what the warm-up made: the view that asks next computes nothing again', async () => {
    const { cache, profileId, data } = await syncedVault();
    const spec = counting('cases-count', cases);
    await cache.warm(profileId, [spec]);
    expect(spec.computed).toBe(1);
    expect(await cache.model(profileId, spec)).toBe(data.cases.length);
    expect(spec.computed).toBe(1);
    expect(cache.listed).toBe(1);
  });

  it('reads each kind once for warmed models that share it', async () => {
    const { vault, cache, profileId } = await syncedVault();
    const order = listingOrder(vault);
    await cache.warm(profileId, [counting('one', cases), counting('two', cases), counting('three', payments)]);
    expect(order).toEqual([cases.name, payments.name]);
  });

  it('drops the warm-up queued before the vault locked', async () => {
    const { vault, cache, profileId } = await syncedVault();
    const order = listingOrder(vault);
    const spec = counting('cases-count', cases);
    const warming = cache.warm(profileId, [spec, counting('pay', payments)]);
    cache.clear();
    await warming;
    expect(order).toEqual([]);
    expect(spec.computed).toBe(0);
  });

  it('answers a click while a warm-up read is still under way, and lists a kind both need once', async () => {
    const { vault, cache, profileId, data } = await syncedVault();
    const store = vault.records;
    const listByName = store.listByName.bind(store);
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The warm-up's read of the cases waits on IndexedDB until released.
    vi.spyOn(store, 'listByName').mockImplementation(async (id, kind) => {
      order.push(kind);
      if (kind === cases.name) await gate;
      return listByName(id, kind);
    });
    const done: string[] = [];
    const warming = cache.warm(profileId, [counting('a', cases)]).then(() => done.push('warm-up'));
    const other = cache.read(profileId, [accessLog]).then(() => done.push('access log'));
    const same = cache.read(profileId, [cases]).then((lists) => (done.push('cases'), lists));
    await other;
    expect(done).toEqual(['access log']);
    release();
    expect((await same).of(cases).records).toHaveLength(data.cases.length);
    await warming;
    expect(order.filter((k) => k === cases.name)).toHaveLength(1);
    expect(done).toEqual(['access log', 'cases', 'warm-up']);
  });

  it('starts no warm-up step until the pages have been quiet a while', async () => {
    const { vault, profileId } = await syncedVault();
    const cache = new ViewCache(vault, 200);
    const order = listingOrder(vault);
    await cache.read(profileId, [cases]);
    const warming = cache.warm(profileId, [counting('pay', payments)]);
    // The next call of the same view, a moment later: it goes before the warm-up.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await cache.read(profileId, [accessLog]);
    await warming;
    expect(order).toEqual([cases.name, accessLog.name, payments.name]);
  });

  it('answers a held kind from memory without reading the versions, until a write to it', async () => {
    const { vault, cache, profileId, data } = await syncedVault();
    await cache.read(profileId, [cases, payments]);
    const versions = vi.spyOn(vault.records, 'groupVersions');
    await cache.read(profileId, [cases, payments]);
    await cache.read(profileId, [cases]);
    expect(versions).not.toHaveBeenCalled();
    const pay = data.payments[0]!;
    await vault.records.write([syncedPut(profileId, 'payments', 'v-pay-new', pay.origin, { ...pay.record, id: 'pay-new' })]);
    // The cases were not written: still answered without a read.
    await cache.read(profileId, [cases]);
    expect(versions).not.toHaveBeenCalled();
    expect((await cache.read(profileId, [payments])).of(payments).records.map((r) => r.id)).toContain('v-pay-new');
    expect(versions).toHaveBeenCalledOnce();
    expect(cache.listed).toBe(3);
  });

  it('answers a call that comes while a warm-up step computes before the step goes on', async () => {
    const { cache, profileId, data } = await syncedVault();
    await cache.read(profileId, [cases]);
    const events: string[] = [];
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const slow = {
      key: 'slow',
      kinds: [cases],
      compute: async (_lists: HeldLists, pace: Pace) => {
        for (let slice = 1; slice <= 20; slice++) {
          events.push(`slice ${slice}`);
          if (slice === 1) started();
          await pace({ yield: true });
        }
        return 'made';
      },
    };
    const warming = cache.warm(profileId, [slow]).then(() => events.push('warm-up done'));
    await running;
    // A call that reads from IndexedDB, which takes many turns of the event loop.
    events.push('asked');
    const asked = cache.read(profileId, [accessLog]).then((lists) => (events.push('asked done'), lists));
    expect((await asked).of(accessLog).records).toHaveLength(data.accessLog.length);
    await warming;
    // The step waited at its next slice for the call, then went on to its end.
    expect(events.indexOf('asked done')).toBe(events.indexOf('asked') + 1);
    expect(events.indexOf('asked done')).toBeLessThan(events.indexOf('slice 20'));
    expect(events.at(-1)).toBe('warm-up done');
    expect(events.filter((e) => e.startsWith('slice'))).toHaveLength(20);
    expect(await cache.model(profileId, slow)).toBe('made');
  });

  it('lets a paused warm-up step go on when a call waits for what it makes', async () => {
    const { cache, profileId } = await syncedVault();
    let computed = 0;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const slow = {
      key: 'slow',
      kinds: [cases],
      compute: async (lists: HeldLists, pace: Pace) => {
        computed++;
        started();
        for (let slice = 0; slice < 10; slice++) await pace({ yield: true });
        return lists.of(cases).records.length;
      },
    };
    const warming = cache.warm(profileId, [slow]);
    await running;
    // The page asks for the very model the paused step makes: it is made once, for both.
    const asked = await cache.model(profileId, slow);
    await warming;
    expect(asked).toBeGreaterThan(0);
    expect(computed).toBe(1);
  });

  it('ends a warm-up step that the vault locked under, storing nothing, and makes it again after unlocking', async () => {
    const { vault, key, cache, profileId } = await syncedVault();
    let computed = 0;
    let sliced!: () => void;
    const firstSlice = new Promise<void>((resolve) => (sliced = resolve));
    const slow = {
      key: 'slow',
      kinds: [cases],
      compute: async (lists: HeldLists, pace: Pace) => {
        computed++;
        sliced();
        for (let slice = 0; slice < 10; slice++) await pace({ yield: true });
        return lists.of(cases).records.length;
      },
    };
    const warming = cache.warm(profileId, [slow]);
    await firstSlice;
    vault.lock();
    await expect(warming).rejects.toMatchObject({ code: 'locked' });
    await vault.unlock(key.kek);
    expect(await cache.model(profileId, slow)).toBeGreaterThan(0);
    // Nothing of the first computation was kept: the kind was listed and the model made again.
    expect(computed).toBe(2);
    expect(cache.listed).toBe(2);
  });

  it("takes a warm-up step's turns behind every other task, and a page's own work's turns as plain tasks", async () => {
    // The runtime's task scheduler (Chromium's workers, Firefox): a warm-up turn is a background task.
    const priorities: string[] = [];
    vi.stubGlobal('scheduler', {
      postTask: (callback: () => void, options: { priority: string }) => {
        priorities.push(options.priority);
        return new Promise<void>((resolve) => setTimeout(() => resolve(callback())));
      },
    });
    vi.resetModules();
    try {
      const { ViewCache: FreshCache } = await import('../../src/background/views/view-cache');
      const { vault, profileId } = await syncedVault();
      const cache = new FreshCache(vault);
      await cache.read(profileId, [cases]);
      const sliced = (key: string) => ({
        key,
        kinds: [cases],
        compute: async (_lists: HeldLists, pace: Pace) => {
          for (let slice = 0; slice < 3; slice++) await pace({ yield: true });
          return key;
        },
      });
      await cache.warm(profileId, [sliced('warm')]);
      expect(priorities).toEqual(['background', 'background', 'background']);
      priorities.length = 0;
      expect(await cache.model(profileId, sliced('asked'))).toBe('asked');
      expect(priorities).toEqual([]);
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });

  it('waits for a call between the slices of a long kind it decodes, and decodes it once', async () => {
    const { vault, cache, profileId, data } = await syncedVault();
    const pay = data.payments[0]!;
    const many = Array.from({ length: 4500 }, (_, i) => syncedPut(profileId, 'payments', `v-pay-${i}`, pay.origin, { ...pay.record, id: `pay-${i}` }));
    await vault.records.write(many);
    const store = vault.records;
    const listByName = store.listByName.bind(store);
    const events: string[] = [];
    vi.spyOn(store, 'listByName').mockImplementation((id, kind, between) =>
      listByName(id, kind, between && (async () => (events.push(`${kind} slice`), await between()))),
    );
    const warming = cache.warm(profileId, [counting('pay', payments)]).then(() => events.push('warm-up done'));
    // Asked as soon as the first slice is decoded.
    await vi.waitFor(() => expect(events).toContain(`${payments.name} slice`), { interval: 1 });
    await cache.read(profileId, [accessLog]).then(() => events.push('asked done'));
    await warming;
    expect(events).toEqual([`${payments.name} slice`, 'asked done', `${payments.name} slice`, 'warm-up done']);
    expect(cache.listed).toBe(2);
  });
});
