/**
 * Sharing in the background: the profile's keys (keys.ts), recipients (recipients.ts), what a
 * share is made of (share-sources.ts) and how it looks before approval (preview.ts), bundles and
 * their delivery (delivery.ts), the grants ledger with revocation (grants.ts), and the
 * transparency log of every share, export, import, revocation and deletion (log-store.ts).
 * This class only wires them and answers the vault service's hooks.
 */
import type { SharingHandlers } from '../../messaging/handlers';
import type { CitizenKeysData } from '../../records/sharing/index';
import type { VaultRecord } from '../../vault/index';
import type { AuditEvent } from '../audit-event';
import { ChunkedTransfers } from '../transfers';
import { BUNDLE_TTL_MS, clock, MAX_BUNDLE_BYTES, type SharingServiceDeps } from './deps';
import { ShareDelivery } from './delivery';
import { Grants } from './grants';
import { ProfileKeys } from './keys';
import { TransparencyLogStore } from './log-store';
import { shareOptions } from './options';
import { PendingBundles } from './pending-bundles';
import { RecipientHttp } from './recipient-http';
import { Recipients } from './recipients';
import { ShareSourceReader } from './share-sources';

export { MAX_BUNDLE_BYTES, type SharingServiceDeps } from './deps';

export class SharingService {
  readonly handlers: SharingHandlers;
  private readonly keys: ProfileKeys;
  private readonly log: TransparencyLogStore;
  private readonly grants: Grants;

  constructor(private readonly deps: SharingServiceDeps) {
    const time = clock(deps.now ?? Date.now);
    const records = () => deps.vault.records;
    const hasMunicipalInbox = Boolean(deps.municipalInbox);
    const maxBundleBytes = deps.maxBundleBytes ?? MAX_BUNDLE_BYTES;
    const http = new RecipientHttp({ fetch: deps.fetch, hasHostPermission: deps.hasHostPermission });
    this.keys = new ProfileKeys({ records, clock: time });
    this.log = new TransparencyLogStore({ vault: deps.vault, now: time.now, signingSecretKey: () => this.keys.logSigningKey() });
    const sources = new ShareSourceReader({
      records,
      now: time.now,
      maxBundleBytes,
      cacheMs: BUNDLE_TTL_MS,
      ...(deps.municipalDocumentPdf ? { municipalDocumentPdf: deps.municipalDocumentPdf } : {}),
    });
    const bundles = new PendingBundles(time.now);
    const transfers = new ChunkedTransfers({ ttlMs: BUNDLE_TTL_MS, now: time.now, refuseExpired: true });
    const recipients = new Recipients({ records, clock: time, http });
    this.grants = new Grants({ records, clock: time, keys: this.keys, recipients, http, log: this.log, bundles });
    const delivery = new ShareDelivery({
      records,
      clock: time,
      recipients,
      sources,
      maxBundleBytes,
      hasMunicipalInbox,
      keys: this.keys,
      grants: this.grants,
      http,
      log: this.log,
      bundles,
      transfers,
      municipalInbox: deps.municipalInbox,
    });
    deps.vault.onLock(() => {
      bundles.clear();
      transfers.clear();
      sources.forget();
    });
    this.handlers = {
      sharingIdentity: async ({ profileId }) => this.keys.identity(profileId),
      ...recipients.handlers,
      shareOptions: async ({ profileId }) => shareOptions({ records: records(), sources, hasMunicipalInbox }, profileId),
      ...delivery.handlers,
      ...this.grants.handlers,
      ...this.log.handlers,
    };
  }

  /** The profile's keys, made now when it has none (a new profile gets them at once). */
  ensureKeys(profileId: string): Promise<VaultRecord<CitizenKeysData>> {
    return this.keys.ensure(profileId);
  }

  /** From the vault service's handlers: backups, deletions and imports. Never fails the action itself. */
  async audit(event: AuditEvent): Promise<void> {
    if (this.deps.vault.state !== 'unlocked') return;
    if (event.type === 'export') await this.log.append('export', null, { what: event.what });
    else if (event.type === 'deletion')
      await this.log.append('deletion', event.profileId, { what: event.what, ...(event.counts ? { counts: event.counts } : {}) });
    else if (Object.keys(event.counts).length > 0) await this.log.append('import', event.profileId, { what: 'records', counts: event.counts });
  }

  /**
   * Before a profile is deleted: its active grants end as revoked, so their recipients are told
   * (the grants themselves go with the profile; the log keeps the revocations).
   */
  beforeProfileDeleted(profileId: string): Promise<void> {
    return this.grants.beforeProfileDeleted(profileId);
  }

  /**
   * After a municipal sync: grants tied to a case that is now closed end by themselves, and
   * their recipients are told. Called by the municipal connector when a sync completes.
   */
  async onSyncComplete(profileId: string): Promise<void> {
    if (this.deps.vault.state !== 'unlocked') return;
    await this.grants.endWithClosedCases(profileId);
  }
}
