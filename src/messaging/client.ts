/** The UI pages' side of the message boundary: typed calls to the background, typed errors back. */
import { browser } from 'wxt/browser';
import type { ApiArgsOf, ApiMethod, ApiRequest, ApiResponse, ApiResult, VaultEvent } from './api';
import { VaultError } from '../vault/errors';

export async function callVault<M extends ApiMethod>(method: M, args: ApiArgsOf<M>): Promise<ApiResult<M>> {
  const request: ApiRequest<M> = { channel: 'handlerum-vault', method, args };
  const response = (await browser.runtime.sendMessage(request)) as ApiResponse<M> | undefined;
  if (!response) throw new VaultError('storage-failed', 'the background did not answer');
  if (!response.ok) throw new VaultError(response.error.code, response.error.detail);
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
