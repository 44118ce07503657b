/**
 * zod schemas for the parts of FHIR R4 resources the vault keeps. Lenient on purpose: unknown
 * members and extensions pass, and an optional member of the wrong shape is dropped rather than
 * failing its resource (real files mix R4 with DSTU2 shapes, e.g. Apple's clinical records).
 */
import { z } from 'zod';

/** Optional, and ignored when it has the wrong shape. */
const opt = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
/** A list whose unreadable items are dropped, one by one. */
const list = <T extends z.ZodType>(schema: T) =>
  opt(
    z.array(z.unknown()).transform((items) =>
      items.flatMap((item): z.output<T>[] => {
        const r = schema.safeParse(item);
        return r.success ? [r.data] : [];
      }),
    ),
  );
/** One or many (DSTU2 has single values where R4 has arrays). */
const many = <T extends z.ZodType>(schema: T) =>
  opt(
    z.unknown().transform((v) =>
      (Array.isArray(v) ? v : [v]).flatMap((item): z.output<T>[] => {
        const r = schema.safeParse(item);
        return r.success ? [r.data] : [];
      }),
    ),
  );

export const Coding = z.looseObject({ system: opt(z.string()), code: opt(z.string()), display: opt(z.string()) });
export const CodeableConcept = z.looseObject({ coding: many(Coding), text: opt(z.string()) });
export const Quantity = z.looseObject({
  value: opt(z.number()),
  unit: opt(z.string()),
  code: opt(z.string()),
  system: opt(z.string()),
  comparator: opt(z.string()),
});
export const Reference = z.looseObject({ reference: opt(z.string()), display: opt(z.string()) });
export const Period = z.looseObject({ start: opt(z.string()), end: opt(z.string()) });
const Range = z.looseObject({ low: opt(Quantity), high: opt(Quantity) });
const Ratio = z.looseObject({ numerator: opt(Quantity), denominator: opt(Quantity) });
/** R4 statuses are CodeableConcepts; DSTU2's were plain codes. */
const Status = opt(z.union([z.string(), CodeableConcept]));

/** The value[x] choices an observation or a component can carry. */
const valueMembers = {
  valueQuantity: opt(Quantity),
  valueCodeableConcept: opt(CodeableConcept),
  valueString: opt(z.string()),
  valueBoolean: opt(z.boolean()),
  valueInteger: opt(z.number()),
  valueDateTime: opt(z.string()),
  valueTime: opt(z.string()),
  valuePeriod: opt(Period),
  valueRange: opt(Range),
  valueRatio: opt(Ratio),
  dataAbsentReason: opt(CodeableConcept),
};

export const Component = z.looseObject({ code: opt(CodeableConcept), ...valueMembers });

const base = { id: opt(z.string()), contained: opt(z.array(z.unknown())) };

export const Observation = z.looseObject({
  ...base,
  resourceType: z.literal('Observation'),
  status: opt(z.string()),
  category: many(CodeableConcept),
  code: opt(CodeableConcept),
  effectiveDateTime: opt(z.string()),
  effectiveInstant: opt(z.string()),
  effectivePeriod: opt(Period),
  issued: opt(z.string()),
  component: list(Component),
  ...valueMembers,
});

const HumanName = z.looseObject({
  use: opt(z.string()),
  text: opt(z.string()),
  family: opt(z.union([z.string(), z.array(z.string())])),
  given: opt(z.array(z.string())),
});

export const Patient = z.looseObject({
  ...base,
  resourceType: z.literal('Patient'),
  name: many(HumanName),
  gender: opt(z.string()),
  birthDate: opt(z.string()),
});

export const Condition = z.looseObject({
  ...base,
  resourceType: z.literal('Condition'),
  code: opt(CodeableConcept),
  clinicalStatus: Status,
  verificationStatus: Status,
  onsetDateTime: opt(z.string()),
  onsetPeriod: opt(Period),
  recordedDate: opt(z.string()),
  dateRecorded: opt(z.string()),
  abatementDateTime: opt(z.string()),
});

const Dosage = z.looseObject({ text: opt(z.string()) });

export const MedicationStatement = z.looseObject({
  ...base,
  resourceType: z.literal('MedicationStatement'),
  status: opt(z.string()),
  medicationCodeableConcept: opt(CodeableConcept),
  medicationReference: opt(Reference),
  effectiveDateTime: opt(z.string()),
  effectivePeriod: opt(Period),
  dateAsserted: opt(z.string()),
  dosage: many(Dosage),
});

export const MedicationRequest = z.looseObject({
  ...base,
  resourceType: z.literal('MedicationRequest'),
  status: opt(z.string()),
  intent: opt(z.string()),
  medicationCodeableConcept: opt(CodeableConcept),
  medicationReference: opt(Reference),
  authoredOn: opt(z.string()),
  dosageInstruction: many(Dosage),
});

export const Medication = z.looseObject({ ...base, resourceType: z.literal('Medication'), code: opt(CodeableConcept) });

export const AllergyIntolerance = z.looseObject({
  ...base,
  resourceType: z.literal('AllergyIntolerance'),
  code: opt(CodeableConcept),
  substance: opt(CodeableConcept),
  clinicalStatus: Status,
  verificationStatus: Status,
  criticality: opt(z.string()),
  recordedDate: opt(z.string()),
  onsetDateTime: opt(z.string()),
  reaction: list(z.looseObject({ manifestation: many(CodeableConcept) })),
});

export const Immunization = z.looseObject({
  ...base,
  resourceType: z.literal('Immunization'),
  vaccineCode: opt(CodeableConcept),
  status: opt(z.string()),
  occurrenceDateTime: opt(z.string()),
  occurrenceString: opt(z.string()),
  date: opt(z.string()),
});

export const Procedure = z.looseObject({
  ...base,
  resourceType: z.literal('Procedure'),
  code: opt(CodeableConcept),
  status: opt(z.string()),
  performedDateTime: opt(z.string()),
  performedPeriod: opt(Period),
});

export const DiagnosticReport = z.looseObject({
  ...base,
  resourceType: z.literal('DiagnosticReport'),
  code: opt(CodeableConcept),
  status: opt(z.string()),
  effectiveDateTime: opt(z.string()),
  effectivePeriod: opt(Period),
  issued: opt(z.string()),
  conclusion: opt(z.string()),
  result: list(Reference),
});

export const BundleEntry = z.looseObject({
  fullUrl: opt(z.string()),
  resource: z.looseObject({ resourceType: z.string() }).optional(),
  request: opt(z.looseObject({ method: opt(z.string()), url: opt(z.string()) })),
});

export const Bundle = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: opt(z.string()),
  /** Checked entry by entry, so one unreadable entry does not cost the others. */
  entry: z.array(z.unknown()).optional(),
});

export type CodeableConceptT = z.infer<typeof CodeableConcept>;
export type CodingT = z.infer<typeof Coding>;
export type QuantityT = z.infer<typeof Quantity>;
export type ComponentT = z.infer<typeof Component>;
export type ReferenceT = z.infer<typeof Reference>;
