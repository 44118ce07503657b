/**
 * The background's message router. A message is handled only when it comes from one of this
 * extension's own pages; anything from a web page, a content script or another extension is
 * refused before its arguments are even read. While the vault is not open, only the methods
 * of `ANSWERED_WHILE_CLOSED` are answered; the others are refused just as early.
 */
import { ApiArgs, answersIn, type ApiMethod, type ApiResponse } from './api';
import { VaultError } from '../vault/errors';
import { sendError } from './errors';
import { bestEffort } from '../shared/best-effort';
import type { VaultState } from '../vault/public-types';
import type { Handlers } from './handlers';

export interface MessageSender {
  id?: string;
  url?: string;
}

export interface RouterOptions {
  extensionId: string;
  /** This extension's own origin, e.g. chrome-extension://<id>/ */
  extensionOrigin: string;
  handlers: Handlers;
  /** The vault's state now: decides which methods are answered. */
  vaultState: () => VaultState;
  /** Called for every accepted call except `status`: counts as use for the idle timer. */
  onActivity?: () => Promise<void>;
}

export const isOwnPage = (sender: MessageSender, options: Pick<RouterOptions, 'extensionId' | 'extensionOrigin'>): boolean =>
  sender.id === options.extensionId && typeof sender.url === 'string' && sender.url.startsWith(options.extensionOrigin);

export function isApiRequest(message: unknown): message is { channel: 'handlerum-vault'; method: unknown; args: unknown } {
  return typeof message === 'object' && message !== null && (message as { channel?: unknown }).channel === 'handlerum-vault';
}

export async function route(message: unknown, sender: MessageSender, options: RouterOptions): Promise<ApiResponse> {
  try {
    if (!isOwnPage(sender, options)) throw new VaultError('forbidden-sender');
    if (!isApiRequest(message)) throw new VaultError('bad-request', 'not a vault request');
    const method = message.method;
    if (typeof method !== 'string' || !Object.hasOwn(ApiArgs, method)) throw new VaultError('bad-request', 'unknown method');
    const state = options.vaultState();
    if (!answersIn(state, method as ApiMethod)) throw new VaultError(state === 'no-vault' ? 'no-vault' : 'locked', method);
    const schema = ApiArgs[method as ApiMethod];
    const parsed = schema.safeParse(message.args ?? {});
    if (!parsed.success) throw new VaultError('bad-request', `${method}: arguments do not match`);
    // Noted beside the call, not before it: waiting for the storage first put one more hop before
    // every answer, and each hop waits for whatever the background is doing. A note that fails
    // leaves the last one standing, so the vault locks sooner, never later.
    const noted = method === 'status' ? undefined : bestEffort(options.onActivity?.(), 'the idle timer counts from the last use it noted');
    const handler = options.handlers[method as ApiMethod] as (args: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    await noted;
    return { ok: true, value: value as never };
  } catch (error) {
    return { ok: false, error: sendError(error) };
  }
}
