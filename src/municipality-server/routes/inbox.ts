/**
 * The inbox of a case: the citizen sends a bundle (opaque bytes, size-limited) or a correction
 * request (JSON) and gets a signed receipt. A representative may use a case's inbox only when
 * their power of attorney covers cases (and the case's topic); the receipt names who sent it.
 * Kept in memory (state.inboxes), the bodies too, within each citizen's quota: a bundle is
 * opened by the municipality with its own identity (state.recipient) only to learn its id and
 * issuer key.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { sha256 } from '@noble/hashes/sha2.js';
import { CorrectionRequest, type InboxReceipt } from '../../municipal/api/schemas';
import { toCopenhagenIso } from '../data/dates';
import { problem } from '../problem';
import type { QuotaBreach } from '../inbox-store';
import type { MunicipalityState } from '../state';
import { openBundle } from '../../bundle/index';
import { outsidePower, signPage } from './citizen';
import { viewerOf, type CitizenEnv } from './session';
import { toBase64Url } from '../../shared/base64url';

export function inboxRoutes(state: MunicipalityState): Hono<CitizenEnv> {
  const app = new Hono<CitizenEnv>();

  // Sending to a case acts in it: a power of attorney that does not cover cases does not allow it.
  const needsCases: MiddlewareHandler<CitizenEnv> = async (c, next) => {
    if (!viewerOf(state, c.get('grant')).mayRead('cases')) return outsidePower(c, 'cases');
    await next();
  };
  // Scoped to the inbox's own paths: this app is mounted beside the other citizen routes.
  app.use('/cases/:caseId/inbox', needsCases);
  app.use('/inbox', needsCases);

  const visibleCase = (c: Context<CitizenEnv>) => {
    const grant = c.get('grant');
    const entry = state.ledger(grant.subject).get('cases', c.req.param('caseId') ?? '');
    return entry && viewerOf(state, grant).maySee(entry) ? entry : undefined;
  };

  // The body is bounded (state.maxInboxBytes) before this runs, by body-limit.ts.
  app.post('/cases/:caseId/inbox', async (c) => {
    const grant = c.get('grant');
    const viewer = viewerOf(state, grant);
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
      if (!target || !viewer.maySee(target)) return problem(c, 'invalid-request', 400, 'the record to correct does not exist');
    } else if (body.length === 0) {
      return problem(c, 'invalid-request', 400, 'the bundle is empty');
    }
    const full = quotaProblem(c, state.inboxes.breach(grant.subject, body.length));
    if (full) return full;
    const list = state.inboxes.list(grant.subject);
    const receipt: InboxReceipt = {
      type: 'inbox-receipt',
      id: `kvit-${grant.subject}-${String(list.length + 1).padStart(4, '0')}`,
      version: 1,
      caseId: caseEntry.id,
      kind: type === 'application/json' ? 'correction' : 'bundle',
      receivedAt: toCopenhagenIso(state.now()),
      bytes: body.length,
      sha256: toBase64Url(sha256(body)),
      status: 'received',
      ...(viewer.representation ? { sentBy: viewer.representation } : {}),
    };
    state.inboxes.add(grant.subject, receipt, body);
    if (receipt.kind === 'bundle') await rememberBundle(state, grant.subject, receipt.id, body);
    return c.json({ receipt, signature: signPage(state, grant.subject, 'inbox', null, [receipt]) }, 201);
  });

  app.get('/cases/:caseId/inbox', (c) => {
    const caseEntry = visibleCase(c);
    if (!caseEntry) return problem(c, 'not-found', 404, 'no such case');
    const items = state.inboxes.list(c.get('grant').subject).filter((r) => r.caseId === caseEntry.id);
    return c.json({ items });
  });

  app.get('/inbox', (c) => {
    const grant = c.get('grant');
    const viewer = viewerOf(state, grant);
    const ledger = state.ledger(grant.subject);
    // Receipts of cases the viewer cannot see (a topic a power holds back) stay out of the list.
    const items = state.inboxes.list(grant.subject).filter((r) => {
      const entry = ledger.get('cases', r.caseId);
      return entry !== undefined && viewer.maySee(entry);
    });
    return c.json({ items });
  });

  return app;
}

/**
 * Opens an arrived bundle with the municipality's identity, by its own clock, to learn its id
 * and issuer key, so a later revocation notice can be checked. A bundle that does not open (not
 * for this municipality, or outside its validity) is still kept, since the receipt says only
 * that bytes arrived; it just cannot be withdrawn here.
 */
async function rememberBundle(state: MunicipalityState, citizen: string, receiptId: string, body: Uint8Array): Promise<void> {
  const opened = await openBundle(body, { identity: state.recipient.identity, now: new Date(state.now()) });
  if (opened.ok) state.inboxes.rememberBundle(citizen, opened.manifest.id, opened.manifest.issuer.jwk.x, receiptId);
}

/**
 * A full inbox, in words the vault can show the citizen: 429 when it holds too many items,
 * 507 when too many bytes. Either way nothing was stored; deleting is the caseworker's, so the
 * citizen is told to contact them.
 */
function quotaProblem(c: Context<CitizenEnv>, breach: QuotaBreach | null): Response | null {
  if (!breach) return null;
  if (breach.quota === 'items') {
    return problem(
      c,
      'inbox-full',
      429,
      `your inboxes at the municipality hold the most items allowed (${breach.limit}); nothing was stored. Contact your caseworker.`,
    );
  }
  const free = Math.max(0, breach.limit - breach.used);
  return problem(
    c,
    'inbox-full',
    507,
    `your inboxes at the municipality have room for ${free} more bytes of ${breach.limit}; nothing was stored. Send less, or contact your caseworker.`,
  );
}
