import { z } from 'zod';
import { defineKind } from '../kind';
import { FhirOrigin } from './schemas';

export const ClinicalResourceType = z.enum([
  'Condition',
  'MedicationStatement',
  'MedicationRequest',
  'AllergyIntolerance',
  'Immunization',
  'Procedure',
  'DiagnosticReport',
]);

/** A clinical item from FHIR (a condition, medication, allergy, immunization…); id from type, FHIR id and origin. */
export const healthClinicalKind = defineKind({
  name: 'health-clinical',
  countsAsImport: true,
  scope: 'profile',
  version: 1,
  description: 'One clinical item from FHIR: a condition, medication, allergy, immunization, procedure or report, in words.',
  schema: z.object({
    origin: FhirOrigin,
    fhirId: z.string().min(1).max(200),
    resourceType: ClinicalResourceType,
    title: z.string().min(1).max(1000),
    status: z.string().max(100).optional(),
    intent: z.string().max(100).optional(),
    date: z.string().max(40).optional(),
    detail: z.string().max(10_000).optional(),
  }),
});
