/**
 * What a share is made of: the chosen notes, cases with their parts and signatures, bank rows,
 * health data, own files and document PDFs, read from the vault for one selection. PDFs the
 * vault did not keep are fetched through the connector and held in memory, by their signed
 * SHA-256, so the approval screen and the bundle after it fetch each once.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { ShareRequest } from '../../messaging/sharing-api';
import { pdfIdFor } from '../../municipal/connector/ids';
import { noteKind } from '../../records/note';
import {
  municipalActivityKind,
  municipalCaseKind,
  municipalDecisionKind,
  municipalDocumentKind,
  municipalPaymentKind,
  municipalPdfKind,
  municipalSignatureKind,
} from '../../records/municipal/index';
import { healthClinicalKind, healthDailyKind, healthObservationKind } from '../../records/health/index';
import type { KindData, RecordKind } from '../../records/kind';
import {
  attachmentContentId,
  attachmentContentKind,
  attachmentKind,
  joinContent,
  type AttachmentContentData,
  type AttachmentData,
} from '../../records/own/index';
import { documentKey, type AttachmentSource, type CaseSource, type NoteSource, type ShareSources } from '../../sharing/content';
import type { MunicipalStored, SignatureFields } from '../../sharing/derived';
import { fromBase64Url, toBase64Url } from '../../shared/base64url';
import { VaultError } from '../../vault/errors';
import type { VaultRecord } from '../../vault/index';
import { bankSources } from './bank-sources';
import { listIfKnown, type Records } from './deps';
import { SharingError } from '../../sharing/errors';
import { hasCode } from '../../messaging/errors';

const sha256b64 = (bytes: Uint8Array): string => toBase64Url(sha256(bytes));

export interface ShareSourceDeps {
  records: () => Records;
  now: () => number;
  /** Files beyond this many bytes make the share too large before any is read. */
  maxBundleBytes: number;
  /** How long a fetched PDF is held in memory. */
  cacheMs: number;
  /** The connector's PDF of a document (kept, or fetched from the municipality). */
  municipalDocumentPdf?: (args: { profileId: string; documentId: string }) => Promise<{ data: string }>;
}

export class ShareSourceReader {
  private readonly fetchedPdfs = new Map<string, { bytes: Uint8Array; expiresAt: number }>();

  constructor(private readonly deps: ShareSourceDeps) {}

  /** Drops the fetched PDFs (the vault locked). */
  forget(): void {
    this.fetchedPdfs.clear();
  }

  private list<K extends RecordKind>(profileId: string, kind: K): Promise<VaultRecord<KindData<K>>[]> {
    return listIfKnown(this.deps.records(), profileId, kind);
  }

  async read(profileId: string, request: Pick<ShareRequest, 'selection'>): Promise<ShareSources> {
    const types = new Set(request.selection.items.map((i) => i.type));
    const notes = new Map<string, NoteSource>();
    if (types.has('note')) {
      for (const n of await this.list(profileId, noteKind)) {
        notes.set(n.id, { title: n.data.title, body: n.data.body, createdAt: n.createdAt, updatedAt: n.updatedAt });
      }
    }
    const cases = new Map<string, CaseSource>();
    const signatures = new Map<string, SignatureFields>();
    /** The chosen documents (every one of a case whose documents go whole), with their vault ids. */
    const chosenDocuments: { vaultId: string; stored: MunicipalStored }[] = [];
    if (types.has('case') || types.has('case-summary')) {
      const caseRecords = await this.list(profileId, municipalCaseKind);
      const wanted = new Set(request.selection.items.flatMap((i) => (i.type === 'case' || i.type === 'case-summary' ? [i.caseId] : [])));
      // Per case whose documents go: every document (null) or only the picked ones, so no other PDF is read.
      const withDocuments = new Map<string, ReadonlySet<string> | null>();
      for (const i of request.selection.items) {
        if (i.type !== 'case') continue;
        if (i.parts.includes('documents')) withDocuments.set(i.caseId, null);
        else if (i.only?.documents) withDocuments.set(i.caseId, new Set(i.only.documents));
      }
      const byServerId = new Map<string, { source: CaseSource; documents: ReadonlySet<string> | null | undefined }>();
      for (const c of caseRecords) {
        if (!wanted.has(c.id)) continue;
        const source: CaseSource = { case: c.data, decisions: [], documents: [], payments: [], activities: [] };
        cases.set(c.id, source);
        byServerId.set(`${c.data.provenance.origin} ${String(c.data.record.id)}`, { source, documents: withDocuments.get(c.id) });
      }
      const parts = [
        [municipalDecisionKind, 'decisions'],
        [municipalDocumentKind, 'documents'],
        [municipalPaymentKind, 'payments'],
        [municipalActivityKind, 'activities'],
      ] as const;
      for (const [kind, part] of parts) {
        for (const r of await this.list(profileId, kind)) {
          const caseId = r.data.record.caseId;
          const target = typeof caseId === 'string' ? byServerId.get(`${r.data.provenance.origin} ${caseId}`) : undefined;
          if (!target) continue;
          target.source[part].push(r.data);
          if (part !== 'documents' || target.documents === undefined) continue;
          if (target.documents === null || target.documents.has(r.data.record.id)) chosenDocuments.push({ vaultId: r.id, stored: r.data });
        }
      }
      for (const s of await this.list(profileId, municipalSignatureKind)) {
        signatures.set(s.id, { origin: s.data.origin, jws: s.data.jws, kid: s.data.kid });
      }
    }
    const chosenAttachments: VaultRecord<AttachmentData>[] = [];
    for (const item of request.selection.items) {
      if (item.type !== 'attachment') continue;
      const a = await this.deps.records().get(profileId, attachmentKind, item.attachmentId);
      if (a) chosenAttachments.push(a);
    }
    this.checkFileSizes(chosenDocuments, chosenAttachments);
    const documentFiles = await this.documentFiles(profileId, chosenDocuments);
    const attachments = await this.attachments(profileId, chosenAttachments);
    const { transactions, accounts } = await bankSources(request.selection.items, (kind) => this.list(profileId, kind));
    const healthItems = request.selection.items.flatMap((i) => (i.type === 'health-records' ? [i] : []));
    const needsDaily = types.has('health-summary') || healthItems.some((i) => i.metrics.length > 0);
    const health = needsDaily ? (await this.list(profileId, healthDailyKind)).map((r) => r.data) : [];
    const healthObservations = healthItems.some((i) => i.observations) ? (await this.list(profileId, healthObservationKind)).map((r) => r.data) : [];
    const healthClinical = healthItems.some((i) => i.clinical.length > 0) ? (await this.list(profileId, healthClinicalKind)).map((r) => r.data) : [];
    const names = new Map<string, string>();
    for (const c of cases.values()) {
      const authority = (c.case.record as { authority?: { name?: string } }).authority?.name;
      if (authority) names.set(c.case.provenance.origin, authority);
    }
    return {
      notes,
      cases,
      transactions,
      accounts,
      health,
      healthObservations,
      healthClinical,
      documentFiles,
      attachments,
      signatures,
      municipalityName: (origin) => names.get(origin) ?? new URL(origin).host,
    };
  }

  /**
   * Refuses, before any file is read, a share whose documents and own files alone pass the
   * bundle limit (their sizes are in their records).
   * @throws {VaultError} `share-too-large`
   */
  private checkFileSizes(documents: readonly { stored: MunicipalStored }[], attachments: readonly VaultRecord<AttachmentData>[]): void {
    let total = 0;
    for (const { stored } of documents) {
      const content = stored.record.content as { format?: string; bytes?: number } | undefined;
      if (content?.format === 'pdf') total += content.bytes ?? 0;
    }
    for (const a of attachments) total += a.data.size;
    const max = this.deps.maxBundleBytes;
    if (total > max) throw new SharingError('share-too-large', `files: ${total} bytes, limit ${max}`);
  }

  /**
   * The PDFs of the chosen documents: the vault's copy, or the connector's (which fetches it
   * from the municipality), each checked against the SHA-256 in the signed record.
   * @throws {VaultError} `document-unavailable` when a PDF is neither kept nor can be fetched, or does not match
   */
  private async documentFiles(profileId: string, documents: readonly { vaultId: string; stored: MunicipalStored }[]): Promise<Map<string, Uint8Array>> {
    const out = new Map<string, Uint8Array>();
    for (const [digest, f] of this.fetchedPdfs) if (f.expiresAt < this.deps.now()) this.fetchedPdfs.delete(digest);
    for (const { vaultId, stored } of documents) {
      const record = stored.record as { id: string; content?: { format?: string; sha256?: string } };
      if (record.content?.format !== 'pdf') continue;
      const origin = stored.provenance.origin;
      const fetched = record.content.sha256 ? this.fetchedPdfs.get(record.content.sha256) : undefined;
      if (fetched) {
        out.set(documentKey(origin, record.id), fetched.bytes);
        continue;
      }
      const kept = await this.deps.records().get(profileId, municipalPdfKind, pdfIdFor(this.deps.records(), origin, record.id));
      let data = kept && kept.data.sha256 === record.content.sha256 ? kept.data.data : undefined;
      let wasFetched = false;
      if (data === undefined && this.deps.municipalDocumentPdf) {
        try {
          ({ data } = await this.deps.municipalDocumentPdf({ profileId, documentId: vaultId }));
          wasFetched = true;
        } catch (cause) {
          throw new SharingError('document-unavailable', `PDF of a document: ${hasCode(cause) ? cause.code : 'error'}`, { cause });
        }
      }
      if (data === undefined) throw new SharingError('document-unavailable', 'PDF of a document: not kept in the vault');
      const bytes = fromBase64Url(data);
      if (sha256b64(bytes) !== record.content.sha256) throw new SharingError('document-unavailable', 'PDF of a document: does not match its signed digest');
      if (wasFetched) this.fetchedPdfs.set(record.content.sha256, { bytes, expiresAt: this.deps.now() + this.deps.cacheMs });
      out.set(documentKey(origin, record.id), bytes);
    }
    return out;
  }

  /**
   * The chosen own files with their bytes, joined from their parts and checked against their
   * SHA-256. A file that is gone is not among them (buildShare then refuses the selection).
   * @throws {VaultError} `record-damaged` when the parts do not make the file
   */
  private async attachments(profileId: string, chosen: readonly VaultRecord<AttachmentData>[]): Promise<Map<string, AttachmentSource>> {
    const out = new Map<string, AttachmentSource>();
    for (const a of chosen) {
      const id = a.id;
      const parts: AttachmentContentData[] = [];
      for (let i = 0; i < a.data.chunks; i++) {
        const part = await this.deps.records().get(profileId, attachmentContentKind, attachmentContentId(id, i));
        if (!part) throw new VaultError('record-damaged', `attachment part ${i} missing`);
        parts.push(part.data);
      }
      let bytes: Uint8Array;
      try {
        bytes = joinContent(a, parts);
      } catch (cause) {
        throw new VaultError('record-damaged', 'attachment parts do not make the file', { cause });
      }
      if (sha256b64(bytes) !== a.data.sha256) throw new VaultError('record-damaged', 'attachment does not match its SHA-256');
      out.set(id, { fileName: a.data.fileName, mediaType: a.data.mediaType, sha256: a.data.sha256, bytes });
    }
    return out;
  }
}
