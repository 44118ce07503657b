/** The UI pages' side of the message boundary: typed calls to the background, typed errors back. */
import { browser } from 'wxt/browser';
import type { WriteOp } from '../vault/public-types';
import { opsIn, packWrites, type WritePart } from './write-parts';
import { type ApiArgsOf, type ApiMethod, type ApiRequest, type ApiResponse, type ApiResult, type VaultEvent } from './api';
import { VaultError } from '../vault/errors';
import { receiveError } from './errors';
import { bestEffort } from '../shared/best-effort';

export async function callVault<M extends ApiMethod>(method: M, args: ApiArgsOf<M>): Promise<ApiResult<M>> {
  const request: ApiRequest<M> = { channel: 'handlerum-vault', method, args };
  const response = (await browser.runtime.sendMessage(request)) as ApiResponse<M> | undefined;
  if (!response) throw new VaultError('storage-failed', 'the background did not answer');
  if (!response.ok) throw receiveError(response.error);
  return response.value;
}

/** Subscribes to the background's broadcasts (lock state, record changes). */
export function onVaultEvent(listener: (event: VaultEvent) => void): () => void {
  const handler = (message: unknown) => {
    if ((message as { channel?: unknown } | null)?.channel === 'handlerum-event') listener(message as VaultEvent);
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}

export interface LargeWriteOptions {
  /** Called after each part with the operations sent so far. */
  onProgress?: (sent: number, total: number) => void;
  /** Aborting before the last part discards what was sent: nothing is stored. */
  signal?: AbortSignal;
  /** The message call (a test passes the background's router). */
  call?: typeof callVault;
}

/**
 * One atomic write of any size. A write that fits one message is committed at once; a larger
 * one is staged part by part and committed with its last part, in one transaction. Either way
 * the background answers only how many records were written, not the records themselves.
 */
export async function writeLarge(ops: ApiArgsOf<'writeRecords'>['ops'], options: LargeWriteOptions = {}): Promise<number> {
  return writeParts(packWrites(ops as WriteOp[]), options);
}

/**
 * `writeLarge` of a write already split into messages (`packWrites`), e.g. packed in a worker
 * while the citizen looked at the preview: the same one transaction, the same cancel.
 */
export async function writeParts(prepared: readonly WritePart[], options: LargeWriteOptions = {}): Promise<number> {
  const { onProgress, signal, call = callVault } = options;
  const parts = [...prepared];
  const total = parts.reduce((n, part) => n + opsIn(part), 0);
  const last = parts.pop() ?? [];
  const [first, ...middle] = parts;
  let stageId: string | undefined;
  let sent = 0;
  const staged = (part: WritePart) => {
    sent += opsIn(part);
    onProgress?.(sent, total);
  };
  try {
    if (first) {
      signal?.throwIfAborted();
      ({ stageId } = await call('stageWrites', { ops: first }));
      staged(first);
    }
    // The other parts go at once, numbered: the page serialises the next part while the
    // background reads the one before, and the background puts them back in order. All are
    // answered before the commit or the discard is sent, so none can arrive after either.
    const id = stageId;
    if (id !== undefined && middle.length > 0) {
      signal?.throwIfAborted();
      const answers = await Promise.allSettled(middle.map((part, i) => call('stageWrites', { stageId: id, part: i + 1, ops: part }).then(() => staged(part))));
      const failed = answers.find((answer) => answer.status === 'rejected');
      if (failed) throw failed.reason;
    }
    signal?.throwIfAborted();
    const { written } = await call('commitWrites', { ...(stageId ? { stageId } : {}), ops: last });
    stageId = undefined; // committed: nothing left to discard
    onProgress?.(total, total);
    return written;
  } finally {
    if (stageId) await bestEffort(call('discardWrites', { stageId }), 'staged parts expire by themselves');
  }
}
