/** The citizen's data: /me, the six sync resources, and document PDFs. */
import { Hono, type Context } from 'hono';
import type { ManifestEntry, ResourceName } from '../../municipal/api/schemas';
import { RESOURCES } from '../../municipal/api/schemas';
import { manifestEntryOf } from '../../municipal/api/signature';
import { checkCursor, encodeCursor } from '../cursor';
import type { LedgerEntry } from '../ledger';
import { problem } from '../problem';
import { logRepresentativeRead } from '../representative-log';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type MunicipalityState } from '../state';
import type { CitizenEnv } from './session';
import { holdsBack, viewerOf } from './session';

const manifestCache = new WeakMap<object, ManifestEntry>();

/** Digests are computed once per record version: records are never mutated in place. */
function manifestEntry(record: object): ManifestEntry {
  let entry = manifestCache.get(record);
  if (!entry) {
    entry = manifestEntryOf(record);
    manifestCache.set(record, entry);
  }
  return entry;
}

export function signPage(state: MunicipalityState, subject: string, resource: string, cursor: string | null, records: object[]): string {
  return state.keys.sign({
    iss: state.baseUrl,
    sub: subject,
    resource,
    cursor,
    iat: Math.floor(state.now() / 1000),
    items: records.map(manifestEntry),
  });
}

export function citizenRoutes(state: MunicipalityState): Hono<CitizenEnv> {
  const app = new Hono<CitizenEnv>();

  app.get('/me', (c) => {
    const grant = c.get('grant');
    const dataset = state.catalog.get(grant.subject);
    const actor = state.catalog.get(grant.actor).citizen;
    const viewer = viewerOf(state, grant);
    return c.json({
      citizen: dataset.citizen,
      session: {
        actor: { id: actor.id, name: actor.name.full, birthDate: actor.birthDate, relation: grant.relation },
        scope: 'citizen-data',
        youthRestricted: viewer.youthRestricted,
        heldBack: viewer.youthRestricted && holdsBack(state.ledger(grant.subject), viewer),
        ...(viewer.power ? { powerOfAttorney: state.powers.resource(viewer.power, state.currentDay()) } : {}),
      },
      signature: signPage(state, grant.subject, 'me', null, [dataset.citizen]),
    });
  });

  for (const resource of RESOURCES) {
    app.get(`/${resource}`, (c) => listResource(c, state, resource));
  }

  app.get('/documents/:documentId/content', (c) => {
    const grant = c.get('grant');
    const viewer = viewerOf(state, grant);
    if (!viewer.mayRead('documents')) return outsidePower(c, 'documents');
    const entry = state.ledger(grant.subject).get('documents', c.req.param('documentId'));
    const bytes = entry && viewer.maySee(entry) ? state.catalog.get(grant.subject).pdfs.get(entry.id) : undefined;
    if (!entry || !bytes) {
      return problem(c, 'not-found', 404, 'no PDF for this document');
    }
    const title = 'title' in entry.record && typeof entry.record.title === 'string' ? entry.record.title : entry.id;
    logRepresentativeRead(state, viewer, grant.subject, 'documents', { id: entry.id, title });
    return c.body(bytes.slice().buffer, 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${entry.id}.pdf"`,
    });
  });

  return app;
}

/** 403 for a resource a representative's power of attorney does not cover. */
export function outsidePower(c: Context<CitizenEnv>, resource: ResourceName): Response {
  return problem(c, 'outside-power-of-attorney', 403, `the power of attorney does not cover ${resource}`);
}

function listResource(c: Context<CitizenEnv>, state: MunicipalityState, resource: ResourceName): Response {
  const grant = c.get('grant');
  const viewer = viewerOf(state, grant);
  if (!viewer.mayRead(resource)) return outsidePower(c, resource);
  const limitParam = c.req.query('limit');
  const limit = limitParam === undefined ? DEFAULT_PAGE_SIZE : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    return problem(c, 'invalid-request', 400, `limit must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  const cursor = c.req.query('cursor');
  const where = { epoch: state.epoch, subject: grant.subject, actor: grant.actor, resource, policy: viewer.policy };
  const check = checkCursor(cursor, where);
  if (!check.ok) return problem(c, check.code, check.code === 'invalid-cursor' ? 400 : 410, check.detail);
  logRepresentativeRead(state, viewer, grant.subject, resource);

  const ledger = state.ledger(grant.subject);
  const etag = `W/"${state.epoch}.${viewer.policy}.${ledger.resourceHighWater(resource)}.${check.after}.${limit}"`;
  if (c.req.header('If-None-Match') === etag) return c.body(null, 304, { ETag: etag });

  const page: LedgerEntry[] = [];
  let position = check.after;
  let more = false;
  // A sync from the start has nothing to delete yet: its first page skips tombstones.
  const skipTombstones = check.after === 0;
  for (const entry of ledger.changesAfter(resource, check.after)) {
    if (!viewer.maySee(entry) || (skipTombstones && entry.record.type === 'tombstone')) {
      if (page.length < limit) position = entry.seq;
      continue;
    }
    if (page.length === limit) {
      more = true;
      break;
    }
    page.push(entry);
    position = entry.seq;
  }
  const token = encodeCursor({ e: state.epoch, u: grant.subject, a: grant.actor, r: resource, p: viewer.policy, s: position });
  const items = page.map((e) => e.record);
  return c.json(
    {
      items,
      nextCursor: more ? token : null,
      syncToken: token,
      signature: signPage(state, grant.subject, resource, cursor ?? null, items),
    },
    200,
    { ETag: etag },
  );
}
