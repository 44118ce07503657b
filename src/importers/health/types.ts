/**
 * What the health importers give back: Apple Health exports (streamed, kept as daily aggregates
 * per type plus the raw samples the citizen chooses to keep, workouts, clinical records) and
 * FHIR R4 resources (validated, with display names). The health data itself is described in
 * src/records/health/types.ts, which sharing reads too.
 */
import type { ImportIssue } from '../types';
import type { ClinicalItem, DailyAggregate, HealthMetric, HealthObservation, HealthSample, Workout } from '../../records/health/types';

export interface FhirImport {
  patient?: { name?: string; birthDate?: string; gender?: string };
  observations: HealthObservation[];
  clinical: ClinicalItem[];
  /** Resource types present but not kept (counted, so the citizen can be told). */
  skipped: Record<string, number>;
  issues: ImportIssue[];
}

export interface AppleHealthImport {
  exportDate?: string;
  daily: DailyAggregate[];
  samples: HealthSample[];
  workouts: Workout[];
  /** Clinical records found in the export (`clinical-records/*.json` in a zip). */
  fhir: FhirImport;
  issues: ImportIssue[];
  bytesRead: number;
  records: number;
}

export interface AppleHealthOptions {
  /** Total size, for progress. */
  totalBytes?: number;
  onProgress?: (progress: { bytesRead: number; records: number }) => void;
  signal?: AbortSignal;
  /** Which metrics to keep raw samples of (default: none; daily aggregates are always kept). */
  keepSamples?: readonly HealthMetric[];
}
