/**
 * Health data as a FHIR R4 `Bundle` of type `collection` (hl7.org/fhir/R4), the form health
 * receivers already read: observations, and clinical items (conditions, medicines, allergies,
 * immunizations, procedures, reports) in the words they were imported with. Only what the
 * vault knows is written; nothing is invented — an element R4 requires that the vault does not
 * hold (a status that was never given) is left out, so a strict validator says so, rather than
 * made up. Every observation names its subject, as R4's vital-signs profile requires.
 */

type Text2 = { da: string; en: string };
/** A coding as imported: the source's own `display` of it and `text` of its concept, when it gave them. */
type Code = { system?: string | undefined; code?: string | undefined; display?: string | undefined; text?: string | undefined };
/** A number with its unit's text, or a text; `ucum` gives the unit's UCUM code when the text is not one (`count` of steps: `{steps}`). */
type Value = { number?: number | undefined; text?: string | undefined; unit?: string | undefined; ucum?: string | undefined };

/** Structurally the vault's health observation (src/records/health/types.ts). */
export interface StandardObservation {
  id: string;
  status: string;
  name: Text2;
  code: Code;
  category?: string | undefined;
  effective?: string | undefined;
  value?: Value | undefined;
  /** How the value was reached, when it is a statistic of a day's readings: `average`. */
  statistic?: 'average';
  components?: { name: Text2; code: Code; value?: Value | undefined }[] | undefined;
}

export const CLINICAL_RESOURCE_TYPES = [
  'Condition',
  'MedicationStatement',
  'MedicationRequest',
  'AllergyIntolerance',
  'Immunization',
  'Procedure',
  'DiagnosticReport',
] as const;

/** Structurally the vault's clinical item (src/records/health/clinical.ts): a title in words, a status, a date, a detail. */
export interface StandardClinical {
  id: string;
  resourceType: (typeof CLINICAL_RESOURCE_TYPES)[number];
  title: string;
  status?: string;
  /** A MedicationRequest's intent (R4 requires it), as imported. */
  intent?: string;
  date?: string;
  detail?: string;
}

/** R4's Observation.status codes. */
export const OBSERVATION_STATUSES: ReadonlySet<string> = new Set([
  'registered',
  'preliminary',
  'final',
  'amended',
  'corrected',
  'cancelled',
  'entered-in-error',
  'unknown',
]);
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
/** Whether `id` is an R4 `id`: 1–64 letters, digits, `-` and `.`. */
export const isFhirId = (id: string): boolean => FHIR_ID.test(id);
/** R4 `dateTime`: a year, month, day, or a time with seconds and a zone. */
const FHIR_DATE_TIME =
  /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)))?)?)?$/;
const UCUM = 'http://unitsofmeasure.org';
/** Who the data is about: R4 requires a subject; the bundle's signed issuer is that person. */
const SUBJECT = { display: 'Borgeren, der har underskrevet denne deling / the citizen who signed this bundle' };
const TERMINOLOGY = 'http://terminology.hl7.org/CodeSystem';

/**
 * UCUM codes of the units health data comes in, by the unit's text. A unit not listed is
 * written as text only: a code that is not UCUM would mislead a program that converts units.
 */
const UCUM_CODES: Readonly<Record<string, string>> = {
  kg: 'kg',
  g: 'g',
  lb: '[lb_av]',
  cm: 'cm',
  m: 'm',
  km: 'km',
  mm: 'mm',
  '%': '%',
  min: 'min',
  h: 'h',
  s: 's',
  kcal: 'kcal',
  kJ: 'kJ',
  Cel: 'Cel',
  degC: 'Cel',
  '°C': 'Cel',
  'mm[Hg]': 'mm[Hg]',
  mmHg: 'mm[Hg]',
  '/min': '/min',
  'count/min': '/min',
  'beats/min': '/min',
  bpm: '/min',
  '{steps}': '{steps}',
  'mmol/L': 'mmol/L',
  'mmol/l': 'mmol/L',
  'mg/dL': 'mg/dL',
  'mmol/mol': 'mmol/mol',
  'kg/m2': 'kg/m2',
  'g/L': 'g/L',
  'mg/L': 'mg/L',
  'umol/L': 'umol/L',
  'µmol/L': 'umol/L',
  'nmol/L': 'nmol/L',
  'pmol/L': 'pmol/L',
  'U/L': 'U/L',
  '10*9/L': '10*9/L',
  '10*12/L': '10*12/L',
  fL: 'fL',
  'mL/min/{1.73_m2}': 'mL/min/{1.73_m2}',
};

/** The UCUM code of a unit's text, when it has a known one. */
export const ucumCode = (unit: string): string | undefined => (Object.hasOwn(UCUM_CODES, unit) ? UCUM_CODES[unit] : undefined);

/**
 * The code as imported, with the source's own words: its coding's `display` and its `text`, so
 * the copy says what the doctor's system said. The vault's name is the text only when the source
 * gave none; it is never a `display`, which must be the code system's own.
 */
const codeableConcept = (code: Code, name: Text2) => ({
  ...(code.code ? { coding: [{ ...(code.system ? { system: code.system } : {}), code: code.code, ...(code.display ? { display: code.display } : {}) }] } : {}),
  text: code.text || name.da,
});

/** R4's observation-statistics code system: a day's `average`, and its `minimum` and `maximum` as components. */
export const OBSERVATION_STATISTICS = `${TERMINOLOGY}/observation-statistics`;

function value(v: Value | undefined, field: string): Record<string, unknown> {
  if (!v) return {};
  if (v.number !== undefined) {
    if (!Number.isFinite(v.number)) throw new TypeError(`${field}.number: not a finite number`);
    const code = v.ucum ?? (v.unit ? ucumCode(v.unit) : undefined);
    return { valueQuantity: { value: v.number, ...(v.unit ? { unit: v.unit } : {}), ...(code ? { system: UCUM, code } : {}) } };
  }
  return v.text !== undefined ? { valueString: v.text } : {};
}

function observation(o: StandardObservation, i: number): Record<string, unknown> {
  if (!isFhirId(o.id)) throw new TypeError(`observations[${i}].id: not a FHIR id`);
  if (!OBSERVATION_STATUSES.has(o.status)) throw new TypeError(`observations[${i}].status: not a FHIR observation status`);
  return {
    resourceType: 'Observation',
    id: o.id,
    status: o.status,
    ...(o.category ? { category: [{ coding: [{ system: `${TERMINOLOGY}/observation-category`, code: o.category }] }] } : {}),
    code: codeableConcept(o.code, o.name),
    subject: SUBJECT,
    ...(o.effective ? { effectiveDateTime: o.effective } : {}),
    ...value(o.value, `observations[${i}].value`),
    ...(o.statistic
      ? { method: { coding: [{ system: OBSERVATION_STATISTICS, code: o.statistic }], text: 'Gennemsnit af dagens målinger / mean of the day’s readings' } }
      : {}),
    ...(o.components?.length
      ? { component: o.components.map((c, j) => ({ code: codeableConcept(c.code, c.name), ...value(c.value, `observations[${i}].components[${j}].value`) })) }
      : {}),
  };
}

const CLINICAL_STATUS: Partial<Record<StandardClinical['resourceType'], { system: string; codes: ReadonlySet<string> }>> = {
  Condition: { system: `${TERMINOLOGY}/condition-clinical`, codes: new Set(['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved']) },
  AllergyIntolerance: { system: `${TERMINOLOGY}/allergyintolerance-clinical`, codes: new Set(['active', 'inactive', 'resolved']) },
};

/** A clinical status as R4's CodeableConcept: the code in its system when it is one, else the words. */
function clinicalStatus(type: StandardClinical['resourceType'], status: string | undefined): Record<string, unknown> {
  const known = CLINICAL_STATUS[type];
  if (status === undefined || !known) return {};
  return { clinicalStatus: known.codes.has(status) ? { coding: [{ system: known.system, code: status }] } : { text: status } };
}

/** The date in the resource's dateTime element, or its string variant (if it has one) for anything else. */
function when(date: string | undefined, dateTime: string, text?: string): Record<string, unknown> {
  if (date === undefined) return {};
  if (FHIR_DATE_TIME.test(date)) return { [dateTime]: date };
  return text ? { [text]: date } : { note: [{ text: date }] };
}

function clinical(c: StandardClinical, i: number): Record<string, unknown> {
  if (!isFhirId(c.id)) throw new TypeError(`clinical[${i}].id: not a FHIR id`);
  const concept = { text: c.title };
  const status = c.status !== undefined ? { status: c.status } : {};
  const note = (text: string | undefined) => (text ? { note: [{ text }] } : {});
  const head = { resourceType: c.resourceType, id: c.id };
  switch (c.resourceType) {
    case 'Condition': {
      // The importer keeps an end date as its only detail: `→ <abatement>`.
      const abatement = /^→ (.+)$/.exec(c.detail ?? '')?.[1];
      return {
        ...head,
        ...clinicalStatus('Condition', c.status),
        code: concept,
        subject: SUBJECT,
        ...when(c.date, 'onsetDateTime', 'onsetString'),
        ...(abatement ? when(abatement, 'abatementDateTime', 'abatementString') : note(c.detail)),
      };
    }
    case 'MedicationStatement':
      return {
        ...head,
        ...status,
        medicationCodeableConcept: concept,
        subject: SUBJECT,
        ...when(c.date, 'effectiveDateTime'),
        ...(c.detail ? { dosage: [{ text: c.detail }] } : {}),
      };
    case 'MedicationRequest':
      return {
        ...head,
        ...status,
        ...(c.intent !== undefined ? { intent: c.intent } : {}),
        medicationCodeableConcept: concept,
        subject: SUBJECT,
        ...when(c.date, 'authoredOn'),
        ...(c.detail ? { dosageInstruction: [{ text: c.detail }] } : {}),
      };
    case 'AllergyIntolerance':
      return {
        ...head,
        ...clinicalStatus('AllergyIntolerance', c.status),
        code: concept,
        patient: SUBJECT,
        ...when(c.date, 'onsetDateTime', 'onsetString'),
        ...(c.detail ? { reaction: [{ manifestation: [{ text: c.detail }] }] } : {}),
      };
    case 'Immunization':
      return { ...head, ...status, vaccineCode: concept, patient: SUBJECT, ...when(c.date, 'occurrenceDateTime', 'occurrenceString'), ...note(c.detail) };
    case 'Procedure':
      return { ...head, ...status, code: concept, subject: SUBJECT, ...when(c.date, 'performedDateTime', 'performedString'), ...note(c.detail) };
    case 'DiagnosticReport':
      return { ...head, ...status, code: concept, subject: SUBJECT, ...when(c.date, 'effectiveDateTime'), ...(c.detail ? { conclusion: c.detail } : {}) };
    default:
      throw new TypeError(`clinical[${i}].resourceType: not one of ${CLINICAL_RESOURCE_TYPES.join(', ')}`);
  }
}

/**
 * A FHIR R4 collection Bundle: the observations, then the clinical items, in the order given.
 * Units with a known UCUM code carry it (`system` http://unitsofmeasure.org); others are text.
 * @throws {TypeError} naming the observation or item whose id, status, type or value FHIR cannot carry.
 */
export function healthToFhirBundle(
  observations: readonly StandardObservation[],
  options: { now: Date; clinical?: readonly StandardClinical[] },
): Record<string, unknown> {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: options.now.toISOString(),
    entry: [...observations.map((o, i) => ({ resource: observation(o, i) })), ...(options.clinical ?? []).map((c, i) => ({ resource: clinical(c, i) }))],
  };
}
