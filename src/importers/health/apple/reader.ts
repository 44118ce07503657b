/**
 * Reads Apple Health's export.xml text chunk by chunk (SAX-style, see xml-scan.ts) into daily
 * aggregates, optional raw samples and workouts. The per-record path is kept lean: a cached rule
 * per type and unit, dates read digit by digit, no objects beyond the tokenizer's attributes.
 */
import type { HealthMetric, HealthSample, Workout } from '../../../records/health/types';
import { HEALTHKIT_METRIC, isCumulative } from '../../../records/health/metrics';
import { healthError } from '../errors';
import { IssueLog } from '../issues';
import { DailyAggregator, type Series } from './aggregate';
import { appleDateToEpochMs, appleDateToIso, appleLocalHour, isAppleDate, nextDate } from './dates';
import { unitRule } from './units';
import { XmlTextCleaner } from './sanitize';
import { Interner, own } from './own';
import { FastXmlTokenizer, XmlSyntaxError, type TokenizerFactory, type XmlTokenizer } from './xml-scan';

export type { TokenizerFactory } from './xml-scan';

/** The attributes the reader looks at; the tokenizer hands their values on by index. */
const NAMES = [
  'type',
  'sourceName',
  'unit',
  'startDate',
  'endDate',
  'value',
  'workoutActivityType',
  'duration',
  'durationUnit',
  'totalDistance',
  'totalDistanceUnit',
  'totalEnergyBurned',
  'totalEnergyBurnedUnit',
  'sum',
] as const;
type Name = (typeof NAMES)[number];
const A = Object.fromEntries(NAMES.map((n, i) => [n, i])) as Record<Name, number>;
type Attrs = readonly (string | undefined)[];

const SLEEP = 'HKCategoryTypeIdentifierSleepAnalysis';
const ASLEEP = new Set([
  'HKCategoryValueSleepAnalysisAsleep',
  'HKCategoryValueSleepAnalysisAsleepUnspecified',
  'HKCategoryValueSleepAnalysisAsleepCore',
  'HKCategoryValueSleepAnalysisAsleepDeep',
  'HKCategoryValueSleepAnalysisAsleepREM',
]);
/** A night is named by the day one wakes up: sleep that starts from 18:00 counts for the next date. */
const NIGHT_STARTS_AT_HOUR = 18;
const MAX_SLEEP_MINUTES = 24 * 60;

/** Types that are also written inside a Correlation (blood pressure, food): seen twice, counted once. */
function inCorrelations(type: string): boolean {
  return (
    type === 'HKQuantityTypeIdentifierBloodPressureSystolic' ||
    type === 'HKQuantityTypeIdentifierBloodPressureDiastolic' ||
    type.startsWith('HKQuantityTypeIdentifierDietary')
  );
}

interface Rule {
  series: Series;
  metric: HealthMetric;
  unit: string;
  convert: (v: number) => number;
  dedup: boolean;
  keep: boolean;
}

interface OpenWorkout {
  workout: Workout;
  statDistanceKm?: number;
  statEnergyKcal?: number;
}

export interface AppleXmlResult {
  exportDate?: string;
  daily: ReturnType<DailyAggregator['result']>;
  samples: HealthSample[];
  workouts: Workout[];
}

export class AppleXmlReader {
  records = 0;
  private readonly cleaner = new XmlTextCleaner();
  private readonly tokenizer: XmlTokenizer;
  private readonly aggregator = new DailyAggregator();
  private readonly rules = new Map<string, Map<string, Rule>>();
  private readonly seenInCorrelations = new Set<string>();
  /** Source names, types and activities are kept; copy each once (see own.ts). */
  private readonly strings = new Interner();
  private readonly keep: ReadonlySet<HealthMetric>;
  private readonly samples: HealthSample[] = [];
  private readonly workouts: Workout[] = [];
  private exportDate: string | undefined;
  private depth = 0;
  private correlationDepth = 0;
  private openWorkout: OpenWorkout | undefined;

  constructor(
    private readonly issues: IssueLog,
    keepSamples: readonly HealthMetric[] = [],
    tokenizer: TokenizerFactory = (h, names) => new FastXmlTokenizer(h, names),
  ) {
    this.keep = new Set(keepSamples);
    this.tokenizer = tokenizer({ open: (name, values) => this.open(name, values), close: (name) => this.close(name) }, NAMES);
  }

  /** Feeds decoded text. Throws ImportError `malformed` at the first well-formedness error. */
  write(text: string): void {
    const clean = this.cleaner.push(text);
    if (clean.length > 0) this.guard(() => this.tokenizer.write(clean));
  }

  /** Ends the input. Throws `truncated` when the document stops before its root element closes. */
  end(): AppleXmlResult {
    const rest = this.cleaner.end();
    if (rest.length > 0) this.guard(() => this.tokenizer.write(rest));
    this.guard(() => this.tokenizer.end());
    const result: AppleXmlResult = { daily: this.aggregator.result(), samples: this.samples, workouts: this.workouts };
    if (this.exportDate !== undefined) result.exportDate = this.exportDate;
    return result;
  }

  private guard(run: () => void): void {
    try {
      run();
    } catch (e) {
      if (e instanceof XmlSyntaxError) {
        // Whatever fails only at the end of the input failed because the input ended.
        throw healthError(e.atEnd ? 'truncated' : 'malformed', `XML: ${e.detail}`, e);
      }
      throw e;
    }
  }

  private open(name: string, a: Attrs): void {
    const depth = this.depth++;
    if (depth === 0) {
      if (name !== 'HealthData') throw healthError('unknown-format', 'the root element is not HealthData');
      return;
    }
    switch (name) {
      case 'Record':
        this.record(a);
        break;
      case 'Correlation':
        this.correlationDepth++;
        break;
      case 'Workout':
        this.workoutOpen(a);
        break;
      case 'WorkoutStatistics':
        if (this.openWorkout) this.workoutStatistics(this.openWorkout, a);
        break;
      case 'ExportDate': {
        const v = a[A.value];
        if (v !== undefined && isAppleDate(v)) this.exportDate = appleDateToIso(v);
        break;
      }
    }
  }

  private close(name: string): void {
    this.depth--;
    if (name === 'Correlation' && this.correlationDepth > 0) this.correlationDepth--;
    else if (name === 'Workout' && this.openWorkout) this.workoutClose(this.openWorkout);
  }

  private rule(type: string, rawUnit: string): Rule {
    let byUnit = this.rules.get(type);
    if (byUnit === undefined) {
      byUnit = new Map();
      this.rules.set(this.strings.get(type), byUnit);
    }
    let r = byUnit.get(rawUnit);
    if (r === undefined) {
      const metric: HealthMetric = HEALTHKIT_METRIC[type] ?? 'other';
      const { unit, convert } = unitRule(metric, rawUnit);
      const keptType = this.strings.get(type);
      const keptUnit = this.strings.get(unit);
      r = {
        series: this.aggregator.seriesFor(keptType, metric, keptUnit, isCumulative(type, metric)),
        metric,
        unit: keptUnit,
        convert,
        dedup: inCorrelations(type),
        keep: this.keep.has(metric),
      };
      byUnit.set(this.strings.get(rawUnit), r);
    }
    return r;
  }

  private record(a: Attrs): void {
    const n = ++this.records;
    const type = a[A.type];
    if (type === undefined || type === '') return this.issues.add('missing-type', 'skipped', n);
    const start = a[A.startDate];
    if (start === undefined || !isAppleDate(start)) return this.issues.add('bad-date', 'skipped', n, 'startDate');
    const source = this.strings.get(a[A.sourceName] ?? '');
    if (type === SLEEP) return this.sleep(a, start, source, n);
    const raw = a[A.value];
    if (raw === undefined) return; // a few HKDataType… records carry no value; nothing to add up
    let value = raw === '' ? Number.NaN : Number(raw);
    let rawUnit = a[A.unit] ?? '';
    if (Number.isNaN(value)) {
      // Category samples carry a symbol (HKCategoryValue…): each one counts as one event.
      if (!type.startsWith('HKCategoryTypeIdentifier')) return this.issues.add('bad-value', 'skipped', n, own(type));
      value = 1;
      rawUnit = 'count';
    } else if (!Number.isFinite(value)) {
      return this.issues.add('bad-value', 'skipped', n, own(type));
    }
    const rule = this.rule(type, rawUnit);
    if (rule.dedup) {
      const key = `${type}|${start}|${a[A.endDate] ?? ''}|${raw}|${source}`;
      if (this.seenInCorrelations.has(key)) return;
      this.seenInCorrelations.add(own(key));
    }
    const v = rule.convert(value);
    rule.series.add(start.slice(0, 10), source, v);
    if (rule.keep) this.keepSample(rule.series.type, rule.metric, start, a[A.endDate], v, rule.unit, source);
  }

  private sleep(a: Attrs, start: string, source: string, n: number): void {
    if (!ASLEEP.has(a[A.value] ?? '')) return; // in bed, awake: not sleep
    const end = a[A.endDate];
    if (end === undefined || !isAppleDate(end)) return this.issues.add('bad-date', 'skipped', n, 'endDate');
    const minutes = (appleDateToEpochMs(end) - appleDateToEpochMs(start)) / 60_000;
    if (!(minutes >= 0 && minutes <= MAX_SLEEP_MINUTES)) return this.issues.add('bad-duration', 'skipped', n);
    const day = start.slice(0, 10);
    const night = appleLocalHour(start) >= NIGHT_STARTS_AT_HOUR ? nextDate(day) : day;
    const rule = this.rule(SLEEP, 'min');
    rule.series.add(night, source, minutes);
    if (rule.keep) this.keepSample(SLEEP, 'sleep', start, end, minutes, 'min', source);
  }

  private keepSample(type: string, metric: HealthMetric, start: string, end: string | undefined, value: number, unit: string, source: string): void {
    const startIso = appleDateToIso(start);
    const endIso = end !== undefined && isAppleDate(end) ? appleDateToIso(end) : startIso;
    this.samples.push({ type, metric, start: startIso, end: endIso, value, unit, source });
  }

  private workoutOpen(a: Attrs): void {
    const n = ++this.records;
    const start = a[A.startDate];
    const end = a[A.endDate];
    if (start === undefined || end === undefined || !isAppleDate(start) || !isAppleDate(end)) {
      this.issues.add('bad-workout', 'skipped', n);
      return;
    }
    const durationMinutes = toMinutes(a[A.duration], a[A.durationUnit]) ?? (appleDateToEpochMs(end) - appleDateToEpochMs(start)) / 60_000;
    const workout: Workout = {
      activity: this.strings.get(a[A.workoutActivityType] || 'HKWorkoutActivityTypeOther'),
      start: appleDateToIso(start),
      end: appleDateToIso(end),
      durationMinutes,
      source: this.strings.get(a[A.sourceName] ?? ''),
    };
    const distanceKm = toUnit('distance', a[A.totalDistance], a[A.totalDistanceUnit]);
    if (distanceKm !== undefined) workout.distanceKm = distanceKm;
    const energyKcal = toUnit('active-energy', a[A.totalEnergyBurned], a[A.totalEnergyBurnedUnit]);
    if (energyKcal !== undefined) workout.energyKcal = energyKcal;
    this.openWorkout = { workout };
  }

  /** Newer exports give totals as children instead of `total*` attributes. */
  private workoutStatistics(w: OpenWorkout, a: Attrs): void {
    const type = a[A.type] ?? '';
    if (type.startsWith('HKQuantityTypeIdentifierDistance')) {
      const km = toUnit('distance', a[A.sum], a[A.unit]);
      if (km !== undefined) w.statDistanceKm = (w.statDistanceKm ?? 0) + km;
    } else if (type === 'HKQuantityTypeIdentifierActiveEnergyBurned') {
      const kcal = toUnit('active-energy', a[A.sum], a[A.unit]);
      if (kcal !== undefined) w.statEnergyKcal = (w.statEnergyKcal ?? 0) + kcal;
    }
  }

  private workoutClose(w: OpenWorkout): void {
    this.openWorkout = undefined;
    if (w.workout.distanceKm === undefined && w.statDistanceKm !== undefined) w.workout.distanceKm = w.statDistanceKm;
    if (w.workout.energyKcal === undefined && w.statEnergyKcal !== undefined) w.workout.energyKcal = w.statEnergyKcal;
    this.workouts.push(w.workout);
  }
}

function toMinutes(value: string | undefined, unit: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const v = Number(value);
  if (!Number.isFinite(v) || v < 0) return undefined;
  switch (unit ?? 'min') {
    case 'min':
      return v;
    case 's':
      return v / 60;
    case 'h':
    case 'hr':
      return v * 60;
    default:
      return undefined;
  }
}

/** A workout total in the metric's unit, or undefined when missing or in a unit we cannot convert. */
function toUnit(metric: 'distance' | 'active-energy', value: string | undefined, unit: string | undefined): number | undefined {
  if (value === undefined || value === '' || unit === undefined) return undefined;
  const v = Number(value);
  if (!Number.isFinite(v) || v < 0) return undefined;
  const rule = unitRule(metric, unit);
  return rule.unit === (metric === 'distance' ? 'km' : 'kcal') ? rule.convert(v) : undefined;
}
