import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { detectHealthFile, importAppleHealth, parseFhir } from '../../src/importers/health';
import { ImportError } from '../../src/importers/types';
import { chunks, errorCode, fixture, fixtureText, utf8 } from '../fixtures/health/helpers';

const V12 = fixture('export-v12.xml');
const RUNS = process.env.SLOW === '1' ? 2000 : 100;

/** Runs an import and says how it ended; anything thrown that is not an ImportError fails the test. */
async function outcome(bytes: Uint8Array, size = 512): Promise<'ok' | string> {
  try {
    await importAppleHealth(chunks(bytes, size));
    return 'ok';
  } catch (e) {
    if (e instanceof ImportError) return e.code;
    throw e;
  }
}

function fhirOutcome(text: string): 'ok' | string {
  try {
    parseFhir(text);
    return 'ok';
  } catch (e) {
    if (e instanceof ImportError) return e.code;
    throw e;
  }
}

describe('Apple Health: files that cannot be read', () => {
  it('an empty file', async () => {
    expect(await outcome(new Uint8Array(0))).toBe('empty-file');
    expect(await errorCode(() => importAppleHealth((async function* () {})()))).toBe('empty-file');
  });

  it('binary garbage, a PDF, a FHIR file', async () => {
    const garbage = new Uint8Array(5000).map((_, i) => (i * 2654435761) >>> 24);
    expect(await outcome(garbage)).toBe('unknown-format');
    expect(await outcome(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('unknown-format');
    expect(await outcome(fixture('fhir-observation-spo2.json'))).toBe('unknown-format');
    expect(await outcome(utf8('<?xml version="1.0"?><camt.053/>'))).toBe('unknown-format');
  });

  it('XML cut short, anywhere after the start', async () => {
    const text = fixtureText('export-v12.xml');
    const rootAt = V12.indexOf(0x3c, utf8(text.slice(0, text.indexOf('<HealthData'))).length);
    for (const at of [60, 300, 900, rootAt + 20, 4000, 8000, V12.length - 20, V12.length - 3]) {
      expect(await outcome(V12.slice(0, at)), `cut at ${at}`).toBe('truncated');
    }
  });

  it('XML that is not well-formed', async () => {
    const cases = [
      '<HealthData><Record type="x"></HealthData>',
      '<HealthData><Record type=x/></HealthData>',
      '<HealthData><Record type="a<b"/></HealthData>',
      '<HealthData><Record type="a" type="b"/></HealthData>',
      '<HealthData><Record a="&nope;"/></HealthData>',
      '<HealthData></HealthData><HealthData></HealthData>',
      '<HealthData></HealthData> trailing text',
      // 2015-era metadata written as attributes whose names contain spaces
      '<HealthData><Record type="x" Meta Data="1"/></HealthData>',
    ];
    for (const xml of cases) expect(await outcome(utf8(xml)), xml).toBe('malformed');
  });

  it('a document whose root is not HealthData', async () => {
    expect(await outcome(utf8('<!DOCTYPE HealthData [ ]>\n<Other></Other>'))).toBe('unknown-format');
  });

  it('returns nothing partial: progress may have been reported, the result is never given', async () => {
    const seen: number[] = [];
    const cut = V12.slice(0, V12.length - 40);
    await expect(importAppleHealth(chunks(cut, 100), { onProgress: (p) => seen.push(p.records) })).rejects.toBeInstanceOf(ImportError);
  });
});

describe('fuzz: nothing but ImportError, and always an end', () => {
  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 1, max: 700 }), async (bytes, size) => {
        await outcome(bytes, size);
        detectHealthFile(bytes);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('random bytes behind a health file start', async () => {
    const starts = ['<HealthData>', '<?xml version="1.0"?>\n<!DOCTYPE HealthData [', 'PK\x03\x04', '{"resourceType":"Bundle",'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...starts), fc.uint8Array({ maxLength: 2000 }), async (start, tail) => {
        const head = utf8(start);
        const bytes = new Uint8Array(head.length + tail.length);
        bytes.set(head);
        bytes.set(tail, head.length);
        await outcome(bytes, 97);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 300 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }) }),
  );
  function mutate(base: Uint8Array, ms: (typeof mutation extends fc.Arbitrary<infer T> ? T : never)[]): Uint8Array {
    let b = base;
    for (const m of ms) {
      const at = m.at % Math.max(1, b.length);
      if (m.kind === 'flip') {
        b = b.slice();
        b[at] = m.byte;
      } else if (m.kind === 'cut') {
        b = new Uint8Array([...b.subarray(0, at), ...b.subarray(at + m.length)]);
      } else {
        b = new Uint8Array([...b.subarray(0, at), ...m.bytes, ...b.subarray(at)]);
      }
    }
    return b;
  }

  it('mutated export.xml', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (ms) => {
        await outcome(mutate(V12, ms), 1500);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('mutated export.zip, stored and deflated', async () => {
    const clinical = utf8(fixtureText('fhir-transaction.json'));
    const zips = [0, 6].map((level) =>
      zipSync({ 'apple_health_export/export.xml': V12, 'apple_health_export/clinical-records/Bundle-1.json': clinical }, { level: level as 0 | 6 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...zips), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (zip, ms) => {
        await outcome(mutate(zip, ms), 2000);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('mutated and random FHIR JSON', () => {
    const texts = ['fhir-transaction.json', 'fhir-observation-spo2.json', 'fhir-contained-medication.json'].map(fixtureText);
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(mutation, { minLength: 1, maxLength: 4 }), (text, ms) => {
        fhirOutcome(new TextDecoder().decode(mutate(utf8(text), ms)));
      }),
      { numRuns: RUNS },
    );
    // Structurally valid JSON with arbitrary values where FHIR expects objects, arrays and strings.
    const resource = fc.record(
      {
        resourceType: fc.constantFrom(
          'Observation',
          'Patient',
          'Condition',
          'MedicationStatement',
          'MedicationRequest',
          'AllergyIntolerance',
          'Immunization',
          'Procedure',
          'DiagnosticReport',
          'Medication',
          'Bundle',
          'Unknown',
        ),
        id: fc.oneof(fc.string(), fc.jsonValue()),
        status: fc.jsonValue(),
        code: fc.jsonValue(),
        contained: fc.jsonValue(),
        component: fc.jsonValue(),
        entry: fc.jsonValue(),
        medicationReference: fc.oneof(fc.jsonValue(), fc.record({ reference: fc.oneof(fc.string(), fc.constant('#x'), fc.jsonValue()) })),
        name: fc.jsonValue(),
        valueQuantity: fc.jsonValue(),
      },
      { requiredKeys: ['resourceType'] },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          resource,
          fc.record({ resourceType: fc.constant('Bundle'), type: fc.string(), entry: fc.array(fc.record({ fullUrl: fc.string(), resource })) }),
        ),
        (json) => {
          fhirOutcome(JSON.stringify(json));
        },
      ),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.string(), (s) => void fhirOutcome(s)),
      { numRuns: RUNS },
    );
  }, 120_000);
});
