/**
 * Whether a share has ended: a withdrawal (revocation) notice the reader loads, which counts
 * only if it verifies with the bundle's own issuer key and names this bundle, or the status the
 * place the bundle names gives when the reader asks it. The page shows the outcome.
 */
import { verifyRevocation } from '../bundle/revocation';
import { checkStatus, type BundleStatus } from '../bundle/status';
import type { BundleManifest } from '../bundle';

/** A notice file is one compact JWS of a few hundred bytes; anything much larger is not one. */
export const MAX_NOTICE_BYTES = 64 * 1024;

export type NoticeOutcome = { ok: true; revokedAt: string } | { ok: false; problem: 'malformed' | 'wrong-issuer' | 'bad-signature' | 'otherBundle' };

/** Checks the text of a notice file (a notice per line is accepted; the first that counts wins). */
export function checkNotice(text: string, manifest: Pick<BundleManifest, 'id' | 'issuer'>): NoticeOutcome {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  let problem: Extract<NoticeOutcome, { ok: false }>['problem'] = 'malformed';
  for (const line of lines) {
    const checked = verifyRevocation(line, manifest.issuer);
    if (checked.ok && checked.bundleId === manifest.id) return { ok: true, revokedAt: checked.revokedAt };
    // The most telling problem: a genuine notice for another bundle, then a forged one.
    if (checked.ok) problem = 'otherBundle';
    else if (problem !== 'otherBundle' && checked.reason !== 'malformed') problem = checked.reason;
  }
  return { ok: false, problem };
}

/** How long the place may take to answer before the check counts as not made. */
const STATUS_TIMEOUT_MS = 10_000;

/**
 * Asks the place the bundle names for its status, only when the reader asks: no cookies, no
 * referrer, no redirects, a timeout. An unreachable place is `unknown`, never valid.
 */
export function fetchStatus(manifest: Pick<BundleManifest, 'id' | 'issuer' | 'revocationEndpoint'>): Promise<BundleStatus> {
  return checkStatus(manifest, async (url) => {
    const response = await fetch(url, {
      credentials: 'omit',
      redirect: 'error',
      referrerPolicy: 'no-referrer',
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(STATUS_TIMEOUT_MS),
    });
    return { status: response.status, body: await response.text() };
  });
}
