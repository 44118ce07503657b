/**
 * Health importers: Apple Health exports (zip or xml, streamed) and FHIR R4 JSON. Platform-free:
 * runs in a Web Worker and in Node.
 */
export { detectHealthFile, type HealthFileKind } from './detect';
export { importAppleHealth } from './apple/import';
export { parseFhir } from './fhir/parse';
export type * from './types';
// What describes health data lives with the records; the importers' callers get it here too.
export { loincName } from '../../records/health/loinc';
export { isCumulative, METRICS, type MetricInfo } from '../../records/health/metrics';
export type * from '../../records/health/types';
