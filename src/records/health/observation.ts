import { z } from 'zod';
import { defineKind } from '../kind';
import { FhirCode, FhirOrigin, FhirValue, Instant, Text2 } from './schemas';

/** A FHIR R4 Observation (a measurement or a test result); its id comes from its FHIR id and origin. */
export const healthObservationKind = defineKind({
  name: 'health-observation',
  countsAsImport: true,
  scope: 'profile',
  version: 1,
  description: 'One FHIR R4 observation with its display name in Danish and English, value or components, and units.',
  schema: z.object({
    origin: FhirOrigin,
    fhirId: z.string().min(1).max(200),
    status: z.string().max(50),
    name: Text2,
    code: FhirCode,
    category: z.string().max(200).optional(),
    effective: Instant.optional(),
    value: FhirValue.optional(),
    components: z
      .array(z.object({ name: Text2, code: FhirCode, value: FhirValue.optional() }))
      .max(100)
      .optional(),
  }),
});
