/**
 * The background's municipal connector: adding a municipality (permission check, discovery,
 * sign-in through the browser's identity API), syncs one at a time with progress events,
 * on-demand PDFs, provenance checks, and reminders as browser alarms and notifications.
 * Browser APIs come in as small injected functions, so all of it runs in unit tests.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { MunicipalHandlers } from '../messaging/handlers';
import type { VaultEvent } from '../messaging/api';
import type { ConnectionSummary } from '../messaging/municipal-api';
import type { SettingsStorage } from '../messaging/settings';
import { InboxReceiptResponse, type InboxReceipt } from '../municipal/api/schemas';
import { SignatureError, verifyRecordProvenance } from '../municipal/api/signature';
import { ConnectionClient } from '../municipal/connector/connection-client';
import { fetchDiscovery, fetchJwks } from '../municipal/connector/discovery';
import { HttpProblem, MunicipalHttp, type FetchLike } from '../municipal/connector/http';
import { connectionIdFor, pdfIdFor } from '../municipal/connector/ids';
import { authorizationRequest, CLIENT_ID, codeFromRedirect, exchangeCode } from '../municipal/connector/oauth';
import { hostPermissionPattern, isOnOrigin } from '../municipal/api/origin';
import { municipalityOrigin } from '../messaging/municipal-api';
import type { AlarmsLike } from '../municipal/connector/reminders';
import type { SyncStatus } from '../records/municipal/sync-status';
import { SyncRun } from '../municipal/connector/sync-engine';
import { withdrawPower } from '../municipal/connector/powers';
import { checkItems, PageVerifier } from '../municipal/connector/verify';
import {
  KIND_OF_RESOURCE,
  municipalCitizenKind,
  municipalConnectionKind,
  municipalDocumentKind,
  municipalPdfKind,
  municipalSignatureKind,
  type MunicipalConnectionData,
} from '../records/municipal/index';
import { canSend, correctionRequestKind, toApiCorrection, type CorrectionRequestData, type CorrectionStatus } from '../records/own/index';
import { profileKind } from '../records/profile';
import { RESOURCES } from '../municipal/api/schemas';
import { VaultError } from '../vault/errors';
import { MunicipalError } from '../municipal/connector/errors';
import { hasCode } from '../messaging/errors';
import { VAULT_SCOPE, type Vault, type WriteOp } from '../vault/index';
import { fromBase64Url, toBase64Url } from '../shared/base64url';
import { utf8 } from '../shared/bytes';
import { bestEffort, settled } from '../shared/best-effort';
import { deleteNowSummary, NowSummaries } from './now-summary';
import { Reminders } from './reminders';

/** Kinds whose records carry a municipality's signature, by name. */
const SIGNED_KINDS = new Map([municipalCitizenKind, ...Object.values(KIND_OF_RESOURCE)].map((k) => [k.name, k]));

export interface IdentityLike {
  /** The redirect URL of the identity API (https://<id>.chromiumapp.org/… in Chrome). */
  redirectUrl(): string;
  /** Opens the sign-in window and resolves with the URL it redirected to. */
  launchWebAuthFlow(url: string): Promise<string | undefined>;
}

export interface MunicipalServiceDeps {
  vault: Vault;
  fetch: FetchLike;
  settings: SettingsStorage;
  broadcast: (event: VaultEvent) => void;
  identity: IdentityLike;
  /** permissions.contains for a host pattern such as https://kommune.dk/* */
  hasHostPermission: (pattern: string) => Promise<boolean>;
  alarms: AlarmsLike;
  notify: (id: string, text: { title: string; message: string }) => Promise<void>;
  uiLanguage: () => string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  pdfInlineMaxBytes?: number;
  /** Caps the page size the municipality offers (tests use small pages to get many of them). */
  pageSize?: number;
  /** Told when a sync has finished (sharing ends grants whose case closed). */
  onSyncComplete?: (profileId: string) => Promise<void>;
}

/** The largest PDF fetched on demand, and the largest kept in the vault once fetched (so it opens offline). */
const PDF_ON_DEMAND_MAX_BYTES = 50 * 1024 * 1024;
const PDF_KEEP_MAX_BYTES = 10 * 1024 * 1024;

interface ActiveSync {
  run: SyncRun;
  done: Promise<SyncStatus>;
}

export class MunicipalService {
  private readonly http: MunicipalHttp;
  private readonly now: () => number;
  /** Latest status per connection since the background started. */
  private readonly statuses = new Map<string, SyncStatus>();
  private readonly active = new Map<string, ActiveSync>();
  /** Syncs run one after another: a heavy sync should not compete with a second one for memory. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The vault's follow-ups of finished syncs (reminders, grants, Now's summary) still running. */
  private readonly followUps = new Set<Promise<void>>();
  /** Correction requests being sent now: a second click must not send one twice. */
  private readonly sending = new Set<string>();
  private readonly nowSummaries: NowSummaries;
  private readonly reminders: Reminders;

  constructor(private readonly deps: MunicipalServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.nowSummaries = new NowSummaries(deps.vault);
    this.reminders = new Reminders({ ...deps, now: this.now });
    this.http = new MunicipalHttp({ fetch: deps.fetch, ...(deps.sleep ? { sleep: deps.sleep } : {}) });
    // A status names the municipality and counts records: it goes with the keys.
    deps.vault.onLock(() => this.statuses.clear());
  }

  private get records() {
    return this.deps.vault.records;
  }

  private async requirePermission(origin: string): Promise<void> {
    if (!(await this.deps.hasHostPermission(hostPermissionPattern(origin)))) throw new MunicipalError('permission-missing', hostPermissionPattern(origin));
  }

  private async requireProfile(profileId: string): Promise<void> {
    if (!(await this.records.get(VAULT_SCOPE, profileKind, profileId))) throw new VaultError('profile-not-found');
  }

  /** Resolves when every started sync has finished (for tests and for a clean shutdown). */
  whenIdle(): Promise<void> {
    return Promise.all([...[...this.active.values()].map((a) => a.done), ...this.followUps]).then(() => undefined);
  }

  // -------------------------------------------------------------------------------------------
  // Syncs

  private startSync(profileId: string, connectionId: string, origin = '', name = ''): SyncStatus {
    const key = `${profileId}/${connectionId}`;
    const running = this.active.get(key);
    if (running) return structuredClone(running.run.status);
    const run = new SyncRun(
      {
        records: () => this.deps.vault.records,
        http: this.http,
        now: this.now,
        onProgress: (status) => {
          // A sync cut short by a lock reports its end after the statuses were forgotten.
          if (this.deps.vault.state !== 'unlocked') return;
          this.statuses.set(key, status);
          this.deps.broadcast({ channel: 'handlerum-event', type: 'municipal-sync', status });
        },
        ...(this.deps.pdfInlineMaxBytes !== undefined ? { pdfInlineMaxBytes: this.deps.pdfInlineMaxBytes } : {}),
      },
      profileId,
      connectionId,
      origin,
      name,
    );
    this.statuses.set(key, structuredClone(run.status));
    const done = this.queue.then(() => run.run());
    this.queue = settled(done);
    this.active.set(key, { run, done: done.finally(() => this.active.delete(key)) });
    // The follow-ups hold no sync back: "Hent nye oplysninger" right after a sync starts a new one
    // at once, where it used to answer with the finished sync's status until they were done.
    const followUp = done.then((status) => this.afterSync(profileId, status));
    this.followUps.add(followUp);
    void followUp.finally(() => this.followUps.delete(followUp));
    return structuredClone(run.status);
  }

  /** What a finished sync may have changed beyond its own records; each part is retried on its own occasion. */
  private async afterSync(profileId: string, status: SyncStatus): Promise<void> {
    // A sync that stored and deleted nothing changed nothing they read (the reminders' window also
    // moves on with each unlock and each start of the background): a quiet sync stays cheap.
    if (status.stored + status.deleted === 0) return;
    // Each step gives way to a sync asked for meanwhile (the citizen's next click): it runs after it, not beside it.
    await this.syncsSettled();
    await bestEffort(this.refreshReminders(profileId), 'reminders are refreshed again on the next unlock or settings change');
    await this.syncsSettled();
    await bestEffort(this.deps.onSyncComplete?.(profileId), 'the sync itself is done and stored');
    await this.syncsSettled();
    // So that the next unlock finds Now's summary current.
    await bestEffort(this.nowSummaries.read(profileId, this.now()), 'Now computes its summary when it is opened');
  }

  /** Resolves once every sync started so far, and any started while waiting, has finished. */
  private async syncsSettled(): Promise<void> {
    for (let queue = this.queue; ; queue = this.queue) {
      await queue;
      if (queue === this.queue) return;
    }
  }

  private async connection(profileId: string, connectionId: string): Promise<MunicipalConnectionData> {
    const stored = await this.records.get(profileId, municipalConnectionKind, connectionId);
    if (!stored) throw new VaultError('record-not-found', 'no such connection');
    return stored.data;
  }

  private async signIn(
    discovery: Awaited<ReturnType<typeof fetchDiscovery>>,
  ): Promise<{ tokens: NonNullable<MunicipalConnectionData['tokens']>; redirectUri: string }> {
    const redirectUri = this.deps.identity.redirectUrl();
    const request = authorizationRequest(discovery.authorization_endpoint, redirectUri);
    let redirectedTo: string | undefined;
    try {
      redirectedTo = await this.deps.identity.launchWebAuthFlow(request.url);
    } catch (cause) {
      // Chrome and Firefox reject when the window is closed, and when the page cannot load.
      const message = String((cause as Error)?.message ?? '');
      if (/could not be loaded|network/i.test(message)) throw new MunicipalError('municipality-unreachable', 'sign-in page', { cause });
      throw new MunicipalError('sign-in-cancelled', 'window closed', { cause });
    }
    if (!redirectedTo) throw new MunicipalError('sign-in-cancelled', 'no redirect');
    const code = codeFromRedirect(redirectedTo, request.state);
    const tokens = await exchangeCode(this.http, discovery.token_endpoint, { code, verifier: request.verifier, redirectUri }, this.now());
    return { tokens, redirectUri };
  }

  /** Who the new tokens are for: must be the connection's citizen when signing in again. */
  private async citizenIdFor(apiBase: string, accessToken: string): Promise<string | null> {
    const me = (await this.http.json(`${apiBase}/me`, { headers: { Authorization: `Bearer ${accessToken}` } })) as { citizen?: { id?: unknown } };
    return typeof me?.citizen?.id === 'string' ? me.citizen.id : null;
  }

  /** Rebuilds reminder alarms for one profile (or all) from the vault; nothing happens while it is locked. */
  refreshReminders(profileId?: string): Promise<void> {
    return this.reminders.refresh(profileId);
  }

  /** Appointments and deadlines the page writes (from letters, from calendar files): their reminders follow. */
  onRecordsChanged(changes: readonly { profileId: string; kind: string }[]): Promise<void> {
    return this.reminders.onRecordsChanged(changes);
  }

  /** Shows the notification for a reminder alarm; false when the alarm is not a reminder. */
  onAlarm(name: string): Promise<boolean> {
    return this.reminders.onAlarm(name);
  }

  private summary(id: string, conn: MunicipalConnectionData): ConnectionSummary {
    return {
      id,
      origin: conn.origin,
      municipality: conn.municipality,
      demo: conn.demo,
      citizen: conn.citizen,
      actor: conn.actor,
      heldBack: conn.heldBack === true,
      power: conn.power ?? null,
      powerEnded: conn.powerEnded ?? null,
      givenPowers: conn.givenPowers ?? null,
      signedIn: conn.tokens !== null,
      connectedAt: conn.connectedAt,
      lastSync: conn.lastSync,
      resources: RESOURCES.map((resource) => ({
        resource,
        complete: conn.resources[resource].complete,
        lastSyncedAt: conn.resources[resource].lastSyncedAt,
      })),
    };
  }

  // -------------------------------------------------------------------------------------------
  // The case inbox

  /**
   * POSTs one body to a case's inbox and returns the receipt once its signature, its manifest
   * and its echo of the body (case, kind, size, SHA-256) all check out.
   * @throws {MunicipalError} `municipality-unreachable`, `municipality-error`, `sign-in-required`,
   *   `municipality-bad-response`, `signature-invalid`; {VaultError} `bad-request` (the municipality refused the body)
   */
  private async postToInbox(
    client: ConnectionClient,
    caseId: string,
    kind: InboxReceipt['kind'],
    body: Uint8Array,
  ): Promise<{ receipt: InboxReceipt; signature: string }> {
    const url = `${client.conn.endpoints.apiBase}/cases/${encodeURIComponent(caseId)}/inbox`;
    const contentType = kind === 'correction' ? 'application/json' : 'application/octet-stream';
    let answer: unknown;
    try {
      answer = await client.authorized((token) =>
        this.http.json(url, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType, Accept: 'application/json' },
          body: body as Uint8Array<ArrayBuffer>,
        }),
      );
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
      // The municipality refused the body itself (too large, not a record it knows, a case it does not show).
      if (error.status === 413 || error.status === 400 || error.status === 404) {
        throw new VaultError('bad-request', `inbox: HTTP ${error.status} ${error.code}`, { cause: error });
      }
      throw new MunicipalError('municipality-bad-response', `inbox: HTTP ${error.status} ${error.code}`, { status: error.status, cause: error });
    }
    const parsed = InboxReceiptResponse.safeParse(answer);
    if (!parsed.success) throw new MunicipalError('municipality-bad-response', 'not an inbox receipt');
    // The digest is over the receipt as received, before zod could drop a field.
    const raw = (answer as { receipt: unknown }).receipt;
    const { receipt, signature } = parsed.data;
    let manifest;
    try {
      manifest = (await new PageVerifier(client.conn.jwks).verifyJws(signature)).manifest;
    } catch (error) {
      if (!(error instanceof SignatureError)) throw error;
      if (error.code !== 'unknown-key') throw new MunicipalError('signature-invalid', `receipt: ${error.code}`);
      // Keys rotate: fetch the municipality's keys once more, as the sync does.
      const jwks = await fetchJwks(this.http, client.conn.endpoints.jwks);
      await client.save({ ...client.conn, jwks });
      try {
        manifest = (await new PageVerifier(jwks).verifyJws(signature)).manifest;
      } catch (again) {
        if (again instanceof SignatureError) throw new MunicipalError('signature-invalid', `receipt: ${again.code}`);
        throw again;
      }
    }
    const citizenId = client.conn.citizen?.id;
    if (!isOnOrigin(manifest.iss, client.conn.origin) || manifest.resource !== 'inbox' || (citizenId !== undefined && manifest.sub !== citizenId)) {
      throw new MunicipalError('signature-invalid', 'receipt: signed for something else');
    }
    if (!checkItems([raw], manifest)[0]?.ok) throw new MunicipalError('signature-invalid', 'receipt: not the one signed');
    if (receipt.caseId !== caseId || receipt.kind !== kind || receipt.bytes !== body.length || receipt.sha256 !== toBase64Url(sha256(body))) {
      throw new MunicipalError('signature-invalid', 'receipt: does not match what was sent');
    }
    return { receipt: raw as InboxReceipt, signature };
  }

  private async putCorrection(profileId: string, id: string, data: CorrectionRequestData, status: CorrectionStatus): Promise<void> {
    await this.records.write([{ op: 'put', profileId, kind: correctionRequestKind.name, id, data: { ...data, status } }]);
  }

  /** Sends a stored correction request; its record ends as `received`, or `failed` with the reason. */
  private async sendCorrection(profileId: string, caseVaultId: string, requestId: string, theCase: { origin: string; id: string }) {
    const stored = await this.records.get(profileId, correctionRequestKind, requestId);
    if (!stored) throw new VaultError('record-not-found', 'no such correction request');
    const request = stored.data;
    if (!canSend(request.status)) throw new VaultError('bad-request', 'the municipality already received this request');
    if (request.target.origin !== theCase.origin) throw new VaultError('bad-request', 'the record is from another municipality than the case');
    if (request.caseVaultId !== undefined && request.caseVaultId !== caseVaultId) throw new VaultError('bad-request', 'the request belongs to another case');
    const key = `${profileId}/${requestId}`;
    if (this.sending.has(key)) throw new VaultError('bad-request', 'already being sent');
    this.sending.add(key);
    try {
      const body = utf8(JSON.stringify(toApiCorrection(request)));
      const client = await this.inboxClient(profileId, theCase.origin);
      const sentAt = new Date(this.now()).toISOString();
      await this.putCorrection(profileId, requestId, request, { state: 'sent', sentAt });
      try {
        const { receipt, signature } = await this.postToInbox(client, theCase.id, 'correction', body);
        await this.putCorrection(profileId, requestId, request, { state: 'received', sentAt, receipt, signature });
        return { receipt };
      } catch (error) {
        const reason = hasCode(error) ? error.code : 'storage-failed';
        await this.putCorrection(profileId, requestId, request, { state: 'failed', failedAt: new Date(this.now()).toISOString(), sentAt, reason });
        throw error;
      }
    } finally {
      this.sending.delete(key);
    }
  }

  private async inboxClient(profileId: string, origin: string): Promise<ConnectionClient> {
    await this.requirePermission(origin);
    const connectionId = connectionIdFor(this.records, origin);
    const stored = await this.records.get(profileId, municipalConnectionKind, connectionId);
    if (!stored) throw new MunicipalError('sign-in-required', 'no connection to this municipality');
    const client = new ConnectionClient({ records: () => this.records, http: this.http, now: this.now, profileId, connectionId }, stored.data);
    if (!client.conn.tokens) throw new MunicipalError('sign-in-required', 'no tokens');
    return client;
  }

  readonly handlers: MunicipalHandlers = {
    municipalDiscover: async ({ origin: input }) => {
      const origin = municipalityOrigin(input);
      await this.requirePermission(origin);
      const d = await fetchDiscovery(this.http, origin);
      return { origin, name: d.municipality.name, code: d.municipality.code, demo: d.demo, resources: d.resources };
    },

    municipalConnect: async ({ profileId, origin: input }) => {
      const origin = municipalityOrigin(input);
      await this.requirePermission(origin);
      await this.requireProfile(profileId);
      const discovery = await fetchDiscovery(this.http, origin);
      const jwks = await fetchJwks(this.http, discovery.jwks_uri);
      const { tokens, redirectUri } = await this.signIn(discovery);
      const connectionId = connectionIdFor(this.records, origin);
      const key = `${profileId}/${connectionId}`;
      await this.active.get(key)?.done;
      const existing = await this.records.get(profileId, municipalConnectionKind, connectionId);
      if (existing?.data.citizen) {
        const citizenId = await this.citizenIdFor(discovery.api_base, tokens.accessToken);
        if (citizenId !== existing.data.citizen.id) throw new MunicipalError('municipality-other-citizen', 'signed in as someone else');
      }
      const base = existing?.data;
      const conn: MunicipalConnectionData = {
        origin,
        municipality: { name: discovery.municipality.name, code: discovery.municipality.code },
        demo: discovery.demo,
        endpoints: { authorization: discovery.authorization_endpoint, token: discovery.token_endpoint, jwks: discovery.jwks_uri, apiBase: discovery.api_base },
        maxPageSize: Math.min(this.deps.pageSize ?? 1000, Math.max(1, discovery.max_page_size)),
        clientId: CLIENT_ID,
        redirectUri,
        citizen: base?.citizen ?? null,
        actor: base?.actor ?? null,
        tokens,
        jwks,
        resources:
          base?.resources ??
          (Object.fromEntries(
            RESOURCES.map((r) => [r, { cursor: null, generation: 0, complete: false, lastSyncedAt: null }]),
          ) as MunicipalConnectionData['resources']),
        connectedAt: base?.connectedAt ?? new Date(this.now()).toISOString(),
        lastSync: base?.lastSync ?? null,
      };
      await this.records.write([{ op: 'put', profileId, kind: municipalConnectionKind.name, id: connectionId, data: conn }]);
      return { connectionId, sync: this.startSync(profileId, connectionId, origin, conn.municipality.name) };
    },

    municipalConnections: async ({ profileId }) => {
      const { records } = await this.records.list(profileId, municipalConnectionKind);
      return records.map((r) => this.summary(r.id, r.data)).sort((a, b) => a.connectedAt.localeCompare(b.connectedAt));
    },

    municipalSync: async ({ profileId, connectionId }) => {
      const conn = await this.connection(profileId, connectionId);
      if (!conn.tokens) throw new MunicipalError('sign-in-required', 'no tokens');
      await this.requirePermission(conn.origin);
      return this.startSync(profileId, connectionId, conn.origin, conn.municipality.name);
    },

    municipalSyncStatus: async () => [...this.statuses.values()].map((s) => structuredClone(s)),

    municipalDisconnect: async ({ profileId, connectionId, deleteData }) => {
      const conn = await this.connection(profileId, connectionId);
      const running = this.active.get(`${profileId}/${connectionId}`);
      if (running) {
        running.run.cancel();
        await running.done;
      }
      const ops: WriteOp[] = [{ op: 'delete', profileId, kind: municipalConnectionKind.name, id: connectionId }];
      if (deleteData) {
        for (const kind of [municipalCitizenKind, municipalSignatureKind, municipalPdfKind, ...Object.values(KIND_OF_RESOURCE)]) {
          const { records } = await this.records.list(profileId, kind);
          for (const r of records) {
            if (('provenance' in r.data ? r.data.provenance.origin : r.data.origin) === conn.origin)
              ops.push({ op: 'delete', profileId, kind: kind.name, id: r.id });
          }
        }
      }
      // The summary of Now holds records of every connection: it goes with them, and is computed again.
      if (deleteData) ops.push(deleteNowSummary(profileId));
      await this.records.write(ops);
      this.statuses.delete(`${profileId}/${connectionId}`);
      await this.refreshReminders(profileId);
      return null;
    },

    municipalKeepCopy: async ({ profileId, connectionId }) => {
      const conn = await this.connection(profileId, connectionId);
      if (!conn.powerEnded) throw new VaultError('bad-request', 'the power of attorney has not ended');
      const kept = { ...conn, powerEnded: { ...conn.powerEnded, copyKept: true } };
      await this.records.write([{ op: 'put', profileId, kind: municipalConnectionKind.name, id: connectionId, data: kept }]);
      return null;
    },

    municipalWithdrawPower: async ({ profileId, connectionId, powerId }) => {
      const conn = await this.connection(profileId, connectionId);
      if (!conn.givenPowers?.some((p) => p.id === powerId)) throw new VaultError('record-not-found', 'no such power of attorney given');
      await this.requirePermission(conn.origin);
      const client = new ConnectionClient({ records: () => this.records, http: this.http, now: this.now, profileId, connectionId }, conn);
      const withdrawn = await withdrawPower(client, new PageVerifier(conn.jwks), powerId);
      const next = { ...client.conn, givenPowers: (client.conn.givenPowers ?? []).map((p) => (p.id === powerId ? withdrawn : p)) };
      await client.save(next);
      return this.summary(connectionId, next);
    },

    municipalNow: async ({ profileId, now }) => this.nowSummaries.read(profileId, now),

    municipalDocumentPdf: async ({ profileId, documentId }) => {
      const doc = await this.records.get(profileId, municipalDocumentKind, documentId);
      if (!doc) throw new VaultError('record-not-found', 'no such document');
      const content = doc.data.record.content;
      if (content.format !== 'pdf') throw new VaultError('bad-request', 'the document has no PDF');
      const origin = doc.data.provenance.origin;
      const pdfId = pdfIdFor(this.records, origin, doc.data.record.id);
      const kept = await this.records.get(profileId, municipalPdfKind, pdfId);
      if (kept && kept.data.sha256 === content.sha256) return { data: kept.data.data, bytes: content.bytes, sha256: content.sha256 };

      if (content.bytes > PDF_ON_DEMAND_MAX_BYTES) throw new MunicipalError('municipality-bad-response', 'PDF too large');
      await this.requirePermission(origin);
      const client = await ConnectionClient.load({
        records: () => this.records,
        http: this.http,
        now: this.now,
        profileId,
        connectionId: connectionIdFor(this.records, origin),
      });
      const bytes = await client.getBytes(content.href, content.bytes);
      if (toBase64Url(sha256(bytes)) !== content.sha256) throw new MunicipalError('signature-invalid', 'the PDF does not match its signed digest');
      const data = toBase64Url(bytes);
      if (bytes.length <= PDF_KEEP_MAX_BYTES) {
        await this.records.write([
          { op: 'put', profileId, kind: municipalPdfKind.name, id: pdfId, data: { origin, documentId: doc.data.record.id, sha256: content.sha256, data } },
        ]);
      }
      return { data, bytes: bytes.length, sha256: content.sha256 };
    },

    municipalVerifyRecord: async ({ profileId, kind, id }) => {
      const recordKind = SIGNED_KINDS.get(kind);
      if (!recordKind) throw new VaultError('bad-request', 'not a municipal record kind');
      const stored = await this.records.get(profileId, recordKind, id);
      if (!stored) throw new VaultError('record-not-found');
      const { origin, signatureId } = stored.data.provenance;
      const fail = (reason: string) => ({ valid: false, reason, issuer: null, kid: null, signedAt: null });
      const signature = await this.records.get(profileId, municipalSignatureKind, signatureId);
      if (!signature) return fail('no-signature');
      const conn = await this.records.get(profileId, municipalConnectionKind, connectionIdFor(this.records, origin));
      if (!conn) return fail('no-keys');
      try {
        const manifest = verifyRecordProvenance(stored.data.record, signature.data.jws, conn.data.jwks);
        return { valid: true, reason: null, issuer: manifest.iss, kid: signature.data.kid, signedAt: new Date(manifest.iat * 1000).toISOString() };
      } catch (error) {
        if (error instanceof SignatureError) return fail(error.code);
        throw error;
      }
    },

    municipalInboxSend: async ({ profileId, caseVaultId, payload }) => {
      const stored = await this.records.get(profileId, KIND_OF_RESOURCE.cases, caseVaultId);
      if (!stored) throw new VaultError('record-not-found', 'no such case');
      const theCase = { origin: stored.data.provenance.origin, id: stored.data.record.id };
      if (payload.type === 'correction') return this.sendCorrection(profileId, caseVaultId, payload.requestId, theCase);
      let body: Uint8Array;
      try {
        body = fromBase64Url(payload.data);
      } catch {
        throw new VaultError('bad-request', 'bundle: not base64url');
      }
      const client = await this.inboxClient(profileId, theCase.origin);
      const { receipt } = await this.postToInbox(client, theCase.id, 'bundle', body);
      return { receipt };
    },
  };
}
