/** Chart series from stored daily records: which metric each chart shows, ranges, summaries, axes. */
import { describe, expect, it } from 'vitest';
import { chartSeries, drawnPoints, inRange, MAX_DRAWN_POINTS, niceScale, summarise, type SeriesPoint } from '../../src/ui/health/series';
import type { DailyData } from '../../src/ui/health/records';

const day = (date: string, sum: number, mean = sum, min = mean, max = mean) => ({ date, count: 1, sum, min, max, mean, sources: ['iPhone'] });
const record = (metric: DailyData['metric'], unit: string, days: ReturnType<typeof day>[], type = `HK-${metric}`): DailyData => ({
  type,
  metric,
  unit,
  month: days[0]!.date.slice(0, 7),
  days,
});

describe('chartSeries', () => {
  it('steps: the day’s total, across months, in date order', () => {
    const s = chartSeries([record('steps', 'count', [day('2026-03-01', 7000.4)]), record('steps', 'count', [day('2026-02-28', 6000)])], 'steps')!;
    expect(s.points).toEqual([
      { date: '2026-02-28', value: 6000 },
      { date: '2026-03-01', value: 7000 },
    ]);
  });

  it('heart rate: the daily mean with min and max, and the resting pulse in a chart of its own — neither hides the other', () => {
    const all = record('heart-rate', 'count/min', [day('2026-03-01', 0, 71.6, 52, 140)]);
    expect(chartSeries([all], 'heart-rate')).toMatchObject({ metric: 'heart-rate', points: [{ date: '2026-03-01', value: 72, min: 52, max: 140 }] });
    expect(chartSeries([all], 'resting-heart-rate')).toBeNull();
    const resting = record('resting-heart-rate', 'count/min', [day('2026-03-01', 0, 58)]);
    expect(chartSeries([all, resting], 'heart-rate')).toMatchObject({ metric: 'heart-rate', points: [{ value: 72 }] });
    expect(chartSeries([all, resting], 'resting-heart-rate')).toMatchObject({ metric: 'resting-heart-rate', points: [{ value: 58 }] });
  });

  it('blood pressure: days with both numbers, systolic first', () => {
    const sys = record('blood-pressure-systolic', 'mmHg', [day('2026-03-01', 0, 128), day('2026-03-02', 0, 131)]);
    const dia = record('blood-pressure-diastolic', 'mmHg', [day('2026-03-01', 0, 84)]);
    expect(chartSeries([sys, dia], 'blood-pressure')!.points).toEqual([{ date: '2026-03-01', value: 128, second: 84 }]);
  });

  it('nothing to show gives null', () => {
    expect(chartSeries([record('steps', 'count', [day('2026-03-01', 1)])], 'weight')).toBeNull();
  });
});

describe('inRange and summarise', () => {
  const points = Array.from({ length: 100 }, (_, i) => ({ date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10), value: i }));

  it('counts back from the newest day', () => {
    const last30 = inRange(points, '30d');
    expect(last30).toHaveLength(30);
    expect(last30[0]!.date).toBe('2026-03-12');
    expect(inRange(points, 'all')).toHaveLength(100);
  });

  it('summarises mean, highest, lowest and latest', () => {
    const s = summarise(inRange(points, '30d'))!;
    expect(s).toMatchObject({ from: '2026-03-12', to: '2026-04-10', days: 30, mean: 84.5 });
    expect(s.highest.value).toBe(99);
    expect(s.lowest.value).toBe(70);
    expect(summarise([])).toBeNull();
  });
});

describe('niceScale', () => {
  it('rounds to 1, 2 or 5 times a power of ten and covers the data', () => {
    expect(niceScale(0, 12_340)).toEqual({ min: 0, max: 15_000, step: 5000 });
    expect(niceScale(52, 190)).toEqual({ min: 50, max: 200, step: 50 });
    const flat = niceScale(80, 80);
    expect(flat.min).toBeLessThan(80);
    expect(flat.max).toBeGreaterThan(80);
  });
});

describe('otherMeasures', () => {
  it('lists every stored kind the charts do not show, a total per day for cumulative kinds, else the mean', async () => {
    const { otherMeasures } = await import('../../src/ui/health/series');
    const { isCumulative } = await import('../../src/importers/health/index');
    const glucose = {
      ...record('blood-glucose', 'mmol/L', [day('2026-03-01', 0, 5.4), day('2026-03-02', 0, 6.0)]),
      type: 'HKQuantityTypeIdentifierBloodGlucose',
    };
    const exercise = { ...record('other', 'min', [day('2026-03-01', 42, 10)]), type: 'HKQuantityTypeIdentifierAppleExerciseTime' };
    const vo2 = { ...record('other', 'mL/min·kg', [day('2026-03-03', 0, 41.5)]), type: 'HKQuantityTypeIdentifierVO2Max' };
    const steps = record('steps', 'count', [day('2026-03-01', 9000)]);
    const rows = otherMeasures([glucose, exercise, vo2, steps], isCumulative);
    expect(rows.map((r) => [r.type.replace('HKQuantityTypeIdentifier', ''), r.total, r.days, r.latest, Math.round(r.mean * 10) / 10])).toEqual([
      ['AppleExerciseTime', true, 1, { date: '2026-03-01', value: 42 }, 42],
      ['BloodGlucose', false, 2, { date: '2026-03-02', value: 6 }, 5.7],
      ['VO2Max', false, 1, { date: '2026-03-03', value: 41.5 }, 41.5],
    ]);
  });

  it('names them in Danish', async () => {
    const { typeName } = await import('../../src/ui/health/format');
    expect(typeName('HKQuantityTypeIdentifierVO2Max')).toBe('Kondital (VO₂-maks)');
    expect(typeName('HKQuantityTypeIdentifierHeartRateVariabilitySDNN')).toBe('Pulsvariabilitet (HRV)');
  });
});

describe('drawnPoints', () => {
  const daysFrom = (start: string, count: number, at: (i: number) => Partial<SeriesPoint> = () => ({})): SeriesPoint[] =>
    Array.from({ length: count }, (_, i) => ({
      date: new Date(Date.parse(`${start}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
      value: i,
      ...at(i),
    }));

  it('draws the days themselves while they fit', () => {
    const points = daysFrom('2026-01-01', 90);
    expect(drawnPoints(points)).toEqual({ points, days: 1 });
  });

  it('draws weeks for a few years: the mean of each week, on its middle day, lows and highs kept', () => {
    // 2023-01-02 is a Monday: 700 days are exactly 100 weeks.
    const points = daysFrom('2023-01-02', 700, (i) => ({ min: i - 5, max: i + 5 }));
    const { points: weeks, days } = drawnPoints(points);
    expect(days).toBe(7);
    expect(weeks).toHaveLength(100);
    expect(weeks[0]).toEqual({ date: '2023-01-05', value: 3, min: -5, max: 11 });
    expect(weeks.at(-1)).toMatchObject({ value: 696, min: 688, max: 704 });
  });

  it('draws months for ten years of days, never one bar per day', () => {
    const points = daysFrom('2016-01-01', 3653, () => ({ second: 80 }));
    const { points: months, days } = drawnPoints(points);
    expect(days).toBe(30);
    expect(months).toHaveLength(120);
    expect(months.length).toBeLessThanOrEqual(MAX_DRAWN_POINTS);
    expect(months[0]).toEqual({ date: '2016-01-16', value: 15, second: 80 });
    expect(months.every((m) => m.min === undefined && m.max === undefined)).toBe(true);
  });
});
