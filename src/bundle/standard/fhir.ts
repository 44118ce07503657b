/**
 * Health observations as a FHIR R4 `Bundle` of type `collection` (hl7.org/fhir/R4), the form
 * health receivers already read. Only what the vault knows is written; nothing is invented.
 */

/** Structurally the vault's health observation (src/importers/health/types.ts). */
export interface StandardObservation {
  id: string;
  status: string;
  name: { da: string; en: string };
  code: { system?: string; code?: string };
  category?: string;
  effective?: string;
  value?: { number?: number; text?: string; unit?: string };
  components?: { name: { da: string; en: string }; code: { system?: string; code?: string }; value?: { number?: number; text?: string; unit?: string } }[];
}

const STATUSES = new Set(['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown']);
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const UCUM = 'http://unitsofmeasure.org';

const codeableConcept = (code: StandardObservation['code'], name: StandardObservation['name']) => ({
  ...(code.code ? { coding: [{ ...(code.system ? { system: code.system } : {}), code: code.code, display: name.en }] } : {}),
  text: name.da,
});

function value(v: StandardObservation['value']): Record<string, unknown> {
  if (!v) return {};
  if (v.number !== undefined) {
    if (!Number.isFinite(v.number)) throw new TypeError('value.number: not a finite number');
    return { valueQuantity: { value: v.number, ...(v.unit ? { unit: v.unit, system: UCUM, code: v.unit } : {}) } };
  }
  return v.text !== undefined ? { valueString: v.text } : {};
}

/**
 * A FHIR R4 collection Bundle of Observations.
 * @throws {TypeError} naming the observation whose id, status or value FHIR cannot carry.
 */
export function healthToFhirBundle(observations: readonly StandardObservation[], options: { now: Date }): Record<string, unknown> {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: options.now.toISOString(),
    entry: observations.map((o, i) => {
      if (!FHIR_ID.test(o.id)) throw new TypeError(`observations[${i}].id: not a FHIR id`);
      if (!STATUSES.has(o.status)) throw new TypeError(`observations[${i}].status: not a FHIR observation status`);
      return {
        resource: {
          resourceType: 'Observation',
          id: o.id,
          status: o.status,
          ...(o.category
            ? { category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: o.category }] }] }
            : {}),
          code: codeableConcept(o.code, o.name),
          ...(o.effective ? { effectiveDateTime: o.effective } : {}),
          ...value(o.value),
          ...(o.components?.length
            ? { component: o.components.map((c) => ({ code: codeableConcept(c.code, c.name), ...value(c.value) })) }
            : {}),
        },
      };
    }),
  };
}
