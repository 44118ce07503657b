/** Words and codes out of FHIR's CodeableConcepts and values. */
import type { HealthObservation, SourceCode } from '../../../records/health/types';
import { LOINC_SYSTEM, loincName } from '../../../records/health/loinc';
import type { CodeableConceptT, ComponentT, QuantityT } from './schemas';

type Name = { da: string; en: string };
type Value = NonNullable<HealthObservation['value']>;

/** The concept in words: its text, else a coding's display, else a code. */
export function conceptText(c: CodeableConceptT | undefined): string | undefined {
  if (c === undefined) return undefined;
  if (c.text) return c.text;
  for (const coding of c.coding ?? []) if (coding.display) return coding.display;
  for (const coding of c.coding ?? []) if (coding.code) return coding.code;
  return undefined;
}

/** The coding to keep: LOINC when any coding is LOINC (observations often carry two), else the first. */
export function mainCode(c: CodeableConceptT | undefined): { system?: string; code?: string } {
  const codings = c?.coding ?? [];
  const pick = codings.find((x) => x.system === LOINC_SYSTEM && x.code) ?? codings[0];
  const out: { system?: string; code?: string } = {};
  if (pick?.system !== undefined) out.system = pick.system;
  if (pick?.code !== undefined) out.code = pick.code;
  return out;
}

/**
 * {@link mainCode} with the source's own words: that coding's display and the concept's text, as
 * written. The vault shows its own name; a shared copy says what the source said.
 */
export function sourceCode(c: CodeableConceptT | undefined): SourceCode {
  const out: SourceCode = mainCode(c);
  const display = c?.coding?.find((x) => x.system === out.system && x.code === out.code)?.display;
  if (display) out.display = display;
  if (c?.text) out.text = c.text;
  return out;
}

/** LOINC's name in both languages when any LOINC coding is known, else the source's own words. */
export function observationName(c: CodeableConceptT | undefined): Name {
  for (const coding of c?.coding ?? []) {
    if (coding.system === LOINC_SYSTEM && coding.code) {
      const name = loincName(coding.code);
      if (name) return name;
    }
  }
  const text = conceptText(c);
  return text ? { da: text, en: text } : { da: 'Måling', en: 'Measurement' };
}

function quantityText(q: QuantityT | undefined): string {
  if (q?.value === undefined) return '?';
  return `${q.comparator ?? ''}${q.value}${(q.unit ?? q.code) ? ` ${q.unit ?? q.code}` : ''}`;
}

/** value[x] as a number with its unit, or as text. */
export function observationValue(o: ComponentT): Value | undefined {
  if (o.valueQuantity) {
    const v: Value = {};
    if (o.valueQuantity.value !== undefined) v.number = o.valueQuantity.value;
    const unit = o.valueQuantity.unit ?? o.valueQuantity.code;
    if (unit !== undefined) v.unit = unit;
    if (o.valueQuantity.comparator !== undefined) v.text = quantityText(o.valueQuantity);
    return v;
  }
  if (o.valueInteger !== undefined) return { number: o.valueInteger };
  if (o.valueCodeableConcept) {
    const text = conceptText(o.valueCodeableConcept);
    return text === undefined ? undefined : { text };
  }
  if (o.valueString !== undefined) return { text: o.valueString };
  if (o.valueBoolean !== undefined) return { text: String(o.valueBoolean) };
  if (o.valueDateTime !== undefined) return { text: o.valueDateTime };
  if (o.valueTime !== undefined) return { text: o.valueTime };
  if (o.valueRange) return { text: `${quantityText(o.valueRange.low)} – ${quantityText(o.valueRange.high)}` };
  if (o.valueRatio) return { text: `${quantityText(o.valueRatio.numerator)} / ${quantityText(o.valueRatio.denominator)}` };
  if (o.valuePeriod) return { text: `${o.valuePeriod.start ?? '?'} – ${o.valuePeriod.end ?? '?'}` };
  return undefined;
}

/** A status that may be a code (DSTU2) or a CodeableConcept (R4). */
export function statusCode(s: string | CodeableConceptT | undefined): string | undefined {
  if (s === undefined) return undefined;
  if (typeof s === 'string') return s;
  for (const coding of s.coding ?? []) if (coding.code) return coding.code;
  return s.text;
}
