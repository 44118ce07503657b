/** A case's story in order: status steps, decisions, letters, payments and appointments. */
import type { CaseStatus } from '../municipal/api/schemas';
import { activityAt, type CaseBundle, type Item } from './model';
import type { Case } from '../municipal/api/schemas';

export type TimelineEvent =
  | { kind: 'status'; at: string; status: CaseStatus; note: string | null }
  | { kind: 'decision'; at: string; title: string; vaultId: string }
  | { kind: 'document'; at: string; title: string; vaultId: string; direction: 'incoming' | 'outgoing' | 'internal' }
  | { kind: 'payment'; at: string; title: string; vaultId: string; ore: number }
  | { kind: 'activity'; at: string; title: string; vaultId: string; activityKind: 'appointment' | 'deadline' };

/** Every event of the case, oldest first. Dates without a time sort before instants on the same day. */
export function caseTimeline(theCase: Item<Case>, bundle: CaseBundle): TimelineEvent[] {
  const events: TimelineEvent[] = [
    ...theCase.record.statusHistory.map((s) => ({ kind: 'status' as const, at: s.at, status: s.status, note: s.note ?? null })),
    ...bundle.decisions.map((d) => ({ kind: 'decision' as const, at: d.record.decidedAt, title: d.record.title, vaultId: d.vaultId })),
    ...bundle.documents.map((d) => ({
      kind: 'document' as const,
      at: d.record.date,
      title: d.record.title,
      vaultId: d.vaultId,
      direction: d.record.direction,
    })),
    ...bundle.payments.map((p) => ({
      kind: 'payment' as const,
      at: p.record.payoutDate,
      title: p.record.benefit.name,
      vaultId: p.vaultId,
      ore: p.record.net.ore,
    })),
    ...bundle.activities.map((a) => ({
      kind: 'activity' as const,
      at: activityAt(a.record),
      title: a.record.title,
      vaultId: a.vaultId,
      activityKind: a.record.kind,
    })),
  ];
  return events.sort((a, b) => a.at.localeCompare(b.at));
}
