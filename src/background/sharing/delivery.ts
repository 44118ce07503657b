/**
 * Making a bundle from an approved preview, and getting it to the recipient: downloaded by the
 * page in parts, POSTed to the recipient's bundle endpoint, or put in the municipality's inbox
 * through the municipal connector. Every attempt is written to the grant, failed ones too.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { createBundle } from '../../bundle/index';
import type { Handlers } from '../../messaging/handlers';
import type { Delivery, SharingMethod } from '../../messaging/sharing-api';
import { municipalCaseKind } from '../../records/municipal/index';
import type { ShareGrantData } from '../../records/sharing/index';
import { consentReceipt } from '../../sharing/consent';
import { describeScope } from '../../sharing/describe';
import { toBase64Url } from '../../shared/base64url';
import { randomBytes } from '../../shared/bytes';
import { MunicipalError } from '../../municipal/connector/errors';
import { httpStatusOf } from '../../municipal/connector/http';
import type { AppError } from '../../messaging/errors';
import { SharingError } from '../../sharing/errors';
import { VaultError } from '../../vault/errors';
import { readChunk, type ChunkedTransfers } from '../transfers';
import type { Records, SharingServiceDeps } from './deps';
import type { Grant, Grants } from './grants';
import type { ProfileKeys } from './keys';
import type { TransparencyLogStore } from './log-store';
import type { PendingBundles } from './pending-bundles';
import { previewShare, type PreviewDeps } from './preview';
import { outcomeDetail, type EndpointFailure, type RecipientHttp } from './recipient-http';

type DeliveryMethod = Extract<SharingMethod, 'sharePreview' | 'shareCreate' | 'shareRead' | 'shareDeliver'>;

export interface DeliveryDeps extends PreviewDeps {
  keys: ProfileKeys;
  grants: Grants;
  http: RecipientHttp;
  log: TransparencyLogStore;
  bundles: PendingBundles;
  /** The downloads of made bundles. */
  transfers: ChunkedTransfers;
  municipalInbox: SharingServiceDeps['municipalInbox'];
}

const sha256b64 = (bytes: Uint8Array): string => toBase64Url(sha256(bytes));

/** A failed POST of a bundle to the recipient's endpoint as the citizen's error. */
function endpointError(failure: EndpointFailure): SharingError {
  switch (failure.reason) {
    case 'http':
      return failure.status === 413 ? new SharingError('share-too-large', 'HTTP 413') : new SharingError('delivery-failed', `HTTP ${failure.status}`);
    case 'permission-missing':
      return new SharingError('recipient-permission-missing', 'endpoint');
    case 'unreachable':
      return new SharingError('recipient-unreachable', 'endpoint: network error or timeout');
  }
}

/**
 * The municipal connector's refusal of a bundle (src/background/municipal-service.ts) as
 * sharing's own error. Signing in and the host permission keep the connector's codes: their
 * messages already say what to do.
 */
function inboxError(error: VaultError | MunicipalError): AppError {
  const status = httpStatusOf(error);
  switch (error.code) {
    case 'municipality-unreachable':
      return new SharingError('inbox-unreachable', error.detail, { cause: error });
    case 'municipality-error':
    case 'municipality-bad-response':
    case 'bad-request':
      if (status === 413) return new SharingError('share-too-large', 'inbox: HTTP 413', { cause: error });
      // The citizen's quota at the municipality: 429 too many items, 507 too many bytes.
      if (status === 429 || status === 507) return new SharingError('inbox-full', `HTTP ${status}`, { cause: error });
      return new SharingError('inbox-refused', status === undefined ? error.detail : `HTTP ${status}`, { cause: error });
    case 'signature-invalid':
      return new SharingError('inbox-receipt-invalid', error.detail, { cause: error });
    case 'record-not-found':
      return new SharingError('selection-unavailable', 'the case is no longer in the vault', { cause: error });
    default:
      return error;
  }
}

export class ShareDelivery {
  constructor(private readonly deps: DeliveryDeps) {}

  private get records(): Records {
    return this.deps.records();
  }

  /**
   * The case whose inbox may take this grant's bundle: a case the grant shares, held from the
   * municipality the bundle is encrypted to (added by its address). A bundle for anyone else
   * would sit in the municipality's inbox unreadable.
   * @throws {VaultError} `inbox-unavailable`
   */
  private async inboxCase(profileId: string, g: Grant): Promise<string> {
    if (!this.deps.municipalInbox) throw new SharingError('inbox-unavailable', 'no municipal connector here');
    const recipient = await this.deps.recipients.find(profileId, g.data.recipientId);
    const origin = recipient?.data.origin;
    if (!origin) throw new SharingError('inbox-unavailable', 'the recipient was not added by a municipality\u2019s address');
    for (const item of g.data.selection.items) {
      if (item.type !== 'case') continue;
      const theCase = await this.records.get(profileId, municipalCaseKind, item.caseId);
      if (theCase?.data.provenance.origin === origin) return item.caseId;
    }
    throw new SharingError('inbox-unavailable', 'the share holds no case from the recipient municipality');
  }

  /** POSTs the bundle to the recipient's bundle endpoint; a failure is recorded, then thrown. */
  private async toEndpoint(profileId: string, g: Grant, bytes: Uint8Array): Promise<Delivery> {
    const recipient = await this.deps.recipients.get(profileId, g.data.recipientId);
    const url = recipient.data.endpoints.bundle;
    if (!url) throw new SharingError('no-bundle-endpoint', 'the recipient publishes no bundle endpoint');
    await this.deps.http.requirePermission(url);
    const outcome = await this.deps.http.post(url, bytes, 'application/octet-stream');
    return this.deps.grants.recordDelivery(
      g,
      { channel: 'endpoint', ok: outcome.ok, detail: outcomeDetail(outcome) },
      outcome.ok ? null : endpointError(outcome.failure),
    );
  }

  /** Sends the bundle to the municipality's inbox; its refusal is recorded, then thrown. */
  private async toInbox(profileId: string, g: Grant, bytes: Uint8Array): Promise<Delivery> {
    const caseVaultId = await this.inboxCase(profileId, g);
    let receipt: { id: string };
    try {
      ({ receipt } = await this.deps.municipalInbox!({ profileId, caseVaultId, payload: { type: 'bundle', data: toBase64Url(bytes) } }));
    } catch (error) {
      if (!(error instanceof VaultError || error instanceof MunicipalError)) throw error;
      const refusal = inboxError(error);
      return this.deps.grants.recordDelivery(
        g,
        { channel: 'municipal-inbox', ok: false, detail: refusal.detail ? `${refusal.code} ${refusal.detail}` : refusal.code },
        refusal,
      );
    }
    // The receipt was verified by the connector: the municipality has the bundle.
    return this.deps.grants.recordDelivery(g, { channel: 'municipal-inbox', ok: true, detail: receipt.id });
  }

  readonly handlers: Pick<Handlers, DeliveryMethod> = {
    sharePreview: async (request) => (await previewShare(this.deps, request)).preview,

    shareCreate: async (request) => {
      const { clock, grants } = this.deps;
      const { preview, built, recipient, profile, now, expiresAt, basis } = await previewShare(this.deps, request);
      const signingSecretKey = await this.deps.keys.signingSecretKey(request.profileId);
      const bundleId = toBase64Url(randomBytes(16));
      const endpoint = recipient.data.endpoints.revocation;
      const bytes = await createBundle({
        issuer: { signingSecretKey, name: profile.data.name },
        recipient: { kind: 'x25519', ageRecipient: recipient.data.ageRecipient, name: recipient.data.name },
        content: {
          purpose: { code: 'citizen-stated', text: { da: request.purpose, en: request.purpose } },
          scope: { description: { da: describeScope(built.items, 'da'), en: describeScope(built.items, 'en') }, categories: built.categories },
          data: built.data,
          files: built.files,
          provenance: built.provenance,
          consent: consentReceipt({
            receiptId: bundleId,
            profileName: profile.data.name,
            recipient: preview.recipient,
            purpose: preview.purpose,
            notBefore: preview.notBefore,
            expiresAt: preview.expiresAt,
            untilCase: preview.untilCase,
            categories: built.categories,
            endpoint,
            representation: basis?.representation,
          }),
          ...(endpoint ? { recipientEndpoint: endpoint } : {}),
        },
        issuedAt: new Date(now),
        notBefore: new Date(now),
        expiresAt: new Date(expiresAt),
        id: bundleId,
      });
      const grant: ShareGrantData = {
        recipientId: recipient.id,
        recipient: { name: recipient.data.name, fingerprint: recipient.data.fingerprint },
        purpose: request.purpose,
        selection: request.selection,
        scope: built.items,
        createdAt: clock.iso(now),
        notBefore: clock.iso(now),
        // A case-bound grant keeps its cap too: it ends by the case or by the date, whichever is first.
        expiresAt: clock.iso(expiresAt),
        untilCase: preview.untilCase,
        status: 'active',
        bundleId,
        bundleSha256: sha256b64(bytes),
        deliveries: [],
        revocation: null,
      };
      const grantId = await grants.add(request.profileId, grant);
      this.deps.bundles.add(grantId, request.profileId, bytes);
      await this.deps.log.append('share', request.profileId, {
        what: 'bundle',
        recipient: recipient.data.name,
        purpose: request.purpose,
        counts: built.items.reduce<Record<string, number>>((acc, item) => ((acc[item.type] = (acc[item.type] ?? 0) + 1), acc), {}),
        grantId,
        bundleId,
      });
      const date = clock.iso(now).slice(0, 10);
      return { grantId, bundleId, fileName: `handlerum-deling-${date}.hrbundle`, ...this.deps.transfers.send(bytes), preview };
    },

    shareRead: async ({ transferId, index }) => {
      const t = this.deps.transfers.get(transferId);
      if (!t) throw new SharingError('bundle-gone', 'unknown or expired transfer');
      return readChunk(t, index);
    },

    shareDeliver: async ({ profileId, grantId, channel }) => {
      const { grants } = this.deps;
      const g = await grants.get(profileId, grantId);
      const status = grants.effectiveStatus(g.data);
      if (status !== 'active') throw new SharingError('grant-not-active', status);
      if (channel === 'download') return grants.recordDelivery(g, { channel, ok: true, detail: 'file' });
      const pending = this.deps.bundles.get(grantId);
      if (!pending) throw new SharingError('bundle-gone', 'made before the background restarted, or too long ago');
      if (channel === 'endpoint') return this.toEndpoint(profileId, g, pending.bytes);
      return this.toInbox(profileId, g, pending.bytes);
    },
  };
}
