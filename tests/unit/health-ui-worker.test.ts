/** The import worker's API with the real importers: outcomes as data, progress, cancel. */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createHealthWorkerApi, type HealthProgress } from '../../src/ui/health/health-worker-api';
import { generateAppleHealthXml } from '../../src/importers/health/testing/generate';

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<HealthData locale="da_DK">
 <ExportDate value="2026-03-12 18:00:00 +0100"/>
 <Record type="HKQuantityTypeIdentifierStepCount" sourceName="iPhone" unit="count" startDate="2026-03-10 08:00:00 +0100" endDate="2026-03-10 09:00:00 +0100" value="1200"/>
 <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Watch" unit="count/min" startDate="2026-03-10 08:00:00 +0100" endDate="2026-03-10 08:00:00 +0100" value="61"/>
</HealthData>
`;

const blob = (parts: BlobPart[]) => new Blob(parts);

describe('health worker API', () => {
  it('reads a zipped export, groups kept samples, and returns no raw samples to the page', async () => {
    const api = createHealthWorkerApi();
    const progress: HealthProgress[] = [];
    const zip = zipSync({ 'apple_health_export/export.xml': strToU8(xml) });
    const outcome = await api.parse(blob([zip]), { keepSamples: ['heart-rate'] }, (p) => progress.push(p));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok || outcome.format === 'fhir-json') throw new Error('expected an Apple export');
    expect(outcome.format).toBe('apple-health-zip');
    expect(outcome.apple.daily.find((d) => d.metric === 'steps')).toMatchObject({ date: '2026-03-10', sum: 1200 });
    expect(outcome.apple.samples).toEqual([]);
    expect(outcome.sampleGroups.map((g) => [g.data.metric, g.data.value])).toEqual([['heart-rate', [61]]]);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)!.bytesRead).toBe(outcome.apple.bytesRead);
  });

  it('reads a FHIR bundle', async () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          resource: {
            resourceType: 'Observation',
            id: 'w',
            status: 'final',
            code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] },
            valueQuantity: { value: 82.5, unit: 'kg' },
          },
        },
      ],
    };
    const outcome = await createHealthWorkerApi().parse(blob([JSON.stringify(bundle)]), { keepSamples: [] });
    expect(outcome).toMatchObject({ ok: true, format: 'fhir-json' });
    if (outcome.ok && outcome.format === 'fhir-json')
      expect(outcome.fhir.observations[0]).toMatchObject({ id: 'w', name: { da: 'Vægt' }, value: { number: 82.5, unit: 'kg' } });
  });

  it.each([
    ['an empty file', [], 'empty-file'],
    ['binary garbage', [new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256)], 'not-text'],
    ['text that is not a health file', ['Dato;Tekst;Beløb\n01-03-2026;Netto;-45,00\n'], 'unknown-format'],
  ] as const)('answers %s with %s, as data', async (_, parts, code) => {
    expect(await createHealthWorkerApi().parse(blob([...parts] as BlobPart[]), { keepSamples: [] })).toMatchObject({ ok: false, code });
  });

  it('passes on the importer’s words for a truncated zip', async () => {
    const zip = zipSync({ 'apple_health_export/export.xml': strToU8(xml.repeat(50)) });
    const outcome = await createHealthWorkerApi().parse(blob([zip.subarray(0, zip.length >> 1)]), { keepSamples: [] });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(['truncated', 'malformed']).toContain(outcome.code);
      expect(outcome.message?.da).toMatch(/\S/);
    }
  });

  it('refuses options it does not know', async () => {
    expect(await createHealthWorkerApi().parse(blob([xml]), { keepSamples: ['bogus' as never] })).toMatchObject({ ok: false, code: 'malformed' });
  });

  it('stops when cancelled and answers cancelled', async () => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of generateAppleHealthXml(8 * 1024 * 1024, 3)) chunks.push(chunk);
    // A clock that moves a second per reading, so every progress report passes the throttle.
    let tick = 0;
    const api = createHealthWorkerApi(() => (tick += 1000));
    let cancelled = false;
    const outcome = await api.parse(blob(chunks as BlobPart[]), { keepSamples: [] }, (p) => {
      if (!cancelled && p.bytesRead > 0) {
        cancelled = true;
        api.cancel();
      }
    });
    expect(cancelled).toBe(true);
    expect(outcome).toEqual({ ok: false, code: 'cancelled' });
  });
});
