/**
 * The background: the router (who may call, with what) and the vault service (auto-lock, session
 * resume after a service-worker restart, backup transfer in chunks).
 */
import { describe, expect, it, vi } from 'vitest';
import { ANSWERED_WHILE_CLOSED, ApiArgs, TRANSFER_CHUNK_BYTES, type ApiMethod, type ApiResponse, type VaultEvent } from '../../src/messaging/api';
import { route, type MessageSender } from '../../src/messaging/router';
import type { Settings, SettingsStorage } from '../../src/messaging/settings';
import { memorySessionStore, type SessionStore } from '../../src/background/session';
import { VaultService } from '../../src/background/vault-service';
import type { Handlers } from '../../src/messaging/handlers';
import { Vault } from '../../src/vault/vault';
import { VaultError } from '../../src/vault/errors';
import type { VaultDb } from '../../src/vault/storage/db';
import { freshDb, testKdf } from './support/setup-vault';
import { fromBase64Url, toBase64Url } from '../../src/shared/base64url';
import { randomBytes } from '../../src/shared/bytes';
import { recordKinds } from '../../src/records/registry';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const OWN_PAGE: MessageSender = { id: EXTENSION_ID, url: `${ORIGIN}vault.html` };
/** Router options for the tests of the sender and argument checks: an unlocked vault answers every method. */
const OPEN_VAULT = { extensionId: EXTENSION_ID, extensionOrigin: ORIGIN, vaultState: () => 'unlocked' as const };

/** Settings in memory; `latencyMs` makes each access take a while, as browser storage does. */
function memorySettings(latencyMs = 0): SettingsStorage & { value: unknown } {
  const pause = () => (latencyMs ? new Promise((resolve) => setTimeout(resolve, latencyMs)) : Promise.resolve());
  const storage = {
    value: undefined as unknown,
    get: async () => (await pause(), storage.value),
    set: async (value: Settings) => void (await pause(), (storage.value = value)),
  };
  return storage;
}

interface Harness {
  db: VaultDb;
  vault: Vault;
  service: VaultService;
  session: SessionStore;
  settings: SettingsStorage;
  events: VaultEvent[];
  clock: { now: number };
  call: <M extends ApiMethod>(method: M, args: unknown, sender?: MessageSender) => Promise<ApiResponse<M>>;
}

async function harness(shared?: { db: VaultDb; session: SessionStore; settings: SettingsStorage; clock: { now: number } }): Promise<Harness> {
  const db = shared?.db ?? freshDb('service');
  const session = shared?.session ?? memorySessionStore();
  const settings = shared?.settings ?? memorySettings();
  const clock = shared?.clock ?? { now: Date.parse('2025-03-01T09:00:00Z') };
  const vault = await Vault.open(recordKinds, db);
  const events: VaultEvent[] = [];
  const service = new VaultService({ vault, session, settings, broadcast: (e) => events.push(e), now: () => clock.now });
  const call = async <M extends ApiMethod>(method: M, args: unknown, sender = OWN_PAGE) =>
    (await route({ channel: 'handlerum-vault', method, args }, sender, {
      extensionId: EXTENSION_ID,
      extensionOrigin: ORIGIN,
      handlers: service.handlers,
      vaultState: () => vault.state,
      onActivity: () => service.touch(),
    })) as ApiResponse<M>;
  return { db, vault, service, session, settings, events, clock, call };
}

function value<M extends ApiMethod>(response: ApiResponse<M>) {
  if (!response.ok) throw new Error(`expected ok, got ${response.error.code}: ${response.error.detail}`);
  return response.value;
}

const codeOf = (response: ApiResponse) => (response.ok ? 'ok' : response.error.code);

const kek = () => toBase64Url(randomBytes(32));

async function created(h: Harness) {
  const passphrase = { kdf: testKdf(), kek: kek() };
  const result = value(await h.call('create', { ...passphrase, owner: { name: 'Karen' } }));
  return { ...passphrase, ...result };
}

/** Handlers that record whether any ran: for the refusals, where none may. */
function spyHandlers(): { handlers: Handlers; ran: string[] } {
  const ran: string[] = [];
  const handlers = new Proxy({} as Handlers, {
    get: (_, method: string) => async () => {
      ran.push(method);
      return null;
    },
  });
  return { handlers, ran };
}

describe('router: who may call', () => {
  const senders: [string, MessageSender][] = [
    ['a web page', { url: 'https://example.com/' }],
    ['a web page claiming the extension id', { id: EXTENSION_ID, url: 'https://example.com/page' }],
    ['a content script of this extension', { id: EXTENSION_ID, url: 'https://borger.dk/' }],
    ['another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html' }],
    ['another extension using our id in its path', { id: 'zzzz', url: `chrome-extension://zzzz/${ORIGIN}` }],
    ['a sender without url', { id: EXTENSION_ID }],
    ['an empty sender', {}],
  ];

  it.each(senders)('%s → forbidden-sender, and no handler runs', async (_, sender) => {
    const { handlers, ran } = spyHandlers();
    const activity = vi.fn(async () => {});
    const response = await route({ channel: 'handlerum-vault', method: 'lock', args: {} }, sender, {
      ...OPEN_VAULT,
      handlers,
      onActivity: activity,
    });
    expect(codeOf(response)).toBe('forbidden-sender');
    expect(ran).toEqual([]);
    expect(activity).not.toHaveBeenCalled();
  });

  it.each([
    ['no channel', { method: 'lock', args: {} }],
    ['another channel', { channel: 'handlerum-event', method: 'lock', args: {} }],
    ['not an object', 'lock'],
    ['null', null],
    ['an unknown method', { channel: 'handlerum-vault', method: 'dropEverything', args: {} }],
    ['an inherited name as method', { channel: 'handlerum-vault', method: 'toString', args: {} }],
    ['a method that is not a string', { channel: 'handlerum-vault', method: 42, args: {} }],
    ['bad args: a short key', { channel: 'handlerum-vault', method: 'unlock', args: { kek: 'short' } }],
    ['bad args: a key in non-canonical base64url', { channel: 'handlerum-vault', method: 'unlock', args: { kek: `${'A'.repeat(42)}B` } }],
    [
      'bad args: a transfer part that is not base64url',
      { channel: 'handlerum-vault', method: 'restoreWrite', args: { transferId: 'abc', index: 0, data: 'AA==' } },
    ],
    ['bad args: a wrong type', { channel: 'handlerum-vault', method: 'backupRead', args: { transferId: 'abc', index: -1 } }],
    ['bad args: a malformed id', { channel: 'handlerum-vault', method: 'getRecord', args: { profileId: 'a b', kind: 'note', id: 'x' } }],
    [
      'bad args: KDF parameters below the minimum',
      { channel: 'handlerum-vault', method: 'recover', args: { kdf: { ...testKdf(), memoryKiB: 1 }, kek: kek(), recoveryKey: 'x' } },
    ],
  ])('%s → bad-request, and no handler runs', async (_, message) => {
    const { handlers, ran } = spyHandlers();
    const response = await route(message, OWN_PAGE, { ...OPEN_VAULT, handlers });
    expect(codeOf(response)).toBe('bad-request');
    expect(ran).toEqual([]);
  });

  it('an accepted call runs its handler with the parsed arguments', async () => {
    const { handlers, ran } = spyHandlers();
    const response = await route({ channel: 'handlerum-vault', method: 'status', args: {} }, OWN_PAGE, {
      ...OPEN_VAULT,
      handlers,
    });
    expect(codeOf(response)).toBe('ok');
    expect(ran).toEqual(['status']);
  });

  it('an unexpected failure is reported by name only, never by message', async () => {
    const handlers = new Proxy({} as Handlers, {
      get: () => async () => {
        throw new TypeError('Cannot read note "Min diagnose" of undefined');
      },
    });
    const response = await route({ channel: 'handlerum-vault', method: 'status', args: {} }, OWN_PAGE, {
      ...OPEN_VAULT,
      handlers,
    });
    expect(response).toEqual({ ok: false, error: { code: 'storage-failed', detail: 'TypeError' } });
  });

  it('starts the handler beside the note for the idle timer, and answers once both are done', async () => {
    const { handlers, ran } = spyHandlers();
    let noted!: () => void;
    const activity = vi.fn(() => new Promise<void>((resolve) => (noted = resolve)));
    let answered = false;
    const answering = route({ channel: 'handlerum-vault', method: 'lock', args: {} }, OWN_PAGE, { ...OPEN_VAULT, handlers, onActivity: activity }).then(
      (response) => ((answered = true), response),
    );
    await vi.waitFor(() => expect(ran).toEqual(['lock']));
    expect(activity).toHaveBeenCalledOnce();
    // The note is still on its way: the answer waits for it.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(answered).toBe(false);
    noted();
    expect(codeOf(await answering)).toBe('ok');
  });

  it('answers a call whose idle-timer note failed (the vault then locks sooner, never later)', async () => {
    const { handlers, ran } = spyHandlers();
    const response = await route({ channel: 'handlerum-vault', method: 'lock', args: {} }, OWN_PAGE, {
      ...OPEN_VAULT,
      handlers,
      onActivity: async () => {
        throw new VaultError('storage-failed');
      },
    });
    expect(codeOf(response)).toBe('ok');
    expect(ran).toEqual(['lock']);
  });
});

describe('service: create, unlock, records', () => {
  it('creates a vault with an owner profile, and answers status', async () => {
    const h = await harness();
    expect(value(await h.call('status', {})).state).toBe('no-vault');
    const { profileId, recoveryKey, kdf } = await created(h);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){8}[0-9A-Z]{4}$/);
    const status = value(await h.call('status', {}));
    expect(status).toMatchObject({ state: 'unlocked', kdf });
    const profiles = value(await h.call('listProfiles', {}));
    expect(profiles.map((p) => [p.id, p.data])).toEqual([[profileId, { name: 'Karen', relation: 'self' }]]);
    expect(h.events).toContainEqual({ channel: 'handlerum-event', type: 'state', state: 'unlocked' });
  });

  it('an owner name the profile kind refuses → invalid-record, and no vault is created', async () => {
    const h = await harness();
    const response = await h.call('create', { kdf: testKdf(), kek: kek(), owner: { name: '   ' } });
    expect(codeOf(response)).toBe('invalid-record');
    expect(value(await h.call('status', {})).state).toBe('no-vault');
    await created(h); // and a second attempt works
  });

  it('unlock with a wrong key → wrong-passphrase; with the right one → unlocked', async () => {
    const h = await harness();
    const { kek: right } = await created(h);
    value(await h.call('lock', {}));
    expect(codeOf(await h.call('unlock', { kek: kek() }))).toBe('wrong-passphrase');
    value(await h.call('unlock', { kek: right }));
    expect(value(await h.call('status', {})).state).toBe('unlocked');
  });

  it('writes and lists records, broadcasts changes and counts them for the backup reminder', async () => {
    const h = await harness();
    const { profileId } = await created(h);
    value(await h.call('writeRecords', { ops: [{ op: 'put', profileId, kind: 'note', data: { title: 'T', body: 'B' } }] }));
    const list = value(await h.call('listRecords', { profileId, kind: 'note' }));
    expect(list.records).toHaveLength(1);
    // Pages are told the kind and how many records changed, never the ids.
    expect(h.events.find((e) => e.type === 'changed')).toEqual({
      channel: 'handlerum-event',
      type: 'changed',
      changes: [{ profileId, kind: 'note', count: 1 }],
    });
    await vi.waitFor(async () => expect(value(await h.call('getSettings', {})).changesSinceBackup).toBe(1));
  });

  it('counts every one of many concurrent writes for the backup reminder', async () => {
    const h = await harness({ db: freshDb('service'), session: memorySessionStore(), settings: memorySettings(2), clock: { now: Date.now() } });
    const { profileId } = await created(h);
    const write = (i: number) => h.call('writeRecords', { ops: [{ op: 'put', profileId, kind: 'note', data: { title: `T${i}`, body: '' } }] });
    await Promise.all(Array.from({ length: 12 }, (_, i) => write(i)));
    await vi.waitFor(async () => expect(value(await h.call('getSettings', {})).changesSinceBackup).toBe(12));
  });

  it('deletes a profile with its notes, but never the last profile', async () => {
    const h = await harness();
    const { profileId } = await created(h);
    expect(codeOf(await h.call('deleteProfile', { id: profileId }))).toBe('last-profile');
    const child = value(await h.call('saveProfile', { data: { name: 'Lis', relation: 'child' } }));
    value(await h.call('writeRecords', { ops: [{ op: 'put', profileId: child.id, kind: 'note', data: { title: 'x', body: '' } }] }));
    value(await h.call('deleteProfile', { id: child.id }));
    expect(value(await h.call('listProfiles', {})).map((p) => p.id)).toEqual([profileId]);
    expect(value(await h.call('listRecords', { profileId: child.id, kind: 'note' })).records).toEqual([]);
    expect(codeOf(await h.call('deleteProfile', { id: 'nobody' }))).toBe('profile-not-found');
  });

  it('record calls on a locked vault → locked', async () => {
    const h = await harness();
    const { profileId } = await created(h);
    value(await h.call('lock', {}));
    expect(codeOf(await h.call('listRecords', { profileId, kind: 'note' }))).toBe('locked');
    expect(h.events.at(-1)).toEqual({ channel: 'handlerum-event', type: 'state', state: 'locked' });
  });

  it('a passphrase change on a locked vault → locked, and the old passphrase still opens it', async () => {
    const h = await harness();
    const { kek: current } = await created(h);
    value(await h.call('lock', {}));
    const next = { kdf: testKdf(), kek: kek() };
    expect(codeOf(await h.call('changePassphrase', { currentKek: current, ...next }))).toBe('locked');
    expect(h.vault.state).toBe('locked');
    value(await h.call('unlock', { kek: current }));
  });
});

describe('a closed vault answers only what its screens need', () => {
  // Written out here, not imported: opening a method to a locked browser must be a visible change.
  const expected = {
    'no-vault': ['status', 'create', 'restoreBegin', 'restoreWrite', 'restoreInspect', 'restoreFinish'],
    locked: ['status', 'unlock', 'recover', 'lock'],
  };
  const closedStates = ['no-vault', 'locked'] as const;

  it('the list of what is answered while closed is exactly this', () => {
    expect(ANSWERED_WHILE_CLOSED).toEqual(expected);
  });

  it.each(closedStates)('%s: every other method of the whole API is refused before its arguments are read, and no handler runs', async (state) => {
    const methods = Object.keys(ApiArgs) as ApiMethod[];
    const open = new Set<string>(expected[state]);
    expect(methods.filter((m) => open.has(m))).toHaveLength(open.size);
    for (const method of methods) {
      const { handlers, ran } = spyHandlers();
      const activity = vi.fn(async () => {});
      const response = await route({ channel: 'handlerum-vault', method, args: {} }, OWN_PAGE, {
        ...OPEN_VAULT,
        vaultState: () => state,
        handlers,
        onActivity: activity,
      });
      if (open.has(method)) {
        expect(codeOf(response), method).not.toBe(state);
        continue;
      }
      expect(response, method).toEqual({ ok: false, error: { code: state, detail: method } });
      expect(ran, method).toEqual([]);
      expect(activity, method).not.toHaveBeenCalled();
    }
  });

  it('settings can be neither read nor changed while locked, and status then carries none', async () => {
    const h = await harness();
    const { kek: current } = await created(h);
    value(await h.call('setSettings', { autoLockMinutes: 10 }));
    expect(value(await h.call('status', {})).settings).toMatchObject({ autoLockMinutes: 10 });
    value(await h.call('lock', {}));

    expect(codeOf(await h.call('setSettings', { autoLockMinutes: 24 * 60 }))).toBe('locked');
    expect(codeOf(await h.call('getSettings', {}))).toBe('locked');
    const status = value(await h.call('status', {}));
    expect(status).toEqual({ state: 'locked', kdf: h.vault.kdfParams });

    value(await h.call('unlock', { kek: current }));
    expect(value(await h.call('getSettings', {})).autoLockMinutes).toBe(10);
  });

  it('without a vault: status names the state only, and records and settings are refused as no-vault', async () => {
    const h = await harness();
    expect(value(await h.call('status', {}))).toEqual({ state: 'no-vault' });
    expect(codeOf(await h.call('setSettings', { autoLockMinutes: 24 * 60 }))).toBe('no-vault');
    expect(codeOf(await h.call('listProfiles', {}))).toBe('no-vault');
  });
});

describe('auto-lock', () => {
  it('locks after autoLockMinutes of no use, and not before', async () => {
    const h = await harness();
    await created(h);
    value(await h.call('setSettings', { autoLockMinutes: 10 }));
    h.clock.now += 10 * 60_000 - 1;
    await h.service.lockIfIdle();
    expect(h.vault.state).toBe('unlocked');
    h.clock.now += 1;
    await h.service.lockIfIdle();
    expect(h.vault.state).toBe('locked');
    expect(await h.session.get()).toEqual({});
  });

  it('touch() and every call but status postpone it', async () => {
    const h = await harness();
    const { profileId } = await created(h);
    value(await h.call('setSettings', { autoLockMinutes: 5 }));
    h.clock.now += 4 * 60_000;
    await h.service.touch();
    h.clock.now += 4 * 60_000;
    await h.service.lockIfIdle();
    expect(h.vault.state).toBe('unlocked');
    value(await h.call('listRecords', { profileId, kind: 'note' }));
    h.clock.now += 4 * 60_000;
    value(await h.call('status', {})); // status is not use: a page open in the background polls it
    await h.service.lockIfIdle();
    expect(h.vault.state).toBe('unlocked');
    h.clock.now += 60_000;
    await h.service.lockIfIdle();
    expect(h.vault.state).toBe('locked');
  });
});

describe('session resume', () => {
  it('after a service-worker restart: unlocked again without the passphrase', async () => {
    const first = await harness();
    const { profileId } = await created(first);
    value(await first.call('writeRecords', { ops: [{ op: 'put', profileId, kind: 'note', id: 'n', data: { title: 'kept', body: '' } }] }));
    // A new worker: new Vault on the same database, same session storage (the browser kept it).
    const second = await harness({ db: first.db, session: first.session, settings: first.settings, clock: first.clock });
    expect(second.vault.state).toBe('locked');
    await second.service.resumeSession();
    expect(second.vault.state).toBe('unlocked');
    expect(value(await second.call('getRecord', { profileId, kind: 'note', id: 'n' }))!.data).toEqual({ title: 'kept', body: '' });
  });

  it('after a browser restart (session storage cleared): locked', async () => {
    const first = await harness();
    await created(first);
    const second = await harness({ db: first.db, session: memorySessionStore(), settings: first.settings, clock: first.clock });
    await second.service.resumeSession();
    expect(second.vault.state).toBe('locked');
  });

  it('a session key of another vault is refused and cleared', async () => {
    const first = await harness();
    await created(first);
    const other = await harness();
    await created(other);
    const second = await harness({ db: first.db, session: other.session, settings: first.settings, clock: first.clock });
    await second.service.resumeSession();
    expect(second.vault.state).toBe('locked');
    expect(await other.session.get()).toEqual({});
  });

  it('an idle session is still locked by the next alarm after a restart', async () => {
    const first = await harness();
    await created(first);
    first.clock.now += 60 * 60_000;
    const second = await harness({ db: first.db, session: first.session, settings: first.settings, clock: first.clock });
    await second.service.resumeSession();
    await second.service.lockIfIdle();
    expect(second.vault.state).toBe('locked');
  });
});

describe('backup transfer', () => {
  async function download(h: Harness): Promise<Uint8Array> {
    const transfer = value(await h.call('backupCreate', {}));
    expect(transfer.fileName).toBe('handlerum-backup-2025-03-01.hrbackup');
    const parts: Uint8Array[] = [];
    for (let index = 0; index < transfer.chunkCount; index++) {
      parts.push(fromBase64Url(value(await h.call('backupRead', { transferId: transfer.transferId, index })).data));
    }
    const file = new Uint8Array(transfer.size);
    let at = 0;
    for (const part of parts) {
      file.set(part, at);
      at += part.length;
    }
    expect(at).toBe(transfer.size);
    return file;
  }

  async function upload(h: Harness, file: Uint8Array, skip?: number): Promise<string> {
    const { transferId, chunkCount } = value(await h.call('restoreBegin', { size: file.length }));
    for (let index = 0; index < chunkCount; index++) {
      if (index === skip) continue;
      const data = toBase64Url(file.subarray(index * TRANSFER_CHUNK_BYTES, (index + 1) * TRANSFER_CHUNK_BYTES));
      value(await h.call('restoreWrite', { transferId, index, data }));
    }
    return transferId;
  }

  it('backupCreate/backupRead → restoreBegin/Write/Inspect/Finish round-trips, over several chunks', { timeout: 60_000 }, async () => {
    const source = await harness();
    const { profileId, kek: sourceKek, kdf } = await created(source);
    // Enough incompressible text to need more than one 4 MiB transfer chunk.
    const body = toBase64Url(randomBytes(60_000));
    const ops = Array.from({ length: 80 }, (_, i) => ({ op: 'put' as const, profileId, kind: 'note', id: `n${i}`, data: { title: `n${i}`, body } }));
    value(await source.call('writeRecords', { ops }));
    const file = await download(source);
    expect(file.length).toBeGreaterThan(TRANSFER_CHUNK_BYTES);
    expect(value(await source.call('getSettings', {}))).toMatchObject({ lastBackupAt: '2025-03-01T09:00:00.000Z', changesSinceBackup: 0 });

    const target = await harness();
    const transferId = await upload(target, file);
    expect(value(await target.call('restoreInspect', { transferId })).vault.kdf).toEqual(kdf);
    value(await target.call('restoreFinish', { transferId, method: 'passphrase', kek: sourceKek }));
    expect(value(await target.call('status', {})).state).toBe('unlocked');
    const restored = value(await target.call('listRecords', { profileId, kind: 'note' }));
    expect(restored.records).toHaveLength(80);
    expect(restored.records.every((r) => (r.data as { body: string }).body === body)).toBe(true);
    // The transfer is gone once used.
    expect(codeOf(await target.call('restoreInspect', { transferId }))).toBe('bad-request');
  });

  it('a missing part → backup-truncated, and the vault that was there is untouched', async () => {
    const source = await harness();
    const { kek: sourceKek, profileId } = await created(source);
    const body = toBase64Url(randomBytes(60_000));
    value(
      await source.call('writeRecords', {
        ops: Array.from({ length: 80 }, (_, i) => ({ op: 'put' as const, profileId, kind: 'note', data: { title: `${i}`, body } })),
      }),
    );
    const file = await download(source);

    const target = await harness();
    await created(target);
    const before = await target.db.pages.toArray();
    const transferId = await upload(target, file, 0);
    expect(codeOf(await target.call('restoreInspect', { transferId }))).toBe('backup-truncated');
    expect(codeOf(await target.call('restoreFinish', { transferId, method: 'passphrase', kek: sourceKek }))).toBe('backup-truncated');
    expect(await target.db.pages.toArray()).toEqual(before);
  }, 60_000);

  it('a part of the wrong size → backup-truncated', async () => {
    const h = await harness();
    const { transferId } = value(await h.call('restoreBegin', { size: 100 }));
    value(await h.call('restoreWrite', { transferId, index: 0, data: toBase64Url(new Uint8Array(99)) }));
    expect(codeOf(await h.call('restoreInspect', { transferId }))).toBe('backup-truncated');
  });

  it('unknown transfers and parts → bad-request', async () => {
    const h = await harness();
    await created(h);
    expect(codeOf(await h.call('backupRead', { transferId: 'nope', index: 0 }))).toBe('bad-request');
    const { transferId } = value(await h.call('backupCreate', {}));
    expect(codeOf(await h.call('backupRead', { transferId, index: 99 }))).toBe('bad-request');
    const upload = value(await h.call('restoreBegin', { size: 10 }));
    expect(codeOf(await h.call('restoreWrite', { transferId: upload.transferId, index: 1, data: 'AA' }))).toBe('bad-request');
  });

  it('transfers expire, and a lock forgets them', async () => {
    const h = await harness();
    const { kek: current } = await created(h);
    const { transferId } = value(await h.call('backupCreate', {}));
    h.clock.now += 11 * 60_000;
    value(await h.call('restoreBegin', { size: 1 })); // opening a transfer sweeps expired ones
    expect(codeOf(await h.call('backupRead', { transferId, index: 0 }))).toBe('bad-request');
    const fresh = value(await h.call('backupCreate', {}));
    value(await h.call('lock', {}));
    expect(codeOf(await h.call('backupRead', { transferId: fresh.transferId, index: 0 }))).toBe('locked');
    value(await h.call('unlock', { kek: current }));
    expect(codeOf(await h.call('backupRead', { transferId: fresh.transferId, index: 0 }))).toBe('bad-request');
  });
});
