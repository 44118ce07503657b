/**
 * Every failure a sync can meet, injected by the reference municipality's test mode: a clear
 * error code, the data stored before it intact, and the next sync resuming to completion.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RESOURCES, type ResourceName } from '../../src/municipal/api/schemas';
import { municipalConnectionKind } from '../../src/records/municipal/index';
import { hasCode } from '../../src/messaging/errors';
import { connectorHarness, storedVersions, type ConnectorHarness } from './support/connector-harness';

let h: ConnectorHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Versions = Record<ResourceName, Map<string, number>>;

/** Every record of `earlier` is still stored, at the same version or a newer one. */
function expectIntact(earlier: Versions, now: Versions): void {
  for (const resource of RESOURCES) {
    for (const [id, version] of earlier[resource]) expect(now[resource].get(id), `${resource} ${id}`).toBeGreaterThanOrEqual(version);
  }
}

const total = (v: Versions) => RESOURCES.reduce((n, r) => n + v[r].size, 0);

/**
 * A first full sync, then changes on the server (one new version of each document, so the
 * documents feed has several pages to fetch), then a sync under `fault`.
 */
async function syncWithFault(fault: { kind: string; path?: string; skip?: number; times?: number }) {
  h = await connectorHarness({ pageSize: 5 });
  const { connectionId } = await h.connect();
  const before = await storedVersions(h);
  for (const id of [...before.documents.keys()].slice(0, 12)) {
    await h.change('thomas', { op: 'update', resource: 'documents', id, patch: { title: `Opdateret ${id}` } });
  }
  await h.arm(fault);
  const status = await h.sync(connectionId);
  return { h, connectionId, before, status };
}

/** The next sync (no faults armed) completes and the vault equals what the server serves. */
async function expectResumes(h: ConnectorHarness, connectionId: string) {
  const status = await h.sync(connectionId);
  expect(status.state).toBe('ok');
  expect(status.error).toBeNull();
  expect(await storedVersions(h)).toEqual(await h.served());
}

describe('a sync that fails part-way', () => {
  it('bad-signature: the page is not stored, the citizen is told how many records, the rest syncs, the next sync fetches it', async () => {
    const { h, connectionId, before, status } = await syncWithFault({ kind: 'bad-signature', path: '/citizen/v1/documents', skip: 1 });
    expect(status.state).toBe('partial');
    expect(status.error).toBe('signature-invalid');
    const documents = status.parts.find((p) => p.part === 'documents')!;
    expect(documents).toMatchObject({ state: 'failed', error: 'signature-invalid', rejected: 5 });
    expect(status.rejected).toBe(5);
    // The other resources were still synced.
    expect(status.parts.find((p) => p.part === 'access-log')!.state).toBe('done');
    const middle = await storedVersions(h);
    expectIntact(before, middle);
    // Only the first page of changes (5 records) landed.
    const updated = [...middle.documents].filter(([id, v]) => v > before.documents.get(id)!);
    expect(updated).toHaveLength(5);
    const [summary] = await h.service.handlers.municipalConnections({ profileId: h.profileId });
    expect(summary!.lastSync).toMatchObject({ result: 'partial', error: 'signature-invalid', rejected: 5 });
    await expectResumes(h, connectionId);
  });

  it('tampered-record: only that record is refused; its page-mates are stored; the next sync gets it', async () => {
    const { h, connectionId, before, status } = await syncWithFault({ kind: 'tampered-record', path: '/citizen/v1/documents', skip: 1 });
    expect(status.error).toBe('signature-invalid');
    expect(status.parts.find((p) => p.part === 'documents')).toMatchObject({ rejected: 1 });
    const middle = await storedVersions(h);
    expectIntact(before, middle);
    // The tampered record is the first of page 2: never stored with the tampered content.
    for (const data of (await h.stored('documents')).values()) expect(data.record.updatedAt).not.toBe('2000-01-01T00:00:00+01:00');
    const updated = [...middle.documents].filter(([id, v]) => v > before.documents.get(id)!);
    expect(updated).toHaveLength(5 + 4);
    await expectResumes(h, connectionId);
  });

  it('server-error once: retried with backoff, the sync completes', async () => {
    const { h, status } = await syncWithFault({ kind: 'server-error', path: '/citizen/v1/documents', skip: 1, times: 1 });
    expect(status.state).toBe('ok');
    expect(await storedVersions(h)).toEqual(await h.served());
  });

  it('server-error that persists: stops with municipality-error after the retries', async () => {
    const { h, connectionId, before, status } = await syncWithFault({ kind: 'server-error', path: '/citizen/v1/documents', skip: 1, times: 3 });
    expect(status.state).toBe('partial');
    expect(status.error).toBe('municipality-error');
    // The sync stopped: access-log (after documents) was not attempted.
    expect(status.parts.find((p) => p.part === 'access-log')!.state).toBe('waiting');
    expectIntact(before, await storedVersions(h));
    await expectResumes(h, connectionId);
  });

  it('malformed-json: municipality-bad-response, nothing half-stored', async () => {
    const { h, connectionId, before, status } = await syncWithFault({ kind: 'malformed-json', path: '/citizen/v1/documents', skip: 1 });
    expect(status.error).toBe('municipality-bad-response');
    const middle = await storedVersions(h);
    expectIntact(before, middle);
    expect(total(middle)).toBe(total(before));
    await expectResumes(h, connectionId);
  });

  it('drop-connection: municipality-unreachable, earlier data intact', async () => {
    const { h, connectionId, before, status } = await syncWithFault({ kind: 'drop-connection', path: '/citizen/v1/documents', skip: 2 });
    expect(status.error).toBe('municipality-unreachable');
    expect(status.parts.find((p) => p.part === 'documents')).toMatchObject({ state: 'failed', pages: 2 });
    expectIntact(before, await storedVersions(h));
    await expectResumes(h, connectionId);
  });

  it('unauthorized in the middle: the token is refreshed (and the rotated one stored) and the sync goes on', async () => {
    const { h, status } = await syncWithFault({ kind: 'unauthorized', path: '/citizen/v1/documents', skip: 2 });
    expect(status.state).toBe('ok');
    expect(await storedVersions(h)).toEqual(await h.served());
    // The stored refresh token is the rotated one: the next sync works, and again after a forced refresh.
    await h.arm({ kind: 'unauthorized', path: '/citizen/v1/me' });
    const again = await h.sync((await h.service.handlers.municipalConnections({ profileId: h.profileId }))[0]!.id);
    expect(again.state).toBe('ok');
  });

  it('unauthorized again after the refresh: sign-in-required, data intact, and after signing in the sync completes', async () => {
    const { h, connectionId, before, status } = await syncWithFault({ kind: 'unauthorized', path: '/citizen/v1/documents', skip: 1, times: 2 });
    expect(status.error).toBe('sign-in-required');
    expectIntact(before, await storedVersions(h));
    await expectResumes(h, connectionId);
  });

  it('a refresh token the municipality refuses: sign-in-required, the tokens are forgotten, signing in again resumes', async () => {
    h = await connectorHarness({ pageSize: 5 });
    const { connectionId } = await h.connect();
    const before = await storedVersions(h);
    // Spoil the stored refresh token (the municipality revoked it), then make the access token expire.
    const conn = (await h.vault.records.get(h.profileId, municipalConnectionKind, connectionId))!;
    await h.vault.records.write([
      {
        op: 'put',
        profileId: h.profileId,
        kind: municipalConnectionKind.name,
        id: connectionId,
        data: { ...conn.data, tokens: { ...conn.data.tokens!, refreshToken: 'revoked' } },
      },
    ]);
    await h.arm({ kind: 'unauthorized', path: '/citizen/v1/cases' });
    const status = await h.sync(connectionId);
    expect(status.error).toBe('sign-in-required');
    expectIntact(before, await storedVersions(h));
    const [summary] = await h.service.handlers.municipalConnections({ profileId: h.profileId });
    expect(summary!.signedIn).toBe(false);
    await expect(h.service.handlers.municipalSync({ profileId: h.profileId, connectionId })).rejects.toSatisfy((e) => hasCode(e, 'sign-in-required'));

    // Signing in again renews the tokens on the same connection and continues where it stood.
    const again = await h.service.handlers.municipalConnect({ profileId: h.profileId, origin: h.server.url });
    expect(again.connectionId).toBe(connectionId);
    await h.service.whenIdle();
    expect(await storedVersions(h)).toEqual(await h.served());
  });

  it('a locked vault stops the sync; what was stored stays and the next sync resumes', async () => {
    h = await connectorHarness({ pageSize: 5 });
    const { connectionId } = await h.connect();
    const before = await storedVersions(h);
    for (const id of [...before.documents.keys()].slice(0, 12)) await h.change('thomas', { op: 'update', resource: 'documents', id, patch: { title: 'x' } });
    // Lock as soon as the first page of documents has been stored (a feed's first page is a write of its own).
    const key = h.vault;
    const unsubscribe = h.events.push.bind(h.events);
    let pages = 0;
    h.events.push = (...events) => {
      for (const e of events) if (e.type === 'municipal-sync' && e.status.parts.find((p) => p.part === 'documents')!.stored === 5 && pages++ === 0) key.lock();
      return unsubscribe(...events);
    };
    await h.service.handlers.municipalSync({ profileId: h.profileId, connectionId });
    await h.service.whenIdle();
    // Sync statuses are forgotten with the lock (the router refuses to ask while locked).
    expect(await h.service.handlers.municipalSyncStatus({})).toEqual([]);
    h.events.push = unsubscribe;
    await h.unlock();
    expect(await h.service.handlers.municipalSyncStatus({})).toEqual([]);
    const middle = await storedVersions(h);
    expectIntact(before, middle);
    expect([...middle.documents].filter(([id, v]) => v > before.documents.get(id)!).length).toBe(5);
    await expectResumes(h, connectionId);
  });
});
