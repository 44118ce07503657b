/**
 * The scale and the drawn points of a chart of daily figures: a rounded axis, and days bucketed
 * into weeks or months once they would not fit. Pure; the vault's health charts and the
 * receiver page draw with it.
 */

export interface SeriesPoint {
  date: string;
  value: number;
  /** The day's range, for measured things (heart rate). */
  min?: number;
  max?: number;
  /** A second value on the same day (diastolic next to systolic). */
  second?: number;
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A rounded axis maximum and step (1, 2 or 5 times a power of ten), with about five steps. */
export function niceScale(low: number, high: number): { min: number; max: number; step: number } {
  if (!(high > low)) {
    const pad = Math.abs(high) > 0 ? Math.abs(high) * 0.1 : 1;
    return niceScale(low - pad, high + pad);
  }
  const raw = (high - low) / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return { min: Math.floor(low / step) * step, max: Math.ceil(high / step) * step, step };
}

/** Columns a chart draws at most: a ten-year series becomes weeks or months, never 3,650 bars. */
export const MAX_DRAWN_POINTS = 400;

/**
 * The points a chart draws: the days themselves while they fit, else the mean of each week, or
 * of each month when the weeks do not fit either (lowest of the lows, highest of the highs).
 * Each drawn point sits on the middle day of its stretch; `days` is how many days one stretch
 * spans, for the bar width.
 */
export function drawnPoints(points: readonly SeriesPoint[], max = MAX_DRAWN_POINTS): { points: SeriesPoint[]; days: number } {
  if (points.length <= max) return { points: [...points], days: 1 };
  const weekly = bucketed(points, (date) => addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7)), 7);
  if (weekly.length <= max) return { points: weekly, days: 7 };
  return { points: bucketed(points, (date) => `${date.slice(0, 8)}01`, 30), days: 30 };
}

function bucketed(points: readonly SeriesPoint[], startOf: (date: string) => string, days: number): SeriesPoint[] {
  const buckets = new Map<string, SeriesPoint[]>();
  for (const p of points) {
    const start = startOf(p.date);
    const bucket = buckets.get(start);
    if (bucket) bucket.push(p);
    else buckets.set(start, [p]);
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return [...buckets].map(([start, ps]) => {
    const mins = ps.flatMap((p) => (p.min === undefined ? [] : [p.min]));
    const maxes = ps.flatMap((p) => (p.max === undefined ? [] : [p.max]));
    const seconds = ps.flatMap((p) => (p.second === undefined ? [] : [p.second]));
    return {
      date: addDays(start, Math.floor(days / 2)),
      value: round(mean(ps.map((p) => p.value)), 1),
      ...(mins.length ? { min: Math.min(...mins) } : {}),
      ...(maxes.length ? { max: Math.max(...maxes) } : {}),
      ...(seconds.length ? { second: round(mean(seconds), 1) } : {}),
    };
  });
}
