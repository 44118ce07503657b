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
import type { Item, OverviewData } from './model';

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

export async function overviewFromRecords(list: ListRecords): Promise<{ data: OverviewData; damaged: number }> {
  const [cases, decisions, payments, activities, documents, accessLog] = await Promise.all([
    list(OVERVIEW_KINDS.cases),
    list(OVERVIEW_KINDS.decisions),
    list(OVERVIEW_KINDS.payments),
    list(OVERVIEW_KINDS.activities),
    list(OVERVIEW_KINDS.documents),
    list(OVERVIEW_KINDS.accessLog),
  ]);
  return {
    data: {
      cases: itemsOf(cases.records),
      decisions: itemsOf(decisions.records),
      payments: itemsOf(payments.records),
      activities: itemsOf(activities.records),
      documents: itemsOf(documents.records),
      accessLog: itemsOf(accessLog.records),
    },
    damaged: [cases, decisions, payments, activities, documents, accessLog].reduce((n, l) => n + l.damaged.length, 0),
  };
}
