/**
 * The PDFs a sync fetches with their documents, so that they open offline: the small ones the
 * vault lacks, each checked against the SHA-256 its signed document record lists, a limited
 * number per sync (the rest come with later syncs or on demand).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { z } from 'zod';
import type { Document } from '../api/schemas';
import { municipalPdfKind } from '../../records/municipal/index';
import type { RecordStore, WriteOp } from '../../vault/record-store';
import { toBase64Url } from '../../shared/base64url';
import type { ConnectionClient } from './connection-client';
import { HttpProblem } from './http';
import { pdfIdFor } from './ids';

export const PDF_INLINE_MAX_BYTES = 512 * 1024;
const PDFS_PER_SYNC = 200;

export interface PdfOptions {
  /** PDFs up to this size are fetched during the sync; larger ones on demand. */
  inlineMaxBytes?: number | undefined;
  /** At most this many PDFs are fetched per sync. */
  perSync?: number | undefined;
}

export class SyncPdfs {
  /** The digest of each PDF the vault holds from this municipality, by document id (read once per sync). */
  private held: Map<string, string> | undefined;
  private fetched = 0;

  constructor(
    private readonly records: () => RecordStore,
    private readonly client: ConnectionClient,
    private readonly profileId: string,
    private readonly options: PdfOptions,
    /** Told of a PDF whose bytes do not match their signed digest (it is not stored). */
    private readonly onRejected: () => void,
  ) {}

  /** Fetches the small PDFs of these documents that the vault lacks, as writes. */
  async ops(documents: z.infer<typeof Document>[]): Promise<WriteOp[]> {
    const max = this.options.inlineMaxBytes ?? PDF_INLINE_MAX_BYTES;
    const perSync = this.options.perSync ?? PDFS_PER_SYNC;
    const origin = this.client.conn.origin;
    const ops: WriteOp[] = [];
    for (const doc of documents) {
      const content = doc.content;
      if (this.fetched >= perSync) break;
      if (content.format !== 'pdf' || content.bytes > max) continue;
      if ((await this.heldDigests(origin)).get(doc.id) === content.sha256) continue;
      this.fetched += 1;
      const bytes = await this.client.getBytes(content.href, content.bytes).catch((error: unknown) => {
        // A missing file is fetched on demand later; losing the network or the sign-in stops the sync.
        if (error instanceof HttpProblem && error.status !== 401) return null;
        throw error;
      });
      if (!bytes) continue;
      if (toBase64Url(sha256(bytes)) !== content.sha256) {
        this.onRejected();
        continue;
      }
      ops.push({
        op: 'put',
        profileId: this.profileId,
        kind: municipalPdfKind.name,
        id: pdfIdFor(this.records(), origin, doc.id),
        data: { origin, documentId: doc.id, sha256: content.sha256, data: toBase64Url(bytes) },
      });
      (await this.heldDigests(origin)).set(doc.id, content.sha256);
    }
    return ops;
  }

  private async heldDigests(origin: string): Promise<Map<string, string>> {
    if (!this.held) {
      const { records } = await this.records().list(this.profileId, municipalPdfKind);
      this.held = new Map(records.filter((r) => r.data.origin === origin).map((r) => [r.data.documentId, r.data.sha256]));
    }
    return this.held;
  }
}
