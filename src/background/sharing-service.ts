/**
 * The background's sharing service: the profile's keys (made here, never handed to a page),
 * recipients, bundles made from the citizen's approved selection, their delivery, the grants
 * ledger with revocation, grants that end with their case, and what goes into the transparency
 * log (src/background/transparency-log-service.ts) of every share, export, import, revocation
 * and deletion. What a selection is made of is read by src/background/share-sources.ts.
 * Browser APIs come in as small injected functions, so all of it runs in unit tests.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { createBundle, createRevocation, generateIdentity, jwkFingerprint, recipientFingerprint } from '../bundle/index';
import type { ConsentReceipt } from '../bundle/types';
import { RECIPIENT_DOCUMENT_PATH, RecipientDocument } from '../bundle/recipient-document';
import type {
  Delivery,
  GrantSummary,
  RecipientSummary,
  ShareOptions,
  SharePreview,
  ShareRequest,
  SharingIdentity,
} from '../messaging/sharing-api';
import { hostPermissionPattern, municipalityOrigin } from '../municipal/connector/origin';
import type { FetchLike } from '../municipal/connector/http';
import { profileKind } from '../records/profile';
import { noteKind } from '../records/note';
import { municipalCaseKind, type MunicipalRecordData } from '../records/municipal/index';
import { attachmentKind, type AttachmentData } from '../records/own/index';
import { CLINICAL_TYPES } from '../records/sharing/selection';
import {
  citizenKeysKind,
  shareGrantKind,
  shareRecipientKind,
  type CitizenKeysData,
  type ShareGrantData,
  type ShareRecipientData,
} from '../records/sharing/index';
import { buildShare, SelectionError } from '../sharing/content';
import type { HealthMonthLike } from '../sharing/derived';
import { describeScope } from '../sharing/describe';
import { fingerprintGroups, fromRecipientDocument, identityFile, parseRecipientText, type RecipientInput } from '../sharing/identity';
import { TRANSFER_CHUNK_BYTES } from '../messaging/api';
import { fromBase64Url, randomBytes, toBase64Url } from '../vault/crypto/bytes';
import { VaultError } from '../vault/errors';
import { endOfDanishDay } from '../shared/danish-time';
import { VAULT_SCOPE, type Vault, type VaultRecord, type WriteOp } from '../vault/index';
import type { SharingHandlers } from '../messaging/handlers';
import type { AuditEvent } from './audit-event';
import { TransparencyLogService } from './transparency-log-service';
import { transactionOptions } from './share-bank-sources';
import { listIfKnown, ShareSourceReader } from './share-sources';


/** Kinds the sharing service alone writes; the keys are not even readable by pages. */

export interface SharingServiceDeps {
  vault: Vault;
  fetch: FetchLike;
  /** permissions.contains for a host pattern such as https://example.dk/* */
  hasHostPermission: (pattern: string) => Promise<boolean>;
  /**
   * The municipal connector's inbox (municipalInboxSend): resolves with the municipality's
   * verified receipt, throws its VaultError otherwise. Absent: that delivery is not offered.
   */
  municipalInbox?: (args: { profileId: string; caseVaultId: string; payload: { type: 'bundle'; data: string } }) => Promise<{ receipt: { id: string } }>;
  /**
   * The municipal connector's PDF of a document (municipalDocumentPdf): the kept copy, or
   * fetched from the municipality when the vault did not keep it. Absent: only kept PDFs go.
   */
  municipalDocumentPdf?: (args: { profileId: string; documentId: string }) => Promise<{ data: string }>;
  /** The largest bundle made, in bytes (default {@link MAX_BUNDLE_BYTES}). */
  maxBundleBytes?: number;
  now?: () => number;
}

/**
 * The largest bundle the vault makes: it is built, encrypted and held in the background's
 * memory in one piece, and most receivers' upload limits are well below it.
 */
export const MAX_BUNDLE_BYTES = 100 * 1024 * 1024;

/** A bundle's validity when the citizen chose "until the case closes": the latest it can run. */
const CASE_BOUND_MAX_DAYS = 365;
const BUNDLE_TTL_MS = 30 * 60 * 1000;
const MAX_DOCUMENT_BYTES = 64 * 1024;
const FETCH_TIMEOUT_MS = 15_000;

interface PendingBundle {
  profileId: string;
  bytes: Uint8Array;
  expiresAt: number;
}

type Grant = VaultRecord<ShareGrantData>;

const sha256b64 = (bytes: Uint8Array): string => toBase64Url(sha256(bytes));

/** A failed POST of a bundle to the recipient's endpoint (postTo's detail) as the citizen's error. */
function endpointError(detail: string): VaultError {
  const status = /^http-(\d{3})$/.exec(detail)?.[1];
  if (status === '413') return new VaultError('share-too-large', 'HTTP 413');
  if (status) return new VaultError('delivery-failed', `HTTP ${status}`);
  if (detail === 'permission-missing') return new VaultError('recipient-permission-missing', 'endpoint');
  return new VaultError('recipient-unreachable', 'endpoint: network error or timeout');
}

/**
 * The municipal connector's refusal of a bundle (src/background/municipal-service.ts) as
 * sharing's own error. Signing in and the host permission keep the connector's codes: their
 * messages already say what to do.
 */
function inboxError(error: VaultError): VaultError {
  const status = /HTTP (\d{3})/.exec(error.detail)?.[1];
  switch (error.code) {
    case 'municipality-unreachable':
      return new VaultError('inbox-unreachable', error.detail, { cause: error });
    case 'municipality-error':
    case 'municipality-bad-response':
    case 'bad-request':
      if (status === '413') return new VaultError('share-too-large', 'inbox: HTTP 413', { cause: error });
      // The citizen's quota at the municipality: 429 too many items, 507 too many bytes.
      if (status === '429' || status === '507') return new VaultError('inbox-full', `HTTP ${status}`, { cause: error });
      return new VaultError('inbox-refused', status ? `HTTP ${status}` : error.detail, { cause: error });
    case 'signature-invalid':
      return new VaultError('inbox-receipt-invalid', error.detail, { cause: error });
    case 'record-not-found':
      return new VaultError('selection-unavailable', 'the case is no longer in the vault', { cause: error });
    default:
      return error;
  }
}

export class SharingService {
  private readonly now: () => number;
  /** Bundles made since the background started, by grant id: for download and delivery. */
  private readonly bundles = new Map<string, PendingBundle>();
  private readonly transfers = new Map<string, { chunks: Uint8Array[]; expiresAt: number }>();
  private readonly log: TransparencyLogService;
  private keysQueue: Promise<unknown> = Promise.resolve();
  private readonly shareSources: ShareSourceReader;

  constructor(private readonly deps: SharingServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.log = new TransparencyLogService({ vault: deps.vault, now: () => this.now(), signingSecretKey: () => this.logSigningKey() });
    this.shareSources = new ShareSourceReader({
      records: () => this.records,
      now: () => this.now(),
      maxBundleBytes: deps.maxBundleBytes ?? MAX_BUNDLE_BYTES,
      cacheMs: BUNDLE_TTL_MS,
      ...(deps.municipalDocumentPdf ? { municipalDocumentPdf: deps.municipalDocumentPdf } : {}),
    });
    deps.vault.onLock(() => {
      this.bundles.clear();
      this.transfers.clear();
      this.shareSources.forget();
    });
  }

  private get records() {
    return this.deps.vault.records;
  }

  private iso(ms = this.now()): string {
    return new Date(ms).toISOString();
  }

  // -------------------------------------------------------------------------------------------
  // Keys

  /** The profile's keys, made now when it has none. Runs one at a time, so a profile never gets two. */
  ensureKeys(profileId: string): Promise<VaultRecord<CitizenKeysData>> {
    const next = this.keysQueue.then(async () => {
      await this.requireProfile(profileId);
      const { records } = await this.records.list<CitizenKeysData>(profileId, citizenKeysKind.name);
      if (records[0]) return records[0];
      const signingSecret = ed25519.utils.randomSecretKey();
      const { identity, recipient } = generateIdentity();
      const data: CitizenKeysData = {
        signing: { secretKey: toBase64Url(signingSecret), publicKey: toBase64Url(ed25519.getPublicKey(signingSecret)) },
        encryption: { identity, recipient },
        fingerprint: recipientFingerprint(recipient),
        createdAt: this.iso(),
      };
      const [stored] = await this.records.write([{ op: 'put', profileId, kind: citizenKeysKind.name, id: 'keys', data }]);
      return stored as VaultRecord<CitizenKeysData>;
    });
    this.keysQueue = next.catch(() => {});
    return next;
  }

  private async requireProfile(profileId: string): Promise<VaultRecord<{ name: string; relation: string }>> {
    const profile = await this.records.get<{ name: string; relation: string }>(VAULT_SCOPE, profileKind.name, profileId);
    if (!profile) throw new VaultError('profile-not-found');
    return profile;
  }

  // -------------------------------------------------------------------------------------------
  // The transparency log (src/background/transparency-log-service.ts)

  /** The key that signs the log's head: the first profile's, made now if it has none. */
  private async logSigningKey(): Promise<Uint8Array> {
    const { records } = await this.records.list<{ name: string }>(VAULT_SCOPE, profileKind.name);
    const first = records.sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
    if (!first) throw new VaultError('profile-not-found', 'no profile to sign the log');
    return fromBase64Url((await this.ensureKeys(first.id)).data.signing.secretKey);
  }

  /** From the vault service's handlers: backups, deletions and imports. Never fails the action itself. */
  async audit(event: AuditEvent): Promise<void> {
    if (this.deps.vault.state !== 'unlocked') return;
    if (event.type === 'export') await this.log.append('export', null, { what: event.what });
    else if (event.type === 'deletion') await this.log.append('deletion', event.profileId, { what: event.what, ...(event.counts ? { counts: event.counts } : {}) });
    else if (Object.keys(event.counts).length > 0) await this.log.append('import', event.profileId, { what: 'records', counts: event.counts });
  }

  // -------------------------------------------------------------------------------------------
  // Recipients

  private recipientSummary(r: VaultRecord<ShareRecipientData>): RecipientSummary {
    const d = r.data;
    return {
      id: r.id,
      name: d.name,
      ageRecipient: d.ageRecipient,
      fingerprint: d.fingerprint,
      fingerprintGroups: fingerprintGroups(d.fingerprint),
      endpoints: d.endpoints,
      addedBy: d.addedBy,
      addedAt: d.addedAt,
      ...(d.origin ? { origin: d.origin } : {}),
      ...(d.description ? { description: d.description } : {}),
    };
  }

  private async saveRecipient(profileId: string, input: RecipientInput, addedBy: ShareRecipientData['addedBy'], name: string | undefined, origin?: string): Promise<RecipientSummary> {
    await this.requireProfile(profileId);
    const own = await this.records.list<CitizenKeysData>(profileId, citizenKeysKind.name);
    if (own.records[0]?.data.encryption.recipient === input.ageRecipient) throw new VaultError('recipient-is-self', 'the profile\u2019s own key');
    // The same key again updates the recipient rather than making a second one.
    const id = this.records.deriveId('share-recipient', input.fingerprint);
    const existing = await this.records.get<ShareRecipientData>(profileId, shareRecipientKind.name, id);
    const chosenName = (name?.trim() || input.name || existing?.data.name || '').trim();
    if (!chosenName) throw new VaultError('recipient-name-missing', 'no name given or published');
    const data: ShareRecipientData = {
      name: chosenName,
      ageRecipient: input.ageRecipient,
      fingerprint: input.fingerprint,
      endpoints: input.endpoints,
      addedBy,
      addedAt: this.iso(),
      ...(input.signingPublicKey ? { signingPublicKey: input.signingPublicKey } : {}),
      ...(input.description ? { description: input.description } : {}),
      ...(origin ? { origin } : {}),
    };
    if (!shareRecipientKind.schema.safeParse(data).success) throw new VaultError('bad-recipient-key', 'the recipient does not fit the record schema');
    const [stored] = await this.records.write([{ op: 'put', profileId, kind: shareRecipientKind.name, id, data }]);
    return this.recipientSummary(stored as VaultRecord<ShareRecipientData>);
  }

  private async recipient(profileId: string, id: string): Promise<VaultRecord<ShareRecipientData>> {
    const r = await this.records.get<ShareRecipientData>(profileId, shareRecipientKind.name, id);
    if (!r) throw new VaultError('recipient-not-found', 'no such recipient in this profile');
    return r;
  }

  /** @throws {VaultError} `recipient-permission-missing` when the citizen has not allowed contact with that site */
  private async requirePermission(url: string): Promise<void> {
    const pattern = hostPermissionPattern(new URL(url).origin);
    if (!(await this.deps.hasHostPermission(pattern))) throw new VaultError('recipient-permission-missing', pattern);
  }

  /** A fetch that gives up after a while, so a silent server cannot hold a share forever. */
  private async fetchWithTimeout(url: string, init: RequestInit = {}): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
    try {
      return await this.deps.fetch(url, { ...init, signal: controller.signal, redirect: 'error', credentials: 'omit' });
    } finally {
      clearTimeout(timer);
    }
  }

  // -------------------------------------------------------------------------------------------
  // What a share is made of

  private listIfKnown<T>(profileId: string, kind: string): Promise<VaultRecord<T>[]> {
    return listIfKnown<T>(this.records, profileId, kind);
  }

  private async preview(request: ShareRequest) {
    const { profileId } = request;
    const profile = await this.requireProfile(profileId);
    const recipient = await this.recipient(profileId, request.recipientId);
    const sources = await this.shareSources.read(profileId, request);
    const now = this.now();
    let built;
    try {
      built = buildShare(request.selection.items, sources, this.iso(now).slice(0, 10), new Date(now));
    } catch (error) {
      if (error instanceof SelectionError || /no page signature/.test(String((error as Error)?.message))) {
        throw new VaultError('selection-unavailable', error instanceof SelectionError ? error.message : 'a record lacks its page signature', { cause: error });
      }
      throw error;
    }
    const max = this.deps.maxBundleBytes ?? MAX_BUNDLE_BYTES;
    const size = built.files.reduce((n, f) => n + f.bytes.length, 0) + JSON.stringify(built.data).length;
    if (size > max) throw new VaultError('share-too-large', `bundle: about ${size} bytes, limit ${max}`);
    let expiresAt: number;
    let untilCase: ShareGrantData['untilCase'] = null;
    if (request.expiry.kind === 'date') {
      expiresAt = endOfDanishDay(request.expiry.date);
      if (!(expiresAt > now)) throw new VaultError('expiry-in-past', request.expiry.date);
    } else {
      const caseId = request.expiry.caseId;
      const theCase = await this.records.get<MunicipalRecordData>(profileId, municipalCaseKind.name, caseId);
      if (!theCase) throw new VaultError('selection-unavailable', 'the case the share should end with is not in the vault');
      if (theCase.data.record.status === 'closed') throw new VaultError('case-already-closed', 'the case the share should end with');
      const record = theCase.data.record as { caseNumber?: string; title?: string };
      untilCase = { caseId, caseNumber: String(record.caseNumber ?? ''), title: String(record.title ?? '') };
      expiresAt = now + CASE_BOUND_MAX_DAYS * 86_400_000;
    }
    const preview: SharePreview = {
      recipient: { id: recipient.id, name: recipient.data.name, fingerprint: recipient.data.fingerprint },
      purpose: request.purpose,
      items: built.items,
      notBefore: this.iso(now),
      expiresAt: this.iso(expiresAt),
      untilCase,
      files: built.files.map((f) => ({ path: f.path, mediaType: f.mediaType, size: f.bytes.length })),
      channels: {
        endpoint: recipient.data.endpoints.bundle ?? null,
        // Only the municipality itself can open what lands in its inbox.
        municipalInbox: Boolean(this.deps.municipalInbox) && recipient.data.origin !== undefined && [...sources.cases.values()].some((c) => c.case.provenance.origin === recipient.data.origin),
      },
    };
    return { preview, built, recipient, profile, now, expiresAt };
  }

  // -------------------------------------------------------------------------------------------
  // Grants

  private effectiveStatus(g: ShareGrantData): GrantSummary['status'] {
    if (g.status === 'active' && g.expiresAt && Date.parse(g.expiresAt) <= this.now()) return 'expired';
    return g.status;
  }

  private grantSummary(g: Grant): GrantSummary {
    const d = g.data;
    return {
      id: g.id,
      profileId: g.profileId,
      recipient: { id: d.recipientId, name: d.recipient.name, fingerprint: d.recipient.fingerprint },
      purpose: d.purpose,
      items: d.scope,
      createdAt: d.createdAt,
      expiresAt: d.expiresAt,
      untilCase: d.untilCase,
      status: this.effectiveStatus(d),
      bundleId: d.bundleId,
      bundleSha256: d.bundleSha256,
      deliveries: d.deliveries,
      revocation: d.revocation ? { at: d.revocation.at, reason: d.revocation.reason, delivery: d.revocation.delivery } : null,
      bundleAvailable: this.pendingBundle(g.id) !== null,
    };
  }

  private pendingBundle(grantId: string): PendingBundle | null {
    const b = this.bundles.get(grantId);
    if (!b) return null;
    if (b.expiresAt < this.now()) {
      this.bundles.delete(grantId);
      return null;
    }
    return b;
  }

  private async grant(profileId: string, id: string): Promise<Grant> {
    const g = await this.records.get<ShareGrantData>(profileId, shareGrantKind.name, id);
    if (!g) throw new VaultError('grant-not-found', 'no such grant in this profile');
    return g;
  }

  /**
   * Adds an attempt to the grant's deliveries, and throws `failure` after it is written: a
   * failed attempt is on record, never shown or kept as a delivery that happened.
   */
  private async recordDelivery(g: Grant, attempt: Omit<Delivery, 'at'>, failure: VaultError | null = null): Promise<Delivery> {
    const delivery: Delivery = { channel: attempt.channel, at: this.iso(), ok: attempt.ok, detail: attempt.detail.slice(0, 200) };
    const latest = (await this.records.get<ShareGrantData>(g.profileId, shareGrantKind.name, g.id)) ?? g;
    await this.records.write([
      { op: 'put', profileId: g.profileId, kind: shareGrantKind.name, id: g.id, data: { ...latest.data, deliveries: [...latest.data.deliveries, delivery].slice(-100) } },
    ]);
    if (failure) throw failure;
    return delivery;
  }

  /**
   * The case whose inbox may take this grant's bundle: a case the grant shares, held from the
   * municipality the bundle is encrypted to (added by its address). A bundle for anyone else
   * would sit in the municipality's inbox unreadable.
   * @throws {VaultError} `inbox-unavailable`
   */
  private async inboxCase(profileId: string, g: Grant): Promise<string> {
    if (!this.deps.municipalInbox) throw new VaultError('inbox-unavailable', 'no municipal connector here');
    const recipient = await this.records.get<ShareRecipientData>(profileId, shareRecipientKind.name, g.data.recipientId);
    const origin = recipient?.data.origin;
    if (!origin) throw new VaultError('inbox-unavailable', 'the recipient was not added by a municipality\u2019s address');
    for (const item of g.data.selection.items) {
      if (item.type !== 'case') continue;
      const theCase = await this.records.get<MunicipalRecordData>(profileId, municipalCaseKind.name, item.caseId);
      if (theCase?.data.provenance.origin === origin) return item.caseId;
    }
    throw new VaultError('inbox-unavailable', 'the share holds no case from the recipient municipality');
  }

  private async postTo(url: string, body: Uint8Array | string, contentType: string): Promise<{ ok: boolean; detail: string }> {
    try {
      await this.requirePermission(url);
    } catch {
      return { ok: false, detail: 'permission-missing' };
    }
    try {
      const response = await this.fetchWithTimeout(url, { method: 'POST', headers: { 'Content-Type': contentType }, body: body as BodyInit });
      await response.body?.cancel().catch(() => {});
      return response.ok ? { ok: true, detail: new URL(url).host } : { ok: false, detail: `http-${response.status}` };
    } catch {
      return { ok: false, detail: 'unreachable' };
    }
  }

  /** Ends a grant: signs a notice, sends it when the recipient has an endpoint, records it all. */
  private async endGrant(g: Grant, reason: 'revoked' | 'case-closed'): Promise<Grant> {
    const keys = await this.ensureKeys(g.profileId);
    const at = this.now();
    const notice = await createRevocation({ bundleId: g.data.bundleId, signingSecretKey: fromBase64Url(keys.data.signing.secretKey), revokedAt: new Date(at) });
    const recipient = await this.records.get<ShareRecipientData>(g.profileId, shareRecipientKind.name, g.data.recipientId);
    const endpoint = recipient?.data.endpoints.revocation;
    let delivery: Delivery | null = null;
    if (endpoint) {
      const outcome = await this.postTo(endpoint, notice, 'application/jose');
      delivery = { channel: 'endpoint', at: this.iso(), ok: outcome.ok, detail: outcome.detail };
    }
    // Revoked even when the notice did not arrive: the consent ends with the citizen's decision.
    const data: ShareGrantData = {
      ...g.data,
      status: reason === 'revoked' ? 'revoked' : 'case-closed',
      revocation: { at: this.iso(at), reason, notice, delivery },
    };
    const [stored] = await this.records.write([{ op: 'put', profileId: g.profileId, kind: shareGrantKind.name, id: g.id, data }]);
    this.bundles.delete(g.id);
    await this.log.append(reason === 'revoked' ? 'revocation' : 'grant-ended', g.profileId, {
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
    for (const g of await this.listIfKnown<ShareGrantData>(profileId, shareGrantKind.name)) {
      if (this.effectiveStatus(g.data) === 'active') await this.endGrant(g, 'revoked');
    }
  }

  /**
   * After a municipal sync: grants tied to a case that is now closed end by themselves, and
   * their recipients are told. Called by the municipal connector when a sync completes.
   */
  async onSyncComplete(profileId: string): Promise<void> {
    if (this.deps.vault.state !== 'unlocked') return;
    const grants = await this.listIfKnown<ShareGrantData>(profileId, shareGrantKind.name);
    for (const g of grants) {
      if (g.data.status !== 'active' || !g.data.untilCase) continue;
      const theCase = await this.records.get<MunicipalRecordData>(profileId, municipalCaseKind.name, g.data.untilCase.caseId);
      // A case gone from the vault (disconnected with its data) is not a closed case: the grant stays.
      if (theCase?.data.record.status === 'closed') await this.endGrant(g, 'case-closed');
    }
  }

  private openTransfer(bytes: Uint8Array): { transferId: string; size: number; chunkCount: number } {
    for (const [id, t] of this.transfers) if (t.expiresAt < this.now()) this.transfers.delete(id);
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < bytes.length; at += TRANSFER_CHUNK_BYTES) chunks.push(bytes.subarray(at, at + TRANSFER_CHUNK_BYTES));
    const transferId = toBase64Url(randomBytes(12));
    this.transfers.set(transferId, { chunks, expiresAt: this.now() + BUNDLE_TTL_MS });
    return { transferId, size: bytes.length, chunkCount: chunks.length };
  }

  private consent(profileName: string, preview: SharePreview, built: { categories: string[] }, receiptId: string, endpoint: string | undefined): ConsentReceipt {
    const until = preview.untilCase
      ? {
          da: `Indtil sag ${preview.untilCase.caseNumber} lukkes, dog senest ${preview.expiresAt.slice(0, 10)}.`,
          en: `Until case ${preview.untilCase.caseNumber} closes, at the latest ${preview.expiresAt.slice(0, 10)}.`,
        }
      : { da: `Indtil ${preview.expiresAt.slice(0, 10)}.`, en: `Until ${preview.expiresAt.slice(0, 10)}.` };
    return {
      schemaVersion: 'ISO/IEC TS 27560:2023',
      receiptId,
      consentTimestamp: preview.notBefore,
      language: 'da',
      jurisdiction: 'DK',
      controller: { name: profileName, role: 'citizen' },
      piiPrincipal: { name: profileName },
      recipients: [{ name: preview.recipient.name, fingerprint: preview.recipient.fingerprint }],
      purposes: [{ code: 'citizen-stated', text: { da: preview.purpose, en: preview.purpose }, legalBasis: 'consent' }],
      dataCategories: built.categories,
      termination: { expiresAt: preview.expiresAt, text: until },
      withdrawal: {
        text: {
          da: 'Borgeren kan trække samtykket tilbage når som helst. Modtageren får da en underskrevet besked og må ikke længere bruge oplysningerne.',
          en: 'The citizen may withdraw consent at any time. The recipient then gets a signed notice and may no longer use the data.',
        },
        ...(endpoint ? { endpoint } : {}),
      },
      deletion: {
        text: {
          da: 'Modtageren skal slette oplysningerne, når delingen udløber eller trækkes tilbage.',
          en: 'The recipient must delete the data when the share expires or is withdrawn.',
        },
      },
    };
  }

  // -------------------------------------------------------------------------------------------
  // Handlers

  readonly handlers: SharingHandlers = {
    sharingIdentity: async ({ profileId }): Promise<SharingIdentity> => {
      const profile = await this.requireProfile(profileId);
      const keys = await this.ensureKeys(profileId);
      const file = identityFile(profile.data.name, keys.data.encryption.recipient, keys.data.signing.publicKey);
      const signingFingerprint = jwkFingerprint(file.signingKey);
      return {
        profileId,
        name: profile.data.name,
        fingerprint: keys.data.fingerprint,
        fingerprintGroups: fingerprintGroups(keys.data.fingerprint),
        ageRecipient: keys.data.encryption.recipient,
        signingPublicKey: keys.data.signing.publicKey,
        signingFingerprint,
        signingFingerprintGroups: fingerprintGroups(signingFingerprint),
        identityFile: JSON.stringify(file),
        createdAt: keys.data.createdAt,
      };
    },

    recipientAdd: async ({ profileId, source, text, name }) => {
      let input: RecipientInput | null;
      try {
        input = parseRecipientText(text);
      } catch (error) {
        throw new VaultError('bad-recipient-key', 'the key or document does not parse', { cause: error });
      }
      if (!input) throw new VaultError('not-a-recipient-key', 'no age1… key, identity file or recipient document');
      return this.saveRecipient(profileId, input, source, name);
    },

    recipientFetchWellKnown: async ({ profileId, domain }) => {
      let origin: string;
      try {
        origin = municipalityOrigin(domain);
      } catch (cause) {
        throw new VaultError('bad-recipient-address', 'not an https address (http on loopback only)', { cause });
      }
      await this.requirePermission(origin);
      let response: Response;
      try {
        response = await this.fetchWithTimeout(`${origin}${RECIPIENT_DOCUMENT_PATH}`, { headers: { Accept: 'application/json' } });
      } catch (cause) {
        throw new VaultError('recipient-unreachable', 'well-known: network error or timeout', { cause });
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => {});
        throw new VaultError('well-known-missing', `HTTP ${response.status}`);
      }
      const text = await response.text();
      if (text.length > MAX_DOCUMENT_BYTES) throw new VaultError('well-known-invalid', `larger than ${MAX_DOCUMENT_BYTES} characters`);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new VaultError('well-known-invalid', 'not JSON');
      }
      const doc = RecipientDocument.safeParse(json);
      if (!doc.success) throw new VaultError('well-known-invalid', doc.error.issues.map((i) => i.path.join('.') || 'document').join(', '));
      return this.saveRecipient(profileId, fromRecipientDocument(doc.data), 'well-known', undefined, origin);
    },

    recipientList: async ({ profileId }) => {
      const list = await this.listIfKnown<ShareRecipientData>(profileId, shareRecipientKind.name);
      return list.map((r) => this.recipientSummary(r)).sort((a, b) => a.name.localeCompare(b.name, 'da'));
    },

    recipientDelete: async ({ profileId, recipientId }) => {
      await this.recipient(profileId, recipientId);
      // Grants keep the recipient's name and fingerprint, so the ledger still says who has what.
      await this.records.write([{ op: 'delete', profileId, kind: shareRecipientKind.name, id: recipientId }]);
      return null;
    },

    shareOptions: async ({ profileId }): Promise<ShareOptions> => {
      await this.requireProfile(profileId);
      const notes = (await this.listIfKnown<{ title: string }>(profileId, noteKind.name))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        .map((n) => ({ id: n.id, title: n.data.title }));
      const caseRecords = await this.listIfKnown<MunicipalRecordData>(profileId, municipalCaseKind.name);
      const all = caseRecords.map((c) => c.id);
      const sources = all.length
        ? await this.shareSources.read(profileId, { selection: { items: all.map((caseId) => ({ type: 'case' as const, caseId, parts: [] })) } })
        : null;
      const cases = caseRecords.map((c) => {
        const s = sources?.cases.get(c.id);
        const r = c.data.record as { caseNumber?: string; title?: string; status?: string; kle?: { code?: string } };
        return {
          id: c.id,
          caseNumber: String(r.caseNumber ?? ''),
          title: `${r.kle?.code ?? ''} ${r.title ?? ''}`.trim(),
          status: String(r.status ?? ''),
          counts: { decisions: s?.decisions.length ?? 0, documents: s?.documents.length ?? 0, payments: s?.payments.length ?? 0, activities: s?.activities.length ?? 0 },
        };
      });
      const health = new Map<string, { metric: string; unit: string; from: string; to: string }>();
      for (const m of await this.listIfKnown<HealthMonthLike>(profileId, 'health-daily')) {
        const days = m.data.days.map((d) => d.date).sort();
        const h = health.get(m.data.metric) ?? { metric: m.data.metric, unit: m.data.unit, from: days[0]!, to: days.at(-1)! };
        if (days[0]! < h.from) h.from = days[0]!;
        if (days.at(-1)! > h.to) h.to = days.at(-1)!;
        health.set(m.data.metric, h);
      }
      const clinicalCounts = new Map<(typeof CLINICAL_TYPES)[number], number>();
      for (const c of await this.listIfKnown<{ resourceType: (typeof CLINICAL_TYPES)[number] }>(profileId, 'health-clinical')) {
        clinicalCounts.set(c.data.resourceType, (clinicalCounts.get(c.data.resourceType) ?? 0) + 1);
      }
      const attachments = (await this.listIfKnown<AttachmentData>(profileId, attachmentKind.name))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map((a) => ({ id: a.id, fileName: a.data.fileName, size: a.data.size }));
      return {
        notes,
        cases,
        transactions: await transactionOptions(<T>(kind: string) => this.listIfKnown<T>(profileId, kind)),
        health: [...health.values()],
        healthRecords: {
          observations: (await this.listIfKnown(profileId, 'health-observation')).length,
          clinical: CLINICAL_TYPES.filter((type) => clinicalCounts.has(type)).map((type) => ({ type, count: clinicalCounts.get(type)! })),
        },
        attachments,
        municipalInbox: Boolean(this.deps.municipalInbox),
      };
    },

    sharePreview: async (request) => (await this.preview(request)).preview,

    shareCreate: async (request) => {
      const { preview, built, recipient, profile, now, expiresAt } = await this.preview(request);
      const keys = await this.ensureKeys(request.profileId);
      const bundleId = toBase64Url(randomBytes(16));
      const endpoint = recipient.data.endpoints.revocation;
      const bytes = await createBundle({
        issuer: { signingSecretKey: fromBase64Url(keys.data.signing.secretKey), name: profile.data.name },
        recipient: { kind: 'x25519', ageRecipient: recipient.data.ageRecipient, name: recipient.data.name },
        content: {
          purpose: { code: 'citizen-stated', text: { da: request.purpose, en: request.purpose } },
          scope: { description: { da: describeScope(built.items, 'da'), en: describeScope(built.items, 'en') }, categories: built.categories },
          data: built.data,
          files: built.files,
          provenance: built.provenance,
          consent: this.consent(profile.data.name, preview, built, bundleId, endpoint),
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
        createdAt: this.iso(now),
        notBefore: this.iso(now),
        expiresAt: preview.untilCase ? null : this.iso(expiresAt),
        untilCase: preview.untilCase,
        status: 'active',
        bundleId,
        bundleSha256: sha256b64(bytes),
        deliveries: [],
        revocation: null,
      };
      const [stored] = await this.records.write([{ op: 'put', profileId: request.profileId, kind: shareGrantKind.name, data: grant } satisfies WriteOp]);
      const grantId = stored!.id;
      this.bundles.set(grantId, { profileId: request.profileId, bytes, expiresAt: this.now() + BUNDLE_TTL_MS });
      await this.log.append('share', request.profileId, {
        what: 'bundle',
        recipient: recipient.data.name,
        purpose: request.purpose,
        counts: built.items.reduce<Record<string, number>>((acc, item) => ((acc[item.type] = (acc[item.type] ?? 0) + 1), acc), {}),
        grantId,
        bundleId,
      });
      const date = this.iso(now).slice(0, 10);
      return { grantId, bundleId, fileName: `handlerum-deling-${date}.hrbundle`, ...this.openTransfer(bytes), preview };
    },

    shareRead: async ({ transferId, index }) => {
      const t = this.transfers.get(transferId);
      if (!t || t.expiresAt < this.now()) throw new VaultError('bundle-gone', 'unknown or expired transfer');
      const chunk = t.chunks[index];
      if (!chunk) throw new VaultError('bad-request', 'no such part');
      return { data: toBase64Url(chunk) };
    },

    shareDeliver: async ({ profileId, grantId, channel }) => {
      const g = await this.grant(profileId, grantId);
      const status = this.effectiveStatus(g.data);
      if (status !== 'active') throw new VaultError('grant-not-active', status);
      if (channel === 'download') return this.recordDelivery(g, { channel, ok: true, detail: 'file' });
      const pending = this.pendingBundle(grantId);
      if (!pending) throw new VaultError('bundle-gone', 'made before the background restarted, or too long ago');
      if (channel === 'endpoint') {
        const recipient = await this.recipient(profileId, g.data.recipientId);
        const url = recipient.data.endpoints.bundle;
        if (!url) throw new VaultError('no-bundle-endpoint', 'the recipient publishes no bundle endpoint');
        await this.requirePermission(url);
        const outcome = await this.postTo(url, pending.bytes, 'application/octet-stream');
        return this.recordDelivery(g, { channel, ...outcome }, outcome.ok ? null : endpointError(outcome.detail));
      }
      const caseVaultId = await this.inboxCase(profileId, g);
      let receipt: { id: string };
      try {
        ({ receipt } = await this.deps.municipalInbox!({ profileId, caseVaultId, payload: { type: 'bundle', data: toBase64Url(pending.bytes) } }));
      } catch (error) {
        if (!(error instanceof VaultError)) throw error;
        const refusal = inboxError(error);
        return this.recordDelivery(g, { channel, ok: false, detail: refusal.detail ? `${refusal.code} ${refusal.detail}` : refusal.code }, refusal);
      }
      // The receipt was verified by the connector: the municipality has the bundle.
      return this.recordDelivery(g, { channel, ok: true, detail: receipt.id });
    },

    grantsList: async ({ profileId }) => {
      const grants = await this.listIfKnown<ShareGrantData>(profileId, shareGrantKind.name);
      return grants.map((g) => this.grantSummary(g)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },

    grantsActive: async () => {
      const profiles = (await this.records.list<{ name: string }>(VAULT_SCOPE, profileKind.name)).records;
      const out: (GrantSummary & { profileName: string })[] = [];
      for (const p of profiles) {
        for (const g of await this.listIfKnown<ShareGrantData>(p.id, shareGrantKind.name)) {
          const summary = this.grantSummary(g);
          if (summary.status === 'active') out.push({ ...summary, profileName: p.data.name });
        }
      }
      return out.sort((a, b) => (a.expiresAt ?? '9999').localeCompare(b.expiresAt ?? '9999'));
    },

    grantRevoke: async ({ profileId, grantId }) => {
      const g = await this.grant(profileId, grantId);
      if (g.data.status !== 'active') throw new VaultError('grant-not-active', g.data.status);
      return this.grantSummary(await this.endGrant(g, 'revoked'));
    },

    // Through `this.log` at call time: these fields are set before the constructor makes it.
    logList: () => this.log.handlers.logList({}),
    logVerify: () => this.log.handlers.logVerify({}),
    logExport: () => this.log.handlers.logExport({}),
  };
}
