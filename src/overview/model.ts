/**
 * The citizen's municipal data as the overview reads it: every synced record with the vault id
 * it is stored under and the municipality it came from. Records link to each other by the
 * municipality's ids (a decision's `caseId`, a basis's `documentId`), which are unique only
 * within one municipality, so every lookup is keyed by origin and id together.
 */
import type { AccessLogEntry, Activity, Case, Decision, Document, Payment } from '../municipal/api/schemas';

export interface Item<T> {
  /** The record's id in the vault (what the UI links to). */
  vaultId: string;
  /** The municipality's origin. */
  origin: string;
  record: T;
}

export interface OverviewData {
  cases: Item<Case>[];
  decisions: Item<Decision>[];
  payments: Item<Payment>[];
  activities: Item<Activity>[];
  documents: Item<Document>[];
  accessLog: Item<AccessLogEntry>[];
}

export const EMPTY_OVERVIEW: OverviewData = { cases: [], decisions: [], payments: [], activities: [], documents: [], accessLog: [] };

export const refKey = (origin: string, id: string): string => `${origin}\n${id}`;

export const hasAnyData = (data: OverviewData): boolean => Object.values(data).some((list: unknown[]) => list.length > 0);

function byRef<T extends { id: string }>(items: Item<T>[]): Map<string, Item<T>> {
  return new Map(items.map((item) => [refKey(item.origin, item.record.id), item]));
}

/** Lookups by the municipality's ids, built once per data set. */
export interface OverviewIndex {
  case(origin: string, id: string | undefined): Item<Case> | undefined;
  document(origin: string, id: string): Item<Document> | undefined;
  payment(origin: string, id: string): Item<Payment> | undefined;
}

export function indexOverview(data: OverviewData): OverviewIndex {
  const cases = byRef(data.cases);
  const documents = byRef(data.documents);
  const payments = byRef(data.payments);
  return {
    case: (origin, id) => (id === undefined ? undefined : cases.get(refKey(origin, id))),
    document: (origin, id) => documents.get(refKey(origin, id)),
    payment: (origin, id) => payments.get(refKey(origin, id)),
  };
}

/** Everything that belongs to one case, each list newest first. */
export interface CaseBundle {
  decisions: Item<Decision>[];
  payments: Item<Payment>[];
  activities: Item<Activity>[];
  documents: Item<Document>[];
  accessLog: Item<AccessLogEntry>[];
}

export function caseBundle(data: OverviewData, theCase: Item<Case>): CaseBundle {
  const mine = <T extends { caseId?: string | undefined }>(items: Item<T>[]) =>
    items.filter((i) => i.origin === theCase.origin && i.record.caseId === theCase.record.id);
  const desc =
    <T>(key: (i: Item<T>) => string) =>
    (a: Item<T>, b: Item<T>) =>
      key(b).localeCompare(key(a));
  return {
    decisions: mine(data.decisions).sort(desc((d) => d.record.decidedAt)),
    payments: mine(data.payments).sort(desc((p) => p.record.payoutDate)),
    activities: mine(data.activities).sort(desc((a) => activityAt(a.record))),
    documents: mine(data.documents).sort(desc((d) => d.record.date)),
    accessLog: mine(data.accessLog).sort(desc((e) => e.record.at)),
  };
}

/** When an appointment starts or a deadline falls (ISO instant). */
export const activityAt = (a: Activity): string => (a.kind === 'appointment' ? a.startsAt : a.dueAt);

export const isOpenCase = (c: Case): boolean => c.status !== 'closed';
