/**
 * How one record of a case is named when it is chosen on its own: the title a person reads and
 * the day it belongs to (decided, dated, paid out, due). The wizard lists records by it and the
 * approval screen repeats it, so both name a record the same way. Pure.
 */
import type { MunicipalStored } from './derived';

export interface CaseRecordLabel {
  title: string;
  /** YYYY-MM-DD, when the record has a day. */
  date?: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const day = (value: unknown): string | undefined => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined);

/** A title longer than a scope line may hold is cut; the record itself goes whole. */
const MAX_TITLE = 500;

export function caseRecordLabel(stored: MunicipalStored): CaseRecordLabel {
  const r = stored.record;
  const benefit = r.benefit as { name?: unknown } | undefined;
  const title = (text(r.title) ?? text(benefit?.name) ?? r.id).slice(0, MAX_TITLE);
  const date = day(r.decidedAt) ?? day(r.date) ?? day(r.payoutDate) ?? day(r.startsAt) ?? day(r.dueAt);
  return date ? { title, date } : { title };
}

/** Newest day first, records without a day last; records of one day keep their order. */
export const newestFirst = (a: CaseRecordLabel, b: CaseRecordLabel): number => (b.date ?? '').localeCompare(a.date ?? '');
