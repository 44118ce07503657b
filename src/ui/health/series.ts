/**
 * Chart series from the stored daily aggregates: daily steps, weight, heart rate (the daily mean
 * with its min and max), resting heart rate and blood pressure (systolic and diastolic). Pure; tested in tests/unit/health-ui-series.test.ts.
 */
import type { HealthMetric } from '../../records/health/types';
import type { SeriesPoint } from '../../shared/chart-scale';
import type { DailyData } from './records';

export { drawnPoints, MAX_DRAWN_POINTS, niceScale, type SeriesPoint } from '../../shared/chart-scale';

export type ChartId = 'steps' | 'weight' | 'heart-rate' | 'resting-heart-rate' | 'blood-pressure';

export interface Series {
  chart: ChartId;
  /** The metric the points come from (heart rate may be resting or all-day). */
  metric: HealthMetric;
  unit: string;
  points: SeriesPoint[];
}

/** Days of one metric, by date; where two types give the same metric a day, the later record wins. */
function daysOf(records: readonly DailyData[], metric: HealthMetric) {
  const byDate = new Map<string, DailyData['days'][number] & { unit: string }>();
  for (const record of records) {
    if (record.metric !== metric) continue;
    for (const day of record.days) byDate.set(day.date, { ...day, unit: record.unit });
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export function chartSeries(records: readonly DailyData[], chart: ChartId): Series | null {
  switch (chart) {
    case 'steps': {
      const days = daysOf(records, 'steps');
      if (days.length === 0) return null;
      return { chart, metric: 'steps', unit: days[0]!.unit, points: days.map((d) => ({ date: d.date, value: Math.round(d.sum) })) };
    }
    case 'weight': {
      const days = daysOf(records, 'weight');
      if (days.length === 0) return null;
      return {
        chart,
        metric: 'weight',
        unit: days[0]!.unit,
        points: days.map((d) => ({ date: d.date, value: round(d.mean, 1), min: round(d.min, 1), max: round(d.max, 1) })),
      };
    }
    case 'heart-rate': {
      // The all-day pulse has its own chart: a resting pulse beside it does not hide it.
      const days = daysOf(records, 'heart-rate');
      if (days.length === 0) return null;
      return {
        chart,
        metric: 'heart-rate',
        unit: days[0]!.unit,
        points: days.map((d) => ({ date: d.date, value: Math.round(d.mean), min: Math.round(d.min), max: Math.round(d.max) })),
      };
    }
    case 'resting-heart-rate': {
      const days = daysOf(records, 'resting-heart-rate');
      if (days.length === 0) return null;
      return { chart, metric: 'resting-heart-rate', unit: days[0]!.unit, points: days.map((d) => ({ date: d.date, value: Math.round(d.mean) })) };
    }
    case 'blood-pressure': {
      const systolic = daysOf(records, 'blood-pressure-systolic');
      const diastolic = new Map(daysOf(records, 'blood-pressure-diastolic').map((d) => [d.date, d]));
      const points = systolic.flatMap((s) => {
        const d = diastolic.get(s.date);
        return d ? [{ date: s.date, value: Math.round(s.mean), second: Math.round(d.mean) }] : [];
      });
      if (points.length === 0) return null;
      return { chart, metric: 'blood-pressure-systolic', unit: systolic[0]!.unit, points };
    }
  }
}

export type Range = '30d' | '90d' | '1y' | 'all';
export const RANGES: readonly Range[] = ['30d', '90d', '1y', 'all'];
const RANGE_DAYS: Record<Exclude<Range, 'all'>, number> = { '30d': 30, '90d': 90, '1y': 365 };

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The last `range` of a series, counted back from its newest day (not from today: an old export still shows). */
export function inRange(points: readonly SeriesPoint[], range: Range): SeriesPoint[] {
  if (range === 'all' || points.length === 0) return [...points];
  const from = addDays(points.at(-1)!.date, -(RANGE_DAYS[range] - 1));
  return points.filter((p) => p.date >= from);
}

export interface SeriesSummary {
  from: string;
  to: string;
  days: number;
  mean: number;
  highest: SeriesPoint;
  lowest: SeriesPoint;
  latest: SeriesPoint;
}

export function summarise(points: readonly SeriesPoint[]): SeriesSummary | null {
  if (points.length === 0) return null;
  let highest = points[0]!;
  let lowest = points[0]!;
  let total = 0;
  for (const p of points) {
    if (p.value > highest.value) highest = p;
    if (p.value < lowest.value) lowest = p;
    total += p.value;
  }
  return { from: points[0]!.date, to: points.at(-1)!.date, days: points.length, mean: total / points.length, highest, lowest, latest: points.at(-1)! };
}

/** Metrics the charts show; every other stored kind is listed by `otherMeasures`. */
const CHARTED: ReadonlySet<HealthMetric> = new Set([
  'steps',
  'weight',
  'heart-rate',
  'resting-heart-rate',
  'blood-pressure-systolic',
  'blood-pressure-diastolic',
]);

export interface MeasureSummary {
  metric: HealthMetric;
  type: string;
  unit: string;
  /** Whether a day's figure is the day's total (distance, energy) or the mean of its readings. */
  total: boolean;
  days: number;
  latest: { date: string; value: number };
  /** The mean of the daily figures. */
  mean: number;
}

/**
 * Every stored kind of daily figure the charts do not show (blood sugar, oxygen, sleep, BMI,
 * VO₂ max, distance, energy, exercise and stand minutes, HRV …), one row per kind, so that
 * nothing stored goes unseen. Ordered by name is the caller's business; here by type.
 */
export function otherMeasures(records: readonly DailyData[], isTotal: (type: string, metric: HealthMetric) => boolean): MeasureSummary[] {
  const byType = new Map<string, { metric: HealthMetric; type: string; unit: string; days: Map<string, number> }>();
  for (const record of records) {
    if (CHARTED.has(record.metric)) continue;
    let group = byType.get(record.type);
    if (!group) byType.set(record.type, (group = { metric: record.metric, type: record.type, unit: record.unit, days: new Map() }));
    const total = isTotal(record.type, record.metric);
    for (const day of record.days) group.days.set(day.date, total ? day.sum : day.mean);
  }
  return [...byType.values()]
    .filter((g) => g.days.size > 0)
    .sort((a, b) => a.type.localeCompare(b.type))
    .map((g) => {
      const dates = [...g.days.keys()].sort();
      const last = dates.at(-1)!;
      let sum = 0;
      for (const v of g.days.values()) sum += v;
      return {
        metric: g.metric,
        type: g.type,
        unit: g.unit,
        total: isTotal(g.type, g.metric),
        days: dates.length,
        latest: { date: last, value: g.days.get(last)! },
        mean: sum / g.days.size,
      };
    });
}
