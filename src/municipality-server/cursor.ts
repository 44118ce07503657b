/**
 * Sync cursors: opaque to clients, here a base64url JSON of the data generation (epoch), the
 * citizen, who signed in (actor), the resource, the visibility policy and the last change
 * sequence delivered. A cursor from another person's session — a representative trying the
 * grantor's own — is refused as not theirs; it would reveal nothing (every page is filtered by
 * the viewer), but a clear refusal beats a silently different sync. A cursor
 * from another generation or visibility (a reset, a birthday that opens youth data) cannot be
 * continued: the client gets 410 and starts a full sync.
 */
import { z } from 'zod';
import type { ResourceName } from '../municipal/api/schemas';
import { fromBase64Url, toBase64Url } from '../shared/base64url';
import { fromUtf8, utf8 } from '../shared/bytes';

const CursorData = z.object({
  v: z.literal(1),
  e: z.string(),
  u: z.string(),
  a: z.string(),
  r: z.string(),
  p: z.string(),
  s: z.int().min(0),
});
export type CursorData = z.infer<typeof CursorData>;

export function encodeCursor(data: Omit<CursorData, 'v'>): string {
  return toBase64Url(utf8(JSON.stringify({ v: 1, ...data })));
}

export type CursorCheck = { ok: true; after: number } | { ok: false; code: 'invalid-cursor' | 'sync-reset-required'; detail: string };

export function checkCursor(
  cursor: string | undefined,
  expected: { epoch: string; subject: string; actor: string; resource: ResourceName; policy: string },
): CursorCheck {
  if (cursor === undefined || cursor === '') return { ok: true, after: 0 };
  let data: CursorData;
  try {
    data = CursorData.parse(JSON.parse(fromUtf8(fromBase64Url(cursor))));
  } catch {
    return { ok: false, code: 'invalid-cursor', detail: 'the cursor is not one this server issued' };
  }
  if (data.u !== expected.subject || data.r !== expected.resource) {
    return { ok: false, code: 'invalid-cursor', detail: 'the cursor belongs to another citizen or resource' };
  }
  if (data.a !== expected.actor) {
    return { ok: false, code: 'invalid-cursor', detail: 'the cursor belongs to another person\u2019s session' };
  }
  if (data.e !== expected.epoch || data.p !== expected.policy) {
    return { ok: false, code: 'sync-reset-required', detail: 'the data or what you may see has changed; sync again from the start' };
  }
  return { ok: true, after: data.s };
}
