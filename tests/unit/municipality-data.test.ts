import { describe, expect, it } from 'vitest';
import { recordDigest } from '../../src/municipal/api';
import * as api from '../../src/municipal/api/schemas';
import { CitizenCatalog, PERSONAS } from '../../src/municipality-server/data/catalog';
import { ageOn } from '../../src/municipality-server/data/dates';
import { buildHeavy } from '../../src/municipality-server/data/personas/heavy';
import { buildThomas } from '../../src/municipality-server/data/personas/thomas';
import { KLE, TODAY } from './municipality-test-helpers';

const ctx = { today: TODAY, kle: KLE, baseUrl: 'http://127.0.0.1:8787' };
const digestAll = (data: ReturnType<typeof buildThomas>) => recordDigest({ citizen: data.citizen, records: data.records });
const SCHEMA: Record<api.ResourceName, { parse(v: unknown): unknown }> = {
  cases: api.Case,
  decisions: api.Decision,
  payments: api.Payment,
  activities: api.Activity,
  documents: api.Document,
  'access-log': api.AccessLogEntry,
};

describe('synthetic data', () => {
  it('is deterministic for an anchor day, and moves with it', () => {
    expect(digestAll(buildThomas(ctx))).toBe(digestAll(buildThomas(ctx)));
    expect(digestAll(buildThomas({ ...ctx, today: '2026-03-11' }))).not.toBe(digestAll(buildThomas(ctx)));
    const heavyA = buildHeavy(ctx, { scale: 0.05 });
    const heavyB = buildHeavy(ctx, { scale: 0.05 });
    expect(recordDigest(heavyA.records)).toBe(recordDigest(heavyB.records));
  });

  it('every record of every persona matches the schemas, with official KLE codes and titles and unique ids', () => {
    const catalog = new CitizenCatalog(ctx, { scale: 0.05 });
    for (const persona of PERSONAS) {
      const data = catalog.get(persona.id);
      api.Citizen.parse(data.citizen);
      for (const resource of api.RESOURCES) {
        const ids = new Set<string>();
        for (const record of data.records[resource]) {
          SCHEMA[resource].parse(record);
          expect(ids.has(record.id), `${record.id} unique`).toBe(false);
          ids.add(record.id);
          const kle = (record as { kle?: api.KleRef }).kle;
          if (kle) expect(KLE.ref(kle.code)).toEqual(kle);
        }
      }
      // Links point at records that exist.
      const caseIds = new Set(data.records.cases.map((c) => c.id));
      const docIds = new Set(data.records.documents.map((d) => d.id));
      const payIds = new Set(data.records.payments.map((p) => p.id));
      for (const d of data.records.decisions) {
        expect(caseIds.has(d.caseId)).toBe(true);
        for (const b of d.basis) {
          if (b.kind === 'document') expect(docIds.has(b.documentId)).toBe(true);
          if (b.kind === 'payment') expect(payIds.has(b.paymentId)).toBe(true);
          if (b.kind === 'case') expect(caseIds.has(b.caseId)).toBe(true);
        }
      }
    }
  });

  it("Thomas's story is all there", () => {
    const t = buildThomas(ctx);
    const codes = t.records.cases.map((c) => c.kle.code);
    expect(codes).toEqual(expect.arrayContaining(['32.24.04', '15.20.38', '15.17.18']));
    expect(t.records.cases.some((c) => c.representatives.some((r) => r.role === 'lawyer'))).toBe(true);
    expect(t.records.cases.every((c) => c.caseworker !== undefined)).toBe(true);
    const cash = t.records.payments.filter((p) => p.benefit.kind === 'cash-benefit');
    expect(cash.length).toBeGreaterThanOrEqual(12);
    expect(new Set(cash.map((p) => p.period.from.slice(0, 7))).size).toBe(cash.length); // one a month
    expect(cash.some((p) => p.status === 'scheduled')).toBe(true);
    const sources = new Set(t.records.activities.map((a) => a.source.category));
    expect([...sources]).toEqual(expect.arrayContaining(['job-centre', 'case-management', 'health-care', 'citizen-service']));
    const upcoming = t.records.activities.filter((a) => (a.kind === 'appointment' ? a.startsAt : a.dueAt).slice(0, 10) >= TODAY);
    expect(upcoming.length).toBeGreaterThan(5);
    expect(upcoming.some((a) => a.changeUrl)).toBe(true);
    expect(t.records.activities.some((a) => !a.kle && !a.contact)).toBe(true); // missing fields are normal
    expect(t.records.decisions.some((d) => d.appeal && d.appeal.deadline >= TODAY)).toBe(true);
    const rehabNotes = t.records.documents.filter((d) => d.caseId === 'thomas-sag-0002' && d.kind === 'journal-note');
    expect(rehabNotes.length).toBeGreaterThanOrEqual(20);
    expect(t.records['access-log'].every((e) => e.unit.name && e.reason)).toBe(true);
  });

  it('has a young citizen of 16, and a parent with a small child in custody', () => {
    const catalog = new CitizenCatalog(ctx);
    expect(ageOn(catalog.get('freja').citizen.birthDate, TODAY)).toBe(16);
    const mette = catalog.get('mette').citizen;
    expect(mette.children).toEqual([expect.objectContaining({ id: 'lea', relation: 'custody' })]);
    const lea = catalog.get('lea');
    expect(ageOn(lea.citizen.birthDate, TODAY)).toBe(0);
    expect(lea.records.activities.some((a) => a.source.category === 'health-visitor')).toBe(true);
    expect(catalog.get('freja').records.activities.some((a) => a.source.category === 'dentist')).toBe(true);
  });

  it('the heavy citizen has ten years: thousands of cases and documents, tens of thousands of activities and payments', () => {
    const heavy = buildHeavy(ctx);
    expect(heavy.records.cases.length).toBeGreaterThanOrEqual(2000);
    expect(heavy.records.documents.length).toBeGreaterThanOrEqual(5000);
    expect(heavy.records.activities.length).toBeGreaterThanOrEqual(20_000);
    expect(heavy.records.payments.length).toBeGreaterThanOrEqual(15_000);
    const opened = heavy.records.cases.map((c) => c.openedAt).sort();
    expect(opened[0]! < '2016-06-01').toBe(true);
  });
});
