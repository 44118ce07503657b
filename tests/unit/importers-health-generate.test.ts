import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importAppleHealth, METRICS } from '../../src/importers/health';
import { generateAppleHealthXml, type GeneratedRecord } from '../../src/importers/health/testing/generate';
import { collect } from '../fixtures/health/helpers';

const RUNS = process.env.SLOW === '1' ? 30 : 4;
const CUMULATIVE = new Set([
  'HKQuantityTypeIdentifierStepCount',
  'HKQuantityTypeIdentifierDistanceWalkingRunning',
  'HKQuantityTypeIdentifierActiveEnergyBurned',
  'HKQuantityTypeIdentifierFlightsClimbed',
]);
const ASLEEP = /AsleepCore|AsleepDeep|AsleepREM/;

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const minutes = (a: string, b: string) =>
  (Date.parse(b.replace(' ', 'T').replace(/ ([+-]\d\d)(\d\d)$/, '$1:$2')) - Date.parse(a.replace(' ', 'T').replace(/ ([+-]\d\d)(\d\d)$/, '$1:$2'))) / 60_000;

/**
 * What the daily aggregates must be, worked out from the records the generator wrote, by the
 * documented rules: totals from the one source with the largest day total, averages over all
 * sources, correlation copies ignored, fractions as percent, sleep per night.
 */
function expected(records: GeneratedRecord[]): Map<string, { count: number; sum: number }> {
  const perSource = new Map<string, Map<string, { count: number; sum: number }>>();
  for (const r of records) {
    if (r.inCorrelation) continue;
    let key: string;
    let value: number;
    if (r.type === 'HKCategoryTypeIdentifierSleepAnalysis') {
      if (!ASLEEP.test(r.value)) continue;
      const date = r.startDate.slice(0, 10);
      key = `${Number(r.startDate.slice(11, 13)) >= 18 ? nextDay(date) : date} ${r.type}`;
      value = minutes(r.startDate, r.endDate);
    } else {
      key = `${r.startDate.slice(0, 10)} ${r.type}`;
      value = Number(r.value) * (r.unit === '%' ? 100 : 1);
    }
    const bySource = perSource.get(key) ?? new Map<string, { count: number; sum: number }>();
    perSource.set(key, bySource);
    const s = bySource.get(r.sourceName) ?? { count: 0, sum: 0 };
    bySource.set(r.sourceName, s);
    s.count++;
    s.sum += value;
  }
  const out = new Map<string, { count: number; sum: number }>();
  for (const [key, bySource] of perSource) {
    const type = key.slice(11);
    const all = [...bySource.values()];
    out.set(
      key,
      CUMULATIVE.has(type) || type === 'HKCategoryTypeIdentifierSleepAnalysis'
        ? all.reduce((best, s) => (s.sum > best.sum ? s : best))
        : { count: all.reduce((n, s) => n + s.count, 0), sum: all.reduce((n, s) => n + s.sum, 0) },
    );
  }
  return out;
}

describe('generated exports', () => {
  it('the aggregates add up to the generated samples (per the no-double-counting rules)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 40_000, max: 250_000 }), async (seed, size) => {
        const records: GeneratedRecord[] = [];
        const result = await importAppleHealth(generateAppleHealthXml(size, seed, { onRecord: (r) => records.push(r), chunkBytes: 7_777 }));
        expect(result.issues).toEqual([]);
        const want = expected(records);
        const got = new Map(result.daily.map((d) => [`${d.date} ${d.type}`, d]));
        expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
        for (const [key, w] of want) {
          const d = got.get(key)!;
          expect(d.count, key).toBe(w.count);
          expect(d.sum, key).toBeCloseTo(w.sum, 6);
          expect(d.mean, key).toBeCloseTo(w.sum / w.count, 6);
          expect(d.unit, key).toBe(d.metric === 'other' ? d.unit : METRICS[d.metric].unit);
        }
        // Every Record and Workout element is counted once.
        expect(result.records).toBe(records.length + result.workouts.length);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('is deterministic and close to the size asked for', async () => {
    const a = await collect(generateAppleHealthXml(300_000, 42));
    const b = await collect(generateAppleHealthXml(300_000, 42));
    const c = await collect(generateAppleHealthXml(300_000, 43));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
    expect(a.length).toBeGreaterThan(300_000 * 0.9);
    expect(a.length).toBeLessThan(300_000 * 1.3);
    const text = new TextDecoder().decode(a);
    expect(text).toContain('\x0b');
    expect(text).toContain('HKCorrelationTypeIdentifierBloodPressure');
    expect(text).toContain('<WorkoutStatistics');
    expect(text).toContain('totalDistance=');
    expect(text.trimEnd().endsWith('</HealthData>')).toBe(true);
  }, 120_000);
});
