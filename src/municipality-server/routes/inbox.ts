/**
 * The inbox of a case: the citizen sends a bundle (opaque bytes, size-limited) or a correction
 * request (JSON) and gets a signed receipt. Kept in memory, the bodies too: a bundle is opened
 * by the municipality with its own identity (state.recipient), never by this route.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { sha256 } from '@noble/hashes/sha2.js';
import { base64urlEncode } from '../../municipal/api/encoding';
import { CorrectionRequest, type InboxReceipt } from '../../municipal/api/schemas';
import { toCopenhagenIso } from '../data/dates';
import { problem } from '../problem';
import type { MunicipalityState } from '../state';
import { openBundle } from '../../bundle/index';
import { signPage } from './citizen';
import { viewerOf, type CitizenEnv } from './session';

export function inboxRoutes(state: MunicipalityState): Hono<CitizenEnv> {
  const app = new Hono<CitizenEnv>();

  const visibleCase = (c: import('hono').Context<CitizenEnv>) => {
    const grant = c.get('grant');
    const entry = state.ledger(grant.subject).get('cases', c.req.param('caseId') ?? '');
    return entry && viewerOf(state, grant).maySee(entry) ? entry : undefined;
  };

  app.post(
    '/cases/:caseId/inbox',
    bodyLimit({
      maxSize: state.maxInboxBytes,
      onError: (c) => problem(c, 'payload-too-large', 413, `the limit is ${state.maxInboxBytes} bytes`),
    }),
    async (c) => {
      const grant = c.get('grant');
      const caseEntry = visibleCase(c);
      if (!caseEntry) return problem(c, 'not-found', 404, 'no such case');
      const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim();
      if (type !== 'application/octet-stream' && type !== 'application/json') {
        return problem(c, 'unsupported-media-type', 415, 'send application/octet-stream (a bundle) or application/json (a correction request)');
      }
      const body = new Uint8Array(await c.req.arrayBuffer());
      if (type === 'application/json') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
        } catch {
          return problem(c, 'invalid-request', 400, 'the body is not JSON');
        }
        const request = CorrectionRequest.safeParse(parsed);
        if (!request.success) return problem(c, 'invalid-request', 400, `not a correction request: ${request.error.issues[0]?.message ?? ''}`);
        const target = state.ledger(grant.subject).get(request.data.target.resource, request.data.target.id);
        if (!target || !viewerOf(state, grant).maySee(target)) return problem(c, 'invalid-request', 400, 'the record to correct does not exist');
      } else if (body.length === 0) {
        return problem(c, 'invalid-request', 400, 'the bundle is empty');
      }
      const list = state.inbox.get(grant.subject) ?? [];
      const receipt: InboxReceipt = {
        type: 'inbox-receipt',
        id: `kvit-${grant.subject}-${String(list.length + 1).padStart(4, '0')}`,
        version: 1,
        caseId: caseEntry.id,
        kind: type === 'application/json' ? 'correction' : 'bundle',
        receivedAt: toCopenhagenIso(state.now()),
        bytes: body.length,
        sha256: base64urlEncode(sha256(body)),
        status: 'received',
      };
      list.push(receipt);
      state.inbox.set(grant.subject, list);
      state.inboxBodies.set(receipt.id, body);
      if (receipt.kind === 'bundle') await rememberBundle(state, receipt.id, body);
      return c.json({ receipt, signature: signPage(state, grant.subject, 'inbox', null, [receipt]) }, 201);
    },
  );

  app.get('/cases/:caseId/inbox', (c) => {
    const caseEntry = visibleCase(c);
    if (!caseEntry) return problem(c, 'not-found', 404, 'no such case');
    const items = (state.inbox.get(c.get('grant').subject) ?? []).filter((r) => r.caseId === caseEntry.id);
    return c.json({ items });
  });

  app.get('/inbox', (c) => c.json({ items: state.inbox.get(c.get('grant').subject) ?? [] }));

  return app;
}

/**
 * Opens an arrived bundle with the municipality's identity, by its own clock, to learn its id
 * and issuer key, so a later revocation notice can be checked. A bundle that does not open (not
 * for this municipality, or outside its validity) is still kept, since the receipt says only
 * that bytes arrived; it just cannot be withdrawn here.
 */
async function rememberBundle(state: MunicipalityState, receiptId: string, body: Uint8Array): Promise<void> {
  const opened = await openBundle(body, { identity: state.recipient.identity, now: new Date(state.now()) });
  if (opened.ok) state.inboxBundles.set(opened.manifest.id, { receiptId, issuerKey: opened.manifest.issuer.jwk.x });
}
