/**
 * A bundle's status where the bundle names a place to check it: the recipient's revocation
 * endpoint in the signed manifest (`revocationEndpoint`). The same place that takes the
 * citizen's signed end notices answers `GET <revocationEndpoint>/<bundle id>` with
 * `{ "bundleId", "status": "active" }` or `{ "bundleId", "status": "ended", "notice" }`.
 *
 * "Ended" counts only with a notice that verifies with the bundle's own issuer key; "active"
 * is what the place says. Anything else (no place named, no answer, an answer that is not one)
 * is `unknown` with its reason: a check that could not be made never reads as valid. Pure: the
 * caller does the request (with its own timeout) through `get`.
 */
import { z } from 'zod';
import { verifyRevocation } from './revocation';
import type { BundleManifest } from './schemas';

/** A bundle status answer is a few hundred bytes and one notice; anything much larger is not one. */
export const MAX_STATUS_ANSWER_CHARS = 64 * 1024;

export type BundleStatus =
  | { state: 'active'; place: string }
  | { state: 'ended'; place: string; endedAt: string }
  | { state: 'unknown'; reason: 'no-place' | 'unreachable' | 'not-known' | 'bad-answer'; place: string | null; detail: string };

/** What the caller's request gave back; a network failure or a timeout is a rejected promise. */
export type StatusGet = (url: string) => Promise<{ status: number; body: string }>;

const StatusAnswer = z.discriminatedUnion('status', [
  z.object({ bundleId: z.string(), status: z.literal('active') }),
  z.object({ bundleId: z.string(), status: z.literal('ended'), notice: z.string().max(MAX_STATUS_ANSWER_CHARS) }),
]);

/** Where the bundle's status can be asked, or null when the bundle names no place. */
export function statusUrl(manifest: Pick<BundleManifest, 'id' | 'revocationEndpoint'>): string | null {
  if (!manifest.revocationEndpoint) return null;
  return `${manifest.revocationEndpoint.replace(/\/+$/, '')}/${encodeURIComponent(manifest.id)}`;
}

/** Reads a place's answer about `manifest`'s bundle. Never throws. */
export function readStatusAnswer(place: string, answer: { status: number; body: string }, manifest: Pick<BundleManifest, 'id' | 'issuer'>): BundleStatus {
  const unknown = (reason: 'not-known' | 'bad-answer', detail: string): BundleStatus => ({ state: 'unknown', reason, place, detail });
  if (answer.status === 404) return unknown('not-known', 'the place does not know this bundle');
  if (answer.status !== 200) return unknown('bad-answer', `HTTP ${answer.status}`);
  if (answer.body.length > MAX_STATUS_ANSWER_CHARS) return unknown('bad-answer', 'the answer is too large');
  let json: unknown;
  try {
    json = JSON.parse(answer.body);
  } catch {
    return unknown('bad-answer', 'the answer is not JSON');
  }
  const parsed = StatusAnswer.safeParse(json);
  if (!parsed.success) return unknown('bad-answer', 'the answer is not a bundle status');
  if (parsed.data.bundleId !== manifest.id) return unknown('bad-answer', 'the answer is about another bundle');
  if (parsed.data.status === 'active') return { state: 'active', place };
  const checked = verifyRevocation(parsed.data.notice, manifest.issuer);
  if (!checked.ok) return unknown('bad-answer', `the end notice does not count: ${checked.detail}`);
  if (checked.bundleId !== manifest.id) return unknown('bad-answer', 'the end notice is for another bundle');
  return { state: 'ended', place, endedAt: checked.revokedAt };
}

/**
 * Asks the place the bundle names for its status.
 * @throws never: an unreachable place is `{ state: 'unknown', reason: 'unreachable' }`.
 */
export async function checkStatus(manifest: Pick<BundleManifest, 'id' | 'issuer' | 'revocationEndpoint'>, get: StatusGet): Promise<BundleStatus> {
  const url = statusUrl(manifest);
  if (!url) return { state: 'unknown', reason: 'no-place', place: null, detail: 'the bundle names no place to check its status' };
  let answer: { status: number; body: string };
  try {
    answer = await get(url);
  } catch (cause) {
    return { state: 'unknown', reason: 'unreachable', place: url, detail: cause instanceof Error ? cause.message : String(cause) };
  }
  return readStatusAnswer(url, answer, manifest);
}
