/**
 * Files that cross the message boundary in parts of TRANSFER_CHUNK_BYTES, each sent as
 * base64url: backups out and in (the vault service), bundles out (sharing). Each service keeps
 * its own set in memory, with its own time to live, and clears it when the vault locks.
 */
import { TRANSFER_CHUNK_BYTES, type Transfer } from '../messaging/api';
import { toBase64Url } from '../shared/base64url';
import { randomBytes } from '../shared/bytes';
import { VaultError } from '../vault/errors';

export interface PendingTransfer {
  /** Sparse while a file is being written in: a part that has not arrived is a hole. */
  chunks: Uint8Array[];
  size: number;
  expiresAt: number;
}

export interface TransferOptions {
  ttlMs: number;
  now: () => number;
  /**
   * Whether a transfer past its time is refused when asked for; when not, it lasts until the
   * next transfer opens and sweeps it.
   */
  refuseExpired: boolean;
}

export class ChunkedTransfers {
  private readonly pending = new Map<string, PendingTransfer>();

  constructor(private readonly options: TransferOptions) {}

  /** A file to be read out part by part. */
  send(file: Uint8Array): Transfer {
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < file.length; at += TRANSFER_CHUNK_BYTES) chunks.push(file.subarray(at, at + TRANSFER_CHUNK_BYTES));
    return this.open(chunks, file.length);
  }

  /** Room for a file of `size` bytes to be written in part by part. */
  receive(size: number): Transfer {
    return this.open(new Array<Uint8Array>(Math.ceil(size / TRANSFER_CHUNK_BYTES)), size);
  }

  /** The transfer, or `undefined` when unknown, swept, or (if so configured) past its time. */
  get(id: string): PendingTransfer | undefined {
    const transfer = this.pending.get(id);
    if (transfer && this.options.refuseExpired && transfer.expiresAt < this.options.now()) return undefined;
    return transfer;
  }

  delete(id: string): void {
    this.pending.delete(id);
  }

  clear(): void {
    this.pending.clear();
  }

  private open(chunks: Uint8Array[], size: number): Transfer {
    const now = this.options.now();
    for (const [id, t] of this.pending) if (t.expiresAt < now) this.pending.delete(id);
    const transferId = toBase64Url(randomBytes(12));
    this.pending.set(transferId, { chunks, size, expiresAt: now + this.options.ttlMs });
    return { transferId, size, chunkCount: chunks.length };
  }
}

/**
 * One part of a transfer, as the page reads it.
 * @throws {VaultError} `bad-request` when the transfer has no such part
 */
export function readChunk(transfer: PendingTransfer, index: number): { data: string } {
  const chunk = transfer.chunks[index];
  if (!chunk) throw new VaultError('bad-request', 'no such part');
  return { data: toBase64Url(chunk) };
}
