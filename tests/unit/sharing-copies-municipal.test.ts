/**
 * A share of case material synced from the reference municipality (Thomas's cases): the
 * appointments and deadlines also go as files/activities.ics, each PDF document as its own file
 * under files/documents/, and the case's entry in data.json names each file. Made by the real
 * sharing service, opened with the receiver SDK: every file is listed and hashed in the signed
 * manifest, the calendar keeps RFC 5545's rules and says what data.json says, each PDF is the
 * one whose SHA-256 the municipality signed — and what the citizen did not choose is not there.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity, verifyMunicipalProvenance } from '../../src/bundle/index';
import { SharingService, type SharingServiceDeps } from '../../src/background/sharing/index';
import type { Activity, Document } from '../../src/municipal/api/schemas';
import { pdfIdFor } from '../../src/municipal/connector/ids';
import { open, type BundleFile } from '../../src/receiver/sdk';
import { recordsCoveredBy } from '../../src/receiver-page/provenance-check';
import { ACTIVITIES_COPY_PATH, isEndOfDanishDay } from '../../src/sharing/standard-copies';
import { MunicipalError } from '../../src/municipal/connector/errors';
import { danishDay } from '../../src/shared/danish-time';
import { connectorHarness, type ConnectorHarness } from './support/connector-harness';
import { checkIcs } from './support/ics-check';
import { fromBase64Url, toBase64Url } from '../../src/shared/base64url';
import { municipalCaseKind, municipalDocumentKind, municipalPdfKind } from '../../src/records/municipal/index';

let h: ConnectorHarness;
beforeAll(async () => {
  h = await connectorHarness();
  await h.connect();
});
afterAll(() => h.close());

const b64 = (bytes: Uint8Array) => toBase64Url(sha256(bytes));

async function caseByKle(code: string) {
  const cases = (await h.vault.records.list(h.profileId, municipalCaseKind)).records;
  const found = cases.find((c) => c.data.record.kle.code === code);
  if (!found) throw new Error(`no case ${code}`);
  return found;
}

async function share(parts: ('decisions' | 'documents' | 'payments' | 'activities')[], kle: string[], deps: Partial<SharingServiceDeps> = {}) {
  const sharing = new SharingService({
    vault: h.vault,
    fetch: (url, init) => fetch(url, init),
    hasHostPermission: async () => true,
    now: () => h.clock.now,
    ...deps,
  });
  const them = generateIdentity();
  const recipient = await sharing.handlers.recipientAdd({ profileId: h.profileId, source: 'paste', text: them.recipient, name: 'Advokat Lund' });
  const items = await Promise.all(kle.map(async (code) => ({ type: 'case' as const, caseId: (await caseByKle(code)).id, parts })));
  const request = {
    profileId: h.profileId,
    recipientId: recipient.id,
    purpose: 'Advokatbistand',
    selection: { items },
    expiry: { kind: 'date' as const, date: '2026-12-31' },
  };
  const preview = await sharing.handlers.sharePreview(request);
  const created = await sharing.handlers.shareCreate(request);
  const chunks: Uint8Array[] = [];
  for (let index = 0; index < created.chunkCount; index++)
    chunks.push(fromBase64Url((await sharing.handlers.shareRead({ transferId: created.transferId, index })).data));
  const opened = await open(new Uint8Array(Buffer.concat(chunks)), { identity: them.identity, now: new Date(h.clock.now + 1000) });
  if (!opened.ok) throw new Error(`${opened.reason}: ${opened.detail}`);
  return { preview, opened, sharing, request };
}

type CaseEntry = {
  case: { id: string };
  activities?: Activity[];
  documents?: Document[];
  documentFiles?: { documentId: string; title: string; file: string }[];
};
const file = (files: BundleFile[], path: string) => files.find((f) => f.path === path);

describe('a share of case material', () => {
  it('carries the appointments and deadlines as iCalendar, event for event what data.json holds', async () => {
    const { preview, opened } = await share(['activities'], ['15.17.18', '15.20.38']);
    const cases = opened.data.cases as CaseEntry[];
    const activities = cases.flatMap((c) => (c.activities ?? []).map((a) => ({ caseId: c.case.id, a })));
    expect(activities.length).toBeGreaterThanOrEqual(4);
    expect(opened.manifest.files.map((f) => f.path)).toEqual(['data.json', 'consent.json', 'provenance.json', ACTIVITIES_COPY_PATH]);
    expect(preview.files.map((f) => f.path)).toEqual([ACTIVITIES_COPY_PATH]);
    const ics = file(opened.files, ACTIVITIES_COPY_PATH)!;
    expect(ics.mediaType).toBe('text/calendar');
    expect(b64(ics.bytes)).toBe(opened.manifest.files.find((f) => f.path === ACTIVITIES_COPY_PATH)!.sha256);

    const text = new TextDecoder('utf-8', { fatal: true }).decode(ics.bytes);
    const { events } = checkIcs(text);
    expect(events).toHaveLength(activities.length);
    let allDay = 0;
    let timed = 0;
    activities.forEach(({ caseId, a }, i) => {
      const e = events[i]!;
      expect(e.text('UID')).toBe(`${caseId}.${a.id}@handlerum`);
      expect(e.text('SUMMARY')).toBe(a.title);
      expect(e.one('STATUS')!.raw).toBe(a.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED');
      if (a.kind === 'appointment') {
        expect(e.when('DTSTART')).toEqual({ allDay: false, value: new Date(a.startsAt).toISOString() });
        if (a.endsAt) expect(e.when('DTEND')).toEqual({ allDay: false, value: new Date(a.endsAt).toISOString() });
        if (a.location) expect(e.text('LOCATION')).toBe([a.location.name, a.location.room, a.location.address].filter(Boolean).join(', '));
        else expect(e.one('LOCATION')).toBeUndefined();
        timed++;
      } else if (isEndOfDanishDay(a.dueAt)) {
        expect(e.when('DTSTART')).toEqual({ allDay: true, value: danishDay(a.dueAt) });
        allDay++;
      } else {
        expect(e.when('DTSTART')).toEqual({ allDay: false, value: new Date(a.dueAt).toISOString() });
        timed++;
      }
      if (a.changeUrl) expect(e.one('URL')!.raw).toBe(a.changeUrl);
    });
    // Thomas's cases have both: deadlines at the end of a day (klagefrist) and at a time of day.
    expect(allDay).toBeGreaterThan(0);
    expect(timed).toBeGreaterThan(0);
    // Contacts come with the activity records in data.json, but a calendar has no place for them.
    for (const { a } of activities) for (const channel of a.contact?.channels ?? []) expect(text).not.toContain(channel.value);
  });

  it('carries each PDF document as its file, named in the case entry, the very bytes the municipality signed', async () => {
    const { preview, opened } = await share(['documents'], ['15.17.18', '15.20.38']);
    const cases = opened.data.cases as CaseEntry[];
    const documents = cases.flatMap((c) => c.documents ?? []);
    const pdfs = documents.filter((d) => d.content.format === 'pdf');
    expect(pdfs.length).toBeGreaterThanOrEqual(3);
    const links = cases.flatMap((c) => c.documentFiles ?? []);
    expect(links.map((l) => l.documentId).sort()).toEqual(pdfs.map((d) => d.id).sort());
    const docFiles = opened.files.filter((f) => f.path.startsWith('files/documents/'));
    expect(docFiles.map((f) => f.path).sort()).toEqual(links.map((l) => l.file).sort());
    expect(preview.files.map((f) => f.path)).toEqual(opened.files.map((f) => f.path));
    // No calendar: the activities were not chosen.
    expect(file(opened.files, ACTIVITIES_COPY_PATH)).toBeUndefined();
    expect(cases.every((c) => c.activities === undefined)).toBe(true);
    for (const link of links) {
      const doc = pdfs.find((d) => d.id === link.documentId)!;
      const f = file(opened.files, link.file)!;
      expect(f.path).toMatch(/^files\/documents\/\d{4}-\d{2}-\d{2}-[A-Za-z0-9._-]+\.pdf$/);
      expect(f.mediaType).toBe('application/pdf');
      expect(link.title).toBe(doc.title);
      expect(new TextDecoder().decode(f.bytes.subarray(0, 5))).toBe('%PDF-');
      if (doc.content.format !== 'pdf') throw new Error('not a pdf');
      expect(f.bytes.length).toBe(doc.content.bytes);
      expect(b64(f.bytes)).toBe(doc.content.sha256);
      expect(opened.manifest.files.find((m) => m.path === link.file)!.sha256).toBe(doc.content.sha256);
    }
    // The records stay exactly as signed: the municipality's signature still checks.
    const jwks = await (await fetch(`${h.server.url}/.well-known/jwks.json`)).json();
    const municipal = opened.provenance.filter((p) => p.attestedBy === 'municipality');
    expect(municipal.length).toBeGreaterThan(0);
    let checked = 0;
    for (const entry of municipal) {
      const covered = recordsCoveredBy(entry, opened.data);
      checked += covered.length;
      expect(verifyMunicipalProvenance(entry, jwks, covered)).toMatchObject({ ok: true });
    }
    expect(checked).toBe(cases.length + documents.length);
  });

  it('fetches a PDF the vault did not keep through the connector, and refuses a share whose PDF cannot be had', async () => {
    const docs = (await h.vault.records.list(h.profileId, municipalDocumentKind)).records;
    const travel = await caseByKle('15.20.38');
    const pdf = docs.find((d) => d.data.record.caseId === travel.data.record.id && d.data.record.content.format === 'pdf')!;
    const pdfId = pdfIdFor(h.vault.records, pdf.data.provenance.origin, pdf.data.record.id);
    const kept = (await h.vault.records.get(h.profileId, municipalPdfKind, pdfId))!;
    await h.vault.records.write([{ op: 'delete', profileId: h.profileId, kind: 'municipal-pdf', id: pdfId }]);
    try {
      const asked: string[] = [];
      const { opened } = await share(['documents'], ['15.20.38'], {
        municipalDocumentPdf: async ({ documentId }) => (asked.push(documentId), { data: kept.data.data }),
      });
      // Asked once: the approval screen's fetch serves the bundle too.
      expect(asked).toEqual([pdf.id]);
      const link = (opened.data.cases as CaseEntry[])[0]!.documentFiles!.find((l) => l.documentId === pdf.data.record.id)!;
      expect(b64(file(opened.files, link.file)!.bytes)).toBe((pdf.data.record.content as { sha256: string }).sha256);

      await expect(share(['documents'], ['15.20.38'])).rejects.toMatchObject({ code: 'document-unavailable' });
      await expect(
        share(['documents'], ['15.20.38'], { municipalDocumentPdf: async () => Promise.reject(new MunicipalError('municipality-unreachable')) }),
      ).rejects.toMatchObject({
        code: 'document-unavailable',
      });
      // A file that does not match the signed digest is not sent.
      await expect(
        share(['documents'], ['15.20.38'], { municipalDocumentPdf: async () => ({ data: toBase64Url(new TextEncoder().encode('%PDF-1.4 not it')) }) }),
      ).rejects.toMatchObject({
        code: 'document-unavailable',
      });
      // Without its documents the case still goes.
      const { opened: withoutDocuments } = await share(['decisions'], ['15.20.38']);
      // (its decisions' last days to appeal still go in the calendar copy, but no document file does)
      expect(withoutDocuments.files.filter((f) => f.path.startsWith('files/documents/'))).toEqual([]);
      expect(withoutDocuments.files.every((f) => f.path === 'files/activities.ics')).toBe(true);
    } finally {
      await h.vault.records.write([{ op: 'put', profileId: h.profileId, kind: 'municipal-pdf', id: pdfId, data: kept.data }]);
    }
  });

  it('refuses, as too large, a share whose documents pass the bundle limit, before anything is made', async () => {
    await expect(share(['documents'], ['15.17.18'], { maxBundleBytes: 10_000 })).rejects.toMatchObject({ code: 'share-too-large' });
  });
});
