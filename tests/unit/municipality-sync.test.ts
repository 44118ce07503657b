import { describe, expect, it } from 'vitest';
import { verifyPage, verifyRecordProvenance } from '../../src/municipal/api';
import { bearer, getPage, makeApp, syncAll, tokenFor } from './municipality-test-helpers';

async function change(app: ReturnType<typeof makeApp>['app'], citizenId: string, body: unknown) {
  const res = await app.request(`/__test/citizens/${citizenId}/changes`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return res.json();
}

describe('sync', () => {
  it('pages through a resource: every record once, every page signed over exactly its items', async () => {
    const { app, state } = makeApp();
    const { access } = await tokenFor(app, 'thomas');
    const jwks = state.keys.jwks();
    const { items, pages } = await syncAll(app, access, 'documents', { limit: 5 });
    const expected = state.catalog.get('thomas').records.documents;
    expect(pages.length).toBe(Math.ceil(expected.length / 5));
    expect(items.map((i) => i.id)).toEqual(expected.map((d) => d.id));
    for (const page of pages) {
      const manifest = verifyPage(page, jwks);
      expect(manifest.sub).toBe('thomas');
      expect(manifest.resource).toBe('documents');
    }
    // Any one record stays checkable later from (record, its page's JWS).
    expect(verifyRecordProvenance(pages[1]!.items[2], pages[1]!.signature, jwks).iss).toBe(state.baseUrl);
  });

  it('an incremental sync returns only what changed, including tombstones', async () => {
    const { app } = makeApp();
    const { access } = await tokenFor(app, 'thomas');
    const full = await syncAll(app, access, 'activities', { limit: 50 });
    const untouched = await getPage(app, access, 'activities', full.syncToken);
    expect(untouched.items).toEqual([]);
    expect(untouched.nextCursor).toBeNull();

    const target = full.items[3]!;
    const gone = full.items[7]!;
    await change(app, 'thomas', { op: 'update', resource: 'activities', id: target.id, patch: { status: 'cancelled' } });
    await change(app, 'thomas', { op: 'delete', resource: 'activities', id: gone.id });
    await change(app, 'thomas', { op: 'update', resource: 'cases', id: 'thomas-sag-0001', patch: {} });

    const delta = await syncAll(app, access, 'activities', { cursor: full.syncToken });
    expect(delta.items).toHaveLength(2);
    expect(delta.items[0]).toMatchObject({ id: target.id, version: 2, status: 'cancelled' });
    expect(delta.items[1]).toMatchObject({ type: 'tombstone', resource: 'activities', id: gone.id, version: 2 });
    const after = await getPage(app, access, 'activities', delta.syncToken);
    expect(after.items).toEqual([]);
    // A new full sync has neither the deleted record nor its tombstone, and has the new version.
    const again = await syncAll(app, access, 'activities');
    expect(again.items.map((i) => i.id)).not.toContain(gone.id);
    expect(again.items.find((i) => i.id === target.id)).toMatchObject({ version: 2 });
  });

  it('adds new records at the end of the feed', async () => {
    const { app, state } = makeApp();
    const { access } = await tokenFor(app, 'thomas');
    const full = await syncAll(app, access, 'payments');
    const template = state.catalog.get('thomas').records.payments[0]!;
    await change(app, 'thomas', { op: 'add', resource: 'payments', record: { ...template, id: 'thomas-udb-9999' } });
    const delta = await syncAll(app, access, 'payments', { cursor: full.syncToken });
    expect(delta.items.map((i) => i.id)).toEqual(['thomas-udb-9999']);
  });

  it('refuses cursors of another resource or citizen (400) and of an earlier data generation (410)', async () => {
    const { app } = makeApp();
    const thomas = (await tokenFor(app, 'thomas')).access;
    const mette = (await tokenFor(app, 'mette')).access;
    const { syncToken } = await getPage(app, thomas, 'cases');
    expect((await app.request(`/citizen/v1/decisions?cursor=${syncToken}`, { headers: bearer(thomas) })).status).toBe(400);
    expect((await app.request(`/citizen/v1/cases?cursor=${syncToken}`, { headers: bearer(mette) })).status).toBe(400);
    expect((await app.request('/citizen/v1/cases?cursor=garbage', { headers: bearer(thomas) })).status).toBe(400);
    await app.request('/__test/reset', { method: 'POST' });
    const res = await app.request(`/citizen/v1/cases?cursor=${syncToken}`, { headers: bearer(thomas) });
    expect(res.status).toBe(410);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(((await res.json()) as { code: string }).code).toBe('sync-reset-required');
  });

  it('answers 304 to a repeated request while nothing changed, and 200 after a change', async () => {
    const { app } = makeApp();
    const { access } = await tokenFor(app, 'thomas');
    const first = await app.request('/citizen/v1/cases', { headers: bearer(access) });
    const etag = first.headers.get('ETag')!;
    expect((await app.request('/citizen/v1/cases', { headers: { ...bearer(access), 'If-None-Match': etag } })).status).toBe(304);
    await change(app, 'thomas', { op: 'update', resource: 'cases', id: 'thomas-sag-0001', patch: {} });
    expect((await app.request('/citizen/v1/cases', { headers: { ...bearer(access), 'If-None-Match': etag } })).status).toBe(200);
  });

  it('serves the heavy citizen in signed pages of 1000', async () => {
    const { app, state } = makeApp({ heavy: { scale: 0.2 } });
    const { access } = await tokenFor(app, 'heavy');
    const { items, pages } = await syncAll(app, access, 'activities', { limit: 1000 });
    expect(items).toHaveLength(5000);
    expect(pages).toHaveLength(5);
    verifyPage(pages[4]!, state.keys.jwks());
  });
});
