import { describe, expect, it } from 'vitest';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { detectHealthFile, importAppleHealth, type AppleHealthImport, type DailyAggregate } from '../../src/importers/health';
import { chunks, errorCode, fixture, fixtureText, utf8 } from '../fixtures/health/helpers';

const V12 = fixture('export-v12.xml');

const day = (r: AppleHealthImport, date: string, type: string): DailyAggregate | undefined =>
  r.daily.find((d) => d.date === date && d.type === `HKQuantityTypeIdentifier${type}`) ??
  r.daily.find((d) => d.date === date && d.type === `HKCategoryTypeIdentifier${type}`);

function zip(entries: Zippable, level: 0 | 6): Uint8Array {
  return zipSync(entries, { level });
}

describe('Apple Health export.xml', () => {
  it('reads an iOS 16 export whose DTD is malformed (a strict parser fails on it)', async () => {
    expect(fixtureText('export-v12.xml')).toContain('<!ELEMENT RightEye EMPTY>\n>');
    const r = await importAppleHealth(chunks(V12));
    expect(r.exportDate).toBe('2025-03-01T09:12:44+01:00');
    expect(r.issues).toEqual([]);
    expect(r.records).toBe(30);
    expect(r.bytesRead).toBe(V12.length);
  });

  it('gives the same result whatever the chunk size, also inside the DTD and inside characters', async () => {
    const whole = await importAppleHealth(chunks(V12, V12.length));
    for (const size of [1, 7, 333, 4096]) expect(await importAppleHealth(chunks(V12, size))).toEqual(whole);
  }, 120_000);

  it('replaces a vertical tab inside an attribute instead of failing', async () => {
    const r = await importAppleHealth(chunks(V12));
    // "Anne’s\x0bApple Watch" becomes "Anne’s Apple Watch": one source, two readings.
    expect(day(r, '2025-02-10', 'HeartRate')).toMatchObject({
      count: 2,
      sum: 140,
      mean: 70,
      min: 60,
      max: 80,
      sources: ['Anne’s Apple Watch'],
      unit: 'count/min',
      metric: 'heart-rate',
    });
  });

  it('reads an excerpt without XML declaration and without DTD', async () => {
    const r = await importAppleHealth(chunks(fixture('export-excerpt.xml')));
    expect(r.exportDate).toBeUndefined();
    expect(r.daily.map((d) => [d.date, d.metric, d.sum])).toEqual([
      ['2024-06-01', 'weight', 70.5],
      ['2024-06-01', 'steps', 1234],
    ]);
  });

  it('takes steps from the source with the larger day total instead of adding two devices', async () => {
    const r = await importAppleHealth(chunks(V12));
    // Phone 3000 + 2000, watch 4000 on the 10th; on the 11th the watch's 1200 beats the phone's 100.
    expect(day(r, '2025-02-10', 'StepCount')).toMatchObject({ sum: 5000, count: 2, sources: ['Annes iPhone'] });
    expect(day(r, '2025-02-11', 'StepCount')).toMatchObject({ sum: 1200, count: 1, sources: ['Anne’s Apple Watch'] });
  });

  it('dates a sample by its own local calendar date, not by UTC', async () => {
    // 2025-02-11 23:30 -0500 is the 12th in UTC; it belongs to the 11th, and no 12th appears.
    const r = await importAppleHealth(chunks(V12), { keepSamples: ['steps'] });
    expect(r.daily.some((d) => d.date === '2025-02-12')).toBe(false);
    expect(r.samples.find((s) => s.value === 100)).toMatchObject({ start: '2025-02-11T23:30:00-05:00', end: '2025-02-11T23:45:00-05:00' });
  });

  it('counts blood pressure once whether it appears in a Correlation, at top level, or both', async () => {
    const r = await importAppleHealth(chunks(V12));
    expect(day(r, '2025-02-10', 'BloodPressureSystolic')).toMatchObject({ count: 1, sum: 120, metric: 'blood-pressure-systolic', unit: 'mmHg' });
    expect(day(r, '2025-02-10', 'BloodPressureDiastolic')).toMatchObject({ count: 1, sum: 80 });
    // The 11th has only the correlation's records (no top-level copies).
    expect(day(r, '2025-02-11', 'BloodPressureSystolic')).toMatchObject({ count: 1, sum: 140 });
  });

  it('reads oxygen saturation stored as a fraction and as a percentage', async () => {
    const r = await importAppleHealth(chunks(V12));
    expect(day(r, '2025-02-10', 'OxygenSaturation')).toMatchObject({ unit: '%', count: 2, min: 96, max: 98, mean: 97 });
  });

  it('normalises glucose (mmol<…>/L and mg/dL), weight in lb and temperature in °F', async () => {
    const r = await importAppleHealth(chunks(V12));
    expect(day(r, '2025-02-10', 'BloodGlucose')).toMatchObject({ unit: 'mmol/L', sum: 5.5, metric: 'blood-glucose' });
    expect(day(r, '2025-02-11', 'BloodGlucose')?.sum).toBeCloseTo(6, 6);
    expect(day(r, '2025-02-10', 'BodyMass')?.mean).toBeCloseTo(70, 6);
    expect(day(r, '2025-02-10', 'BodyMass')?.unit).toBe('kg');
    expect(day(r, '2025-02-10', 'BodyTemperature')?.mean).toBeCloseTo(37, 6);
  });

  it('adds up minutes asleep per night, named by the day one wakes up; in bed and awake do not count', async () => {
    const r = await importAppleHealth(chunks(V12), { keepSamples: ['sleep'] });
    // 23:00–01:00 core, 01:00–02:00 deep, 02:30–06:30 REM, plus a 45-minute nap on the 11th.
    expect(day(r, '2025-02-11', 'SleepAnalysis')).toMatchObject({ metric: 'sleep', unit: 'min', sum: 120 + 60 + 240 + 45, count: 4 });
    expect(day(r, '2025-02-10', 'SleepAnalysis')).toBeUndefined();
    expect(r.samples.map((s) => s.value)).toEqual([120, 60, 240, 45]);
  });

  it('keeps unknown types as "other", in their own unit, and counts category events', async () => {
    const r = await importAppleHealth(chunks(V12));
    expect(day(r, '2025-02-10', 'EnvironmentalAudioExposure')).toMatchObject({ metric: 'other', unit: 'dBASPL', count: 2, mean: 75, min: 70, max: 80 });
    expect(day(r, '2025-02-10', 'MindfulSession')).toMatchObject({ metric: 'other', unit: 'count', count: 1 });
  });

  it('reads workouts in the old style (total* attributes) and the new (WorkoutStatistics)', async () => {
    const r = await importAppleHealth(chunks(V12));
    expect(r.workouts).toHaveLength(2);
    const [run, ride] = r.workouts;
    expect(run).toMatchObject({ activity: 'HKWorkoutActivityTypeRunning', start: '2025-02-10T18:00:00+01:00', durationMinutes: 30.5, energyKcal: 300 });
    expect(run!.distanceKm).toBeCloseTo(5, 6);
    expect(ride).toMatchObject({ activity: 'HKWorkoutActivityTypeCycling', durationMinutes: 60, distanceKm: 20 });
    expect(ride!.energyKcal).toBeCloseTo(400, 6);
  });

  it('keeps raw samples only of the metrics asked for', async () => {
    expect((await importAppleHealth(chunks(V12))).samples).toEqual([]);
    const r = await importAppleHealth(chunks(V12), { keepSamples: ['heart-rate'] });
    expect(r.samples).toEqual([
      {
        type: 'HKQuantityTypeIdentifierHeartRate',
        metric: 'heart-rate',
        start: '2025-02-10T10:00:00+01:00',
        end: '2025-02-10T10:00:00+01:00',
        value: 60,
        unit: 'count/min',
        source: 'Anne’s Apple Watch',
      },
      {
        type: 'HKQuantityTypeIdentifierHeartRate',
        metric: 'heart-rate',
        start: '2025-02-10T11:00:00+01:00',
        end: '2025-02-10T11:00:00+01:00',
        value: 80,
        unit: 'count/min',
        source: 'Anne’s Apple Watch',
      },
    ]);
  });

  it('reports unreadable records as issues and keeps the rest', async () => {
    const xml = `<HealthData>
 <Record type="HKQuantityTypeIdentifierStepCount" sourceName="P" unit="count" startDate="2025-02-30T08:00:00" endDate="x" value="5"/>
 <Record type="HKQuantityTypeIdentifierStepCount" sourceName="P" unit="count" startDate="2025-02-10 08:00:00 +0100" endDate="2025-02-10 08:00:00 +0100" value="lots"/>
 <Record sourceName="P" unit="count" startDate="2025-02-10 08:00:00 +0100" value="5"/>
 <Record type="HKQuantityTypeIdentifierStepCount" sourceName="P" unit="count" startDate="2025-02-10 08:00:00 +0100" endDate="2025-02-10 08:00:00 +0100" value="7"/>
</HealthData>`;
    const r = await importAppleHealth(chunks(utf8(xml)));
    expect(r.issues.map((i) => [i.code, i.line, i.severity])).toEqual([
      ['bad-date', 1, 'skipped'],
      ['bad-value', 2, 'skipped'],
      ['missing-type', 3, 'skipped'],
    ]);
    expect(r.issues[0]!.message.da).toMatch(/dato/);
    expect(r.daily.map((d) => d.sum)).toEqual([7]);
  });

  it('caps repeated issues and says how many more there were', async () => {
    const bad = ' <Record type="HKQuantityTypeIdentifierStepCount" sourceName="P" unit="count" startDate="nope" value="1"/>\n';
    const r = await importAppleHealth(chunks(utf8(`<HealthData>\n${bad.repeat(50)}</HealthData>`)));
    expect(r.issues.filter((i) => i.code === 'bad-date')).toHaveLength(21);
    expect(r.issues.at(-1)).toMatchObject({ code: 'bad-date', detail: '50 in all' });
    expect(r.issues.at(-1)!.message.en).toContain('30 more');
  });

  it('reports progress about every MiB and stops with "cancelled" when aborted', async () => {
    const filler = ` <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="W" unit="count/min" startDate="2025-02-10 10:00:00 +0100" endDate="2025-02-10 10:00:00 +0100" value="60"/>\n`;
    const big = utf8(`<HealthData>\n${filler.repeat(Math.ceil((3 * 1024 * 1024) / filler.length))}</HealthData>`);
    const seen: { bytesRead: number; records: number }[] = [];
    const r = await importAppleHealth(chunks(big, 100_000), { onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.at(-1)).toEqual({ bytesRead: big.length, records: r.records });
    expect(seen.map((p) => p.bytesRead)).toEqual([...seen.map((p) => p.bytesRead)].sort((a, b) => a - b));

    const controller = new AbortController();
    const code = await errorCode(() => importAppleHealth(chunks(big, 100_000), { signal: controller.signal, onProgress: () => controller.abort() }));
    expect(code).toBe('cancelled');
  }, 120_000);

  it('skips any DTD shape: none, without internal subset, with space before its end, after comments', async () => {
    const rec =
      '<Record type="HKQuantityTypeIdentifierStepCount" sourceName="P" unit="count" startDate="2025-02-10 08:00:00 +0100" endDate="2025-02-10 08:30:00 +0100" value="10"/>';
    const prologs = [
      '',
      '<?xml version="1.0" encoding="UTF-8"?>\n',
      '<!DOCTYPE HealthData>\n',
      '<?xml version="1.0"?>\n<!-- <HealthData> is in a comment -->\n<!DOCTYPE HealthData [\n<!ATTLIST x\n>\n<!ELEMENT y EMPTY>\n>\n] >\n',
      '\uFEFF<!DOCTYPE HealthData [ <!ENTITY junk "never used"> ]>',
    ];
    for (const prolog of prologs) {
      const r = await importAppleHealth(chunks(utf8(`${prolog}<HealthData locale="da_DK">${rec}</HealthData>`), 3));
      expect(
        r.daily.map((d) => d.sum),
        prolog,
      ).toEqual([10]);
    }
  });

  it('never copies the personal characteristics of <Me> (birth date, sex, blood type)', async () => {
    const r = await importAppleHealth(chunks(V12));
    const all = JSON.stringify(r);
    expect(all).not.toContain('1980-04-02');
    expect(all).not.toContain('HKBiologicalSex');
  });

  it('does not add up two sources of an unknown cumulative type either', async () => {
    const flights = (src: string, v: number) =>
      `<Record type="HKQuantityTypeIdentifierFlightsClimbed" sourceName="${src}" unit="count" startDate="2025-02-10 08:00:00 +0100" endDate="2025-02-10 08:30:00 +0100" value="${v}"/>`;
    const r = await importAppleHealth(chunks(utf8(`<HealthData>${flights('P', 3)}${flights('W', 4)}${flights('P', 2)}</HealthData>`)));
    expect(r.daily).toMatchObject([{ metric: 'other', sum: 5, count: 2, sources: ['P'] }]);
  });

  it('reads a ReadableStream as well as an async iterable', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < V12.length; i += 1000) c.enqueue(V12.slice(i, i + 1000));
        c.close();
      },
    });
    expect(await importAppleHealth(stream)).toEqual(await importAppleHealth(chunks(V12)));
  });
});

describe('Apple Health export.zip', () => {
  const clinical = {
    resourceType: 'Observation',
    id: 'obs-1',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '4548-4' }] },
    effectiveDateTime: '2025-02-01',
    valueQuantity: { value: 6.1, unit: '%' },
  };
  const entries = (): Zippable => ({
    '__MACOSX/apple_health_export/._export.xml': strToU8('junk that is not XML'),
    'apple_health_export/.DS_Store': new Uint8Array([0, 0, 0, 1, 66, 117, 100, 49]),
    'apple_health_export/export_cda.xml': strToU8('<ClinicalDocument>junk after root</ClinicalDocument><x>'),
    'apple_health_export/workout-routes/route_2025-02-11_5.00pm.gpx': strToU8('<gpx/>'),
    'apple_health_export/export.xml': V12,
    'apple_health_export/clinical-records/Observation-obs-1.json': strToU8(JSON.stringify(clinical)),
    'apple_health_export/clinical-records/Condition-c-1.json': strToU8(
      JSON.stringify({ resourceType: 'Condition', id: 'c-1', code: { text: 'Astma' }, clinicalStatus: { coding: [{ code: 'active' }] } }),
    ),
    'apple_health_export/clinical-records/Broken-1.json': strToU8('{ "resourceType": "Observation", '),
  });

  for (const level of [0, 6] as const) {
    it(`reads export.xml and clinical records from a ${level === 0 ? 'stored' : 'deflated'} zip, ignoring __MACOSX and .DS_Store`, async () => {
      const bytes = zip(entries(), level);
      expect(detectHealthFile(bytes.subarray(0, 4096))).toBe('apple-health-zip');
      const fromZip = await importAppleHealth(chunks(bytes, 5000));
      const fromXml = await importAppleHealth(chunks(V12));
      expect(fromZip.daily).toEqual(fromXml.daily);
      expect(fromZip.workouts).toEqual(fromXml.workouts);
      expect(fromZip.records).toBe(fromXml.records);
      expect(fromZip.bytesRead).toBe(bytes.length);
      expect(fromZip.fhir.observations.map((o) => [o.id, o.name.da, o.value])).toEqual([['obs-1', 'Langtidsblodsukker (HbA1c)', { number: 6.1, unit: '%' }]]);
      expect(fromZip.fhir.clinical.map((c) => [c.resourceType, c.title, c.status])).toEqual([['Condition', 'Astma', 'active']]);
      expect(fromZip.issues.map((i) => [i.code, i.detail])).toEqual([['bad-clinical-record', 'malformed']]);
    });
  }

  it('finds export.xml in any folder', async () => {
    const r = await importAppleHealth(chunks(zip({ 'Eksport/Sundhed/export.xml': V12 }, 6)));
    expect(r.records).toBe(30);
  });

  it('refuses a zip without export.xml', async () => {
    expect(await errorCode(() => importAppleHealth(chunks(zip({ 'notes.txt': strToU8('hej') }, 6))))).toBe('unknown-format');
  });

  it('refuses a truncated zip, whether cut inside export.xml or after it', async () => {
    const deflated = zip(entries(), 6);
    const stored = zip(entries(), 0);
    for (const bytes of [deflated, stored]) {
      for (const cut of [0.3, 0.6, 0.99]) {
        expect(await errorCode(() => importAppleHealth(chunks(bytes.slice(0, Math.floor(bytes.length * cut)), 999)))).toBe('truncated');
      }
      // Only the central directory is missing.
      expect(await errorCode(() => importAppleHealth(chunks(bytes.slice(0, bytes.length - 30))))).toBe('truncated');
    }
  });

  it('refuses a zip whose compressed data is damaged', async () => {
    const bytes = zip({ 'apple_health_export/export.xml': V12 }, 6);
    const damaged = bytes.slice();
    for (let i = 200; i < 600; i++) damaged[i] = (damaged[i]! * 7 + 13) & 0xff;
    expect(['malformed', 'truncated']).toContain(await errorCode(() => importAppleHealth(chunks(damaged))));
  });
});
