/**
 * Building blocks shared by the health record kinds. The records keep what the importers give
 * back (src/records/health/types.ts), grouped so a few years of data is thousands of records,
 * not millions: IndexedDB in a real browser pays per row.
 */
import { z } from 'zod';

export const CalendarDate = z.iso.date();
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');
/** An instant as the sources give it: ISO 8601, with an offset or Z. */
export const Instant = z.string().min(10).max(40);
/** A HealthKit type identifier or a FHIR type name: short, printable. */
export const TypeName = z.string().min(1).max(200);

export const HealthMetric = z.enum([
  'steps',
  'distance',
  'active-energy',
  'weight',
  'height',
  'heart-rate',
  'resting-heart-rate',
  'blood-pressure-systolic',
  'blood-pressure-diastolic',
  'oxygen-saturation',
  'body-temperature',
  'blood-glucose',
  'sleep',
  'other',
]);
export type HealthMetric = z.infer<typeof HealthMetric>;

export const Text2 = z.object({ da: z.string().max(500), en: z.string().max(500) });

/** A coding, with the source's own `display` of it and `text` of its concept (added later: optional, so older records still read). */
export const FhirCode = z.object({
  system: z.string().max(500).optional(),
  code: z.string().max(200).optional(),
  display: z.string().max(500).optional(),
  text: z.string().max(1000).optional(),
});
export const FhirValue = z.object({
  number: z.number().optional(),
  text: z.string().max(10_000).optional(),
  unit: z.string().max(100).optional(),
});

/** Where a FHIR resource came from: a bundle the citizen picked, or the clinical records of an Apple Health export. */
export const FhirOrigin = z.enum(['fhir-bundle', 'apple-health']);
export type FhirOrigin = z.infer<typeof FhirOrigin>;
