import { describe, expect, it } from 'vitest';
import { detectHealthFile, loincName, parseFhir } from '../../src/importers/health';
import { errorCode, fixture, fixtureText, utf8 } from '../fixtures/health/helpers';
import { ImportError } from '../../src/importers/types';

const weight = (id: string, extra: Record<string, unknown> = {}) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '29463-7', display: 'Body weight' }] },
  effectiveDateTime: '2025-01-02',
  valueQuantity: { value: 71.5, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
  ...extra,
});
const bundle = (type: string, resources: unknown[], more: Record<string, unknown> = {}) =>
  JSON.stringify({
    resourceType: 'Bundle',
    type,
    entry: resources.map((resource, i) => ({ fullUrl: `urn:uuid:00000000-0000-4000-8000-00000000000${i}`, resource })),
    ...more,
  });

function caught(run: () => unknown): ImportError {
  try {
    run();
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  throw new Error('no ImportError thrown');
}

describe('FHIR R4', () => {
  it('reads a transaction bundle: patient without identifiers, a blood pressure panel, a prescription pointing to a bundled Medication', () => {
    const text = fixtureText('fhir-transaction.json');
    expect(detectHealthFile(utf8(text))).toBe('fhir-json');
    const r = parseFhir(text);
    expect(r.patient).toEqual({ name: 'Karen Marie Jensen', birthDate: '1980-01-01', gender: 'female' });
    expect(JSON.stringify(r)).not.toContain('0101801234');
    expect(r.observations).toEqual([
      {
        id: 'bp-1',
        status: 'final',
        name: { da: 'Blodtryk', en: 'Blood pressure' },
        code: { system: 'http://loinc.org', code: '85354-9', display: 'Blood pressure panel with all children optional' },
        category: 'vital-signs',
        effective: '2025-01-15T09:30:00+01:00',
        components: [
          { name: loincName('8480-6'), code: { system: 'http://loinc.org', code: '8480-6' }, value: { number: 128, unit: 'mmHg' } },
          { name: loincName('8462-4'), code: { system: 'http://loinc.org', code: '8462-4' }, value: { number: 84, unit: 'mmHg' } },
        ],
      },
    ]);
    expect(r.clinical).toEqual([
      {
        id: 'mr-1',
        resourceType: 'MedicationRequest',
        title: 'Paracetamol',
        status: 'active',
        intent: 'order',
        date: '2025-01-15',
        detail: '1 tablet op til 4 gange dagligt',
        code: { system: 'http://www.whocc.no/atc', code: 'N02BE01' },
      },
    ]);
    expect(r.skipped).toEqual({ Practitioner: 1 });
    expect(r.issues).toEqual([]);
  });

  it('reads a single resource file, matching any of several LOINC codings', () => {
    const r = parseFhir(fixtureText('fhir-observation-spo2.json'));
    expect(r.observations).toHaveLength(1);
    expect(r.observations[0]).toMatchObject({
      id: 'spo2-1',
      name: { da: 'Iltmætning i blodet', en: 'Oxygen saturation in blood' },
      code: { system: 'http://loinc.org', code: '2708-6' },
      value: { number: 97, unit: '%' },
    });
  });

  it('resolves a contained Medication (#id)', () => {
    const r = parseFhir(fixtureText('fhir-contained-medication.json'));
    expect(r.clinical).toEqual([
      {
        id: 'ms-1',
        resourceType: 'MedicationStatement',
        title: 'Metoprolol 50 mg depottablet',
        status: 'active',
        date: '2024-11-01',
        detail: '1 tablet om morgenen',
        code: { system: 'http://www.whocc.no/atc', code: 'C07AB02' },
      },
    ]);
  });

  it('resolves relative and absolute references, and tolerates unresolvable ones', () => {
    const med = { resourceType: 'Medication', id: 'm9', code: { text: 'Ibuprofen' } };
    const byRelative = { resourceType: 'MedicationStatement', id: 's1', status: 'active', medicationReference: { reference: 'Medication/m9' } };
    const byAbsolute = {
      resourceType: 'MedicationStatement',
      id: 's2',
      status: 'active',
      medicationReference: { reference: 'https://fhir.example.invalid/r4/Medication/m9/_history/2' },
    };
    const dangling = {
      resourceType: 'MedicationStatement',
      id: 's3',
      status: 'active',
      medicationReference: { reference: 'Medication/missing', display: 'Panodil' },
    };
    const r = parseFhir(bundle('collection', [med, byRelative, byAbsolute, dangling]));
    expect(r.clinical.map((c) => c.title)).toEqual(['Ibuprofen', 'Ibuprofen', 'Panodil']);
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([['unresolved-reference', 'warning']]);
  });

  for (const type of ['collection', 'searchset', 'transaction', 'batch', 'document', 'message', 'transaction-response']) {
    it(`reads a ${type} bundle`, () => {
      const resources: unknown[] = [weight('w1')];
      if (type === 'document') resources.unshift({ resourceType: 'Composition', id: 'c', status: 'final', title: 'Epikrise' });
      if (type === 'message') resources.unshift({ resourceType: 'MessageHeader', id: 'h' });
      if (type === 'searchset') resources.push({ resourceType: 'OperationOutcome', issue: [] });
      const r = parseFhir(bundle(type, resources, type === 'searchset' ? { total: 1, link: [{ relation: 'self', url: 'x' }] } : {}));
      expect(r.observations.map((o) => [o.id, o.name.en, o.value])).toEqual([['w1', 'Body weight', { number: 71.5, unit: 'kg' }]]);
    });
  }

  it('reads a history bundle, keeping the newest version of each resource and dropping deleted ones', () => {
    const text = JSON.stringify({
      resourceType: 'Bundle',
      type: 'history',
      entry: [
        { resource: weight('w1', { valueQuantity: { value: 72, unit: 'kg' } }), request: { method: 'PUT', url: 'Observation/w1' } },
        { request: { method: 'DELETE', url: 'Observation/w2' } },
        { resource: weight('w1'), request: { method: 'POST', url: 'Observation' } },
        { resource: weight('w2'), request: { method: 'POST', url: 'Observation' } },
      ],
    });
    expect(parseFhir(text).observations.map((o) => [o.id, o.value?.number])).toEqual([['w1', 72]]);
  });

  it('follows a bundle nested in a bundle', () => {
    const inner = JSON.parse(bundle('document', [{ resourceType: 'Composition', id: 'c' }, weight('w1')]));
    expect(parseFhir(bundle('message', [inner])).observations).toHaveLength(1);
  });

  it('counts the FHIR resource types it does not keep instead of failing, and passes extensions', () => {
    const r = parseFhir(
      bundle('collection', [
        { resourceType: 'Encounter', id: 'e' },
        { resourceType: 'Encounter', id: 'e2' },
        { resourceType: 'DocumentReference', id: 'x', value: [1, 2] },
        weight('w1', { extension: [{ url: 'http://example.invalid/x', valueString: 'y' }], modifierExtension: [] }),
      ]),
    );
    expect(r.skipped).toEqual({ Encounter: 2, DocumentReference: 1 });
    expect(r.observations).toHaveLength(1);
  });

  it('leaves out entries marked entered-in-error, and says so', () => {
    const r = parseFhir(
      bundle('collection', [
        weight('w1', { status: 'entered-in-error' }),
        weight('w2'),
        { resourceType: 'Condition', id: 'c', code: { text: 'Forkert' }, verificationStatus: { coding: [{ code: 'entered-in-error' }] } },
        { resourceType: 'Immunization', id: 'i', status: 'entered-in-error', vaccineCode: { text: 'x' } },
      ]),
    );
    expect(r.observations.map((o) => o.id)).toEqual(['w2']);
    expect(r.clinical).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['entered-in-error', 'entered-in-error', 'entered-in-error']);
  });

  it('reads every value[x] kind and dataAbsentReason', () => {
    const base = { resourceType: 'Observation', status: 'final', code: { text: 'Test' } };
    const r = parseFhir(
      bundle('collection', [
        { ...base, id: 'q', valueQuantity: { value: 5, code: 'mmol/L' } },
        { ...base, id: 'cc', valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '260385009', display: 'Negative' }] } },
        { ...base, id: 's', valueString: 'Normal' },
        { ...base, id: 'b', valueBoolean: false },
        { ...base, id: 'i', valueInteger: 3 },
        { ...base, id: 'r', valueRange: { low: { value: 1, unit: 'g' }, high: { value: 2, unit: 'g' } } },
        { ...base, id: 'lt', valueQuantity: { value: 0.5, comparator: '<', unit: 'mg/L' } },
        { ...base, id: 'none', dataAbsentReason: { coding: [{ code: 'not-performed', display: 'Not Performed' }] } },
      ]),
    );
    expect(Object.fromEntries(r.observations.map((o) => [o.id, o.value ?? o.dataAbsentReason]))).toEqual({
      q: { number: 5, unit: 'mmol/L' },
      cc: { text: 'Negative' },
      s: { text: 'Normal' },
      b: { text: 'false' },
      i: { number: 3 },
      r: { text: '1 g – 2 g' },
      lt: { number: 0.5, unit: 'mg/L', text: '<0.5 mg/L' },
      none: 'Not Performed',
    });
  });

  it('names a known code in the vault’s words and keeps the source’s own display and text beside it', () => {
    const r = parseFhir(
      JSON.stringify({
        resourceType: 'Observation',
        id: 'hba1c',
        status: 'final',
        code: {
          coding: [
            { system: 'urn:oid:1.2.208.176.2.1', code: 'NPU27300', display: 'Hb(B)—Hæmoglobin A1c; stofrel.(IFCC)' },
            { system: 'http://loinc.org', code: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood' },
          ],
          text: 'HbA1c; "æøå" (IFCC)',
        },
        valueQuantity: { value: 48, unit: 'mmol/mol' },
        component: [
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8480-6', display: 'Systolic blood pressure' }], text: 'Systolisk' },
            valueQuantity: { value: 128, unit: 'mmHg' },
          },
        ],
      }),
    );
    const [o] = r.observations;
    expect(o!.name).toEqual(loincName('4548-4'));
    expect(o!.name.da).not.toBe('HbA1c; "æøå" (IFCC)');
    expect(o!.code).toEqual({ system: 'http://loinc.org', code: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood', text: 'HbA1c; "æøå" (IFCC)' });
    expect(o!.components![0]).toMatchObject({
      name: loincName('8480-6'),
      code: { system: 'http://loinc.org', code: '8480-6', display: 'Systolic blood pressure', text: 'Systolisk' },
    });
  });

  it('keeps unknown code systems (Danish NPU) with their own words', () => {
    const r = parseFhir(
      JSON.stringify({
        resourceType: 'Observation',
        id: 'npu',
        status: 'final',
        code: { coding: [{ system: 'urn:oid:1.2.208.176.2.1', code: 'NPU02319', display: 'B—Hæmoglobin; stofk.' }] },
        valueQuantity: { value: 8.9, unit: 'mmol/L' },
      }),
    );
    expect(r.observations[0]).toMatchObject({
      name: { da: 'B—Hæmoglobin; stofk.', en: 'B—Hæmoglobin; stofk.' },
      code: { system: 'urn:oid:1.2.208.176.2.1', code: 'NPU02319' },
    });
  });

  it('maps each clinical resource type to an item', () => {
    const r = parseFhir(
      bundle('collection', [
        {
          resourceType: 'Condition',
          id: 'c',
          code: { coding: [{ system: 'http://snomed.info/sct', code: '195967001', display: 'Astma' }] },
          clinicalStatus: { coding: [{ code: 'active' }] },
          onsetDateTime: '2010-05-01',
        },
        {
          resourceType: 'AllergyIntolerance',
          id: 'a',
          code: { text: 'Penicillin' },
          clinicalStatus: { coding: [{ code: 'active' }] },
          reaction: [{ manifestation: [{ text: 'Udslæt' }, { text: 'Kløe' }] }],
        },
        { resourceType: 'Immunization', id: 'i', status: 'completed', vaccineCode: { text: 'Influenzavaccine' }, occurrenceDateTime: '2024-10-12' },
        { resourceType: 'Procedure', id: 'p', status: 'completed', code: { text: 'Blindtarmsoperation' }, performedPeriod: { start: '2001-03-04' } },
        {
          resourceType: 'DiagnosticReport',
          id: 'd',
          status: 'final',
          code: { text: 'Blodprøver' },
          effectiveDateTime: '2025-01-02',
          conclusion: 'Normale værdier',
          result: [{ reference: 'Observation/w1' }],
        },
        weight('w1'),
      ]),
    );
    expect(r.clinical.map((c) => [c.resourceType, c.title, c.status, c.date, c.detail])).toEqual([
      ['Condition', 'Astma', 'active', '2010-05-01', undefined],
      ['AllergyIntolerance', 'Penicillin', 'active', undefined, 'Udslæt; Kløe'],
      ['Immunization', 'Influenzavaccine', 'completed', '2024-10-12', undefined],
      ['Procedure', 'Blindtarmsoperation', 'completed', '2001-03-04', undefined],
      ['DiagnosticReport', 'Blodprøver', 'final', '2025-01-02', 'Normale værdier'],
    ]);
    expect(r.clinical[0]!.code).toEqual({ system: 'http://snomed.info/sct', code: '195967001' });
  });

  it('reads DSTU2 shapes in Apple clinical records (string statuses, substance, date)', () => {
    const allergy = parseFhir(
      JSON.stringify({ resourceType: 'AllergyIntolerance', id: 'a2', status: 'active', substance: { text: 'Nødder' }, recordedDate: '2015-02-01' }),
    );
    expect(allergy.clinical[0]).toMatchObject({ title: 'Nødder', date: '2015-02-01' });
    const cond = parseFhir(
      JSON.stringify({ resourceType: 'Condition', id: 'c2', clinicalStatus: 'resolved', code: { text: 'Brækket arm' }, dateRecorded: '2012-01-01' }),
    );
    expect(cond.clinical[0]).toMatchObject({ status: 'resolved', date: '2012-01-01' });
    const imm = parseFhir(JSON.stringify({ resourceType: 'Immunization', id: 'i2', status: 'completed', vaccineCode: { text: 'MFR' }, date: '1990-01-01' }));
    expect(imm.clinical[0]).toMatchObject({ date: '1990-01-01' });
  });

  it('skips a resource of a kept type that is unreadable, and keeps the others', () => {
    const r = parseFhir(bundle('collection', [{ resourceType: 'Observation', id: 'x', status: 5, code: 'no' }, weight('w1')]));
    // Wrong-typed optional members are dropped, so this one survives with what it has.
    expect(r.observations.map((o) => o.id)).toEqual(['x', 'w1']);
    expect(r.observations[0]).toMatchObject({ status: 'unknown', name: { da: 'Måling', en: 'Measurement' } });
  });

  it('refuses a bundle with an entry that is no resource, naming the entry', () => {
    for (const entry of [{ resource: { id: 'no-type' } }, 'nonsense']) {
      const text = JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: weight('w0') }, entry, { resource: weight('w1') }] });
      const err = caught(() => parseFhir(text));
      expect(err.code).toBe('malformed');
      expect(err.citizenMessage.da).toContain('Post 2');
      expect(err.citizenMessage.en).toContain('Entry 2');
    }
  });

  it('refuses an unknown or misspelt resourceType: at the top as not FHIR, in an entry as a broken bundle', () => {
    const top = caught(() => parseFhir(JSON.stringify({ resourceType: 'Bundel', type: 'collection', entry: [{ resource: weight('w1') }] })));
    expect(top.code).toBe('unknown-format');
    expect(top.citizenMessage.da).toContain('«Bundel»');
    expect(top.citizenMessage.en).toContain('“Bundel”');
    const inner = caught(() => parseFhir(bundle('collection', [weight('w1'), { ...weight('w2'), resourceType: 'Observaton' }])));
    expect(inner.code).toBe('malformed');
    expect(inner.citizenMessage.da).toContain('Post 2');
    expect(inner.citizenMessage.da).toContain('«Observaton»');
    // What the file writes is shown as letters only, never markup or a long string.
    const odd = caught(() => parseFhir(JSON.stringify({ resourceType: '<b>Obs</b>' + 'x'.repeat(200) })));
    expect(odd.citizenMessage.da).not.toContain('<');
    // Real types the vault does not show are not errors: they are counted as not kept.
    const r = parseFhir(
      bundle('collection', [weight('w1'), { resourceType: 'FamilyMemberHistory', id: 'f', status: 'completed' }, { resourceType: 'ReferralRequest', id: 'r' }]),
    );
    expect(r.skipped).toEqual({ FamilyMemberHistory: 1, ReferralRequest: 1 });
  });

  it('refuses what is not FHIR', async () => {
    expect(await errorCode(() => parseFhir(''))).toBe('empty-file');
    expect(await errorCode(() => parseFhir('   \n'))).toBe('empty-file');
    expect(await errorCode(() => parseFhir('hello'))).toBe('unknown-format');
    expect(await errorCode(() => parseFhir(fixtureText('not-fhir.json')))).toBe('unknown-format');
    expect(await errorCode(() => parseFhir('[1,2]'))).toBe('unknown-format');
    expect(await errorCode(() => parseFhir('{"resourceType": "Observation", '))).toBe('malformed');
    expect(await errorCode(() => parseFhir('{"resourceType":"Bundle","entry":{"no":"array"}}'))).toBe('malformed');
    expect(await errorCode(() => parseFhir('{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Bundle","entry":5}}]}'))).toBe('malformed');
    expect(detectHealthFile(fixture('not-fhir.json'))).toBeNull();
  });
});

describe('LOINC names', () => {
  it('knows every code of the common table, in Danish and English', () => {
    const table = [
      '85353-1',
      '29463-7',
      '8302-2',
      '39156-5',
      '8867-4',
      '9279-1',
      '8310-5',
      '59408-5',
      '2708-6',
      '85354-9',
      '8480-6',
      '8462-4',
      '9843-4',
      '4548-4',
      '2339-0',
      '2093-3',
    ];
    for (const code of table) {
      const name = loincName(code);
      expect(name, code).toBeDefined();
      expect(name!.da.length).toBeGreaterThan(2);
      expect(name!.en.length).toBeGreaterThan(2);
    }
    expect(loincName('29463-7')).toEqual({ da: 'Vægt', en: 'Body weight' });
    expect(loincName('8867-4')?.da).toBe('Puls');
    expect(loincName('85354-9')?.da).toBe('Blodtryk');
    expect(loincName('99999-9')).toBeUndefined();
    expect(loincName('toString')).toBeUndefined();
  });
});

describe('HbA1c', () => {
  it('is named without a unit, so a value in mmol/mol under the % code is not labelled %', () => {
    const r = parseFhir(
      JSON.stringify({
        resourceType: 'Observation',
        id: 'a1c',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '4548-4' }] },
        valueQuantity: { value: 48, unit: 'mmol/mol', system: 'http://unitsofmeasure.org', code: 'mmol/mol' },
      }),
    );
    expect(r.observations[0]!.name.da).toBe('Langtidsblodsukker (HbA1c)');
    expect(r.observations[0]!.name.da).not.toContain('%');
    expect(r.observations[0]!.value).toMatchObject({ number: 48, unit: 'mmol/mol' });
  });
});

describe('SpO₂ with its oxygen components', () => {
  it('keeps the main value and names the flow-rate component in Danish', () => {
    const r = parseFhir(
      JSON.stringify({
        resourceType: 'Observation',
        id: 'spo2',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '59408-5' }] },
        valueQuantity: { value: 95, unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
        component: [
          {
            code: { coding: [{ system: 'http://loinc.org', code: '3151-8', display: 'Flow Rate' }] },
            valueQuantity: { value: 2, unit: 'L/min', system: 'http://unitsofmeasure.org', code: 'L/min' },
          },
        ],
      }),
    );
    const o = r.observations[0]!;
    expect(o.value).toMatchObject({ number: 95, unit: '%' });
    expect(o.components?.[0]?.name.da).toBe('Ilttilførsel (liter pr. minut)');
  });
});
