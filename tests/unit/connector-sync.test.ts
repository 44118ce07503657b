/**
 * The connector against the reference municipality: a full sync stores every resource with
 * provenance that verifies later; re-syncs store only changes and never touch the citizen's
 * notes; the server's reset (410) leads to a full re-sync that drops what did not come back.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyRecordProvenance } from '../../src/municipal/api/signature';
import { RESOURCES } from '../../src/municipal/api/schemas';
import {
  municipalCaseKind,
  municipalCitizenKind,
  municipalConnectionKind,
  municipalDocumentKind,
  municipalPdfKind,
  municipalSignatureKind,
} from '../../src/records/municipal/index';
import { sha256 } from '@noble/hashes/sha2.js';
import { connectorHarness, storedVersions, type ConnectorHarness } from './support/connector-harness';
import { fromBase64Url, toBase64Url } from '../../src/shared/base64url';
import { noteKind } from '../../src/records/note';

let h: ConnectorHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('full sync', () => {
  it('stores every resource the municipality serves Thomas, each record verifiable from the vault alone', async () => {
    h = await connectorHarness({ pageSize: 7 });
    const { connectionId } = await h.connect();
    const status = (await h.service.handlers.municipalSyncStatus({}))[0]!;
    expect(status.state).toBe('ok');
    expect(status.rejected).toBe(0);
    expect(status.fraction).toBe(1);

    const served = await h.served();
    const stored = await storedVersions(h);
    for (const resource of RESOURCES) {
      expect(served[resource].size, resource).toBeGreaterThan(0);
      expect(stored[resource], resource).toEqual(served[resource]);
    }

    // Provenance from stored data only: the record as received, its page JWS, the cached JWKS.
    const jwks = await (await fetch(`${h.server.url}/.well-known/jwks.json`)).json();
    const signatures = await h.vault.records.list(h.profileId, municipalSignatureKind);
    const jwsById = new Map(signatures.records.map((s) => [s.id, s.data.jws]));
    let checked = 0;
    for (const resource of RESOURCES) {
      for (const data of (await h.stored(resource)).values()) {
        const manifest = verifyRecordProvenance(data.record, jwsById.get(data.provenance.signatureId)!, jwks);
        expect(manifest.sub).toBe('thomas');
        checked++;
      }
    }
    expect(checked).toBe(RESOURCES.reduce((n, r) => n + served[r].size, 0));

    const citizen = await h.vault.records.list(h.profileId, municipalCitizenKind);
    expect(citizen.records).toHaveLength(1);
    expect(citizen.records[0]!.data.record.id).toBe('thomas');
    expect(citizen.records[0]!.data.session.actor.relation).toBe('self');

    const [summary] = await h.service.handlers.municipalConnections({ profileId: h.profileId });
    expect(summary).toMatchObject({ id: connectionId, origin: h.server.url, signedIn: true, citizen: { id: 'thomas' } });
    expect(summary!.municipality.name).toMatch(/Kommune/);
    expect(summary!.lastSync).toMatchObject({ result: 'ok', rejected: 0 });
    expect(JSON.stringify(summary)).not.toMatch(/token/i);
  });

  it('reports progress as events, rising to 1', async () => {
    h = await connectorHarness({ pageSize: 5 });
    await h.connect();
    const fractions = h.events.flatMap((e) => (e.type === 'municipal-sync' ? [e.status.fraction] : []));
    expect(fractions.length).toBeGreaterThan(10);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]!).toBeGreaterThanOrEqual(fractions[i - 1]!);
    expect(fractions.at(-1)).toBe(1);
    const last = h.events.at(-1)!;
    expect(last.type === 'municipal-sync' && last.status.parts.find((p) => p.part === 'activities')!.pages).toBeGreaterThan(5);
  });

  it('asks for each page once, the next one before the page before it is stored', async () => {
    h = await connectorHarness({ pageSize: 3 });
    await h.connect();
    const pages = h.trace.filter((t) => t.includes('/citizen/v1/activities?'));
    expect(pages.length).toBeGreaterThan(3);
    expect(new Set(pages).size).toBe(pages.length);
    // The first page of a feed is stored on its own (sync-batch.ts); the second page was asked for before that write ended.
    const first = h.trace.indexOf(pages[0]!);
    const firstWrite = h.trace.indexOf('write', first);
    expect(h.trace.indexOf(pages[1]!)).toBeLessThan(firstWrite);
  });

  it('asks for the next feed\u2019s first page once the feed before it has its last one, before that page is stored', async () => {
    h = await connectorHarness({ pageSize: 3 });
    const harness = h;
    // Where in the trace each write of cases began.
    const casesWrites: number[] = [];
    const write = harness.vault.records.write.bind(harness.vault.records);
    harness.vault.records.write = (ops, options) => {
      if (ops.some((op) => op.kind === municipalCaseKind.name)) casesWrites.push(harness.trace.length);
      return write(ops, options);
    };
    await harness.connect();
    const casesPages = harness.trace.filter((t) => t.includes('/citizen/v1/cases?'));
    expect(casesPages.length).toBeGreaterThan(1);
    const firstDecisions = harness.trace.findIndex((t) => t.includes('/citizen/v1/decisions?'));
    expect(firstDecisions).toBeGreaterThan(harness.trace.indexOf(casesPages.at(-1)!));
    expect(firstDecisions).toBeLessThan(casesWrites.at(-1)!);
  });

  it('goes on verifying pages while a write lands, and stores what it gathered in the next write', async () => {
    // One record a page: the first feed, cases, comes in six pages.
    h = await connectorHarness({ pageSize: 1 });
    const harness = h;
    const caseWrites: number[] = [];
    // Pages of cases the sync has read, as its last progress event said.
    let pagesRead = 0;
    let release: (() => void) | null = null;
    const write = harness.vault.records.write.bind(harness.vault.records);
    harness.vault.records.write = async (ops, options) => {
      const records = ops.filter((op) => op.kind === municipalCaseKind.name).length;
      if (records > 0) caseWrites.push(records);
      // The feed's first write (its first page) lands only once the sync has read five pages.
      if (caseWrites.length === 1 && records > 0) await new Promise<void>((go) => (release = go));
      return write(ops, options);
    };
    const push = harness.events.push.bind(harness.events);
    harness.events.push = (...events) => {
      for (const e of events) {
        if (e.type === 'municipal-sync') pagesRead = e.status.parts.find((p) => p.part === 'cases')!.pages;
        if (pagesRead >= 5) release?.();
      }
      return push(...events);
    };
    await harness.connect();
    const served = (await harness.served()).cases;
    expect(served.size).toBeGreaterThan(5);
    // Pages two to five were verified while the first write was held, and went into the next write.
    expect(caseWrites[0]).toBe(1);
    expect(caseWrites[1]).toBeGreaterThanOrEqual(4);
    expect(caseWrites.reduce((n, k) => n + k, 0)).toBe(served.size);
    expect((await storedVersions(harness)).cases).toEqual(served);
  });

  it('keeps the small PDFs, checked against their signed digests, and serves them offline', async () => {
    h = await connectorHarness();
    const { connectionId } = await h.connect();
    const pdfs = await h.vault.records.list(h.profileId, municipalPdfKind);
    const documents = await h.stored('documents');
    const withPdf = [...documents.values()].filter((d) => (d.record.content as { format: string }).format === 'pdf');
    expect(withPdf.length).toBeGreaterThan(0);
    expect(pdfs.records).toHaveLength(withPdf.length);
    for (const pdf of pdfs.records) {
      expect(toBase64Url(sha256(fromBase64Url(pdf.data.data)))).toBe(pdf.data.sha256);
      expect(new TextDecoder().decode(fromBase64Url(pdf.data.data).subarray(0, 5))).toBe('%PDF-');
    }
    // Offline: the server is gone, the PDF still opens.
    const docs = await h.vault.records.list(h.profileId, municipalDocumentKind);
    const doc = docs.records.find((d) => (d.data.record.content as { format: string }).format === 'pdf')!;
    await h.server.close();
    const pdf = await h.service.handlers.municipalDocumentPdf({ profileId: h.profileId, documentId: doc.id });
    expect(pdf.sha256).toBe((doc.data.record.content as { sha256: string }).sha256);
    // And a sync while offline says so, and keeps everything.
    const before = await storedVersions(h);
    const status = await h.sync(connectionId);
    expect(status.error).toBe('municipality-unreachable');
    expect(await storedVersions(h)).toEqual(before);
    h.server = { ...h.server, close: async () => {} };
  });
});

describe('re-sync', () => {
  it('stores only the changes (update, delete, add) and keeps the citizen\u2019s note on a case', async () => {
    h = await connectorHarness({ pageSize: 5 });
    const { connectionId } = await h.connect();
    const cases = await h.vault.records.list(h.profileId, municipalCaseKind);
    const target = cases.records[0]!;
    const [note] = await h.vault.records.write([
      {
        op: 'put',
        profileId: h.profileId,
        kind: 'note',
        data: { title: 'Spørg om kørsel', body: 'Ring tirsdag.', attachedTo: { kind: 'municipal-case', id: target.id } },
      },
    ]);

    // Nothing changed: nothing stored, and one vault write only (the connection's time of this sync).
    const writes = vi.spyOn(h.vault.records, 'write');
    const quiet = await h.sync(connectionId);
    expect(quiet).toMatchObject({ state: 'ok', stored: 0, deleted: 0 });
    expect(writes.mock.calls.map(([ops]) => ops.map((op) => op.kind))).toEqual([['municipal-connection']]);
    const lastSynced = (await h.vault.records.list(h.profileId, municipalConnectionKind)).records[0]!.data;
    expect(Object.values(lastSynced.resources).every((r) => r.lastSyncedAt === new Date(h!.clock.now).toISOString())).toBe(true);
    writes.mockRestore();

    const caseId = String(target.data.record.id);
    const payments = [...(await h.stored('payments')).keys()];
    const activity = [...(await h.stored('activities')).values()][0]!.record;
    await h.change('thomas', { op: 'update', resource: 'cases', id: caseId, patch: { title: 'Ny titel på sagen' } });
    await h.change('thomas', { op: 'delete', resource: 'payments', id: payments[0] });
    await h.change('thomas', { op: 'add', resource: 'activities', record: { ...activity, id: 'act-new-1', title: 'Nyt møde' } });

    const status = await h.sync(connectionId);
    expect(status.state).toBe('ok');
    expect(status.parts.find((p) => p.part === 'cases')).toMatchObject({ stored: 1, deleted: 0 });
    expect(status.parts.find((p) => p.part === 'payments')).toMatchObject({ stored: 0, deleted: 1 });
    expect(status.parts.find((p) => p.part === 'activities')).toMatchObject({ stored: 1, deleted: 0 });
    expect(status.parts.find((p) => p.part === 'documents')).toMatchObject({ stored: 0, deleted: 0 });

    expect((await h.stored('cases')).get(caseId)!.record.title).toBe('Ny titel på sagen');
    expect((await h.stored('payments')).has(payments[0]!)).toBe(false);
    expect((await h.stored('activities')).get('act-new-1')!.record.title).toBe('Nyt møde');
    expect(await storedVersions(h)).toEqual(await h.served());

    const kept = await h.vault.records.get(h.profileId, noteKind, note!.id);
    expect(kept!.data).toEqual(note!.data);
    // The note still points at the same case record: re-syncs overwrite it under the same id.
    const updated = await h.vault.records.get(h.profileId, municipalCaseKind, kept!.data.attachedTo!.id);
    expect(updated!.data.record.id).toBe(caseId);
  });

  it('after the server resets its feed (410), fetches everything again and drops what did not come back', async () => {
    h = await connectorHarness({ pageSize: 5 });
    const { connectionId } = await h.connect();
    const activity = [...(await h.stored('activities')).values()][0]!.record;
    await h.change('thomas', { op: 'add', resource: 'activities', record: { ...activity, id: 'act-gone-after-reset', title: 'Midlertidig' } });
    await h.sync(connectionId);
    expect((await h.stored('activities')).has('act-gone-after-reset')).toBe(true);

    await fetch(`${h.server.url}/__test/reset`, { method: 'POST' }); // old cursors now get 410
    const status = await h.sync(connectionId);
    expect(status.state).toBe('ok');
    expect((await h.stored('activities')).has('act-gone-after-reset')).toBe(false);
    expect(status.parts.find((p) => p.part === 'activities')!.deleted).toBe(1);
    expect(await storedVersions(h)).toEqual(await h.served());

    // Back to incremental: the next sync is quiet.
    expect(await h.sync(connectionId)).toMatchObject({ state: 'ok', stored: 0, deleted: 0 });
  });

  it('drops page signatures no stored record uses any more', async () => {
    h = await connectorHarness({ pageSize: 50 });
    const { connectionId } = await h.connect();
    const before = await h.vault.records.list(h.profileId, municipalSignatureKind);
    // Every access-log entry sits on one page: change them all and that page's signature is unused.
    const entries = [...(await h.stored('access-log')).keys()];
    for (const id of entries) await h.change('thomas', { op: 'update', resource: 'access-log', id, patch: { reason: 'Opfølgning' } });
    await h.sync(connectionId);
    const after = await h.vault.records.list(h.profileId, municipalSignatureKind);
    const logPages = after.records.filter((s) => s.data.resource === 'access-log');
    expect(logPages).toHaveLength(1);
    // Two /me signatures never pile up either: each sync's /me replaces the last.
    expect(after.records.filter((s) => s.data.resource === 'me')).toHaveLength(1);
    expect(after.records.length).toBe(before.records.length);
  });
});

describe('youth rules', () => {
  it('stores for Freja (16) exactly what the municipality serves her, which is less than it holds', async () => {
    h = await connectorHarness({ login: 'freja' });
    await h.connect();
    const served = await h.served('freja');
    expect(await storedVersions(h)).toEqual(served);
    const all = h.server.state.ledger('freja');
    const hidden = RESOURCES.some((r) => [...all.changesAfter(r, 0)].filter((e) => e.record.type !== 'tombstone').length > served[r].size);
    expect(hidden).toBe(true);
  });
});
