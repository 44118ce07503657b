/**
 * A withdrawal (revocation) notice the reader loads: it counts only if it verifies with the
 * bundle's own issuer key and names this bundle. Pure (no DOM); the page shows the outcome.
 */
import { verifyRevocation } from '../bundle/revocation';
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
