/**
 * The background's side of the message boundary: one handler per API method, run only after
 * the router has checked who sent the message and parsed its arguments.
 */
import { ApiArgs, type ApiMethod, type ApiResults, type VaultEvent } from '../messaging/api';
import type { CoreHandlers, Handlers, MunicipalHandlers, SharingHandlers, ViewHandlers } from '../messaging/handlers';
import { DEFAULT_SETTINGS, loadSettings, updateSettings, type Settings, type SettingsPatch, type SettingsStorage } from '../messaging/settings';
import { Vault, VaultError, VAULT_SCOPE, type VaultRecord } from '../vault/index';
import type { KindRegistry } from '../records/kind';
import { profileKind } from '../records/profile';
import type { SessionStore } from './session';
import { StagedWrites } from './staged-writes';
import { ChunkedTransfers, readChunk, type PendingTransfer } from './transfers';
import type { AuditEvent } from './audit-event';
import { fromBase64Url, toBase64Url } from '../shared/base64url';
import { concatBytes } from '../shared/bytes';
import { bestEffort } from '../shared/best-effort';

export interface ServiceDeps {
  vault: Vault;
  session: SessionStore;
  settings: SettingsStorage;
  broadcast: (event: VaultEvent) => void;
  now?: () => number;
  /** The municipal connector's methods (src/background/municipal-service.ts); refused when absent. */
  municipal?: MunicipalHandlers;
  /** Sharing (src/background/sharing/): its methods, keys for new profiles, the transparency log. */
  sharing?: SharingHooks;
  /** The long views (src/background/views/): their methods, and forgetting a deleted profile. */
  views?: { readonly handlers: ViewHandlers; forgetProfile(profileId: string): void };
}

/** What the vault service needs of sharing besides its methods. */
export interface SharingHooks {
  readonly handlers: SharingHandlers;
  ensureKeys(profileId: string): Promise<unknown>;
  audit(event: AuditEvent): Promise<void>;
  beforeProfileDeleted(profileId: string): Promise<void>;
}

const TRANSFER_TTL_MS = 10 * 60 * 1000;

export class VaultService {
  private readonly transfers: ChunkedTransfers;
  private readonly staged: StagedWrites;
  private settingsQueue: Promise<unknown> = Promise.resolve();
  private readonly now: () => number;

  readonly handlers: Handlers;

  constructor(private readonly deps: ServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.staged = new StagedWrites(() => this.now());
    // Swept, not refused, when past their time: a restore may wait on the citizen's passphrase.
    this.transfers = new ChunkedTransfers({ ttlMs: TRANSFER_TTL_MS, now: () => this.now(), refuseExpired: false });
    this.handlers = withStandIns({ ...this.coreHandlers, ...deps.municipal, ...deps.sharing?.handlers, ...deps.views?.handlers });
    deps.vault.onLock(() => {
      // However the vault locks, writes still being sent in parts are dropped with the keys.
      this.staged.clear();
      deps.broadcast({ channel: 'handlerum-event', type: 'state', state: deps.vault.state });
    });
  }

  /** After a service-worker restart: picks the session back up if the browser still holds it. */
  async resumeSession(): Promise<void> {
    const { vault, session } = this.deps;
    if (vault.state !== 'locked') return;
    const { dataKey } = await session.get();
    if (!dataKey) return;
    if (vault.resume(fromBase64Url(dataKey))) this.watchRecords();
    else await session.clear();
  }

  /** Locks when the vault has not been used for the configured time. Called by an alarm. */
  async lockIfIdle(): Promise<void> {
    const { vault, session, settings } = this.deps;
    if (vault.state !== 'unlocked') return;
    const { lastActiveAt = 0 } = await session.get();
    const { autoLockMinutes } = await loadSettings(settings);
    if (this.now() - lastActiveAt >= autoLockMinutes * 60_000) await this.lock();
  }

  async lock(): Promise<void> {
    this.transfers.clear();
    await this.deps.session.clear();
    this.deps.vault.lock();
  }

  /** Counts as use of the vault for the idle timer. */
  async touch(): Promise<void> {
    if (this.deps.vault.state === 'unlocked') await this.deps.session.set({ lastActiveAt: this.now() });
  }

  private async afterUnlock(): Promise<void> {
    const { vault, session, broadcast } = this.deps;
    await session.set({ dataKey: toBase64Url(vault.dangerouslyExportDataKey()), lastActiveAt: this.now() });
    this.watchRecords();
    broadcast({ channel: 'handlerum-event', type: 'state', state: vault.state });
  }

  private watchRecords(): void {
    const { vault, broadcast } = this.deps;
    vault.records.onChange((changes) => {
      const kinds = changes.map(({ profileId, kind, ids }) => ({ profileId, kind, count: ids.length }));
      broadcast({ channel: 'handlerum-event', type: 'changed', changes: kinds });
      void this.changeSettings((s) => ({ changesSinceBackup: s.changesSinceBackup + 1 }));
    });
  }

  /** Settings changes run one after another, so concurrent read-modify-writes never lose one. */
  private changeSettings(patch: (current: Settings) => SettingsPatch): Promise<Settings> {
    const next = this.settingsQueue.then(async () => {
      const storage = this.deps.settings;
      return updateSettings(storage, patch(await loadSettings(storage)));
    });
    this.settingsQueue = next.catch(() => DEFAULT_SETTINGS);
    return next;
  }

  private transfer(id: string): PendingTransfer {
    const transfer = this.transfers.get(id);
    if (!transfer) throw new VaultError('bad-request', 'unknown or expired transfer');
    return transfer;
  }

  private restoredFile(id: string): Uint8Array {
    const transfer = this.transfer(id);
    // A loop, not .some(): the parts list starts sparse, and .some() skips the holes.
    for (let i = 0; i < transfer.chunks.length; i++) if (!transfer.chunks[i]) throw new VaultError('backup-truncated', 'not every part arrived');
    const file = concatBytes(...transfer.chunks);
    if (file.length !== transfer.size) throw new VaultError('backup-truncated', 'size differs');
    return file;
  }

  /** The transparency log's entry for an action already done; a failure to log does not undo it. */
  private async audit(event: AuditEvent): Promise<void> {
    await bestEffort(this.deps.sharing?.audit(event), 'the log never fails the action');
  }

  /** New records of imported kinds (bank rows, health data, attachments), counted per profile and kind. */
  private async auditImports(written: readonly VaultRecord[]): Promise<void> {
    const counts = new Map<string, Record<string, number>>();
    for (const r of written) {
      if (!this.deps.vault.kinds.find(r.kind)?.countsAsImport || r.createdAt !== r.updatedAt) continue;
      const perKind = counts.get(r.profileId) ?? {};
      perKind[r.kind] = (perKind[r.kind] ?? 0) + 1;
      counts.set(r.profileId, perKind);
    }
    for (const [profileId, c] of counts) await this.audit({ type: 'import', profileId, counts: c });
  }

  private readonly coreHandlers: CoreHandlers = {
    status: async () => {
      const { vault, settings } = this.deps;
      const state = vault.state;
      if (state === 'no-vault') return { state };
      // Settings are the open vault's: a locked browser learns only how to derive the key.
      return { state, kdf: vault.kdfParams, ...(state === 'unlocked' ? { settings: await loadSettings(settings) } : {}) };
    },
    create: async ({ kdf, kek, owner }) => {
      const { vault } = this.deps;
      // Checked before the vault exists: a refused owner must not leave a vault without one.
      const ownerData = { name: owner.name, relation: 'self' };
      if (!profileKind.schema.safeParse(ownerData).success) throw new VaultError('invalid-record', 'owner profile');
      const { recoveryKey } = await vault.create({ kdf, kek: fromBase64Url(kek) });
      const [profile] = await vault.records.write([{ op: 'put', profileId: VAULT_SCOPE, kind: profileKind.name, data: ownerData }]);
      await bestEffort(this.deps.sharing?.ensureKeys(profile!.id), 'the keys are made later on demand');
      await this.afterUnlock();
      return { recoveryKey, profileId: profile!.id };
    },
    unlock: async ({ kek }) => {
      await this.deps.vault.unlock(fromBase64Url(kek));
      await this.afterUnlock();
      return null;
    },
    recover: async ({ recoveryKey, kdf, kek }) => {
      await this.deps.vault.recover(recoveryKey, { kdf, kek: fromBase64Url(kek) });
      await this.afterUnlock();
      return null;
    },
    lock: async () => {
      await this.lock();
      return null;
    },
    touch: async () => {
      await this.touch();
      return null;
    },
    changePassphrase: async ({ currentKek, kdf, kek }) => {
      const wasLocked = this.deps.vault.state === 'locked';
      await this.deps.vault.changePassphrase(fromBase64Url(currentKek), { kdf, kek: fromBase64Url(kek) });
      // The vault unlocks itself when the change is made while locked: keep the session in step.
      if (wasLocked) await this.afterUnlock();
      return null;
    },
    listProfiles: async () => {
      const { records } = await this.deps.vault.records.list(VAULT_SCOPE, profileKind);
      return records.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    saveProfile: async ({ id, data }) => {
      const [profile] = await this.deps.vault.records.write([{ op: 'put', profileId: VAULT_SCOPE, kind: profileKind.name, ...(id ? { id } : {}), data }]);
      if (!id) await bestEffort(this.deps.sharing?.ensureKeys(profile!.id), 'the keys are made later on demand');
      return profile as ApiResults['saveProfile'];
    },
    deleteProfile: async ({ id }) => {
      const records = this.deps.vault.records;
      const profiles = await records.list(VAULT_SCOPE, profileKind);
      if (!profiles.records.some((p) => p.id === id)) throw new VaultError('profile-not-found');
      if (profiles.records.length === 1) throw new VaultError('last-profile');
      // Recipients of the profile's shares are told before its data goes; a failure here must not keep the data.
      await bestEffort(this.deps.sharing?.beforeProfileDeleted(id), 'a failure to tell recipients must not keep the data');
      await records.write([{ op: 'delete', profileId: VAULT_SCOPE, kind: profileKind.name, id }], { dropProfiles: [id] });
      this.deps.views?.forgetProfile(id);
      await this.audit({ type: 'deletion', what: 'profile', profileId: id });
      return null;
    },
    listRecords: async ({ profileId, kind }) => {
      guardPageAccess(this.deps.vault.kinds, 'read', kind);
      return this.deps.vault.records.listByName(profileId, kind);
    },
    getRecord: async ({ profileId, kind, id }) => {
      guardPageAccess(this.deps.vault.kinds, 'read', kind);
      return this.deps.vault.records.getByName(profileId, kind, id);
    },
    writeRecords: async ({ ops }) => {
      guardWrites(this.deps.vault.kinds, ops);
      const written = await this.deps.vault.records.write(ops);
      await this.auditImports(written);
      return written;
    },
    stageWrites: async ({ stageId, part, ops }) => {
      guardWrites(this.deps.vault.kinds, ops);
      if (this.deps.vault.state !== 'unlocked') throw new VaultError('locked');
      return this.staged.add(stageId, ops, part);
    },
    commitWrites: async ({ stageId, ops }) => {
      guardWrites(this.deps.vault.kinds, ops);
      const all = stageId === undefined ? ops : this.staged.take(stageId);
      if (stageId !== undefined) for (const op of ops) all.push(op);
      const written = await this.deps.vault.records.write(all);
      await this.auditImports(written);
      return { written: written.length };
    },
    discardWrites: async ({ stageId }) => {
      this.staged.discard(stageId);
      return null;
    },
    discardDamaged: async ({ profileId, kind, refs }) => {
      guardPageAccess(this.deps.vault.kinds, 'read', kind);
      await this.deps.vault.records.discardDamaged(profileId, kind, refs);
      await this.audit({ type: 'deletion', what: 'damaged-records', profileId, counts: { [kind]: refs.length } });
      return null;
    },
    getSettings: async () => loadSettings(this.deps.settings),
    setSettings: async (patch) => this.changeSettings(() => patch),
    backupCreate: async () => {
      const file = await this.deps.vault.backup();
      const date = new Date(this.now()).toISOString().slice(0, 10);
      await this.changeSettings(() => ({ lastBackupAt: new Date(this.now()).toISOString(), changesSinceBackup: 0 }));
      await this.audit({ type: 'export', what: 'backup' });
      return { ...this.transfers.send(file), fileName: `handlerum-backup-${date}.hrbackup` };
    },
    backupRead: async ({ transferId, index }) => readChunk(this.transfer(transferId), index),
    restoreBegin: async ({ size }) => this.transfers.receive(size),
    restoreWrite: async ({ transferId, index, data }) => {
      const transfer = this.transfer(transferId);
      if (index >= transfer.chunks.length) throw new VaultError('bad-request', 'no such part');
      transfer.chunks[index] = fromBase64Url(data);
      return null;
    },
    restoreInspect: async ({ transferId }) => Vault.inspectBackup(this.restoredFile(transferId)),
    restoreFinish: async (args) => {
      const file = this.restoredFile(args.transferId);
      const credential =
        args.method === 'passphrase'
          ? { method: 'passphrase' as const, kek: fromBase64Url(args.kek) }
          : {
              method: 'recovery' as const,
              recoveryKey: args.recoveryKey,
              newPassphrase: { kdf: args.newPassphrase.kdf, kek: fromBase64Url(args.newPassphrase.kek) },
            };
      await this.deps.vault.restore(file, credential);
      this.transfers.delete(args.transferId);
      await this.afterUnlock();
      await this.changeSettings(() => ({ changesSinceBackup: 0 }));
      return null;
    },
  };
}

/**
 * The generic record methods honour each kind's declared page access: pages may read synced
 * municipal data but not forge it, read recipients, grants and the log but not write them, and
 * never read the connection's tokens or the sharing keys.
 * @throws {VaultError} `bad-request`
 */
function guardPageAccess(kinds: KindRegistry, access: 'read' | 'write', kindName: string): void {
  const kind = kinds.find(kindName);
  if (!kind || kind.pageAccess === 'read-write') return;
  if (kind.pageAccess === 'none' || access === 'write') throw new VaultError('bad-request', `${kindName} is managed by ${kind.managedBy}`);
}

/** Kinds the municipal connector and sharing own are written only through their own methods. */
function guardWrites(kinds: KindRegistry, ops: readonly { kind: string }[]): void {
  for (const op of ops) guardPageAccess(kinds, 'write', op.kind);
}

/** A service built without the connector or sharing (tests of the core) refuses their methods. */
function withStandIns(handlers: Partial<Handlers>): Handlers {
  const unavailable = async (): Promise<never> => {
    throw new VaultError('bad-request', 'not available here');
  };
  const all = Object.fromEntries((Object.keys(ApiArgs) as ApiMethod[]).map((m) => [m, handlers[m] ?? unavailable]));
  return all as Handlers;
}
