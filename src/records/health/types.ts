/**
 * Health data as the importers read it and the vault and shares keep it: daily aggregates per
 * type, raw samples, workouts, FHIR observations and clinical items. Instants are ISO 8601 with
 * offset; days are calendar dates (YYYY-MM-DD).
 */

/** The measures the product charts and explains; anything else keeps its HealthKit type name. */
export type HealthMetric =
  | 'steps'
  | 'distance'
  | 'active-energy'
  | 'weight'
  | 'height'
  | 'heart-rate'
  | 'resting-heart-rate'
  | 'blood-pressure-systolic'
  | 'blood-pressure-diastolic'
  | 'oxygen-saturation'
  | 'body-temperature'
  | 'blood-glucose'
  | 'sleep'
  | 'other';

/** One day of one type: sums for counted things (steps), min/mean/max for measured ones (weight). */
export interface DailyAggregate {
  /** A calendar date, YYYY-MM-DD. */
  date: string;
  /** HealthKit type identifier, e.g. `HKQuantityTypeIdentifierStepCount`. */
  type: string;
  metric: HealthMetric;
  /** The unit the values are in after normalising (e.g. `count`, `kg`, `count/min`, `mmHg`, `%`, `min`). */
  unit: string;
  count: number;
  sum: number;
  min: number;
  max: number;
  mean: number;
  /** The source the day's figure was taken from when several sources overlap (no double counting). */
  sources: string[];
}

export interface HealthSample {
  type: string;
  metric: HealthMetric;
  start: string;
  end: string;
  value: number;
  unit: string;
  source: string;
}

export interface Workout {
  activity: string;
  start: string;
  end: string;
  durationMinutes: number;
  distanceKm?: number;
  energyKcal?: number;
  source: string;
}

/**
 * The coding a concept is known by, with the source's own words: the coding's `display` and the
 * concept's `text`, as imported (the vault shows its own name, a shared copy says what the source said).
 */
export interface SourceCode {
  system?: string;
  code?: string;
  display?: string;
  text?: string;
}

/** A FHIR R4 observation as the vault keeps it: one value or a set of components. */
export interface HealthObservation {
  id: string;
  status: string;
  /** Display name: LOINC's in the citizen's language when known, else the code's display/text. */
  name: { da: string; en: string };
  code: SourceCode;
  category?: string;
  effective?: string;
  value?: { number?: number; text?: string; unit?: string };
  components?: { name: { da: string; en: string }; code: SourceCode; value?: { number?: number; text?: string; unit?: string } }[];
  /** Why there is no value (FHIR `dataAbsentReason`, in words), when the source says. */
  dataAbsentReason?: string;
}

export interface ClinicalItem {
  id: string;
  resourceType: 'Condition' | 'MedicationStatement' | 'MedicationRequest' | 'AllergyIntolerance' | 'Immunization' | 'Procedure' | 'DiagnosticReport';
  /** What it is, in words (the code's display or text). */
  title: string;
  status?: string;
  /** A MedicationRequest's intent (order, plan, proposal…), as the source gave it. */
  intent?: string;
  date?: string;
  detail?: string;
  /** The code the title comes from (SNOMED CT, ICD-10, ATC, …), when there is one. */
  code?: { system?: string; code?: string };
}
