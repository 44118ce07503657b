/**
 * What the share wizard offers a profile: its notes, cases with each of their records (named and
 * with an approximate size, so single ones can be chosen), the span of its bank rows, health measures and records, and own files.
 */
import type { ShareOptions } from '../../messaging/sharing-api';
import { municipalCaseKind } from '../../records/municipal/index';
import { healthClinicalKind, healthDailyKind, healthObservationKind } from '../../records/health/index';
import type { KindData, RecordKind } from '../../records/kind';
import { noteKind } from '../../records/note';
import { attachmentKind } from '../../records/own/index';
import { CASE_PARTS, CLINICAL_TYPES } from '../../records/sharing/selection';
import { caseRecordLabel, newestFirst } from '../../sharing/case-records';
import type { MunicipalStored } from '../../sharing/derived';
import type { VaultRecord } from '../../vault/index';
import { transactionOptions } from './bank-sources';
import { listIfKnown, type Records } from './deps';
import { requireProfile } from './keys';
import type { ShareSourceReader } from './share-sources';
import { shareBasisOf } from './basis';

/** About what a record adds to a bundle: its JSON, and its PDF when it has one. */
function approximateBytes(stored: MunicipalStored): number {
  const content = stored.record.content as { format?: string; bytes?: number } | undefined;
  return JSON.stringify(stored.record).length + (content?.format === 'pdf' ? (content.bytes ?? 0) : 0);
}

export async function shareOptions(
  deps: { records: Records; sources: ShareSourceReader; hasMunicipalInbox: boolean },
  profileId: string,
): Promise<ShareOptions> {
  await requireProfile(deps.records, profileId);
  const list = <K extends RecordKind>(kind: K): Promise<VaultRecord<KindData<K>>[]> => listIfKnown(deps.records, profileId, kind);
  const notes = (await list(noteKind)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).map((n) => ({ id: n.id, title: n.data.title }));
  const basis = await shareBasisOf(deps.records, profileId);
  // Cases are offered only when the basis covers them; their parts the wizard narrows (choice.ts).
  const caseRecords = basis && !basis.covers.includes('cases') ? [] : await list(municipalCaseKind);
  const all = caseRecords.map((c) => c.id);
  const sources = all.length
    ? await deps.sources.read(profileId, { selection: { items: all.map((caseId) => ({ type: 'case' as const, caseId, parts: [] })) } })
    : null;
  const cases = caseRecords.map((c) => {
    const s = sources?.cases.get(c.id);
    const r = c.data.record;
    const records = CASE_PARTS.flatMap((part) =>
      (s?.[part] ?? []).map((stored) => ({ part, id: stored.record.id, ...caseRecordLabel(stored), bytes: approximateBytes(stored) })).sort(newestFirst),
    );
    return {
      id: c.id,
      caseNumber: r.caseNumber,
      title: `${r.kle.code} ${r.title}`.trim(),
      kle: { code: r.kle.code, title: r.kle.title },
      status: r.status,
      counts: {
        decisions: s?.decisions.length ?? 0,
        documents: s?.documents.length ?? 0,
        payments: s?.payments.length ?? 0,
        activities: s?.activities.length ?? 0,
      },
      records,
    };
  });
  const health = new Map<string, { metric: string; unit: string; from: string; to: string }>();
  for (const m of await list(healthDailyKind)) {
    const days = m.data.days.map((d) => d.date).sort();
    const h = health.get(m.data.metric) ?? { metric: m.data.metric, unit: m.data.unit, from: days[0]!, to: days.at(-1)! };
    if (days[0]! < h.from) h.from = days[0]!;
    if (days.at(-1)! > h.to) h.to = days.at(-1)!;
    health.set(m.data.metric, h);
  }
  const clinicalCounts = new Map<(typeof CLINICAL_TYPES)[number], number>();
  for (const c of await list(healthClinicalKind)) {
    clinicalCounts.set(c.data.resourceType, (clinicalCounts.get(c.data.resourceType) ?? 0) + 1);
  }
  const attachments = (await list(attachmentKind))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((a) => ({ id: a.id, fileName: a.data.fileName, size: a.data.size }));
  return {
    notes,
    cases,
    transactions: await transactionOptions(list),
    health: [...health.values()],
    healthRecords: {
      observations: (await list(healthObservationKind)).length,
      clinical: CLINICAL_TYPES.filter((type) => clinicalCounts.has(type)).map((type) => ({ type, count: clinicalCounts.get(type)! })),
    },
    attachments,
    municipalInbox: deps.hasMunicipalInbox,
    basis: basis && { kind: basis.representation.basis, covers: [...basis.covers] },
  };
}
