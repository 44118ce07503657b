/**
 * The grants ledger: who was given what, until when, every delivery attempt, and how a grant
 * ended. A grant ends when the citizen revokes it, when its profile is deleted, or by itself
 * when the case it was tied to closes; each end is signed, sent to the recipient's revocation
 * endpoint when it has one, and logged.
 */
import { createRevocation } from '../../bundle/index';
import type { Handlers } from '../../messaging/handlers';
import type { Delivery, GrantSummary, SharingMethod } from '../../messaging/sharing-api';
import { municipalCaseKind } from '../../records/municipal/index';
import { profileKind } from '../../records/profile';
import { shareGrantKind, type ShareGrantData } from '../../records/sharing/index';
import type { AppError } from '../../messaging/errors';
import { SharingError } from '../../sharing/errors';
import { VAULT_SCOPE, type VaultRecord } from '../../vault/index';
import { listIfKnown, type Clock, type Records } from './deps';
import type { ProfileKeys } from './keys';
import type { TransparencyLogStore } from './log-store';
import type { PendingBundles } from './pending-bundles';
import { outcomeDetail, type RecipientHttp } from './recipient-http';
import type { Recipients } from './recipients';

export type Grant = VaultRecord<ShareGrantData>;

type GrantMethod = Extract<SharingMethod, 'grantsList' | 'grantsHeld' | 'grantRevoke'>;

export interface GrantDeps {
  records: () => Records;
  clock: Clock;
  keys: ProfileKeys;
  recipients: Recipients;
  http: RecipientHttp;
  log: TransparencyLogStore;
  bundles: PendingBundles;
}

export class Grants {
  constructor(private readonly deps: GrantDeps) {}

  private get records(): Records {
    return this.deps.records();
  }

  /** A grant still marked active whose date has passed has expired, without anyone writing it. */
  effectiveStatus(g: ShareGrantData): GrantSummary['status'] {
    if (g.status === 'active' && g.expiresAt && Date.parse(g.expiresAt) <= this.deps.clock.now()) return 'expired';
    return g.status;
  }

  /**
   * Ended by the citizen or the case, yet the recipient may still hold a copy that reads as
   * valid: it reached them, no endpoint of theirs confirmed the notice, and its dates still run.
   */
  private holdsCopy(d: ShareGrantData): boolean {
    if (d.status !== 'revoked' && d.status !== 'case-closed') return false;
    const stillValid = d.expiresAt === null || Date.parse(d.expiresAt) > this.deps.clock.now();
    return stillValid && d.deliveries.some((x) => x.ok) && d.revocation?.delivery?.ok !== true;
  }

  summary(g: Grant): GrantSummary {
    const d = g.data;
    const status = this.effectiveStatus(d);
    return {
      id: g.id,
      profileId: g.profileId,
      recipient: { id: d.recipientId, name: d.recipient.name, fingerprint: d.recipient.fingerprint },
      purpose: d.purpose,
      items: d.scope,
      createdAt: d.createdAt,
      expiresAt: d.expiresAt,
      untilCase: d.untilCase,
      status,
      bundleId: d.bundleId,
      bundleSha256: d.bundleSha256,
      deliveries: d.deliveries,
      revocation: d.revocation ? { at: d.revocation.at, reason: d.revocation.reason, delivery: d.revocation.delivery, notice: d.revocation.notice } : null,
      holdsCopy: this.holdsCopy(d),
      bundleAvailable: this.deps.bundles.get(g.id) !== null,
    };
  }

  /** @throws {VaultError} `grant-not-found` */
  async get(profileId: string, id: string): Promise<Grant> {
    const g = await this.records.get(profileId, shareGrantKind, id);
    if (!g) throw new SharingError('grant-not-found', 'no such grant in this profile');
    return g;
  }

  /** Writes a new grant; its id is the vault's. */
  async add(profileId: string, grant: ShareGrantData): Promise<string> {
    const [stored] = await this.records.write([{ op: 'put', profileId, kind: shareGrantKind.name, data: grant }]);
    return stored!.id;
  }

  /**
   * Adds an attempt to the grant's deliveries, and throws `failure` after it is written: a
   * failed attempt is on record, never shown or kept as a delivery that happened.
   */
  async recordDelivery(g: Grant, attempt: Omit<Delivery, 'at'>, failure: AppError | null = null): Promise<Delivery> {
    const delivery: Delivery = { channel: attempt.channel, at: this.deps.clock.iso(), ok: attempt.ok, detail: attempt.detail.slice(0, 200) };
    const latest = (await this.records.get(g.profileId, shareGrantKind, g.id)) ?? g;
    await this.records.write([
      {
        op: 'put',
        profileId: g.profileId,
        kind: shareGrantKind.name,
        id: g.id,
        data: { ...latest.data, deliveries: [...latest.data.deliveries, delivery].slice(-100) },
      },
    ]);
    if (failure) throw failure;
    return delivery;
  }

  /** Ends a grant: signs a notice, sends it when the recipient has an endpoint, records it all. */
  private async end(g: Grant, reason: 'revoked' | 'case-closed'): Promise<Grant> {
    const { clock } = this.deps;
    const signingSecretKey = await this.deps.keys.signingSecretKey(g.profileId);
    const at = clock.now();
    const notice = await createRevocation({ bundleId: g.data.bundleId, signingSecretKey, revokedAt: new Date(at) });
    const recipient = await this.deps.recipients.find(g.profileId, g.data.recipientId);
    const endpoint = recipient?.data.endpoints.revocation;
    let delivery: Delivery | null = null;
    if (endpoint) {
      const outcome = await this.deps.http.post(endpoint, notice, 'application/jose');
      delivery = { channel: 'endpoint', at: clock.iso(), ok: outcome.ok, detail: outcomeDetail(outcome) };
    }
    // Revoked even when the notice did not arrive: the consent ends with the citizen's decision.
    const data: ShareGrantData = {
      ...g.data,
      status: reason === 'revoked' ? 'revoked' : 'case-closed',
      revocation: { at: clock.iso(at), reason, notice, delivery },
    };
    const [stored] = await this.records.write([{ op: 'put', profileId: g.profileId, kind: shareGrantKind.name, id: g.id, data }]);
    this.deps.bundles.delete(g.id);
    await this.deps.log.append(reason === 'revoked' ? 'revocation' : 'grant-ended', g.profileId, {
      what: reason,
      recipient: g.data.recipient.name,
      purpose: g.data.purpose,
      grantId: g.id,
      bundleId: g.data.bundleId,
      counts: { delivered: delivery?.ok ? 1 : 0 },
    });
    return stored as Grant;
  }

  /**
   * Before a profile is deleted: its active grants end as revoked, so their recipients are told
   * (the grants themselves go with the profile; the log keeps the revocations).
   */
  async beforeProfileDeleted(profileId: string): Promise<void> {
    for (const g of await listIfKnown(this.records, profileId, shareGrantKind)) {
      if (this.effectiveStatus(g.data) === 'active') await this.end(g, 'revoked');
    }
  }

  /** Grants tied to a case that is now closed end by themselves, and their recipients are told. */
  async endWithClosedCases(profileId: string): Promise<void> {
    const grants = await listIfKnown(this.records, profileId, shareGrantKind);
    for (const g of grants) {
      if (g.data.status !== 'active' || !g.data.untilCase) continue;
      const theCase = await this.records.get(profileId, municipalCaseKind, g.data.untilCase.caseId);
      // A case gone from the vault (disconnected with its data) is not a closed case: the grant stays.
      if (theCase?.data.record.status === 'closed') await this.end(g, 'case-closed');
    }
  }

  readonly handlers: Pick<Handlers, GrantMethod> = {
    grantsList: async ({ profileId }) => {
      const grants = await listIfKnown(this.records, profileId, shareGrantKind);
      return grants.map((g) => this.summary(g)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },

    // Who has the citizen's data: active shares, then ended ones whose recipient still holds a copy.
    grantsHeld: async () => {
      const profiles = (await this.records.list(VAULT_SCOPE, profileKind)).records;
      const out: (GrantSummary & { profileName: string })[] = [];
      for (const p of profiles) {
        for (const g of await listIfKnown(this.records, p.id, shareGrantKind)) {
          const summary = this.summary(g);
          if (summary.status === 'active' || summary.holdsCopy) out.push({ ...summary, profileName: p.data.name });
        }
      }
      const rank = (g: GrantSummary) => (g.status === 'active' ? 0 : 1);
      return out.sort((a, b) => rank(a) - rank(b) || (a.expiresAt ?? '9999').localeCompare(b.expiresAt ?? '9999'));
    },

    grantRevoke: async ({ profileId, grantId }) => {
      const g = await this.get(profileId, grantId);
      if (g.data.status !== 'active') throw new SharingError('grant-not-active', g.data.status);
      return this.summary(await this.end(g, 'revoked'));
    },
  };
}
