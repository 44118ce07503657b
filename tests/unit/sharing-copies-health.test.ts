/**
 * A share of health data as imported goes also as files/health.fhir.json, a FHIR R4 collection
 * Bundle: each day's figure as an Observation with its LOINC code and UCUM unit (steps 41950-7,
 * weight 29463-7, heart rate 8867-4, a day's blood pressure as the 85354-9 panel with 8480-6 and
 * 8462-4), the observations from a doctor's file as they were, and the clinical items in their
 * own resources. The vault's own FHIR importer reads the copy back to data.json's values — and
 * to the values first imported. A share of one's own file carries the file itself. Nothing the
 * citizen did not choose is in a copy.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { generateIdentity } from '../../src/bundle/index';
import { parseFhir } from '../../src/importers/health/fhir/parse';
import * as S from '../../src/importers/health/fhir/schemas';
import type { DailyAggregate, HealthMetric } from '../../src/records/health/types';
import { attachmentContentKind, attachmentKind, splitContent } from '../../src/records/own/index';
import { open, type BundleFile } from '../../src/receiver/sdk';
import type { HealthRecords } from '../../src/sharing/derived';
import { HEALTH_COPY_PATH } from '../../src/sharing/standard-copies';
import { healthWriteOps } from '../../src/ui/health/records';
import { SHARING_NOW, sharingHarness, type SharingHarness } from './support/sharing-harness';
import { toBase64Url } from '../../src/shared/base64url';

const DEVICE = 'Thomas’ iPhone 13';
const CPR = '0101801234';

/** What a doctor's FHIR file holds: lab values and the clinical record. */
const DOCTOR_FILE = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    {
      fullUrl: 'urn:uuid:p-1',
      resource: {
        resourceType: 'Patient',
        id: 'p1',
        identifier: [{ system: 'urn:oid:1.2.208.176.1.2', value: CPR }],
        name: [{ text: 'Thomas Nørgaard Jensen' }],
      },
    },
    {
      resource: {
        resourceType: 'Observation',
        id: 'hba1c-1',
        status: 'final',
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
        code: { coding: [{ system: 'http://loinc.org', code: '59261-8', display: 'Hemoglobin A1c' }] },
        effectiveDateTime: '2026-02-20T09:15:00+01:00',
        valueQuantity: { value: 48, unit: 'mmol/mol', system: 'http://unitsofmeasure.org', code: 'mmol/mol' },
      },
    },
    {
      // No id of its own: the importer names it by its fullUrl, which is no FHIR id.
      fullUrl: 'urn:uuid:9b2a6c1e-2f57-4a55-9a38-0a51c8f1d001',
      resource: {
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '2160-0', display: 'Creatinine' }], text: 'P-Kreatinin' },
        effectiveDateTime: '2026-03-02',
        valueQuantity: { value: 81, unit: 'umol/L' },
      },
    },
    {
      resource: {
        resourceType: 'Observation',
        id: 'old-1',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '2093-3' }] },
        effectiveDateTime: '2025-06-01',
        valueQuantity: { value: 5.1, unit: 'mmol/L' },
      },
    },
    {
      resource: {
        resourceType: 'Condition',
        id: 'cond-1',
        clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
        code: { coding: [{ system: 'http://snomed.info/sct', code: '73211009', display: 'Diabetes mellitus' }], text: 'Type 2-diabetes' },
        onsetDateTime: '2019-04-01',
        subject: { reference: 'Patient/p1' },
      },
    },
    {
      resource: {
        resourceType: 'Condition',
        id: 'cond-2',
        clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }] },
        code: { text: 'Brud på venstre ankel' },
        onsetDateTime: '2024-11-02',
        abatementDateTime: '2025-01-20',
        subject: { reference: 'Patient/p1' },
      },
    },
    {
      resource: {
        resourceType: 'MedicationStatement',
        id: 'med-1',
        status: 'active',
        medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'A10BA02', display: 'Metformin' }], text: 'Metformin 500 mg' },
        effectiveDateTime: '2019-05-01',
        dosage: [{ text: '1 tablet morgen og aften' }],
        subject: { reference: 'Patient/p1' },
      },
    },
    {
      resource: {
        resourceType: 'MedicationRequest',
        id: 'req-1',
        status: 'active',
        intent: 'order',
        medicationCodeableConcept: { text: 'Metformin 500 mg' },
        authoredOn: '2019-04-28',
        subject: { reference: 'Patient/p1' },
      },
    },
    {
      resource: {
        resourceType: 'AllergyIntolerance',
        id: 'all-1',
        clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
        code: { text: 'Penicillin' },
        recordedDate: '2010-08-12',
        reaction: [{ manifestation: [{ text: 'Udslæt' }, { text: 'Kløe' }] }],
        patient: { reference: 'Patient/p1' },
      },
    },
    {
      resource: {
        resourceType: 'Immunization',
        id: 'imm-1',
        status: 'completed',
        vaccineCode: { text: 'Influenzavaccine 2025/26' },
        occurrenceDateTime: '2025-10-14',
        patient: { reference: 'Patient/p1' },
      },
    },
  ],
};

const day = (date: string, metric: HealthMetric, type: string, unit: string, values: number[]): DailyAggregate => ({
  date,
  type,
  metric,
  unit,
  count: values.length,
  sum: values.reduce((a, b) => a + b, 0),
  min: Math.min(...values),
  max: Math.max(...values),
  mean: values.reduce((a, b) => a + b, 0) / values.length,
  sources: [DEVICE],
});
const DAILY: DailyAggregate[] = [
  day('2026-01-20', 'steps', 'HKQuantityTypeIdentifierStepCount', 'count', [9000]), // before the period
  day('2026-02-10', 'steps', 'HKQuantityTypeIdentifierStepCount', 'count', [2100, 1312]),
  day('2026-03-01', 'steps', 'HKQuantityTypeIdentifierStepCount', 'count', [4021]),
  day('2026-02-11', 'weight', 'HKQuantityTypeIdentifierBodyMass', 'kg', [96.4, 96.0]),
  day('2026-02-11', 'heart-rate', 'HKQuantityTypeIdentifierHeartRate', 'count/min', [62, 71, 80]),
  day('2026-02-12', 'blood-pressure-systolic', 'HKQuantityTypeIdentifierBloodPressureSystolic', 'mmHg', [141, 137]),
  day('2026-02-12', 'blood-pressure-diastolic', 'HKQuantityTypeIdentifierBloodPressureDiastolic', 'mmHg', [88, 84]),
  day('2026-02-13', 'blood-pressure-systolic', 'HKQuantityTypeIdentifierBloodPressureSystolic', 'mmHg', [133]),
];

async function harnessWithHealth(): Promise<SharingHarness> {
  const h = await sharingHarness();
  const fhir = parseFhir(JSON.stringify(DOCTOR_FILE));
  const ops = healthWriteOps({
    profileId: h.profileId,
    file: { name: 'export.zip', size: 1000 },
    format: 'apple-health-zip',
    apple: { daily: DAILY, samples: [], workouts: [], fhir, issues: [], bytesRead: 1000, records: DAILY.length },
    keptSamples: [],
    now: new Date(SHARING_NOW),
  });
  await h.vault.records.write(ops);
  return h;
}

async function share(h: SharingHarness, items: Record<string, unknown>[]) {
  const them = generateIdentity();
  const recipient = await h.call('recipientAdd', { profileId: h.profileId, source: 'paste', text: them.recipient, name: 'Egen læge' });
  const request = {
    profileId: h.profileId,
    recipientId: recipient.id,
    purpose: 'Kontrol hos lægen',
    selection: { items },
    expiry: { kind: 'date', date: '2026-06-30' },
  };
  const preview = await h.call('sharePreview', request);
  const created = await h.call('shareCreate', request);
  const bytes = await h.download(created);
  const opened = await open(bytes, { identity: them.identity, now: new Date(SHARING_NOW + 1000) });
  if (!opened.ok) throw new Error(`${opened.reason}: ${opened.detail}`);
  return { preview, opened, bytes };
}

const ALL_CLINICAL = ['Condition', 'MedicationStatement', 'MedicationRequest', 'AllergyIntolerance', 'Immunization'];
const item = (over: Record<string, unknown> = {}) => ({
  type: 'health-records',
  from: '2026-02-01',
  to: '2026-03-15',
  metrics: ['steps', 'weight', 'heart-rate', 'blood-pressure-systolic', 'blood-pressure-diastolic'],
  observations: true,
  clinical: ALL_CLINICAL,
  ...over,
});
const file = (files: BundleFile[], path: string) => files.find((f) => f.path === path);
const decode = (f: BundleFile) => new TextDecoder('utf-8', { fatal: true }).decode(f.bytes);

describe('a share of health data as imported', () => {
  it('carries a FHIR R4 collection Bundle, listed and hashed in the signed manifest and named on the approval screen', async () => {
    const h = await harnessWithHealth();
    const { preview, opened } = await share(h, [item()]);
    expect(preview.files.map((f) => f.path)).toEqual([HEALTH_COPY_PATH]);
    expect(opened.manifest.files.map((f) => [f.path, f.mediaType])).toEqual([
      ['data.json', 'application/json'],
      ['consent.json', 'application/json'],
      ['provenance.json', 'application/json'],
      [HEALTH_COPY_PATH, 'application/fhir+json'],
    ]);
    const copy = file(opened.files, HEALTH_COPY_PATH)!;
    expect(toBase64Url(sha256(copy.bytes))).toBe(opened.manifest.files[3]!.sha256);
    expect(preview.items).toEqual([expect.objectContaining({ type: 'health-records', counts: { days: 7, observations: 2, clinical: 6 } })]);

    const bundle = JSON.parse(decode(copy)) as { resourceType: string; type: string; timestamp: string; entry: { resource: Record<string, unknown> }[] };
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection', timestamp: new Date(SHARING_NOW).toISOString() });
    // Each resource passes the importer's own schema for its type, and R4's essentials hold.
    const schemas: Record<string, { safeParse(v: unknown): { success: boolean } }> = {
      Observation: S.Observation,
      Condition: S.Condition,
      MedicationStatement: S.MedicationStatement,
      MedicationRequest: S.MedicationRequest,
      AllergyIntolerance: S.AllergyIntolerance,
      Immunization: S.Immunization,
    };
    for (const { resource } of bundle.entry) {
      expect(schemas[resource.resourceType as string]!.safeParse(resource).success).toBe(true);
      expect(resource.id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
      if (resource.resourceType === 'Observation') expect(resource).toMatchObject({ status: expect.any(String), subject: { display: expect.any(String) } });
      else if (resource.resourceType === 'AllergyIntolerance' || resource.resourceType === 'Immunization') expect(resource).toHaveProperty('patient.display');
      else expect(resource).toHaveProperty('subject.display');
    }
    const byId = new Map(bundle.entry.map((e) => [e.resource.id as string, e.resource]));
    // Daily figures: LOINC codes and UCUM units.
    expect(byId.get('steps-2026-02-10')).toMatchObject({
      code: { coding: [{ system: 'http://loinc.org', code: '41950-7' }] },
      category: [{ coding: [{ code: 'activity' }] }],
      effectiveDateTime: '2026-02-10',
      valueQuantity: { value: 3412, unit: 'count', system: 'http://unitsofmeasure.org', code: '{steps}' },
    });
    expect(byId.get('weight-2026-02-11')).toMatchObject({
      code: { coding: [{ code: '29463-7' }] },
      valueQuantity: { value: 96.2, system: 'http://unitsofmeasure.org', code: 'kg' },
    });
    // A day's heart rate is the mean of its readings: said in the name and method, with the lowest and highest.
    expect(byId.get('heart-rate-2026-02-11')).toMatchObject({
      code: { coding: [{ code: '8867-4' }], text: 'Puls, dagens gennemsnit' },
      method: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-statistics', code: 'average' }] },
      valueQuantity: { value: 71, unit: 'count/min', code: '/min' },
      component: [
        { code: { coding: [{ code: 'minimum' }] }, valueQuantity: { value: 62, code: '/min' } },
        { code: { coding: [{ code: 'maximum' }] }, valueQuantity: { value: 80, code: '/min' } },
      ],
    });
    // A doctor's observation says what the doctor's system said: its coding's display and its text.
    const creatinine = bundle.entry.map((e) => e.resource).find((r) => JSON.stringify(r.code).includes('2160-0'))!;
    expect(creatinine.code).toEqual(DOCTOR_FILE.entry[2]!.resource.code);
    expect(byId.get('hba1c-1')!.code).toEqual({ ...DOCTOR_FILE.entry[1]!.resource.code, text: 'Langtidsblodsukker (HbA1c)' });
    // A medicine request keeps the intent R4 requires.
    expect(byId.get('req-1')).toMatchObject({ resourceType: 'MedicationRequest', status: 'active', intent: 'order' });
    const panel = byId.get('blood-pressure-2026-02-12')!;
    expect(panel).toMatchObject({ code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] }, category: [{ coding: [{ code: 'vital-signs' }] }] });
    expect(panel).not.toHaveProperty('valueQuantity');
    expect(panel.component).toEqual([
      {
        code: expect.objectContaining({ coding: [expect.objectContaining({ code: '8480-6' })] }),
        valueQuantity: { value: 139, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
      },
      {
        code: expect.objectContaining({ coding: [expect.objectContaining({ code: '8462-4' })] }),
        valueQuantity: { value: 86, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
      },
    ]);
    // A day with one of the two numbers is that number alone.
    expect(byId.get('blood-pressure-systolic-2026-02-13')).toMatchObject({ code: { coding: [{ code: '8480-6' }] }, valueQuantity: { value: 133 } });
    expect(byId.has('blood-pressure-diastolic-2026-02-12')).toBe(false);
  });

  it('reads back with the vault’s own importer to the values data.json holds, and to those first imported', async () => {
    const h = await harnessWithHealth();
    const { opened } = await share(h, [item()]);
    const [entry] = opened.data.healthRecords as HealthRecords[];
    const back = parseFhir(decode(file(opened.files, HEALTH_COPY_PATH)!));
    expect(back.issues).toEqual([]);
    expect(back.skipped).toEqual({});
    expect(back.patient).toBeUndefined();
    const observations = new Map(back.observations.map((o) => [o.id, o]));

    // Every day of data.json, and nothing else.
    const days = entry!.daily!.flatMap((g) => g.days.map((d) => ({ metric: g.metric, unit: g.unit, ...d })));
    expect(days).toHaveLength(7);
    for (const d of days) {
      const paired =
        d.metric.startsWith('blood-pressure') && days.some((o) => o.date === d.date && o.metric !== d.metric && o.metric.startsWith('blood-pressure'));
      if (paired) {
        const panel = observations.get(`blood-pressure-${d.date}`)!;
        const component = panel.components!.find((c) => c.code.code === (d.metric.endsWith('systolic') ? '8480-6' : '8462-4'))!;
        expect(component.value).toEqual({ number: d.value, unit: d.unit });
        continue;
      }
      const o = observations.get(`${d.metric}-${d.date}`)!;
      expect(o.effective).toBe(d.date);
      expect(o.value).toEqual({ number: d.value, unit: d.unit });
      expect(o.status).toBe('final');
    }
    // Imported observations: as in data.json, which has them as first imported.
    const original = parseFhir(JSON.stringify(DOCTOR_FILE));
    expect(entry!.observations!.map((o) => o.code.code)).toEqual(['59261-8', '2160-0']);
    for (const o of entry!.observations!) {
      const read = observations.get(o.id)!;
      // The source's own text comes back; where it gave none, the copy's text is the vault's name.
      expect({ ...read }).toEqual({ ...o, name: read.name, code: { ...o.code, text: o.code.text ?? o.name.da } });
      expect(read.name.da).toBe(o.name.da);
      const first = original.observations.find((x) => x.code.code === o.code.code)!;
      expect({ value: read.value, effective: read.effective, status: read.status, category: read.category }).toEqual({
        value: first.value,
        effective: first.effective,
        status: first.status,
        category: first.category,
      });
    }
    // The observation without a FHIR id of its own keeps a stable one made from it.
    expect(entry!.observations![1]!.id).toMatch(/^obs-[0-9a-f]{32}$/);

    // Clinical items: the same words, statuses, dates and details, read back and as first imported.
    const clinical = back.clinical.map(({ code: _code, ...c }) => c);
    expect(clinical).toEqual(entry!.clinical);
    expect(clinical.map((c) => [c.resourceType, c.id, c.title, c.status, c.intent, c.date, c.detail])).toEqual(
      original.clinical.map((c) => [c.resourceType, c.id, c.title, c.status, c.intent, c.date, c.detail]),
    );
    expect(clinical.find((c) => c.id === 'cond-2')!.detail).toBe('→ 2025-01-20');
    expect(clinical.find((c) => c.id === 'all-1')!.detail).toBe('Udslæt; Kløe');
  });

  it('holds only what was chosen: the measures, the period, the kinds — never the devices or the CPR number', async () => {
    const h = await harnessWithHealth();
    const { opened, bytes } = await share(h, [item({ metrics: ['steps'], observations: false, clinical: ['Condition'] })]);
    const text = decode(file(opened.files, HEALTH_COPY_PATH)!);
    const data = JSON.stringify(opened.data);
    const resources = (JSON.parse(text) as { entry: { resource: { resourceType: string; id: string } }[] }).entry.map(
      (e) => `${e.resource.resourceType}/${e.resource.id}`,
    );
    expect(resources).toEqual(['Observation/steps-2026-02-10', 'Observation/steps-2026-03-01', 'Condition/cond-1', 'Condition/cond-2']);
    for (const absent of ['29463-7', '8867-4', '85354-9', '59261-8', 'Metformin', 'Penicillin', 'Influenza', '9000']) expect(text).not.toContain(absent);
    for (const where of [text, data]) {
      expect(where).not.toContain(DEVICE);
      expect(where).not.toContain(CPR);
      expect(where).not.toContain('Thomas Nørgaard');
    }
    expect(Buffer.from(bytes).includes(Buffer.from(DEVICE))).toBe(false);
    const [entry] = opened.data.healthRecords as HealthRecords[];
    expect(Object.keys(entry!).sort()).toEqual(['clinical', 'daily', 'from', 'to']);
  });

  it('a summary per month is a derived view and gets no copy', async () => {
    const h = await harnessWithHealth();
    const { opened, preview } = await share(h, [{ type: 'health-summary', kind: 'steps', from: '2026-01-01', to: '2026-03-15' }]);
    expect(opened.files).toEqual([]);
    expect(preview.files).toEqual([]);
  });

  it('the wizard is offered the observations and the clinical kinds the vault holds', async () => {
    const h = await harnessWithHealth();
    const options = await h.call('shareOptions', { profileId: h.profileId });
    expect(options.healthRecords).toEqual({
      observations: 3,
      clinical: [
        { type: 'Condition', count: 2 },
        { type: 'MedicationStatement', count: 1 },
        { type: 'MedicationRequest', count: 1 },
        { type: 'AllergyIntolerance', count: 1 },
        { type: 'Immunization', count: 1 },
      ],
    });
  });
});

describe('a share of one of the citizen’s own files', () => {
  const PDF = new TextEncoder().encode('%PDF-1.4\n% Lægeerklæring\n' + 'x'.repeat(1_500_000) + '\n%%EOF\n');

  async function withFile(h: SharingHarness, bytes = PDF) {
    const [stored] = await h.vault.records.write([
      {
        op: 'put',
        profileId: h.profileId,
        kind: attachmentKind.name,
        data: {
          fileName: 'Lægeerklæring fra Ole Vinther.PDF',
          mediaType: 'Application/PDF',
          size: PDF.length,
          sha256: toBase64Url(sha256(PDF)),
          chunks: 2,
          attachedTo: { kind: 'municipal-case', id: 'sag1' },
          note: 'Min egen kommentar om lægen',
        },
      },
    ]);
    await h.vault.records.write(
      splitContent(stored!.id, bytes).map((p) => ({ op: 'put' as const, profileId: h.profileId, kind: attachmentContentKind.name, id: p.id, data: p.data })),
    );
    return stored!.id;
  }

  it('carries the file itself under files/documents/, named in data.json, and nothing of its note', async () => {
    const h = await sharingHarness();
    const attachmentId = await withFile(h);
    expect((await h.call('shareOptions', { profileId: h.profileId })).attachments).toEqual([
      { id: attachmentId, fileName: 'Lægeerklæring fra Ole Vinther.PDF', size: PDF.length },
    ]);
    const { opened, preview } = await share(h, [{ type: 'attachment', attachmentId }]);
    const path = 'files/documents/Laegeerklaering-fra-Ole-Vinther.pdf';
    expect(preview.files).toEqual([{ path, mediaType: 'application/pdf', size: PDF.length }]);
    expect(opened.data.attachments).toEqual([
      { fileName: 'Lægeerklæring fra Ole Vinther.PDF', mediaType: 'application/pdf', size: PDF.length, sha256: toBase64Url(sha256(PDF)), file: path },
    ]);
    const f = file(opened.files, path)!;
    expect(Buffer.compare(Buffer.from(f.bytes), Buffer.from(PDF))).toBe(0);
    expect(opened.manifest.files.find((m) => m.path === path)!.sha256).toBe(toBase64Url(sha256(PDF)));
    expect(JSON.stringify(opened.data)).not.toContain('kommentar');
    expect(opened.provenance).toContainEqual({ attestedBy: 'citizen', source: 'Borgerens egne filer / the citizen’s own files', covers: ['attachments'] });
  });

  it('refuses a file whose parts no longer make it, rather than sending something else', async () => {
    const h = await sharingHarness();
    const changed = PDF.slice();
    changed[100] = 0x41;
    const attachmentId = await withFile(h, changed);
    await expect(share(h, [{ type: 'attachment', attachmentId }])).rejects.toThrow(/record-damaged/);
  });
});
