/**
 * Health importers: Apple Health exports (zip or xml, streamed) and FHIR R4 JSON. Platform-free:
 * runs in a Web Worker and in Node.
 */
export { detectHealthFile, type HealthFileKind } from './detect';
export { importAppleHealth } from './apple/import';
export { parseFhir } from './fhir/parse';
export { loincName } from './loinc';
export { isCumulative, METRICS, type MetricInfo } from './metrics';
export type * from './types';
