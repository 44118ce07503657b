/**
 * What the citizen chooses in the share wizard — who receives, why, which data, until when — as
 * plain data. Every change is a pure function from one choice to the next, and so are the rules
 * (may the wizard go on? what is asked to leave?), so they are tested without a page.
 * "Today" is always a Danish calendar day passed in by the caller.
 */
import type { ShareExpiry, ShareOptions } from '../../../messaging/sharing-api';
import { CASE_PARTS, CLINICAL_TYPES, TRANSACTION_FIELDS, type CasePart, type SelectionItem, type ShareSelection } from '../../../records/sharing/selection';
import { addDays, previousMonth } from '../../../shared/danish-time';

export type { CasePart };
export type TransactionField = (typeof TRANSACTION_FIELDS)[number];
export type ClinicalType = (typeof CLINICAL_TYPES)[number];

/**
 * One case and what of it goes: whole parts, and parts of which only some records go (by the
 * municipality's record id). A part is in one or neither; a case in the choice has something chosen.
 */
export interface CaseChoice {
  readonly parts: ReadonlySet<CasePart>;
  readonly picked: ReadonlyMap<CasePart, ReadonlySet<string>>;
}

/** Whether all, some or none of a case (or one part of it) is chosen: the "all" box shows mixed for some. */
export type Coverage = 'all' | 'some' | 'none';

export interface TransactionsChoice {
  readonly months: number;
  /** Empty: every category. */
  readonly categories: ReadonlySet<string>;
  readonly fields: ReadonlySet<TransactionField>;
}

/** Health data as imported (daily figures, observations, clinical items), over the last `months`. */
export interface HealthRecordsChoice {
  readonly months: number;
  readonly metrics: ReadonlySet<string>;
  readonly observations: boolean;
  readonly clinical: ReadonlySet<ClinicalType>;
}

/** Which data; `null` is "not chosen", a number is how many months back. */
export interface DataChoice {
  readonly notes: ReadonlySet<string>;
  readonly cases: ReadonlyMap<string, CaseChoice>;
  /** Cases whose summary goes (a derived view, as text). */
  readonly caseSummaries: ReadonlySet<string>;
  readonly foodBudget: number | null;
  readonly spending: number | null;
  readonly transactions: TransactionsChoice | null;
  /** Monthly summaries of these health metrics. */
  readonly health: ReadonlySet<string>;
  readonly healthRecords: HealthRecordsChoice | null;
  readonly attachments: ReadonlySet<string>;
}

/** Both answers are kept, so switching between a date and a case loses neither. */
export interface ExpiryChoice {
  readonly kind: ShareExpiry['kind'];
  readonly date: string;
  readonly caseId: string;
  /** The cap of a case-bound share, in days from today. */
  readonly maxDays: CaseCapDays;
}

/** The caps offered for "until the case closes"; a year unless the citizen picks another. */
export const CASE_CAP_DAYS = [91, 182, 365, 730] as const;
export type CaseCapDays = (typeof CASE_CAP_DAYS)[number];

export interface ShareChoice {
  readonly recipientId: string;
  readonly purpose: string;
  readonly data: DataChoice;
  readonly expiry: ExpiryChoice;
}

export const STEPS = ['recipient', 'purpose', 'data', 'expiry', 'approve', 'done'] as const;
export type Step = (typeof STEPS)[number];

export const MONTHS_MIN = 1;
export const MONTHS_MAX = 36;
const FOOD_BUDGET_MONTHS = 12;
const SPENDING_MONTHS = 12;
const TRANSACTION_MONTHS = 3;
const HEALTH_RECORD_MONTHS = 3;
const HEALTH_SUMMARY_MONTHS = 12;
const DEFAULT_EXPIRY_DAYS = 30;
const DEFAULT_FIELDS: readonly TransactionField[] = ['date', 'amount'];

export const NO_DATA: DataChoice = {
  notes: new Set(),
  cases: new Map(),
  caseSummaries: new Set(),
  foodBudget: null,
  spending: null,
  transactions: null,
  health: new Set(),
  healthRecords: null,
  attachments: new Set(),
};

/** A share lasts at least until the end of tomorrow: a bundle that expires today is no share. */
export const earliestExpiry = (today: string): string => addDays(today, 1);

/** The first recipient, nothing chosen, and a month's share ending on a Danish day. */
export function newChoice(recipients: readonly { id: string }[], today: string): ShareChoice {
  return {
    recipientId: recipients[0]?.id ?? '',
    purpose: '',
    data: NO_DATA,
    expiry: { kind: 'date', date: addDays(today, DEFAULT_EXPIRY_DAYS), caseId: '', maxDays: 365 },
  };
}

function toggled<T>(set: ReadonlySet<T>, value: T, on: boolean): ReadonlySet<T> {
  const next = new Set(set);
  if (on) next.add(value);
  else next.delete(value);
  return next;
}

const withData = (choice: ShareChoice, change: (data: DataChoice) => DataChoice): ShareChoice => ({ ...choice, data: change(choice.data) });

export const pickRecipient = (choice: ShareChoice, recipientId: string): ShareChoice => ({ ...choice, recipientId });
export const writePurpose = (choice: ShareChoice, purpose: string): ShareChoice => ({ ...choice, purpose });

/** Things chosen one by one by their id. */
export type ListChoice = 'notes' | 'caseSummaries' | 'health' | 'attachments';

export const toggleItem = (choice: ShareChoice, list: ListChoice, id: string, on: boolean): ShareChoice =>
  withData(choice, (d) => ({ ...d, [list]: toggled(d[list], id, on) }));

/** The parts of a case the wizard offers: all of them, or those a representative's basis covers. */
export const offeredCaseParts = (options: Pick<ShareOptions, 'basis'>): readonly CasePart[] =>
  options.basis ? CASE_PARTS.filter((p) => options.basis!.covers.includes(p)) : CASE_PARTS;

const NOTHING_PICKED: ReadonlyMap<CasePart, ReadonlySet<string>> = new Map();

/** Sets the case's choice; a case with nothing left of it leaves the choice. */
const withCase = (choice: ShareChoice, caseId: string, next: CaseChoice | null): ShareChoice =>
  withData(choice, (d) => {
    const cases = new Map(d.cases);
    if (next && (next.parts.size > 0 || next.picked.size > 0)) cases.set(caseId, next);
    else cases.delete(caseId);
    return { ...d, cases };
  });

/** "All of this case": every offered part whole, or nothing of it. */
export const toggleCase = (choice: ShareChoice, caseId: string, on: boolean, parts: readonly CasePart[] = CASE_PARTS): ShareChoice =>
  withCase(choice, caseId, on ? { parts: new Set(parts), picked: NOTHING_PICKED } : null);

/** A whole part of a case, or none of it (records picked in it before are dropped either way). */
export const toggleCasePart = (choice: ShareChoice, caseId: string, part: CasePart, on: boolean): ShareChoice => {
  const current = choice.data.cases.get(caseId);
  const picked = new Map(current?.picked);
  picked.delete(part);
  return withCase(choice, caseId, { parts: toggled(current?.parts ?? new Set<CasePart>(), part, on), picked });
};

/**
 * One record of a case, on its own. `all` is every record id of that part: taking the last one
 * missing makes the part whole again, and leaving one out of a whole part keeps the rest.
 */
export function toggleCaseRecord(choice: ShareChoice, caseId: string, part: CasePart, id: string, on: boolean, all: readonly string[]): ShareChoice {
  const current = choice.data.cases.get(caseId);
  const before = current?.parts.has(part) ? new Set(all) : (current?.picked.get(part) ?? new Set<string>());
  const now = toggled(before, id, on);
  const whole = all.length > 0 && all.every((r) => now.has(r));
  const parts = toggled(current?.parts ?? new Set<CasePart>(), part, whole);
  const picked = new Map(current?.picked);
  if (whole || now.size === 0) picked.delete(part);
  else picked.set(part, now);
  return withCase(choice, caseId, { parts, picked });
}

/** Whether the record goes. */
export const caseRecordChosen = (chosen: CaseChoice | undefined, part: CasePart, id: string): boolean =>
  chosen !== undefined && (chosen.parts.has(part) || chosen.picked.get(part)?.has(id) === true);

/** How many of the part's `count` records go. */
export function chosenInPart(chosen: CaseChoice | undefined, part: CasePart, count: number): number {
  if (!chosen) return 0;
  return chosen.parts.has(part) ? count : (chosen.picked.get(part)?.size ?? 0);
}

export function partCoverage(chosen: CaseChoice | undefined, part: CasePart, count: number): Coverage {
  const n = chosenInPart(chosen, part, count);
  if (chosen?.parts.has(part) || (count > 0 && n === count)) return 'all';
  return n > 0 ? 'some' : 'none';
}

/**
 * All of a case is chosen when every offered part that has records goes whole (a case without
 * records: when chosen).
 */
export function caseCoverage(chosen: CaseChoice | undefined, counts: Readonly<Record<CasePart, number>>, offered: readonly CasePart[] = CASE_PARTS): Coverage {
  if (!chosen) return 'none';
  const parts = offered.filter((p) => counts[p] > 0);
  if (parts.length === 0 || parts.every((p) => chosen.parts.has(p))) return 'all';
  return 'some';
}

export const toggleFoodBudget = (choice: ShareChoice, on: boolean): ShareChoice =>
  withData(choice, (d) => ({ ...d, foodBudget: on ? FOOD_BUDGET_MONTHS : null }));
export const toggleSpending = (choice: ShareChoice, on: boolean): ShareChoice => withData(choice, (d) => ({ ...d, spending: on ? SPENDING_MONTHS : null }));

export const toggleTransactions = (choice: ShareChoice, on: boolean): ShareChoice =>
  withData(choice, (d) => ({ ...d, transactions: on ? { months: TRANSACTION_MONTHS, categories: new Set(), fields: new Set(DEFAULT_FIELDS) } : null }));

export const toggleHealthRecords = (choice: ShareChoice, on: boolean): ShareChoice =>
  withData(choice, (d) => ({
    ...d,
    healthRecords: on ? { months: HEALTH_RECORD_MONTHS, metrics: new Set(), observations: false, clinical: new Set() } : null,
  }));

/** Choices that cover a number of months back. */
export type MonthsChoice = 'foodBudget' | 'spending' | 'transactions' | 'healthRecords';

/**
 * Sets how many months back a chosen thing covers; whatever was typed is brought into 1–36 whole
 * months. A thing not chosen stays unchosen.
 */
export function setMonths(choice: ShareChoice, which: MonthsChoice, months: number): ShareChoice {
  const m = Math.max(MONTHS_MIN, Math.min(MONTHS_MAX, Math.trunc(months) || MONTHS_MIN));
  return withData(choice, (d) => {
    switch (which) {
      case 'foodBudget':
      case 'spending':
        return d[which] === null ? d : { ...d, [which]: m };
      case 'transactions':
        return d.transactions ? { ...d, transactions: { ...d.transactions, months: m } } : d;
      case 'healthRecords':
        return d.healthRecords ? { ...d, healthRecords: { ...d.healthRecords, months: m } } : d;
    }
  });
}

const withTransactions = (choice: ShareChoice, change: (tx: TransactionsChoice) => TransactionsChoice): ShareChoice =>
  withData(choice, (d) => (d.transactions ? { ...d, transactions: change(d.transactions) } : d));

export const toggleTransactionField = (choice: ShareChoice, field: TransactionField, on: boolean): ShareChoice =>
  withTransactions(choice, (tx) => ({ ...tx, fields: toggled(tx.fields, field, on) }));
export const toggleTransactionCategory = (choice: ShareChoice, category: string, on: boolean): ShareChoice =>
  withTransactions(choice, (tx) => ({ ...tx, categories: toggled(tx.categories, category, on) }));

const withHealthRecords = (choice: ShareChoice, change: (h: HealthRecordsChoice) => HealthRecordsChoice): ShareChoice =>
  withData(choice, (d) => (d.healthRecords ? { ...d, healthRecords: change(d.healthRecords) } : d));

export const toggleHealthMetric = (choice: ShareChoice, metric: string, on: boolean): ShareChoice =>
  withHealthRecords(choice, (h) => ({ ...h, metrics: toggled(h.metrics, metric, on) }));
export const toggleObservations = (choice: ShareChoice, on: boolean): ShareChoice => withHealthRecords(choice, (h) => ({ ...h, observations: on }));
export const toggleClinical = (choice: ShareChoice, type: ClinicalType, on: boolean): ShareChoice =>
  withHealthRecords(choice, (h) => ({ ...h, clinical: toggled(h.clinical, type, on) }));

export const chooseExpiryKind = (choice: ShareChoice, kind: ExpiryChoice['kind']): ShareChoice => ({ ...choice, expiry: { ...choice.expiry, kind } });
export const setExpiryDate = (choice: ShareChoice, date: string): ShareChoice => ({ ...choice, expiry: { ...choice.expiry, date } });
export const setExpiryCase = (choice: ShareChoice, caseId: string): ShareChoice => ({ ...choice, expiry: { ...choice.expiry, caseId } });
export const setExpiryCap = (choice: ShareChoice, maxDays: CaseCapDays): ShareChoice => ({ ...choice, expiry: { ...choice.expiry, maxDays } });

/** The last `count` whole months before today's, as YYYY-MM from–to. */
export function lastMonths(count: number, today: string): { from: string; to: string } {
  let from = today.slice(0, 7);
  for (let i = 0; i < count; i++) from = previousMonth(from);
  return { from, to: previousMonth(today.slice(0, 7)) };
}

const healthRecordsEmpty = (h: HealthRecordsChoice): boolean => h.metrics.size === 0 && !h.observations && h.clinical.size === 0;

function caseItem(caseId: string, chosen: CaseChoice): SelectionItem {
  const parts = CASE_PARTS.filter((p) => chosen.parts.has(p));
  const picked = CASE_PARTS.filter((p) => !chosen.parts.has(p) && (chosen.picked.get(p)?.size ?? 0) > 0);
  if (picked.length === 0) return { type: 'case', caseId, parts };
  return { type: 'case', caseId, parts, only: Object.fromEntries(picked.map((p) => [p, [...(chosen.picked.get(p) ?? [])].sort()])) };
}

/** What the choice asks to leave, item by item, in a fixed order (periods end today). */
export function selectionOf(data: DataChoice, today: string): SelectionItem[] {
  const items: SelectionItem[] = [];
  for (const noteId of data.notes) items.push({ type: 'note', noteId });
  for (const [caseId, chosen] of data.cases) items.push(caseItem(caseId, chosen));
  for (const caseId of data.caseSummaries) items.push({ type: 'case-summary', caseId });
  if (data.foodBudget) items.push({ type: 'food-budget', months: data.foodBudget });
  if (data.spending) items.push({ type: 'monthly-spending', ...lastMonths(data.spending, today) });
  const tx = data.transactions;
  if (tx) {
    const from = `${lastMonths(tx.months, today).from}-01`;
    items.push({ type: 'transactions', from, to: today, categories: [...tx.categories].sort(), fields: TRANSACTION_FIELDS.filter((f) => tx.fields.has(f)) });
  }
  const summaryFrom = `${lastMonths(HEALTH_SUMMARY_MONTHS, today).from}-01`;
  for (const metric of data.health) items.push({ type: 'health-summary', kind: metric, from: summaryFrom, to: today });
  const hr = data.healthRecords;
  if (hr && !healthRecordsEmpty(hr)) {
    const from = `${lastMonths(hr.months, today).from}-01`;
    items.push({
      type: 'health-records',
      from,
      to: today,
      metrics: [...hr.metrics].sort(),
      observations: hr.observations,
      clinical: CLINICAL_TYPES.filter((c) => hr.clinical.has(c)),
    });
  }
  for (const attachmentId of data.attachments) items.push({ type: 'attachment', attachmentId });
  return items;
}

export function expiryOf(expiry: ExpiryChoice): ShareExpiry {
  return expiry.kind === 'date' ? { kind: 'date', date: expiry.date } : { kind: 'until-case', caseId: expiry.caseId, maxDays: expiry.maxDays };
}

/** The share the citizen is asked to approve (the profile is added by the caller). */
export function requestOf(choice: ShareChoice, today: string): { recipientId: string; purpose: string; selection: ShareSelection; expiry: ShareExpiry } {
  return {
    recipientId: choice.recipientId,
    purpose: choice.purpose.trim(),
    selection: { items: selectionOf(choice.data, today) },
    expiry: expiryOf(choice.expiry),
  };
}

/** Why the wizard cannot go on; each is the name of its message under `sharing.wizard.`. */
export const PROBLEMS = [
  'recipientMissing',
  'purposeMissing',
  'healthRecordsMissing',
  'dataMissing',
  'fieldsMissing',
  'expiryMissing',
  'expiryCaseLabel',
] as const;
export type Problem = (typeof PROBLEMS)[number];

/** What stops the citizen going on from `step`, or null. */
export function problemAt(step: Step, choice: ShareChoice, context: { recipientIds: readonly string[]; today: string }): Problem | null {
  const { data, expiry } = choice;
  switch (step) {
    case 'recipient':
      return context.recipientIds.includes(choice.recipientId) ? null : 'recipientMissing';
    case 'purpose':
      return choice.purpose.trim() === '' ? 'purposeMissing' : null;
    case 'data':
      if (data.healthRecords && healthRecordsEmpty(data.healthRecords)) return 'healthRecordsMissing';
      if (selectionOf(data, context.today).length === 0) return 'dataMissing';
      if (data.transactions && data.transactions.fields.size === 0) return 'fieldsMissing';
      return null;
    case 'expiry':
      if (expiry.kind === 'date') return expiry.date > context.today ? null : 'expiryMissing';
      return expiry.caseId ? null : 'expiryCaseLabel';
    case 'approve':
    case 'done':
      return null;
  }
}

/** Cases a share can run until: those not closed. */
export const openCases = (options: ShareOptions): ShareOptions['cases'] => options.cases.filter((c) => c.status !== 'closed');

export const offersHealthRecords = (options: ShareOptions): boolean =>
  options.health.length > 0 || options.healthRecords.observations > 0 || options.healthRecords.clinical.length > 0;

/** The profile has nothing the wizard could share. */
export const offersNothing = (options: ShareOptions): boolean =>
  options.notes.length === 0 && options.cases.length === 0 && !options.transactions && !offersHealthRecords(options) && options.attachments.length === 0;
