/**
 * A first full sync cut short at many points — the server stops mid-page, the background
 * restarts between pages, a vault write fails — and the next sync ending with exactly the
 * server's records: none twice, none lost, each still verifiable against the municipality's keys.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RESOURCES } from '../../src/municipal/api/schemas';
import { verifyRecordProvenance } from '../../src/municipal/api/signature';
import { KIND_OF_RESOURCE, municipalSignatureKind } from '../../src/records/municipal/index';
import { VaultError } from '../../src/vault/errors';
import type { SyncStatus } from '../../src/records/municipal/sync-status';
import { connectorHarness, type ConnectorHarness } from './support/connector-harness';

let h: ConnectorHarness | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await h?.close();
  h = undefined;
});

/** Small pages, so that Thomas's records come in dozens of pages and several vault writes. */
const PAGE_SIZE = 3;

/** The vault holds each record the server serves exactly once, at the served version, with provenance that verifies. */
async function expectExactlyServed(h: ConnectorHarness): Promise<void> {
  const served = await h.served();
  const jwks = await (await fetch(`${h.server.url}/.well-known/jwks.json`)).json();
  const signatures = await h.vault.records.list(h.profileId, municipalSignatureKind);
  const jwsById = new Map(signatures.records.map((s) => [s.id, s.data.jws]));
  for (const resource of RESOURCES) {
    const { records, damaged } = await h.vault.records.list(h.profileId, KIND_OF_RESOURCE[resource]);
    expect(damaged, resource).toEqual([]);
    const ids = records.map((r) => String(r.data.record.id));
    expect(ids.length, `${resource}: no record twice`).toBe(new Set(ids).size);
    expect(new Map(records.map((r) => [String(r.data.record.id), Number(r.data.record.version)])), resource).toEqual(served[resource]);
    for (const r of records) expect(verifyRecordProvenance(r.data.record, jwsById.get(r.data.provenance.signatureId)!, jwks).sub).toBe('thomas');
  }
}

const storedCount = async (h: ConnectorHarness) => {
  let n = 0;
  for (const resource of RESOURCES) n += (await h.vault.records.list(h.profileId, KIND_OF_RESOURCE[resource])).records.length;
  return n;
};

// Each test starts its own municipality and syncs twice: slow on a busy machine, never a timing assertion.
describe('an interrupted first sync resumes without duplicates', { timeout: 30_000 }, () => {
  it.each([
    ['drop-connection', 'cases', 0],
    ['drop-connection', 'payments', 2],
    ['drop-connection', 'activities', 7],
    ['drop-connection', 'access-log', 3],
    ['malformed-json', 'decisions', 1],
    ['malformed-json', 'activities', 4],
  ])('the server stops mid-page (%s on %s after %i pages)', async (kind, feed, skip) => {
    h = await connectorHarness({ pageSize: PAGE_SIZE });
    // One feed's pages (a prefix over all of /citizen/v1/ would also count the documents' PDFs).
    await h.arm({ kind, path: `/citizen/v1/${feed}`, skip });
    const { connectionId } = await h.connect();
    const cut = (await h.service.handlers.municipalSyncStatus({}))[0]!;
    expect(cut.state).not.toBe('ok');
    expect(cut.error).toBe(kind === 'drop-connection' ? 'municipality-unreachable' : 'municipality-bad-response');
    const served = Object.values(await h.served()).reduce((n, m) => n + m.size, 0);
    const before = await storedCount(h);
    expect(before).toBeLessThan(served);

    const resumed = await h.sync(connectionId);
    expect(resumed).toMatchObject({ state: 'ok', error: null, rejected: 0 });
    await expectExactlyServed(h);
    // Nothing stored by the first attempt is stored again: the resumed sync brings only what was missing.
    expect(resumed.stored).toBe(served - before);
  });

  it.each([2, 9, 24])('the background restarts after %i pages', async (pages) => {
    h = await connectorHarness({ pageSize: PAGE_SIZE });
    const harness = h;
    let seen = 0;
    const restarted = new Promise<void>((resolve) => {
      const push = harness.events.push.bind(harness.events);
      harness.events.push = (...events) => {
        for (const e of events) {
          if (e.type !== 'municipal-sync') continue;
          const total = e.status.parts.reduce((n, p) => n + p.pages, 0);
          if (total >= pages && seen++ === 0) {
            harness.events.push = push;
            harness.restart();
            resolve();
          }
        }
        return push(...events);
      };
    });
    const { connectionId } = await harness.service.handlers.municipalConnect({ profileId: harness.profileId, origin: harness.server.url });
    await restarted;
    expect(await storedCount(harness)).toBeLessThan(Object.values(await harness.served()).reduce((n, m) => n + m.size, 0));

    const resumed = await harness.sync(connectionId);
    expect(resumed).toMatchObject({ state: 'ok', error: null, rejected: 0 });
    await expectExactlyServed(harness);
  });

  it.each([2, 4, 7])('vault write %i fails', async (failing) => {
    h = await connectorHarness({ pageSize: PAGE_SIZE });
    const store = h.vault.records;
    const write = store.write.bind(store);
    let calls = 0;
    vi.spyOn(store, 'write').mockImplementation((ops, options) => {
      // Only the sync's writes of records count (not the connection being created or signed in).
      if (ops.some((op) => op.kind !== 'municipal-connection') && ++calls === failing) {
        return Promise.reject(new VaultError('storage-failed', 'the disk is full'));
      }
      return write(ops, options);
    });
    const { connectionId } = await h.connect();
    const cut: SyncStatus = (await h.service.handlers.municipalSyncStatus({}))[0]!;
    expect(cut).toMatchObject({ state: 'partial', error: 'storage-failed' });
    vi.restoreAllMocks();

    const resumed = await h.sync(connectionId);
    expect(resumed).toMatchObject({ state: 'ok', error: null, rejected: 0 });
    await expectExactlyServed(h);
  });

  it('a feed whose last write fails while the next feed is fetched is reported failed', async () => {
    h = await connectorHarness({ pageSize: PAGE_SIZE });
    const store = h.vault.records;
    const write = store.write.bind(store);
    // The cases feed's last write: the one that stores its position as complete.
    const endsCases = (ops: Parameters<typeof write>[0]) =>
      ops.some(
        (op) =>
          op.op === 'put' &&
          op.kind === 'municipal-connection' &&
          (op.data as { resources?: { cases?: { complete?: boolean } } }).resources?.cases?.complete === true,
      );
    let failed = false;
    vi.spyOn(store, 'write').mockImplementation((ops, options) => {
      if (!failed && ops.some((op) => op.kind === KIND_OF_RESOURCE.cases.name) && endsCases(ops)) {
        failed = true;
        return Promise.reject(new VaultError('storage-failed', 'the disk is full'));
      }
      return write(ops, options);
    });
    const { connectionId } = await h.connect();
    const cut: SyncStatus = (await h.service.handlers.municipalSyncStatus({}))[0]!;
    expect(failed).toBe(true);
    expect(cut).toMatchObject({ state: 'partial', error: 'storage-failed' });
    expect(cut.parts.find((p) => p.part === 'cases')).toMatchObject({ state: 'failed', error: 'storage-failed' });
    vi.restoreAllMocks();

    const resumed = await h.sync(connectionId);
    expect(resumed).toMatchObject({ state: 'ok', error: null, rejected: 0 });
    await expectExactlyServed(h);
  });

  it('cut twice, at different places, still ends exact', async () => {
    h = await connectorHarness({ pageSize: PAGE_SIZE });
    await h.arm({ kind: 'drop-connection', path: '/citizen/v1/', skip: 5 });
    const { connectionId } = await h.connect();
    await h.arm({ kind: 'server-error', path: '/citizen/v1/', skip: 8, times: 3 });
    expect((await h.sync(connectionId)).error).toBe('municipality-error');
    expect(await h.sync(connectionId)).toMatchObject({ state: 'ok', rejected: 0 });
    await expectExactlyServed(h);
  });
});
