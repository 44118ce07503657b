/**
 * The page side of correction requests: what record a request is about, saving, sending,
 * listing, and the export the citizen can send by other means when there is no connection.
 */
import { callVault } from '../../messaging/client';
import { listRecords, putRecord } from '../../messaging/record-client';
import type { ResourceName } from '../../municipal/api/schemas';
import type { CalendarEntry } from '../../overview/calendar';
import { correctionRequestKind, toApiCorrection, type CorrectionRequestData, type EvidenceRef } from '../../records/own/index';
import type { VaultRecord } from '../../vault/public-types';

/** The municipal record a request corrects, as a view knows it. */
export interface CorrectionTarget {
  kind: string;
  id: string;
  origin: string;
  resource: ResourceName;
  municipalId: string;
  /** How the citizen recognises the record ("Kontanthjælp, 1. november 2026"). */
  title: string;
  /** The municipality's id of the record's case, when it has one. */
  caseId?: string | undefined;
  /** The detail the view suggests the request is about ("Kontaktperson"); the citizen can change it. */
  field?: string | undefined;
}

export const KIND_OF: Record<ResourceName, string> = {
  cases: 'municipal-case',
  decisions: 'municipal-decision',
  payments: 'municipal-payment',
  activities: 'municipal-activity',
  documents: 'municipal-document',
  'access-log': 'municipal-access-log-entry',
};

/** A target from an overview item (`{ vaultId, origin, record }`). */
export function targetOf(
  resource: ResourceName,
  item: { vaultId: string; origin: string; record: { id: string; caseId?: string | undefined } },
  title: string,
): CorrectionTarget {
  const caseId = resource === 'cases' ? item.record.id : item.record.caseId;
  return { kind: KIND_OF[resource], id: item.vaultId, origin: item.origin, resource, municipalId: item.record.id, title, ...(caseId ? { caseId } : {}) };
}

/**
 * A target from a calendar entry: the appointment or deadline behind it, or, for a last day to
 * appeal, the decision it comes from. An activity without a case has no inbox to go to: the
 * request can then be kept and downloaded, not sent.
 */
export function entryTarget(entry: Pick<CalendarEntry, 'recordKind' | 'vaultId' | 'origin' | 'recordId' | 'caseId'>, title: string): CorrectionTarget {
  const resource: ResourceName = entry.recordKind === 'municipal-decision' ? 'decisions' : 'activities';
  const record = { id: entry.recordId, ...(entry.caseId ? { caseId: entry.caseId } : {}) };
  return targetOf(resource, { vaultId: entry.vaultId, origin: entry.origin, record }, title);
}

export interface Draft {
  whatIsWrong: string;
  why: string;
  field: string;
  proposedValue: string;
  evidence: EvidenceRef[];
}

export function requestData(target: CorrectionTarget, caseVaultId: string | undefined, draft: Draft, previous?: CorrectionRequestData): CorrectionRequestData {
  return {
    target: {
      kind: target.kind,
      id: target.id,
      origin: target.origin,
      resource: target.resource,
      municipalId: target.municipalId,
      title: target.title.slice(0, 300),
      ...(draft.field.trim() ? { field: draft.field.trim().slice(0, 200) } : {}),
      ...(target.caseId ? { caseId: target.caseId } : {}),
    },
    ...(caseVaultId ? { caseVaultId } : {}),
    whatIsWrong: draft.whatIsWrong.trim(),
    why: draft.why.trim(),
    ...(draft.proposedValue.trim() ? { proposedValue: draft.proposedValue.trim() } : {}),
    evidence: draft.evidence,
    // Editing a failed request makes it a draft again; an unconfirmed send keeps its state.
    status: previous && previous.status.state !== 'failed' ? previous.status : { state: 'draft' },
  };
}

export async function saveRequest(profileId: string, id: string | undefined, data: CorrectionRequestData): Promise<VaultRecord<CorrectionRequestData>> {
  return putRecord(profileId, correctionRequestKind, data, id);
}

export async function listRequests(profileId: string): Promise<VaultRecord<CorrectionRequestData>[]> {
  const list = await listRecords(profileId, correctionRequestKind);
  return list.records.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export const deleteRequest = (profileId: string, id: string) =>
  callVault('writeRecords', { ops: [{ op: 'delete', profileId, kind: correctionRequestKind.name, id }] });

/** Whether the profile is signed in to the municipality the record came from. */
export async function canReach(profileId: string, origin: string): Promise<'ok' | 'no-connection' | 'signed-out'> {
  const connections = await callVault('municipalConnections', { profileId });
  const conn = connections.find((c) => c.origin === origin);
  if (!conn) return 'no-connection';
  return conn.signedIn ? 'ok' : 'signed-out';
}

/**
 * The request as a JSON file: the API's CorrectionRequest, the case it concerns and the
 * evidence list, for sending by other means (e-mail, Digital Post) when there is no connection.
 */
export function exportRequest(record: VaultRecord<CorrectionRequestData>): { fileName: string; text: string } {
  const d = record.data;
  const document = {
    format: 'handlerum-correction-request',
    version: 1,
    municipality: d.target.origin,
    ...(d.target.caseId ? { caseId: d.target.caseId } : {}),
    record: { resource: d.target.resource, id: d.target.municipalId, title: d.target.title },
    createdAt: record.createdAt,
    status: d.status.state,
    ...(d.status.state === 'received' ? { receipt: d.status.receipt, receiptSignature: d.status.signature } : {}),
    request: toApiCorrection(d),
    evidence: d.evidence.map((e) => ({ title: e.title, ...(e.sha256 ? { sha256: e.sha256 } : {}) })),
  };
  return { fileName: `rettelse-${record.createdAt.slice(0, 10)}.json`, text: `${JSON.stringify(document, null, 2)}\n` };
}
