/**
 * What a sync removes besides tombstones: records a full re-sync (after the server reset its
 * feed) did not bring back, and page signatures no stored record refers to any more. Both list
 * whole kinds, so they run only when something can have become stale: never on a first sync.
 */
import type { ResourceName } from '../api/schemas';
import { KIND_OF_RESOURCE, municipalCitizenKind, municipalPdfKind, municipalSignatureKind } from '../../records/municipal/index';
import type { RecordStore, WriteOp } from '../../vault/record-store';
import { pdfIdFor } from './ids';

export interface Scope {
  records: RecordStore;
  profileId: string;
  origin: string;
}

/** Deletes for records of older generations that the finished full re-sync did not bring back. */
export async function staleRecordDeletes(scope: Scope, resource: ResourceName, generation: number, keep: Set<string>): Promise<WriteOp[]> {
  const { records, profileId, origin } = scope;
  const kind = KIND_OF_RESOURCE[resource].name;
  const { records: held } = await records.list(profileId, KIND_OF_RESOURCE[resource]);
  const ops: WriteOp[] = [];
  for (const r of held) {
    if (r.data.provenance.origin !== origin || r.data.generation >= generation || keep.has(r.id)) continue;
    ops.push({ op: 'delete', profileId, kind, id: r.id });
    if (resource === 'documents') ops.push({ op: 'delete', profileId, kind: municipalPdfKind.name, id: pdfIdFor(records, origin, String(r.data.record.id)) });
  }
  return ops;
}

/** Deletes the page signatures no stored record refers to any more (every record on the page changed since). */
export async function dropUnusedSignatures(scope: Scope): Promise<void> {
  const { records, profileId, origin } = scope;
  const used = new Set<string>();
  for (const kind of [municipalCitizenKind, ...Object.values(KIND_OF_RESOURCE)]) {
    const { records: held } = await records.list(profileId, kind);
    for (const r of held) if (r.data.provenance.origin === origin) used.add(r.data.provenance.signatureId);
  }
  const { records: signatures } = await records.list(profileId, municipalSignatureKind);
  const unused = signatures.filter((s) => s.data.origin === origin && !used.has(s.id));
  if (unused.length > 0) await records.write(unused.map((s) => ({ op: 'delete' as const, profileId, kind: municipalSignatureKind.name, id: s.id })));
}
