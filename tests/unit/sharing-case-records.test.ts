/**
 * A share of single records of a case: three chosen documents of Thomas's rehabilitation case
 * (27 documents), made by the real sharing service from the reference municipality's data and
 * opened with the receiver SDK. The bundle holds the case record (what the records are about)
 * and exactly those three documents, with the PDFs of the chosen ones only; the approval lists
 * them one by one; the municipality's signature still covers what went. A chosen record that is
 * gone refuses the share.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity, verifyMunicipalProvenance } from '../../src/bundle/index';
import { SharingService } from '../../src/background/sharing/index';
import type { Document } from '../../src/municipal/api/schemas';
import { open } from '../../src/receiver/sdk';
import { recordsCoveredBy } from '../../src/receiver-page/provenance-check';
import { municipalCaseKind, municipalDocumentKind } from '../../src/records/municipal/index';
import type { SelectionItem } from '../../src/records/sharing/selection';
import { fromBase64Url } from '../../src/shared/base64url';
import { connectorHarness, type ConnectorHarness } from './support/connector-harness';

let h: ConnectorHarness;
let sharing: SharingService;
let recipientId: string;
const them = generateIdentity();
beforeAll(async () => {
  h = await connectorHarness();
  await h.connect();
  sharing = new SharingService({ vault: h.vault, fetch: (url, init) => fetch(url, init), hasHostPermission: async () => true, now: () => h.clock.now });
  recipientId = (await sharing.handlers.recipientAdd({ profileId: h.profileId, source: 'paste', text: them.recipient, name: 'Advokat Lund' })).id;
});
afterAll(() => h.close());

async function rehabilitation() {
  const cases = (await h.vault.records.list(h.profileId, municipalCaseKind)).records;
  const rehab = cases.find((c) => c.data.record.kle.code === '15.17.18')!;
  const documents = (await h.vault.records.list(h.profileId, municipalDocumentKind)).records
    .map((d) => d.data.record)
    .filter((d) => d.caseId === rehab.data.record.id);
  return { rehab, documents };
}

async function share(item: SelectionItem) {
  const request = {
    profileId: h.profileId,
    recipientId,
    purpose: 'Advokatbistand',
    selection: { items: [item] },
    expiry: { kind: 'date' as const, date: '2026-12-31' },
  };
  const preview = await sharing.handlers.sharePreview(request);
  const created = await sharing.handlers.shareCreate(request);
  const chunks: Uint8Array[] = [];
  for (let index = 0; index < created.chunkCount; index++)
    chunks.push(fromBase64Url((await sharing.handlers.shareRead({ transferId: created.transferId, index })).data));
  const opened = await open(new Uint8Array(Buffer.concat(chunks)), { identity: them.identity, now: new Date(h.clock.now + 1000) });
  if (!opened.ok) throw new Error(`${opened.reason}: ${opened.detail}`);
  return { preview, opened };
}

describe('a share of single records of a case', () => {
  it('holds the case and exactly the three chosen documents, of 27', async () => {
    const { rehab, documents } = await rehabilitation();
    expect(documents).toHaveLength(27);
    const titles = ['Lægeattest (LÆ 265)', 'Rehabiliteringsplan – forberedende del', 'Fuldmagt til advokat Karen Lund'];
    const chosen = titles.map((title) => documents.find((d) => d.title === title)!);
    const { preview, opened } = await share({ type: 'case', caseId: rehab.id, parts: [], only: { documents: chosen.map((d) => d.id) } });

    const cases = opened.data.cases as { case: { id: string; title: string }; documents?: Document[]; documentFiles?: { documentId: string }[] }[];
    expect(cases).toHaveLength(1);
    const entry = cases[0]!;
    expect(Object.keys(entry).sort()).toEqual(['case', 'documentFiles', 'documents']);
    expect(entry.case.id).toBe(rehab.data.record.id);
    expect(entry.documents!.map((d) => d.title).sort()).toEqual([...titles].sort());
    const pdfs = chosen.filter((d) => d.content.format === 'pdf');
    expect(pdfs.length).toBe(2);
    expect(entry.documentFiles!.map((f) => f.documentId).sort()).toEqual(pdfs.map((d) => d.id).sort());
    expect(opened.files.filter((f) => f.path.startsWith('files/documents/'))).toHaveLength(2);
    for (const other of documents.filter((d) => !chosen.includes(d))) expect(JSON.stringify(opened.data)).not.toContain(other.title);

    // The approval names the case by its topic and the three documents by title and date.
    expect(preview.items).toHaveLength(1);
    const scope = preview.items[0]!;
    expect(scope).toMatchObject({ type: 'case', counts: { documents: 3 }, topic: { code: '15.17.18' }, details: [rehab.data.record.caseNumber] });
    expect(scope.entries!.map((e) => [e.part, e.title, e.date]).sort()).toEqual(chosen.map((d) => ['documents', d.title, d.date]).sort());

    // The municipality's signature covers the case and the three documents, as signed.
    const jwks = await (await fetch(`${h.server.url}/.well-known/jwks.json`)).json();
    let covered = 0;
    for (const p of opened.provenance.filter((e) => e.attestedBy === 'municipality')) {
      const records = recordsCoveredBy(p, opened.data);
      covered += records.length;
      expect(verifyMunicipalProvenance(p, jwks, records)).toMatchObject({ ok: true });
      expect(p.records.length).toBe(records.length);
    }
    expect(covered).toBe(4);
  });

  it('offers each record of the case to the wizard, by title and day, newest first, with an approximate size', async () => {
    const { rehab, documents } = await rehabilitation();
    const options = await sharing.handlers.shareOptions({ profileId: h.profileId });
    const offered = options.cases.find((c) => c.id === rehab.id)!;
    expect(offered.kle.code).toBe('15.17.18');
    const docs = offered.records.filter((r) => r.part === 'documents');
    expect(docs.map((r) => r.id).sort()).toEqual(documents.map((d) => d.id).sort());
    const days = docs.map((r) => r.date!);
    expect(days).toEqual([...days].sort().reverse());
    const medical = documents.find((d) => d.title === 'Lægeattest (LÆ 265)')!;
    if (medical.content.format !== 'pdf') throw new Error('not a pdf');
    expect(docs.find((r) => r.id === medical.id)).toMatchObject({ title: medical.title, date: medical.date });
    expect(docs.find((r) => r.id === medical.id)!.bytes).toBeGreaterThan(medical.content.bytes);
  });

  it('lists every record of a whole part on the approval screen, and refuses a chosen record that is gone', async () => {
    const { rehab, documents } = await rehabilitation();
    const { preview } = await share({ type: 'case', caseId: rehab.id, parts: ['documents'] });
    expect(preview.items[0]!.entries).toHaveLength(documents.length);
    await expect(share({ type: 'case', caseId: rehab.id, parts: [], only: { documents: [documents[0]!.id, 'no-such-document'] } })).rejects.toMatchObject({
      code: 'selection-unavailable',
    });
  });
});
