/**
 * Daily aggregates per type, built one sample at a time in memory bounded by days × types ×
 * sources (a few years of an Apple Watch is tens of thousands of entries, not millions).
 *
 * Overlapping sources: an iPhone and an Apple Watch both count the steps of the same walk, and
 * third-party apps write copies. For totals (steps, distance, energy, sleep, other cumulative
 * types) we keep each source's own total per day and report the day's figure from the single
 * source with the largest total — the device that was with the person most of the day — instead of
 * adding them up. Per-hour maxima would be closer for days split between devices, but need hourly
 * state and still cannot tell a double-worn hour from a shared one. Measured values (weight,
 * heart rate) are averaged over every source: a reading is a reading, whoever wrote it.
 */
import type { DailyAggregate, HealthMetric } from '../../../records/health/types';

class Stats {
  count = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  add(v: number): void {
    this.count++;
    this.sum += v;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }
}

export class Series {
  /** date → source → that source's stats for the day. */
  readonly days = new Map<string, Map<string, Stats>>();
  constructor(
    readonly type: string,
    readonly metric: HealthMetric,
    readonly unit: string,
    readonly cumulative: boolean,
  ) {}

  add(date: string, source: string, value: number): void {
    let bySource = this.days.get(date);
    if (bySource === undefined) {
      bySource = new Map();
      this.days.set(date, bySource);
    }
    let stats = bySource.get(source);
    if (stats === undefined) {
      stats = new Stats();
      bySource.set(source, stats);
    }
    stats.add(value);
  }
}

export class DailyAggregator {
  private readonly series = new Map<string, Series>();

  /** The series of one type in one (normalised) unit; a type written in two units gives two. */
  seriesFor(type: string, metric: HealthMetric, unit: string, cumulative: boolean): Series {
    const key = `${type}\u0000${unit}`;
    let s = this.series.get(key);
    if (s === undefined) {
      s = new Series(type, metric, unit, cumulative);
      this.series.set(key, s);
    }
    return s;
  }

  /** Every day of every series, ordered by date, then type. */
  result(): DailyAggregate[] {
    const out: DailyAggregate[] = [];
    for (const s of this.series.values()) {
      for (const [date, bySource] of s.days) out.push(s.cumulative ? fromLargestSource(s, date, bySource) : fromAllSources(s, date, bySource));
    }
    out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : a.unit < b.unit ? -1 : 1));
    return out;
  }
}

function fromLargestSource(s: Series, date: string, bySource: Map<string, Stats>): DailyAggregate {
  let best: [string, Stats] | undefined;
  for (const entry of bySource) {
    // Ties go to the alphabetically first source, so the result does not depend on file order.
    if (best === undefined || entry[1].sum > best[1].sum || (entry[1].sum === best[1].sum && entry[0] < best[0])) best = entry;
  }
  const [source, st] = best!;
  return {
    date,
    type: s.type,
    metric: s.metric,
    unit: s.unit,
    count: st.count,
    sum: st.sum,
    min: st.min,
    max: st.max,
    mean: st.sum / st.count,
    sources: [source],
  };
}

function fromAllSources(s: Series, date: string, bySource: Map<string, Stats>): DailyAggregate {
  const all = new Stats();
  for (const st of bySource.values()) {
    all.count += st.count;
    all.sum += st.sum;
    if (st.min < all.min) all.min = st.min;
    if (st.max > all.max) all.max = st.max;
  }
  return {
    date,
    type: s.type,
    metric: s.metric,
    unit: s.unit,
    count: all.count,
    sum: all.sum,
    min: all.min,
    max: all.max,
    mean: all.sum / all.count,
    sources: [...bySource.keys()].sort(),
  };
}
