/**
 * One record kind per Citizen Data API resource. Each stores the resource object as received,
 * its provenance, and the sync generation that last saw it (a full re-sync after the server
 * reset its change feed drops the records of older generations).
 */
import { z } from 'zod';
import { AccessLogEntry, Activity, Case, Citizen, Decision, Document, Payment, Session } from '../../municipal/api/schemas';
import type { ResourceName } from '../../municipal/api/schemas';
import { defineKind, type RecordKind } from '../kind';
import { asReceived, Provenance } from './received';

function municipalKind<Api extends z.ZodType>(name: string, apiSchema: Api, what: string) {
  return defineKind({
    name,
    scope: 'profile',
    version: 1,
    pageAccess: 'read-only',
    managedBy: 'the municipal connector',
    description: `${what} from a municipality, exactly as received, with the page signature that proves where it came from.`,
    schema: z.object({
      record: asReceived(apiSchema),
      provenance: Provenance,
      /** The resource's sync generation when the record was last received. */
      generation: z.int().min(0),
    }),
  });
}

export const municipalCaseKind = municipalKind('municipal-case', Case, 'A case (sag)');
export const municipalDecisionKind = municipalKind('municipal-decision', Decision, 'A decision (afgørelse)');
export const municipalPaymentKind = municipalKind('municipal-payment', Payment, 'A payment of a benefit (ydelse)');
export const municipalActivityKind = municipalKind('municipal-activity', Activity, 'An appointment or a deadline (aftale, frist)');
export const municipalDocumentKind = municipalKind('municipal-document', Document, 'A document or journal note (metadata and text)');
export const municipalAccessLogKind = municipalKind(
  'municipal-access-log-entry',
  AccessLogEntry,
  'One use of the citizen\u2019s data by the municipality (access log)',
);

/** The citizen as the municipality knows them (`/me`), with who signed in. */
export const municipalCitizenKind = defineKind({
  name: 'municipal-citizen',
  pageAccess: 'read-only',
  managedBy: 'the municipal connector',
  scope: 'profile',
  version: 1,
  description: 'The citizen as a municipality knows them (name, address, children in custody), as received, with its signature.',
  schema: z.object({
    record: asReceived(Citizen),
    provenance: Provenance,
    generation: z.int().min(0),
    /** Who signed in: the citizen, or a parent acting for a child. Not covered by the signature. */
    session: Session,
  }),
});

/** A document's PDF: kept apart from its metadata so listing documents never loads the files. */
export const municipalPdfKind = defineKind({
  name: 'municipal-pdf',
  pageAccess: 'read-only',
  managedBy: 'the municipal connector',
  scope: 'profile',
  version: 1,
  description: 'The PDF of a municipal document, whose SHA-256 the signed document record lists.',
  schema: z.object({
    origin: Provenance.shape.origin,
    /** The document's id at the municipality. */
    documentId: z.string().min(1).max(128),
    sha256: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    /** The PDF bytes, base64url. */
    data: z.string().regex(/^[A-Za-z0-9_-]*$/),
  }),
});

/** The vault kind of each synced resource. */
export const KIND_OF_RESOURCE = {
  cases: municipalCaseKind,
  decisions: municipalDecisionKind,
  payments: municipalPaymentKind,
  activities: municipalActivityKind,
  documents: municipalDocumentKind,
  'access-log': municipalAccessLogKind,
} as const satisfies Record<ResourceName, RecordKind>;

/**
 * Stored data of any synced resource record; `KindData` of a resource's kind gives the same with
 * its own record type (e.g. `KindData<typeof municipalCaseKind>` holds a `Case`).
 */
export interface MunicipalRecordData<T = Record<string, unknown>> {
  record: T;
  provenance: Provenance;
  generation: number;
}
