/**
 * Turns what the health importers read into vault write operations: daily aggregates grouped by
 * type and month, kept samples by type and month (column by column), one record per workout,
 * observation and clinical item, and one import-log entry. Record ids are derived from stable
 * keys, so importing the same file again replaces records instead of adding them twice.
 * Pure: no browser, no vault; tested in tests/unit/health-ui-records.test.ts.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { toBase64Url } from '../../shared/base64url';
import { utf8 } from '../../shared/bytes';
import type { WriteOp } from '../../vault/public-types';
import type { ClinicalItem, DailyAggregate, HealthMetric, HealthObservation, HealthSample, SourceCode, Workout } from '../../records/health/types';
import type { AppleHealthImport, FhirImport } from '../../importers/health/types';
import type { KindData } from '../../records/kind';
import type {
  healthClinicalKind,
  healthDailyKind,
  healthImportKind,
  healthObservationKind,
  healthSamplesKind,
  healthWorkoutKind,
  FhirOrigin,
} from '../../records/health/index';

export type DailyData = KindData<typeof healthDailyKind>;
export type SamplesData = KindData<typeof healthSamplesKind>;
export type WorkoutData = KindData<typeof healthWorkoutKind>;
export type ObservationData = KindData<typeof healthObservationKind>;
export type ClinicalData = KindData<typeof healthClinicalKind>;
export type ImportLogData = KindData<typeof healthImportKind>;
export type ImportFormat = ImportLogData['format'];

export const HEALTH_KINDS = ['health-daily', 'health-samples', 'health-workout', 'health-observation', 'health-clinical', 'health-import'] as const;
export type HealthKindName = (typeof HEALTH_KINDS)[number];

/** base64url (no padding) of SHA-256 of the key's UTF-8: 43 characters, a valid record id. */
export function recordId(...parts: string[]): string {
  return toBase64Url(sha256(utf8(parts.join('\u0000'))));
}

export const dailyId = (type: string, month: string) => recordId('health-daily', type, month);
export const samplesId = (type: string, month: string) => recordId('health-samples', type, month);
export const workoutId = (w: Pick<Workout, 'activity' | 'start' | 'source'>) => recordId('health-workout', w.activity, w.start, w.source);
export const observationId = (origin: FhirOrigin, fhirId: string) => recordId('health-observation', origin, fhirId);
export const clinicalId = (origin: FhirOrigin, resourceType: string, fhirId: string) => recordId('health-clinical', origin, resourceType, fhirId);
export const importId = (fileName: string, bytes: number) => recordId('health-import', fileName, String(bytes));

const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

/** The month (YYYY-MM) an instant falls in, as its own offset writes it (the citizen's wall clock). */
const monthOf = (instantOrDate: string) => instantOrDate.slice(0, 7);

/**
 * One record per type and month. Days already stored for that month and not in this import are
 * kept (an older, shorter export adds to a newer one); days in both take this import's figures.
 */
export function groupDaily(daily: readonly DailyAggregate[], stored: readonly { id: string; data: DailyData }[] = []): { id: string; data: DailyData }[] {
  const byId = new Map<string, DailyData>();
  for (const record of stored) byId.set(record.id, { ...record.data, days: [...record.data.days] });
  const touched = new Set<string>();
  for (const day of daily) {
    const month = monthOf(day.date);
    const id = dailyId(day.type, month);
    let data = byId.get(id);
    if (!data || !touched.has(id)) {
      // First time this import touches the month: start from what is stored, in this import's unit.
      data = { type: day.type, metric: day.metric, unit: day.unit, month, days: data?.days ?? [] };
      byId.set(id, data);
      touched.add(id);
    }
    const entry = {
      date: day.date,
      count: day.count,
      sum: day.sum,
      min: day.min,
      max: day.max,
      mean: day.mean,
      sources: day.sources.slice(0, 100).map((s) => clip(s, 300)),
    };
    const at = data.days.findIndex((d) => d.date === day.date);
    if (at >= 0) data.days[at] = entry;
    else data.days.push(entry);
  }
  return [...touched].map((id) => {
    const data = byId.get(id)!;
    data.days.sort((a, b) => a.date.localeCompare(b.date));
    return { id, data };
  });
}

/** Kept samples by type and month, column by column; a month imported again is replaced whole. */
export function groupSamples(samples: readonly HealthSample[]): { id: string; data: SamplesData }[] {
  const byId = new Map<string, { data: SamplesData; sourceIndex: Map<string, number> }>();
  for (const sample of samples) {
    const start = Date.parse(sample.start);
    const end = Date.parse(sample.end);
    if (!Number.isFinite(start) || !Number.isFinite(sample.value)) continue;
    const month = monthOf(sample.start);
    const id = samplesId(sample.type, month);
    let group = byId.get(id);
    if (!group) {
      group = {
        data: { type: sample.type, metric: sample.metric, unit: sample.unit, month, sources: [], start: [], durationMs: [], value: [], source: [] },
        sourceIndex: new Map(),
      };
      byId.set(id, group);
    }
    const source = clip(sample.source, 300);
    let index = group.sourceIndex.get(source);
    if (index === undefined) {
      index = group.data.sources.length;
      group.sourceIndex.set(source, index);
      group.data.sources.push(source);
    }
    group.data.start.push(start);
    group.data.durationMs.push(Number.isFinite(end) && end > start ? end - start : 0);
    group.data.value.push(sample.value);
    group.data.source.push(index);
  }
  return [...byId].map(([id, g]) => ({ id, data: g.data }));
}

const workoutData = (w: Workout): WorkoutData => ({
  activity: clip(w.activity, 200),
  start: w.start,
  end: w.end,
  durationMinutes: Math.max(0, w.durationMinutes),
  ...(w.distanceKm !== undefined && w.distanceKm >= 0 ? { distanceKm: w.distanceKm } : {}),
  ...(w.energyKcal !== undefined && w.energyKcal >= 0 ? { energyKcal: w.energyKcal } : {}),
  source: clip(w.source, 300),
});

/** A code with the source's own words, cut to what the record keeps. */
const codeData = ({ display, text, ...code }: SourceCode): SourceCode => ({
  ...code,
  ...(display !== undefined ? { display: clip(display, 500) } : {}),
  ...(text !== undefined ? { text: clip(text, 1000) } : {}),
});

const observationData = (origin: FhirOrigin, o: HealthObservation): ObservationData => ({
  origin,
  fhirId: o.id,
  status: o.status,
  name: o.name,
  code: codeData(o.code),
  ...(o.category !== undefined ? { category: o.category } : {}),
  ...(o.effective !== undefined ? { effective: o.effective } : {}),
  ...(o.value !== undefined ? { value: o.value } : {}),
  ...(o.components !== undefined ? { components: o.components.map((c) => ({ ...c, code: codeData(c.code) })) } : {}),
});

const clinicalData = (origin: FhirOrigin, c: ClinicalItem): ClinicalData => ({
  origin,
  fhirId: c.id,
  resourceType: c.resourceType,
  title: clip(c.title, 1000),
  ...(c.status !== undefined ? { status: c.status } : {}),
  ...(c.intent !== undefined ? { intent: clip(c.intent, 100) } : {}),
  ...(c.date !== undefined ? { date: c.date } : {}),
  ...(c.detail !== undefined ? { detail: clip(c.detail, 10_000) } : {}),
});

export interface HealthWriteInput {
  profileId: string;
  file: { name: string; size: number };
  format: ImportFormat;
  /** An Apple Health export, or a FHIR bundle alone. */
  apple?: AppleHealthImport | undefined;
  fhir?: FhirImport;
  keptSamples: readonly HealthMetric[];
  /** Kept samples already grouped (the worker does it, so millions of samples never cross to the page one by one). */
  sampleGroups?: readonly { id: string; data: SamplesData }[];
  /** The health-daily records already stored in this profile (their days are merged, not lost). */
  storedDaily?: readonly { id: string; data: DailyData }[];
  now: Date;
}

/** Every operation of one import, the import-log entry last. */
export function healthWriteOps(input: HealthWriteInput): WriteOp[] {
  const { profileId, apple } = input;
  const fhir = input.fhir ?? apple?.fhir;
  const origin: FhirOrigin = apple ? 'apple-health' : 'fhir-bundle';
  const put = (kind: HealthKindName, id: string, data: unknown): WriteOp => ({ op: 'put', profileId, kind, id, data });
  const ops: WriteOp[] = [];
  const daily = apple ? groupDaily(apple.daily, input.storedDaily) : [];
  for (const r of daily) ops.push(put('health-daily', r.id, r.data));
  const kept = new Set(input.keptSamples);
  const samples = (input.sampleGroups ?? (apple ? groupSamples(apple.samples) : [])).filter((g) => kept.has(g.data.metric));
  for (const r of samples) ops.push(put('health-samples', r.id, r.data));
  const workouts = new Map((apple?.workouts ?? []).map((w) => [workoutId(w), workoutData(w)]));
  for (const [id, data] of workouts) ops.push(put('health-workout', id, data));
  const observations = new Map((fhir?.observations ?? []).map((o) => [observationId(origin, o.id), observationData(origin, o)]));
  for (const [id, data] of observations) ops.push(put('health-observation', id, data));
  const clinical = new Map((fhir?.clinical ?? []).map((c) => [clinicalId(origin, c.resourceType, c.id), clinicalData(origin, c)]));
  for (const [id, data] of clinical) ops.push(put('health-clinical', id, data));
  const log: ImportLogData = {
    fileName: clip(input.file.name || 'export', 500),
    bytes: input.file.size,
    format: input.format,
    importedAt: input.now.toISOString(),
    ...(apple?.exportDate ? { exportDate: clip(apple.exportDate, 40) } : {}),
    counts: {
      days: new Set((apple?.daily ?? []).map((d) => d.date)).size,
      types: new Set((apple?.daily ?? []).map((d) => d.type)).size,
      samples: samples.reduce((n, s) => n + s.data.start.length, 0),
      workouts: workouts.size,
      observations: observations.size,
      clinical: clinical.size,
    },
    keptSamples: [...kept],
    issues: (apple?.issues.length ?? 0) + (fhir?.issues.length ?? 0),
  };
  ops.push(put('health-import', importId(input.file.name, input.file.size), log));
  return ops;
}
