/**
 * Sharing's requests to recipients' sites: only to sites the citizen has allowed, without
 * cookies or redirects, and never waiting on a silent server for long.
 */
import { hostPermissionPattern } from '../../municipal/api/origin';
import type { FetchLike } from '../../municipal/connector/http';
import { SharingError } from '../../sharing/errors';

const FETCH_TIMEOUT_MS = 15_000;

/** Why a POST to a recipient's endpoint did not go through. */
export type EndpointFailure = { reason: 'permission-missing' } | { reason: 'http'; status: number } | { reason: 'unreachable' };

export type PostOutcome = { ok: true; host: string } | { ok: false; failure: EndpointFailure };

/** The outcome as a delivery's `detail`: the host that took it, or why it did not. */
export function outcomeDetail(outcome: PostOutcome): string {
  if (outcome.ok) return outcome.host;
  const { failure } = outcome;
  return failure.reason === 'http' ? `http-${failure.status}` : failure.reason;
}

/**
 * A response whose body is not read: cancelling it frees the connection. A failed cancel
 * changes nothing for the caller, who has the status already.
 */
export async function discardBody(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Nothing to free that the browser will not free itself.
  }
}

export class RecipientHttp {
  constructor(private readonly deps: { fetch: FetchLike; hasHostPermission: (pattern: string) => Promise<boolean> }) {}

  /** @throws {VaultError} `recipient-permission-missing` when the citizen has not allowed contact with that site */
  async requirePermission(url: string): Promise<void> {
    const pattern = hostPermissionPattern(new URL(url).origin);
    if (!(await this.deps.hasHostPermission(pattern))) throw new SharingError('recipient-permission-missing', pattern);
  }

  /** A fetch that gives up after a while, so a silent server cannot hold a share forever. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
    try {
      return await this.deps.fetch(url, { ...init, signal: controller.signal, redirect: 'error', credentials: 'omit' });
    } finally {
      clearTimeout(timer);
    }
  }

  /** POSTs a bundle or a notice; never throws, the outcome says what happened. */
  async post(url: string, body: Uint8Array | string, contentType: string): Promise<PostOutcome> {
    try {
      await this.requirePermission(url);
    } catch {
      return { ok: false, failure: { reason: 'permission-missing' } };
    }
    try {
      const response = await this.request(url, { method: 'POST', headers: { 'Content-Type': contentType }, body: body as BodyInit });
      await discardBody(response);
      return response.ok ? { ok: true, host: new URL(url).host } : { ok: false, failure: { reason: 'http', status: response.status } };
    } catch {
      return { ok: false, failure: { reason: 'unreachable' } };
    }
  }
}
