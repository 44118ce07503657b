/**
 * The measures the product charts and explains: their names, the unit values are normalised to,
 * and whether a day's figure is a total (steps) or an average of readings (weight).
 */
import type { HealthMetric } from './types';

export interface MetricInfo {
  label: { da: string; en: string };
  unit: string;
  aggregate: 'sum' | 'mean';
}

export const METRICS: Record<HealthMetric, MetricInfo> = {
  steps: { label: { da: 'Skridt', en: 'Steps' }, unit: 'count', aggregate: 'sum' },
  distance: { label: { da: 'Distance gået og løbet', en: 'Walking and running distance' }, unit: 'km', aggregate: 'sum' },
  'active-energy': { label: { da: 'Aktiv energi', en: 'Active energy' }, unit: 'kcal', aggregate: 'sum' },
  weight: { label: { da: 'Vægt', en: 'Weight' }, unit: 'kg', aggregate: 'mean' },
  height: { label: { da: 'Højde', en: 'Height' }, unit: 'cm', aggregate: 'mean' },
  'heart-rate': { label: { da: 'Puls', en: 'Heart rate' }, unit: 'count/min', aggregate: 'mean' },
  'resting-heart-rate': { label: { da: 'Hvilepuls', en: 'Resting heart rate' }, unit: 'count/min', aggregate: 'mean' },
  'blood-pressure-systolic': {
    label: { da: 'Blodtryk, det høje tal (systolisk)', en: 'Blood pressure, upper number (systolic)' },
    unit: 'mmHg',
    aggregate: 'mean',
  },
  'blood-pressure-diastolic': {
    label: { da: 'Blodtryk, det lave tal (diastolisk)', en: 'Blood pressure, lower number (diastolic)' },
    unit: 'mmHg',
    aggregate: 'mean',
  },
  'oxygen-saturation': { label: { da: 'Iltmætning i blodet', en: 'Blood oxygen' }, unit: '%', aggregate: 'mean' },
  'body-temperature': { label: { da: 'Kropstemperatur', en: 'Body temperature' }, unit: 'degC', aggregate: 'mean' },
  'blood-glucose': { label: { da: 'Blodsukker', en: 'Blood sugar' }, unit: 'mmol/L', aggregate: 'mean' },
  sleep: { label: { da: 'Søvn', en: 'Sleep' }, unit: 'min', aggregate: 'sum' },
  other: { label: { da: 'Andre målinger', en: 'Other measurements' }, unit: '', aggregate: 'mean' },
};

/** HealthKit type identifiers of the named metrics. */
export const HEALTHKIT_METRIC: Readonly<Record<string, HealthMetric>> = {
  HKQuantityTypeIdentifierStepCount: 'steps',
  HKQuantityTypeIdentifierDistanceWalkingRunning: 'distance',
  HKQuantityTypeIdentifierActiveEnergyBurned: 'active-energy',
  HKQuantityTypeIdentifierBodyMass: 'weight',
  HKQuantityTypeIdentifierHeight: 'height',
  HKQuantityTypeIdentifierHeartRate: 'heart-rate',
  HKQuantityTypeIdentifierRestingHeartRate: 'resting-heart-rate',
  HKQuantityTypeIdentifierBloodPressureSystolic: 'blood-pressure-systolic',
  HKQuantityTypeIdentifierBloodPressureDiastolic: 'blood-pressure-diastolic',
  HKQuantityTypeIdentifierOxygenSaturation: 'oxygen-saturation',
  HKQuantityTypeIdentifierBodyTemperature: 'body-temperature',
  HKQuantityTypeIdentifierBloodGlucose: 'blood-glucose',
  HKCategoryTypeIdentifierSleepAnalysis: 'sleep',
};

/**
 * Types outside the named metrics whose samples add up over a day (HealthKit's "cumulative"
 * quantities). Their day's figure is a total, so overlapping sources must not both be counted;
 * every other unknown type is averaged. Unknown types not listed here are still kept.
 */
export const CUMULATIVE_OTHER: ReadonlySet<string> = new Set([
  'HKQuantityTypeIdentifierFlightsClimbed',
  'HKQuantityTypeIdentifierBasalEnergyBurned',
  'HKQuantityTypeIdentifierAppleExerciseTime',
  'HKQuantityTypeIdentifierAppleStandTime',
  'HKQuantityTypeIdentifierAppleMoveTime',
  'HKQuantityTypeIdentifierDistanceCycling',
  'HKQuantityTypeIdentifierDistanceSwimming',
  'HKQuantityTypeIdentifierDistanceWheelchair',
  'HKQuantityTypeIdentifierDistanceDownhillSnowSports',
  'HKQuantityTypeIdentifierSwimmingStrokeCount',
  'HKQuantityTypeIdentifierPushCount',
  'HKQuantityTypeIdentifierNikeFuel',
  'HKQuantityTypeIdentifierTimeInDaylight',
  'HKQuantityTypeIdentifierNumberOfTimesFallen',
  'HKQuantityTypeIdentifierDietaryWater',
  'HKQuantityTypeIdentifierDietaryEnergyConsumed',
  'HKQuantityTypeIdentifierDietaryCaffeine',
]);

/** Whether a type's daily figure is a total over the day. */
export function isCumulative(type: string, metric: HealthMetric): boolean {
  if (metric !== 'other') return METRICS[metric].aggregate === 'sum';
  return CUMULATIVE_OTHER.has(type) || type.startsWith('HKQuantityTypeIdentifierDietary');
}
