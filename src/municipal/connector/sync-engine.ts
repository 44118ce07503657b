/**
 * The sync: follows each resource's change feed page by page, verifies every page against the
 * municipality's keys and every record against the signed manifest, and stores whole pages —
 * their verified records, their signatures and the advanced cursor — in ONE vault write (a batch
 * of pages that grows with the feed, see sync-batch.ts). While a batch is stored, the pages after
 * it are fetched, verified and gathered into the next one, and the first pages of the next feed
 * are fetched while a feed's last ones are verified. An interruption at any point (lost
 * network, 500s, a locked vault, a closed browser) therefore leaves the vault at the end of the
 * last stored page, and the next sync continues from there. A sync with nothing new writes only
 * the connection's time of sync.
 *
 * Records whose signature or digest fails are never stored as municipal data: they are counted
 * for the citizen, and the page's cursor is not advanced, so the next sync asks for them again.
 */
import { z } from 'zod';
import { Citizen, RESOURCES, Session, type PageManifest, type ResourceName } from '../api/schemas';
import { SignatureError, type HashFunction } from '../api/signature';
import {
  checkReceived,
  KIND_OF_RESOURCE,
  municipalCitizenKind,
  municipalSignatureKind,
  type MunicipalConnectionData,
  type ResourceCursor,
} from '../../records/municipal/index';
import { VaultError } from '../../vault/errors';
import { MunicipalError, type MunicipalErrorCode } from './errors';
import type { RecordStore, WriteOp } from '../../vault/record-store';
import { fetchJwks } from './discovery';
import { ConnectionClient } from './connection-client';
import { HttpProblem, type MunicipalHttp } from './http';
import { recordIdFor, signatureIdFor } from './ids';
import { isOnOrigin } from '../api/origin';
import { syncFraction } from './status';
import type { PartProgress, SyncPart, SyncStatus } from '../../records/municipal/sync-status';
import { checkItems, PageVerifier } from './verify';
import { recordHash } from './record-hash';
import { PendingBatch } from './sync-batch';
import { FeedPrefetch } from './sync-prefetch';
import { addPageWrites } from './sync-page';
import { SyncPdfs } from './sync-pdfs';
import { dropUnusedSignatures, staleRecordDeletes } from './sync-housekeeping';
import { bestEffort } from '../../shared/best-effort';
import { endPower, fetchGivenPowers, withSession } from './powers';
import { isPowerEnded } from './power-refusals';

export { PDF_INLINE_MAX_BYTES } from './sync-pdfs';

/** JSON objects, checked in one pass (a zod record schema per item would copy each record key by key). */
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const Items = z.custom<Record<string, unknown>[]>((value) => Array.isArray(value) && value.every(isObject), 'an array of objects');

const PageEnvelope = z.object({
  items: Items,
  nextCursor: z.string().nullable(),
  syncToken: z.string().min(1).max(4096),
  signature: z.string().min(1),
});

const MeEnvelope = z.object({
  citizen: z.record(z.string(), z.unknown()),
  session: Session,
  signature: z.string().min(1),
});

export interface SyncEngineOptions {
  /** The vault's record store as it is now (throws `locked` once the vault locks). */
  records: () => RecordStore;
  http: MunicipalHttp;
  now: () => number;
  onProgress?: (status: SyncStatus) => void;
  /** PDFs up to this size are fetched during the sync (so they open offline); larger ones on demand. */
  pdfInlineMaxBytes?: number;
  /** At most this many PDFs are fetched per sync; the rest come with later syncs or on demand. */
  pdfsPerSync?: number;
}

/** Errors after which the other resources are still worth trying. */
const PART_LOCAL_ERRORS = new Set(['signature-invalid']);

/** How a batch's write ended: null when it landed, else the error and the feed it was for. */
type StoreOutcome = { error: unknown; resource: ResourceName } | null;

export class SyncRun {
  readonly status: SyncStatus;
  private client!: ConnectionClient;
  private jwksRefetched = false;
  private verifier!: PageVerifier;
  private hash!: HashFunction;
  private pdfs!: SyncPdfs;
  private cancelled = false;
  /**
   * The batch being stored while the pages after it — of its feed, or after a feed's last batch,
   * of the next feed — are fetched, verified and gathered: one write at a time, each after the
   * one before it landed, so a failed write is never followed by a later position. Its outcome is
   * held as a value until awaited (`landed`); `settled` says whether it is known yet.
   */
  private storing: { outcome: Promise<StoreOutcome>; settled: boolean } | null = null;
  /** The first pages of the feed after the one being read, fetched while its last pages are verified and stored. */
  private nextFeed: { resource: ResourceName; ahead: FeedPrefetch } | null = null;
  private storeFailed = false;
  /** No feed had been read before this sync: nothing stored earlier can have lost its records. */
  private fromScratch = false;

  constructor(
    private readonly options: SyncEngineOptions,
    readonly profileId: string,
    readonly connectionId: string,
    origin = '',
    municipalityName = '',
  ) {
    this.status = {
      profileId,
      connectionId,
      origin,
      municipalityName,
      state: 'running',
      startedAt: new Date(options.now()).toISOString(),
      finishedAt: null,
      parts: (['me', ...RESOURCES] as SyncPart[]).map((part) => ({ part, state: 'waiting', pages: 0, stored: 0, deleted: 0, rejected: 0, error: null })),
      fraction: 0,
      stored: 0,
      deleted: 0,
      rejected: 0,
      error: null,
    };
  }

  /** Stops the sync before its next page (what is stored stays). */
  cancel(): void {
    this.cancelled = true;
  }

  private get records(): RecordStore {
    return this.options.records();
  }

  private get origin(): string {
    return this.conn.origin;
  }

  private get conn(): MunicipalConnectionData {
    return this.client.conn;
  }

  private getJson(url: string): Promise<unknown> {
    return this.client.getJson(url);
  }

  async run(): Promise<SyncStatus> {
    try {
      this.client = await ConnectionClient.load({ ...this.options, profileId: this.profileId, connectionId: this.connectionId });
      this.status.origin = this.conn.origin;
      this.status.municipalityName = this.conn.municipality.name;
      if (!this.conn.tokens) throw new MunicipalError('sign-in-required', 'no tokens');
      this.verifier = new PageVerifier(this.conn.jwks);
      this.hash = await recordHash();
      const pdfOptions = { inlineMaxBytes: this.options.pdfInlineMaxBytes, perSync: this.options.pdfsPerSync };
      this.pdfs = new SyncPdfs(this.options.records, this.client, this.profileId, pdfOptions, () => void (this.progressOf('documents').rejected += 1));
      this.fromScratch = RESOURCES.every((r) => this.conn.resources[r].cursor === null && this.conn.resources[r].generation === 0);
      this.emit();
      await this.part('me', () => this.syncMe());
      this.prefetchFeedAfter('me');
      if (this.conn.actor?.relation === 'self') await bestEffort(this.storeGivenPowers(), 'the powers listed at the last sync stay shown');
      for (const resource of RESOURCES) {
        if (!this.covers(resource)) this.progressOf(resource).state = 'not-covered';
        else await this.part(resource, () => this.syncResource(resource));
      }
      this.nextFeed = null;
      await this.landed();
    } catch (error) {
      this.status.error ??= codeOf(error);
    }
    return this.finish();
  }

  /** Runs one part; a part-local failure is recorded and the sync goes on, anything else stops it. */
  private async part(name: SyncPart, body: () => Promise<void>): Promise<void> {
    const progress = this.progressOf(name);
    progress.state = 'running';
    this.emit();
    try {
      await body();
      progress.state = 'done';
    } catch (error) {
      progress.state = 'failed';
      progress.error = codeOf(error);
      this.status.error ??= progress.error;
      // Without a verified citizen the pages' subject cannot be checked: a failed /me stops the sync.
      if (name === 'me' || !PART_LOCAL_ERRORS.has(progress.error)) throw error;
    } finally {
      this.emit();
    }
  }

  private async finish(): Promise<SyncStatus> {
    const s = this.status;
    for (const p of s.parts) if (p.state === 'running' || p.state === 'waiting') p.state = p.state === 'running' ? 'failed' : 'waiting';
    s.finishedAt = new Date(this.options.now()).toISOString();
    const changed = s.stored + s.deleted > 0;
    const result = s.error === null && s.rejected === 0 ? 'ok' : s.parts.some((p) => p.state === 'done') || changed ? 'partial' : 'failed';
    s.state = result;
    s.fraction = result === 'ok' ? 1 : syncFraction(s.parts);
    if (this.client) {
      try {
        if (changed && !this.fromScratch) await dropUnusedSignatures({ records: this.records, profileId: this.profileId, origin: this.origin });
        const conn = {
          ...(isPowerEnded(s.error) ? endPower(this.conn, s.error, s.finishedAt) : this.conn),
          lastSync: {
            startedAt: s.startedAt,
            finishedAt: s.finishedAt,
            result,
            error: s.error,
            stored: s.stored,
            deleted: s.deleted,
            rejected: s.rejected,
          },
        } satisfies MunicipalConnectionData;
        await this.writeConnection(conn);
      } catch {
        // The vault locked or storage failed: the pages already stored stand, and the status says why the sync ended.
      }
    }
    this.emit();
    return s;
  }

  /** A representative's power covers some categories: the others are not asked for (the municipality would refuse). */
  private covers(resource: ResourceName): boolean {
    return !this.conn.power || this.conn.power.categories.includes(resource);
  }

  /**
   * Starts fetching the first pages of the feed that comes after `part`, from where the vault
   * has it, so that they arrive while `part`'s last pages are verified and stored. The feed's
   * sync takes them (`takeFeedPrefetch`) if it asks for the same addresses.
   */
  private prefetchFeedAfter(part: SyncPart): void {
    const next = RESOURCES.slice(part === 'me' ? 0 : RESOURCES.indexOf(part) + 1).find((r) => this.covers(r));
    if (!next || this.nextFeed?.resource === next) return;
    const ahead = this.feedPrefetch(next);
    ahead.after(this.conn.resources[next].cursor);
    this.nextFeed = { resource: next, ahead };
  }

  /** The pages of `resource` fetched ahead: those asked for while the feed before it ended, or a new chain. */
  private takeFeedPrefetch(resource: ResourceName): FeedPrefetch {
    const prepared = this.nextFeed?.resource === resource ? this.nextFeed.ahead : null;
    this.nextFeed = null;
    return prepared ?? this.feedPrefetch(resource);
  }

  private feedPrefetch(resource: ResourceName): FeedPrefetch {
    return new FeedPrefetch(this.client, (cursor) => this.pageUrl(resource, cursor));
  }

  private progressOf(part: SyncPart): PartProgress {
    return this.status.parts.find((p) => p.part === part)!;
  }

  private emit(): void {
    const s = this.status;
    s.stored = s.parts.reduce((n, p) => n + p.stored, 0);
    s.deleted = s.parts.reduce((n, p) => n + p.deleted, 0);
    s.rejected = s.parts.reduce((n, p) => n + p.rejected, 0);
    if (s.state === 'running') s.fraction = syncFraction(s.parts);
    this.options.onProgress?.(structuredClone(s));
  }

  private writeConnection(conn: MunicipalConnectionData): Promise<void> {
    return this.client.save(conn);
  }

  // -------------------------------------------------------------------------------------------
  // Signatures

  /** Verifies a page JWS; an unknown key id makes it fetch the municipality's keys once per sync. */
  private async verifyJws(jws: string): Promise<{ manifest: PageManifest; kid: string }> {
    try {
      return await this.verifier.verifyJws(jws);
    } catch (error) {
      if (!(error instanceof SignatureError && error.code === 'unknown-key') || this.jwksRefetched) throw error;
    }
    this.jwksRefetched = true;
    const jwks = await fetchJwks(this.options.http, this.conn.endpoints.jwks);
    // The connection is written whole: after the batch in flight, whose write names it too.
    await this.landed();
    await this.writeConnection({ ...this.conn, jwks });
    this.verifier = new PageVerifier(jwks);
    return this.verifier.verifyJws(jws);
  }

  /** The page's signature and manifest header, or null when they do not hold (every item is then rejected). */
  private async checkPage(jws: string, resource: string, cursor: string | null): Promise<{ manifest: PageManifest; kid: string } | null> {
    let verified;
    try {
      verified = await this.verifyJws(jws);
    } catch (error) {
      if (error instanceof SignatureError) return null;
      throw error;
    }
    const m = verified.manifest;
    const citizenId = this.conn.citizen?.id;
    if (!isOnOrigin(m.iss, this.origin) || m.resource !== resource || m.cursor !== cursor || (citizenId !== undefined && m.sub !== citizenId)) return null;
    return verified;
  }

  private signatureOp(jws: string, resource: string, kid: string): { id: string; op: WriteOp } {
    const id = signatureIdFor(this.records, this.origin, jws);
    return {
      id,
      op: {
        op: 'put',
        profileId: this.profileId,
        kind: municipalSignatureKind.name,
        id,
        data: { origin: this.origin, resource, jws, kid, receivedAt: new Date(this.options.now()).toISOString() },
      },
    };
  }

  // -------------------------------------------------------------------------------------------
  // The citizen

  private async syncMe(): Promise<void> {
    const progress = this.progressOf('me');
    const body = MeEnvelope.safeParse(await this.getJson(`${this.conn.endpoints.apiBase}/me`));
    if (!body.success) throw new MunicipalError('municipality-bad-response', 'not a /me answer');
    const { citizen, session, signature } = body.data;
    progress.pages = 1;
    const verified = await this.checkPage(signature, 'me', null);
    const verdict = verified ? checkItems([citizen], verified.manifest, this.hash)[0]! : { ok: false, digest: '' };
    if (!verified || !verdict.ok) {
      progress.rejected = 1;
      throw new MunicipalError('signature-invalid', 'me');
    }
    const parsed = checkReceived(Citizen, citizen);
    if (!parsed.success) {
      progress.rejected = 1;
      throw new MunicipalError('municipality-bad-response', 'citizen record');
    }
    if (this.conn.citizen && this.conn.citizen.id !== parsed.data.id) {
      throw new MunicipalError('municipality-bad-response', 'signed in as another citizen than this connection is for');
    }
    const sig = this.signatureOp(signature, 'me', verified.kid);
    const conn = withSession(
      {
        ...this.conn,
        citizen: { id: parsed.data.id, name: parsed.data.name.full },
        actor: { id: session.actor.id, name: session.actor.name, relation: session.actor.relation },
        heldBack: session.youthRestricted && session.heldBack === true,
      },
      session,
    );
    const id = recordIdFor(this.records, this.origin, 'me', parsed.data.id);
    if (await this.sameCitizen(id, verdict.digest, session, conn)) return;
    await this.records.write([
      {
        op: 'put',
        profileId: this.profileId,
        kind: municipalCitizenKind.name,
        id,
        data: { record: citizen, provenance: { origin: this.origin, signatureId: sig.id, digest: verdict.digest }, generation: 0, session },
      },
      sig.op,
      this.client.putOp(conn),
    ]);
    this.client.adopt(conn);
    progress.stored = 1;
  }

  /** Whether the vault already holds this very citizen record, session and connection (a re-sync then writes nothing). */
  private async sameCitizen(id: string, digest: string, session: z.infer<typeof Session>, conn: MunicipalConnectionData): Promise<boolean> {
    const stored = await this.records.get(this.profileId, municipalCitizenKind, id);
    if (!stored || stored.data.provenance.digest !== digest || stored.data.provenance.origin !== this.origin) return false;
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    return (
      same(stored.data.session, session) &&
      same(this.conn.citizen, conn.citizen) &&
      same(this.conn.actor, conn.actor) &&
      same(this.conn.power, conn.power) &&
      this.conn.heldBack === conn.heldBack
    );
  }

  /**
   * The powers of attorney the citizen has given, as the municipality lists them now. They are
   * kept with the connection and stored with it at the end of the sync, so a quiet sync is still
   * one write.
   */
  private async storeGivenPowers(): Promise<void> {
    const given = await fetchGivenPowers(this.client, { verifyJws: (jws) => this.verifyJws(jws) });
    if (given && JSON.stringify(given) !== JSON.stringify(this.conn.givenPowers)) this.client.adopt({ ...this.conn, givenPowers: given });
  }

  // -------------------------------------------------------------------------------------------
  // Resources

  private async syncResource(resource: ResourceName): Promise<void> {
    const progress = this.progressOf(resource);
    const batch = new PendingBatch();
    // Where the feed stands once the batch is stored (this.conn keeps what the vault holds).
    let position = this.conn.resources[resource];
    let restarted = false;
    // The next pages, asked for while this one is verified and stored.
    const ahead = this.takeFeedPrefetch(resource);
    let handedOver = 0;
    this.storeFailed = false;
    try {
      for (;;) {
        if (this.cancelled) throw new VaultError('bad-request', 'sync cancelled');
        const url = this.pageUrl(resource, position.cursor);
        const fetchedAhead = ahead.take(url);
        const prefetched = fetchedAhead ? await fetchedAhead : null;
        let body: unknown;
        try {
          if (prefetched && 'error' in prefetched) throw prefetched.error;
          body = prefetched ? prefetched.body : await this.getJson(url);
        } catch (error) {
          const reset = error instanceof HttpProblem && (error.status === 410 || (error.status === 400 && error.code === 'invalid-cursor'));
          if (!reset) throw error instanceof HttpProblem ? new MunicipalError('municipality-error', `${resource}: HTTP ${error.status} ${error.code}`) : error;
          if (restarted) throw new MunicipalError('municipality-error', `${resource}: reset asked twice`);
          restarted = true;
          ahead.clear();
          // The server's feed no longer knows our position: fetch everything again under a new
          // generation, and drop what does not come back once the feed has been read to its end.
          await this.landed();
          await this.flush(resource, batch, position);
          position = { ...position, cursor: null, generation: position.generation + 1, complete: false };
          await this.writeConnection({ ...this.conn, resources: { ...this.conn.resources, [resource]: position } });
          continue;
        }
        const page = PageEnvelope.safeParse(body);
        if (!page.success) throw new MunicipalError('municipality-bad-response', `${resource}: not a page`);
        const { items, nextCursor, syncToken, signature } = page.data;
        progress.pages += 1;
        if (nextCursor !== null) ahead.after(syncToken);
        else this.prefetchFeedAfter(resource);

        const verified = await this.checkPage(signature, resource, position.cursor);
        if (!verified) {
          progress.rejected += items.length;
          throw new MunicipalError('signature-invalid', `${resource}: page signature`);
        }
        const atEnd = nextCursor === null;
        const unchanged = items.length === 0 && syncToken === position.cursor && position.complete;
        if (unchanged && batch.empty) {
          // Nothing new: no write at all; the sync's last connection write records the time.
          await this.landed();
          this.client.adopt({ ...this.conn, resources: { ...this.conn.resources, [resource]: { ...position, lastSyncedAt: this.nowIso() } } });
          return;
        }
        const { rejected } = await this.addPage(batch, resource, items, verified, signature, position.generation);
        if (rejected === 0) {
          if (atEnd && !position.complete && position.generation > 0) {
            await this.landed(); // the clean-up lists what the vault holds
            await this.addStaleDeletes(batch, resource, position.generation);
          }
          position = {
            cursor: syncToken,
            generation: position.generation,
            complete: position.complete || atEnd,
            lastSyncedAt: atEnd ? this.nowIso() : position.lastSyncedAt,
          };
        }
        progress.rejected += rejected;
        // The good records of a page with bad ones are kept; the cursor stays, so the next sync asks for the page again.
        if (rejected > 0) throw new MunicipalError('signature-invalid', `${resource}: ${rejected} records did not verify`);
        if (atEnd) break;
        // A batch worth a write goes as soon as the write before it has landed; until then the
        // sync goes on gathering, and waits for that write only once the batch is at its cap.
        if (batch.full(handedOver) && (this.storing === null || this.storing.settled || batch.atCap)) {
          await this.landed();
          handedOver += batch.records + batch.deleted;
          this.store(resource, batch.take(), position);
        }
        this.emit();
      }
    } catch (error) {
      // Whatever cut the feed short (a bad page, a lost network), what was verified is kept; the
      // error that stopped the feed is the one to report, so a failing write (a locked vault)
      // only leaves the vault at the last stored batch, which the next sync continues from.
      // After a failed write nothing later is stored: its position would skip the lost batch.
      if (!this.storeFailed)
        await bestEffort(
          this.landed().then(() => this.flush(resource, batch, position)),
          'the vault keeps its last stored batch and cursor',
        );
      throw error;
    }
    await this.landed();
    // The feed's last batch lands while the next feed is fetched and verified (the sync's end waits for it).
    this.store(resource, batch.take(), position);
  }

  /** Starts storing a batch; `landed` waits for it. */
  private store(resource: ResourceName, batch: PendingBatch, position: ResourceCursor): void {
    const storing: { outcome: Promise<StoreOutcome>; settled: boolean } = { outcome: Promise.resolve(null), settled: false };
    storing.outcome = this.flush(resource, batch, position).then(
      () => null,
      (error: unknown) => ({ error, resource }),
    );
    void storing.outcome.then(() => (storing.settled = true));
    this.storing = storing;
  }

  /**
   * Waits for the batch being stored; its failure is thrown here, and stops the feed. A feed
   * whose last batch failed after the feed itself had finished is marked failed too.
   */
  private async landed(): Promise<void> {
    const outcome = await this.storing?.outcome;
    this.storing = null;
    if (outcome) {
      this.storeFailed = true;
      const progress = this.progressOf(outcome.resource);
      if (progress.state === 'done') {
        progress.state = 'failed';
        progress.error = codeOf(outcome.error);
      }
      throw outcome.error;
    }
  }

  private pageUrl(resource: ResourceName, cursor: string | null): string {
    const query = new URLSearchParams({ limit: String(this.conn.maxPageSize) });
    if (cursor !== null) query.set('cursor', cursor);
    return `${this.conn.endpoints.apiBase}/${resource}?${query}`;
  }

  /** Verifies a page's items against its manifest and adds the writes for the good ones (and their PDFs) to the batch. */
  private async addPage(
    batch: PendingBatch,
    resource: ResourceName,
    items: Record<string, unknown>[],
    verified: { manifest: PageManifest; kid: string },
    signature: string,
    generation: number,
  ): Promise<{ rejected: number }> {
    const sig = this.signatureOp(signature, resource, verified.kid);
    const context = { ids: this.records, origin: this.origin, profileId: this.profileId, hash: this.hash };
    const page = addPageWrites(context, batch, { resource, items, manifest: verified.manifest, signatureId: sig.id, generation });
    // The signature goes with the records that name it, before anything that may fail.
    if (page.puts > 0) batch.ops.push(sig.op);
    if (page.documents.length > 0) batch.ops.push(...(await this.pdfs.ops(page.documents)));
    return { rejected: page.rejected };
  }

  /** Stores the batch and the feed's position in one vault write, then starts an empty batch. */
  private async flush(resource: ResourceName, batch: PendingBatch, position: ResourceCursor): Promise<void> {
    const same = this.conn.resources[resource];
    const moved = same.cursor !== position.cursor || same.generation !== position.generation || same.complete !== position.complete;
    if (batch.empty && !moved) return;
    const conn: MunicipalConnectionData = { ...this.conn, resources: { ...this.conn.resources, [resource]: position } };
    await this.records.write([...batch.ops, this.client.putOp(conn)]);
    this.client.adopt(conn);
    const progress = this.progressOf(resource);
    progress.stored += batch.records;
    progress.deleted += batch.deleted;
    batch.clear();
    this.emit();
  }

  private nowIso(): string {
    return new Date(this.options.now()).toISOString();
  }

  /** Adds the deletes of what the finished full re-sync did not bring back. */
  private async addStaleDeletes(batch: PendingBatch, resource: ResourceName, generation: number): Promise<void> {
    const ops = await staleRecordDeletes({ records: this.records, profileId: this.profileId, origin: this.origin }, resource, generation, batch.putIds);
    batch.ops.push(...ops);
    const kind = KIND_OF_RESOURCE[resource].name;
    this.progressOf(resource).deleted += ops.filter((op) => op.kind === kind).length;
  }
}

function codeOf(error: unknown): VaultError['code'] | MunicipalErrorCode {
  if (error instanceof VaultError || error instanceof MunicipalError) return error.code;
  if (error instanceof HttpProblem) return error.status === 401 ? 'sign-in-required' : 'municipality-error';
  return 'storage-failed';
}
