/**
 * The overview's data from the vault's records: one list per municipal kind, each record with
 * its vault id, its municipality and the resource as received. The caller lists the records
 * (the UI through the background, the bench from the record store directly).
 */
import type { KindData, RecordKind } from '../records/kind';
import {
  municipalAccessLogKind,
  municipalActivityKind,
  municipalCaseKind,
  municipalDecisionKind,
  municipalDocumentKind,
  municipalPaymentKind,
  type MunicipalRecordData,
} from '../records/municipal/index';
import { EMPTY_OVERVIEW, type Item, type OverviewData } from './model';

/** The kind behind each list of the overview. */
export const OVERVIEW_KINDS = {
  cases: municipalCaseKind,
  decisions: municipalDecisionKind,
  payments: municipalPaymentKind,
  activities: municipalActivityKind,
  documents: municipalDocumentKind,
  accessLog: municipalAccessLogKind,
} as const satisfies Record<keyof OverviewData, RecordKind>;

/** Lists the records of one kind in the profile; what could not be read is only counted. */
export type ListRecords = <K extends RecordKind>(kind: K) => Promise<{ records: { id: string; data: KindData<K> }[]; damaged: readonly unknown[] }>;

const itemsOf = <T>(records: readonly { id: string; data: MunicipalRecordData<T> }[]): Item<T>[] =>
  records.map((r) => ({ vaultId: r.id, origin: r.data.provenance.origin, record: r.data.record }));

/** One list of the overview, by its field name. */
export type OverviewList = keyof OverviewData;
export const OVERVIEW_LISTS = Object.keys(OVERVIEW_KINDS) as readonly OverviewList[];

/** What reading some lists gave: those lists, and the records of them that could not be read. */
export interface PartialOverview {
  lists: Partial<OverviewData>;
  damaged: readonly unknown[];
}

type Listed<T> = { records: { id: string; data: MunicipalRecordData<T> }[]; damaged: readonly unknown[] };
const read = <T>(listed: Listed<T>) => ({ items: itemsOf(listed.records), damaged: listed.damaged });

/** How each list is read: its kind, with that kind's own record type. */
const READERS: { [N in OverviewList]: (list: ListRecords) => Promise<{ items: OverviewData[N]; damaged: readonly unknown[] }> } = {
  cases: async (list) => read(await list(OVERVIEW_KINDS.cases)),
  decisions: async (list) => read(await list(OVERVIEW_KINDS.decisions)),
  payments: async (list) => read(await list(OVERVIEW_KINDS.payments)),
  activities: async (list) => read(await list(OVERVIEW_KINDS.activities)),
  documents: async (list) => read(await list(OVERVIEW_KINDS.documents)),
  accessLog: async (list) => read(await list(OVERVIEW_KINDS.accessLog)),
};

async function readInto<N extends OverviewList>(name: N, list: ListRecords, into: Partial<OverviewData>): Promise<readonly unknown[]> {
  const { items, damaged } = await READERS[name](list);
  into[name] = items;
  return damaged;
}

/** Reads only the lists named, each kind once: a view that shows payments decrypts no access log. */
export async function overviewLists(list: ListRecords, names: readonly OverviewList[]): Promise<PartialOverview> {
  const lists: Partial<OverviewData> = {};
  const damaged = await Promise.all(names.map((name) => readInto(name, list, lists)));
  return { lists, damaged: damaged.flat() };
}

export async function overviewFromRecords(list: ListRecords): Promise<{ data: OverviewData; damaged: number }> {
  const { lists, damaged } = await overviewLists(list, OVERVIEW_LISTS);
  return { data: { ...EMPTY_OVERVIEW, ...lists }, damaged: damaged.length };
}
