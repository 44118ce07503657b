/** The health record kinds: daily aggregates, kept samples, workouts, FHIR observations and clinical items, the import log. */
export { healthDailyKind, HealthDay } from './daily';
export { healthSamplesKind } from './samples';
export { healthWorkoutKind } from './workout';
export { healthObservationKind } from './observation';
export { healthClinicalKind, ClinicalResourceType } from './clinical';
export { healthImportKind } from './import-log';
export { HealthMetric, FhirOrigin } from './schemas';
