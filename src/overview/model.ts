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

// ISO dates and instants sort as plain strings: the comparisons with localeCompare were about half of the bundles' making.
const newest =
  <T>(key: (i: Item<T>) => string) =>
  (a: Item<T>, b: Item<T>) => {
    const [x, y] = [key(a), key(b)];
    return x < y ? 1 : x > y ? -1 : 0;
  };

/** Sorts each list of a bundle in place, newest first. */
function newestFirst(bundle: CaseBundle): CaseBundle {
  bundle.decisions.sort(newest((d) => d.record.decidedAt));
  bundle.payments.sort(newest((p) => p.record.payoutDate));
  bundle.activities.sort(newest((a) => activityAt(a.record)));
  bundle.documents.sort(newest((d) => d.record.date));
  bundle.accessLog.sort(newest((e) => e.record.at));
  return bundle;
}

export function caseBundle(data: OverviewData, theCase: Item<Case>): CaseBundle {
  const mine = <T extends { caseId?: string | undefined }>(items: Item<T>[]) =>
    items.filter((i) => i.origin === theCase.origin && i.record.caseId === theCase.record.id);
  return newestFirst({
    decisions: mine(data.decisions),
    payments: mine(data.payments),
    activities: mine(data.activities),
    documents: mine(data.documents),
    accessLog: mine(data.accessLog),
  });
}

/**
 * Every case's bundle at once, keyed by `refKey(origin, caseId)`: one pass over the lists
 * instead of one per case. Records of no case, or of a case not held, are in no bundle.
 */
export function caseBundles(data: OverviewData): Map<string, CaseBundle> {
  const bundles = new Map<string, CaseBundle>();
  for (const c of data.cases) bundles.set(refKey(c.origin, c.record.id), { decisions: [], payments: [], activities: [], documents: [], accessLog: [] });
  const into = <N extends keyof CaseBundle>(name: N, items: CaseBundle[N]) => {
    for (const item of items) {
      const bundle = item.record.caseId === undefined ? undefined : bundles.get(refKey(item.origin, item.record.caseId));
      // Each list goes into the same list of the bundle, so the item is of that list's type.
      (bundle?.[name] as Item<unknown>[] | undefined)?.push(item);
    }
  };
  into('decisions', data.decisions);
  into('payments', data.payments);
  into('activities', data.activities);
  into('documents', data.documents);
  into('accessLog', data.accessLog);
  for (const bundle of bundles.values()) newestFirst(bundle);
  return bundles;
}

/** When an appointment starts or a deadline falls (ISO instant). */
export const activityAt = (a: Activity): string => (a.kind === 'appointment' ? a.startsAt : a.dueAt);

export const isOpenCase = (c: Case): boolean => c.status !== 'closed';
