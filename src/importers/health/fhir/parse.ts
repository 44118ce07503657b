/**
 * FHIR R4 JSON → what the vault keeps: observations with display names, clinical items
 * (conditions, medicines, allergies, immunisations, procedures, reports) and the patient's name,
 * birth date and gender. Identifiers (the Danish CPR number among them) are never copied out.
 * Accepts a Bundle of any type or a single resource; resources we do not keep are counted.
 */
import type { ClinicalItem, HealthObservation } from '../../../records/health/types';
import type { FhirImport } from '../types';
import { badBundleEntry, healthError, unknownResourceType } from '../errors';
import { IssueLog } from '../issues';
import { conceptText, mainCode, observationName, observationValue, sourceCode, statusCode } from './concepts';
import { FHIR_RESOURCE_TYPES } from './resource-types';
import * as S from './schemas';
import type { CodeableConceptT, ReferenceT } from './schemas';

type Json = Record<string, unknown>;

/** Nested bundles (a document inside a message) are followed this deep. */
const MAX_BUNDLE_DEPTH = 4;

export function emptyFhir(): FhirImport {
  return { observations: [], clinical: [], skipped: {}, issues: [] };
}

/** Two imports as one (clinical records arrive one resource per file). */
export function mergeFhir(a: FhirImport, b: FhirImport): FhirImport {
  const skipped = { ...a.skipped };
  for (const [k, n] of Object.entries(b.skipped)) skipped[k] = (skipped[k] ?? 0) + n;
  const out: FhirImport = {
    observations: [...a.observations, ...b.observations],
    clinical: [...a.clinical, ...b.clinical],
    skipped,
    issues: [...a.issues, ...b.issues],
  };
  const patient = a.patient ?? b.patient;
  if (patient !== undefined) out.patient = patient;
  return out;
}

interface Entry {
  resource: Json;
  fullUrl?: string;
}

/**
 * @throws ImportError — `empty-file`; `unknown-format` for text that is not JSON, or JSON that is
 * not a FHIR resource; `malformed` for broken JSON or a Bundle whose entries cannot be read.
 */
export function parseFhir(text: string): FhirImport {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw healthError('empty-file', 'no text');
  if (trimmed[0] !== '{' && trimmed[0] !== '[') throw healthError('unknown-format', 'not JSON');
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch (e) {
    throw healthError('malformed', 'JSON syntax error', e);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || typeof (json as Json).resourceType !== 'string') {
    throw healthError('unknown-format', 'JSON without a resourceType');
  }
  if (!FHIR_RESOURCE_TYPES.has((json as Json).resourceType as string)) throw unknownResourceType((json as Json).resourceType);
  const entries: Entry[] = [];
  collect(json as Json, undefined, entries, 0);
  return new Resolver(entries, new IssueLog()).run();
}

function collect(resource: Json, fullUrl: string | undefined, out: Entry[], depth: number): void {
  if (resource.resourceType !== 'Bundle') {
    out.push(fullUrl === undefined ? { resource } : { resource, fullUrl });
    return;
  }
  const bundle = S.Bundle.safeParse(resource);
  if (!bundle.success) throw healthError('malformed', 'a Bundle whose entries cannot be read', bundle.error);
  if (depth >= MAX_BUNDLE_DEPTH) throw healthError('malformed', 'bundles nested too deep');
  const history = bundle.data.type === 'history';
  // A history bundle lists versions newest first; keep the newest of each resource only.
  const seen = new Set<string>();
  for (const [i, raw] of (bundle.data.entry ?? []).entries()) {
    // An entry that is no resource, or one of a type FHIR does not have, means the bundle is
    // broken or misspelt: refused whole, rather than stored with holes nobody is told about.
    const parsed = S.BundleEntry.safeParse(raw);
    if (!parsed.success) throw badBundleEntry(i + 1);
    const e = parsed.data;
    const res = e.resource as Json | undefined;
    if (res !== undefined && !FHIR_RESOURCE_TYPES.has(res.resourceType as string)) throw unknownResourceType(res.resourceType, i + 1);
    if (history) {
      const key = res ? `${String(res.resourceType)}/${String(res.id)}` : e.request?.url;
      if (key !== undefined) {
        if (seen.has(key)) continue;
        seen.add(key);
      }
    }
    if (res === undefined) continue; // a deletion, or a transaction-response entry
    collect(res, e.fullUrl, out, depth + 1);
  }
}

const KEPT_CLINICAL = new Set(['Condition', 'MedicationStatement', 'MedicationRequest', 'AllergyIntolerance', 'Immunization', 'Procedure', 'DiagnosticReport']);
/** Present in bundles to support others; not counted as "not kept". */
const SUPPORTING = new Set(['Medication']);

class Resolver {
  private readonly byUrl = new Map<string, Json>();
  private readonly result: FhirImport = emptyFhir();

  constructor(
    private readonly entries: Entry[],
    private readonly issues: IssueLog,
  ) {
    for (const { resource, fullUrl } of entries) {
      if (fullUrl !== undefined) this.byUrl.set(fullUrl, resource);
      if (typeof resource.id === 'string') this.byUrl.set(`${String(resource.resourceType)}/${resource.id}`, resource);
    }
  }

  run(): FhirImport {
    this.entries.forEach((entry, i) => this.take(entry, i + 1));
    this.result.issues = this.issues.result();
    return this.result;
  }

  private take({ resource, fullUrl }: Entry, n: number): void {
    const type = String(resource.resourceType);
    if (type === 'Patient') return this.patient(resource, n);
    if (type === 'Observation') return this.observation(resource, fullUrl, n);
    if (KEPT_CLINICAL.has(type)) return this.clinical(type as ClinicalItem['resourceType'], resource, fullUrl, n);
    if (SUPPORTING.has(type)) return;
    this.result.skipped[type] = (this.result.skipped[type] ?? 0) + 1;
  }

  private bad(n: number, type: string): void {
    this.issues.add('bad-resource', 'skipped', n, type);
  }

  private enteredInError(n: number): void {
    this.issues.add('entered-in-error', 'skipped', n);
  }

  /** A reference inside this file: contained (`#id`), a fullUrl (`urn:uuid:…`), or `Type/id`. */
  private resolve(ref: ReferenceT | undefined, container: Json, n: number): Json | undefined {
    const r = ref?.reference;
    if (r === undefined) return undefined;
    if (r.startsWith('#')) {
      const contained = Array.isArray(container.contained) ? container.contained : [];
      const hit = contained.find((c): c is Json => typeof c === 'object' && c !== null && (c as Json).id === r.slice(1));
      if (hit) return hit;
    } else {
      const direct = this.byUrl.get(r);
      if (direct) return direct;
      // An absolute URL or a versioned reference: match on its `Type/id` part.
      const m = /([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(r);
      const hit = m ? this.byUrl.get(`${m[1]}/${m[2]}`) : undefined;
      if (hit) return hit;
    }
    this.issues.add('unresolved-reference', 'warning', n);
    return undefined;
  }

  private patient(resource: Json, n: number): void {
    const p = S.Patient.safeParse(resource);
    if (!p.success) return this.bad(n, 'Patient');
    if (this.result.patient) return; // the first one is the citizen; others are relatives
    const out: NonNullable<FhirImport['patient']> = {};
    const names = p.data.name ?? [];
    const name = names.find((x) => x.use === 'official') ?? names.find((x) => x.use !== 'old') ?? names[0];
    const text = name?.text ?? [...(name?.given ?? []), ...[name?.family ?? []].flat()].join(' ').trim();
    if (text) out.name = text;
    if (p.data.birthDate !== undefined) out.birthDate = p.data.birthDate;
    if (p.data.gender !== undefined) out.gender = p.data.gender;
    this.result.patient = out;
  }

  private observation(resource: Json, fullUrl: string | undefined, n: number): void {
    const parsed = S.Observation.safeParse(resource);
    if (!parsed.success) return this.bad(n, 'Observation');
    const o = parsed.data;
    if (o.status === 'entered-in-error') return this.enteredInError(n);
    const obs: HealthObservation = {
      id: o.id ?? fullUrl ?? `Observation-${n}`,
      status: o.status ?? 'unknown',
      name: observationName(o.code),
      code: sourceCode(o.code),
    };
    const category = o.category?.[0];
    const cat = category?.coding?.find((c) => c.code)?.code ?? category?.text;
    if (cat !== undefined) obs.category = cat;
    const effective = o.effectiveDateTime ?? o.effectiveInstant ?? o.effectivePeriod?.start ?? o.issued;
    if (effective !== undefined) obs.effective = effective;
    const value = observationValue(o);
    if (value !== undefined) obs.value = value;
    if (o.component && o.component.length > 0) {
      obs.components = o.component.map((c) => {
        const comp: NonNullable<HealthObservation['components']>[number] = { name: observationName(c.code), code: sourceCode(c.code) };
        const v = observationValue(c) ?? absent(c.dataAbsentReason);
        if (v !== undefined) comp.value = v;
        return comp;
      });
    }
    const reason = conceptText(o.dataAbsentReason);
    if (reason !== undefined) obs.dataAbsentReason = reason;
    this.result.observations.push(obs);
  }

  private clinical(type: ClinicalItem['resourceType'], resource: Json, fullUrl: string | undefined, n: number): void {
    const fields = this.clinicalFields(type, resource, n);
    if (fields === undefined) return this.bad(n, type);
    if (fields.status === 'entered-in-error' || fields.verification === 'entered-in-error') return this.enteredInError(n);
    const item: ClinicalItem = {
      id: typeof resource.id === 'string' ? resource.id : (fullUrl ?? `${type}-${n}`),
      resourceType: type,
      title: conceptText(fields.concept) ?? fields.fallbackTitle ?? type,
    };
    const code = mainCode(fields.concept);
    if (code.code !== undefined) item.code = code;
    if (fields.status !== undefined) item.status = fields.status;
    if (fields.intent !== undefined) item.intent = fields.intent;
    if (fields.date !== undefined) item.date = fields.date;
    if (fields.detail) item.detail = fields.detail;
    this.result.clinical.push(item);
  }

  private clinicalFields(type: ClinicalItem['resourceType'], resource: Json, n: number): ClinicalFields | undefined {
    switch (type) {
      case 'Condition': {
        const r = S.Condition.safeParse(resource);
        if (!r.success) return undefined;
        const c = r.data;
        return {
          concept: c.code,
          status: statusCode(c.clinicalStatus),
          verification: statusCode(c.verificationStatus),
          date: c.onsetDateTime ?? c.onsetPeriod?.start ?? c.recordedDate ?? c.dateRecorded,
          detail: c.abatementDateTime ? `→ ${c.abatementDateTime}` : undefined,
        };
      }
      case 'MedicationStatement': {
        const r = S.MedicationStatement.safeParse(resource);
        if (!r.success) return undefined;
        const m = r.data;
        return {
          concept: m.medicationCodeableConcept ?? this.medication(m.medicationReference, resource, n),
          fallbackTitle: m.medicationReference?.display,
          status: m.status,
          date: m.effectiveDateTime ?? m.effectivePeriod?.start ?? m.dateAsserted,
          detail: joinTexts(m.dosage?.map((d) => d.text)),
        };
      }
      case 'MedicationRequest': {
        const r = S.MedicationRequest.safeParse(resource);
        if (!r.success) return undefined;
        const m = r.data;
        return {
          concept: m.medicationCodeableConcept ?? this.medication(m.medicationReference, resource, n),
          fallbackTitle: m.medicationReference?.display,
          status: m.status,
          intent: m.intent,
          date: m.authoredOn,
          detail: joinTexts(m.dosageInstruction?.map((d) => d.text)),
        };
      }
      case 'AllergyIntolerance': {
        const r = S.AllergyIntolerance.safeParse(resource);
        if (!r.success) return undefined;
        const a = r.data;
        return {
          concept: a.code ?? a.substance,
          status: statusCode(a.clinicalStatus),
          verification: statusCode(a.verificationStatus),
          date: a.onsetDateTime ?? a.recordedDate,
          detail: joinTexts(a.reaction?.flatMap((x) => (x.manifestation ?? []).map(conceptText))),
        };
      }
      case 'Immunization': {
        const r = S.Immunization.safeParse(resource);
        if (!r.success) return undefined;
        const i = r.data;
        return { concept: i.vaccineCode, status: i.status, date: i.occurrenceDateTime ?? i.date ?? i.occurrenceString };
      }
      case 'Procedure': {
        const r = S.Procedure.safeParse(resource);
        if (!r.success) return undefined;
        const p = r.data;
        return { concept: p.code, status: p.status, date: p.performedDateTime ?? p.performedPeriod?.start };
      }
      case 'DiagnosticReport': {
        const r = S.DiagnosticReport.safeParse(resource);
        if (!r.success) return undefined;
        const d = r.data;
        return { concept: d.code, status: d.status, date: d.effectiveDateTime ?? d.effectivePeriod?.start ?? d.issued, detail: d.conclusion };
      }
    }
  }

  /** The medicine a statement or request points to (contained or elsewhere in the bundle). */
  private medication(ref: ReferenceT | undefined, container: Json, n: number): CodeableConceptT | undefined {
    const target = this.resolve(ref, container, n);
    if (target === undefined) return undefined;
    const m = S.Medication.safeParse(target);
    return m.success ? m.data.code : undefined;
  }
}

interface ClinicalFields {
  concept: CodeableConceptT | undefined;
  fallbackTitle?: string | undefined;
  status?: string | undefined;
  /** A medicine request's intent (R4 requires it: order, plan, proposal…). */
  intent?: string | undefined;
  verification?: string | undefined;
  date?: string | undefined;
  detail?: string | undefined;
}

function joinTexts(texts: readonly (string | undefined)[] | undefined): string | undefined {
  const parts = (texts ?? []).filter((t): t is string => typeof t === 'string' && t !== '');
  return parts.length > 0 ? parts.join('; ') : undefined;
}

function absent(reason: CodeableConceptT | undefined): { text: string } | undefined {
  const text = conceptText(reason);
  return text === undefined ? undefined : { text };
}
