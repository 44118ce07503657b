/**
 * Derived views: what a recipient gets instead of raw data. Pure functions over record data;
 * amounts stay in integer øre. Spending is money going out (negative amounts), shown positive;
 * pending rows are left out, since the bank may still change them.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { isFhirId } from '../bundle/standard/fhir';
import { isCumulative } from '../records/health/metrics';
import type { HealthMetric } from '../records/health/types';
import { SharingError } from './errors';
import type { healthClinicalKind, healthObservationKind } from '../records/health/index';
import type { KindData } from '../records/kind';
import type { bankAccountKind, Transaction } from '../records/money/index';
import type { MunicipalSignatureData } from '../records/municipal/index';

/** The fields of a bank-transaction record the views read. */
export type TransactionFields = Pick<Transaction, 'date' | 'amountMinor' | 'currency' | 'category' | 'pending'>;

export const FOOD_CATEGORY = 'groceries';

const monthOf = (date: string): string => date.slice(0, 7);

/** Every month from `from` to `to` inclusive (YYYY-MM). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) ((m = 1), y++);
    if (out.length > 600) throw new RangeError('monthsBetween: more than 50 years');
  }
  return out;
}

/** The `count` whole months before the month of `asOf` (YYYY-MM-DD), oldest first. */
export function lastFullMonths(asOf: string, count: number): string[] {
  let [y, m] = asOf.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    if (--m < 1) ((m = 12), y--);
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

const spent = (t: TransactionFields): number => (t.pending || t.amountMinor >= 0 ? 0 : -t.amountMinor);

export interface MonthlySpending {
  view: 'monthly-spending-per-category';
  currency: string;
  months: { month: string; totalMinor: number; byCategory: Record<string, number> }[];
}

/** Money out per month and category, for every month from `from` to `to` (empty months included). */
export function monthlySpendingPerCategory(transactions: readonly TransactionFields[], from: string, to: string, currency = 'DKK'): MonthlySpending {
  const months = monthsBetween(from, to).map((month) => ({ month, totalMinor: 0, byCategory: {} as Record<string, number> }));
  const index = new Map(months.map((m) => [m.month, m]));
  for (const t of transactions) {
    const row = index.get(monthOf(t.date));
    const amount = spent(t);
    if (!row || amount === 0 || t.currency !== currency) continue;
    row.totalMinor += amount;
    row.byCategory[t.category] = (row.byCategory[t.category] ?? 0) + amount;
  }
  return { view: 'monthly-spending-per-category', currency, months };
}

export interface FoodBudget {
  view: 'monthly-food-budget';
  category: string;
  currency: string;
  months: { month: string; spentMinor: number }[];
  /** Rounded to whole øre. */
  averageMinor: number;
  last3: { month: string; spentMinor: number }[];
  last3AverageMinor: number;
}

/** Groceries spending in each of the `monthCount` whole months before `asOf`, their average, and the last three. */
export function monthlyFoodBudget(transactions: readonly TransactionFields[], monthCount: number, asOf: string, currency = 'DKK'): FoodBudget {
  if (!Number.isInteger(monthCount) || monthCount < 1) throw new RangeError('monthlyFoodBudget: monthCount must be a positive integer');
  const months = lastFullMonths(asOf, monthCount).map((month) => ({ month, spentMinor: 0 }));
  const index = new Map(months.map((m) => [m.month, m]));
  for (const t of transactions) {
    if (t.category !== FOOD_CATEGORY || t.currency !== currency) continue;
    const row = index.get(monthOf(t.date));
    if (row) row.spentMinor += spent(t);
  }
  const average = (rows: { spentMinor: number }[]) => (rows.length ? Math.round(rows.reduce((s, r) => s + r.spentMinor, 0) / rows.length) : 0);
  const last3 = months.slice(-3);
  return { view: 'monthly-food-budget', category: FOOD_CATEGORY, currency, months, averageMinor: average(months), last3, last3AverageMinor: average(last3) };
}

/** The fields of a bank-account record a share reads: the citizen's name for it and its number or IBAN. */
export type AccountFields = Pick<KindData<typeof bankAccountKind>, 'label' | 'accountNumber'>;

/**
 * An account as a share names it: `id` is its number when known, else the citizen's name for
 * it, made unique in the entry; rows name their account by it.
 */
export interface SharedAccount {
  id: string;
  name: string;
  number?: string;
}

/** The accounts of the chosen rows, by bank-account record id, in the order their first row comes. */
function sharedAccounts(rows: readonly { accountId?: string }[], accounts: ReadonlyMap<string, AccountFields>): Map<string, SharedAccount> {
  const out = new Map<string, SharedAccount>();
  const taken = new Set<string>();
  for (const { accountId = '' } of rows) {
    if (out.has(accountId)) continue;
    const record = accounts.get(accountId);
    const name = record?.label ?? `Konto ${out.size + 1}`;
    const base = record?.accountNumber ?? name;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base} (${n})`;
    taken.add(id);
    out.set(accountId, { id, name, ...(record?.accountNumber !== undefined ? { number: record.accountNumber } : {}) });
  }
  return out;
}

/**
 * Transactions in a period, optionally some categories, with only the chosen fields. With the
 * `account` field, each row names its account (`account`, an id of `accounts`), and `accounts`
 * lists those accounts, and only those, with their names and numbers.
 */
export function selectTransactions(
  transactions: readonly (TransactionFields & { text: string; accountId?: string })[],
  options: { from: string; to: string; categories: readonly string[]; fields: readonly ('date' | 'amount' | 'text' | 'category' | 'account')[] },
  accounts: ReadonlyMap<string, AccountFields> = new Map(),
): { rows: Record<string, unknown>[]; accounts?: SharedAccount[] } {
  const wanted = new Set(options.categories);
  const chosen = transactions
    .filter((t) => t.date >= options.from && t.date <= options.to && !t.pending && (wanted.size === 0 || wanted.has(t.category)))
    .sort((a, b) => a.date.localeCompare(b.date));
  const shared = options.fields.includes('account') ? sharedAccounts(chosen, accounts) : undefined;
  const rows = chosen.map((t) => {
    const row: Record<string, unknown> = {};
    if (options.fields.includes('date')) row.date = t.date;
    if (options.fields.includes('amount')) ((row.amountMinor = t.amountMinor), (row.currency = t.currency));
    if (options.fields.includes('text')) row.text = t.text;
    if (options.fields.includes('category')) row.category = t.category;
    if (shared) row.account = shared.get(t.accountId ?? '')!.id;
    return row;
  });
  return shared ? { rows, accounts: [...shared.values()] } : { rows };
}

/** The fields of a health-daily record the summary reads; it takes any metric name, so it is wider than the record's type. */
export interface HealthMonthLike {
  type: string;
  metric: string;
  unit: string;
  month: string;
  days: { date: string; count: number; sum: number; min: number; max: number; mean: number }[];
}

export interface HealthSummary {
  view: 'health-summary';
  metric: string;
  unit: string;
  months: { month: string; days: number; mean: number; min: number; max: number; total: number }[];
}

/** One metric per month over a period (days from `from` to `to`): days with data, mean of daily means, min, max, total. */
export function healthSummary(months: readonly HealthMonthLike[], metric: string, from: string, to: string): HealthSummary {
  const rows = new Map<string, { days: number; meanSum: number; min: number; max: number; total: number }>();
  let unit = '';
  for (const m of months) {
    if (m.metric !== metric) continue;
    unit ||= m.unit;
    for (const d of m.days) {
      if (d.date < from || d.date > to || d.count === 0) continue;
      const row = rows.get(m.month) ?? { days: 0, meanSum: 0, min: Infinity, max: -Infinity, total: 0 };
      row.days++;
      row.meanSum += d.mean;
      row.min = Math.min(row.min, d.min);
      row.max = Math.max(row.max, d.max);
      row.total += d.sum;
      rows.set(m.month, row);
    }
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    view: 'health-summary',
    metric,
    unit,
    months: [...rows.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, r]) => ({ month, days: r.days, mean: round(r.meanSum / r.days), min: r.min, max: r.max, total: round(r.total) })),
  };
}

/** A stored municipal record: the resource as received and where it came from. */
export interface MunicipalStored {
  record: Record<string, unknown> & { type: string; id: string; version: number };
  provenance: { origin: string; signatureId: string; digest: string };
}

/** The fields of a municipal-signature record a share copies. */
export type SignatureFields = Pick<MunicipalSignatureData, 'origin' | 'jws' | 'kid'>;

export interface MunicipalProvenance {
  attestedBy: 'municipality';
  source: string;
  origin: string;
  jws: string;
  kid: string;
  records: { type: string; id: string; version: number; sha256: string }[];
}

export interface CaseMaterial {
  data: {
    case: Record<string, unknown>;
    decisions: Record<string, unknown>[];
    documents: Record<string, unknown>[];
    payments: Record<string, unknown>[];
    activities: Record<string, unknown>[];
  };
  /** One entry per page signature, listing the shared records it covers. */
  provenance: MunicipalProvenance[];
}

/**
 * A case with the chosen parts, each record exactly as the municipality signed it, and the page
 * signatures that prove them (with every record's digest, so a receiver can check each one).
 * @throws {Error} when a record's page signature is missing (the material could not be proven)
 */
export function caseMaterial(
  parts: { case: MunicipalStored; decisions: MunicipalStored[]; documents: MunicipalStored[]; payments: MunicipalStored[]; activities: MunicipalStored[] },
  signatures: ReadonlyMap<string, SignatureFields>,
  municipalityName: (origin: string) => string,
): CaseMaterial {
  const groups = new Map<string, MunicipalProvenance>();
  const cover = (stored: MunicipalStored) => {
    const id = stored.provenance.signatureId;
    let group = groups.get(id);
    if (!group) {
      const sig = signatures.get(id);
      if (!sig) throw new SharingError('selection-unavailable', 'a record lacks its page signature');
      group = { attestedBy: 'municipality', source: municipalityName(sig.origin), origin: sig.origin, jws: sig.jws, kid: sig.kid, records: [] };
      groups.set(id, group);
    }
    group.records.push({ type: stored.record.type, id: stored.record.id, version: stored.record.version, sha256: stored.provenance.digest });
    return stored.record;
  };
  return {
    data: {
      case: cover(parts.case),
      decisions: parts.decisions.map(cover),
      documents: parts.documents.map(cover),
      payments: parts.payments.map(cover),
      activities: parts.activities.map(cover),
    },
    provenance: [...groups.values()],
  };
}

/** The fields of a health-observation record a share reads (an imported FHIR observation, kept under its FHIR id). */
export type ObservationFields = Omit<KindData<typeof healthObservationKind>, 'origin'>;

/** The fields of a health-clinical record a share reads. */
export type ClinicalFields = Omit<KindData<typeof healthClinicalKind>, 'origin'>;

export interface HealthRecords {
  from: string;
  to: string;
  /** Each day's figure: a total (steps) or the mean of the day's readings with the lowest and highest. */
  daily?: { metric: string; type?: string; unit: string; days: { date: string; value: number; min?: number; max?: number }[] }[];
  observations?: (Omit<ObservationFields, 'fhirId'> & { id: string })[];
  clinical?: (Omit<ClinicalFields, 'fhirId'> & { id: string })[];
}

/** A FHIR id for a record: the source's own when it is one, else a digest of it (the same in every share). */
const fhirIdOf = (id: string, prefix: string): string => (isFhirId(id) ? id : `${prefix}-${bytesToHex(sha256(utf8ToBytes(id))).slice(0, 32)}`);

/**
 * Health data as imported, for one `health-records` choice: the chosen measures' days in the
 * period (without the names of the devices that measured them), the observations dated in the
 * period, and every clinical item of the chosen kinds. Only the chosen parts are members.
 */
export function selectHealthRecords(
  sources: { daily: readonly HealthMonthLike[]; observations: readonly ObservationFields[]; clinical: readonly ClinicalFields[] },
  options: { from: string; to: string; metrics: readonly string[]; observations: boolean; clinical: readonly string[] },
): HealthRecords {
  const out: HealthRecords = { from: options.from, to: options.to };
  const inPeriod = (date: string) => date >= options.from && date <= options.to;
  if (options.metrics.length > 0) {
    const groups = new Map<string, NonNullable<HealthRecords['daily']>[number]>();
    for (const m of sources.daily) {
      if (!options.metrics.includes(m.metric)) continue;
      const key = `${m.metric}\u0000${m.metric === 'other' ? m.type : ''}\u0000${m.unit}`;
      const group = groups.get(key) ?? { metric: m.metric, ...(m.metric === 'other' ? { type: m.type } : {}), unit: m.unit, days: [] };
      for (const d of m.days) {
        if (!inPeriod(d.date) || d.count === 0) continue;
        group.days.push(
          isCumulative(m.type, m.metric as HealthMetric) ? { date: d.date, value: d.sum } : { date: d.date, value: d.mean, min: d.min, max: d.max },
        );
      }
      groups.set(key, group);
    }
    out.daily = [...groups.values()]
      .filter((g) => g.days.length > 0)
      .map((g) => ({ ...g, days: g.days.sort((a, b) => a.date.localeCompare(b.date)) }))
      .sort((a, b) => options.metrics.indexOf(a.metric) - options.metrics.indexOf(b.metric) || (a.type ?? '').localeCompare(b.type ?? ''));
  }
  if (options.observations) {
    out.observations = sources.observations
      .filter((o) => o.effective !== undefined && inPeriod(o.effective.slice(0, 10)))
      .sort((a, b) => a.effective!.localeCompare(b.effective!) || a.fhirId.localeCompare(b.fhirId))
      .map((o) => ({
        id: fhirIdOf(o.fhirId, 'obs'),
        status: o.status,
        name: o.name,
        code: o.code,
        ...(o.category !== undefined ? { category: o.category } : {}),
        ...(o.effective !== undefined ? { effective: o.effective } : {}),
        ...(o.value !== undefined ? { value: o.value } : {}),
        ...(o.components !== undefined ? { components: o.components } : {}),
      }));
  }
  if (options.clinical.length > 0) {
    out.clinical = sources.clinical
      .filter((c) => options.clinical.includes(c.resourceType))
      .sort(
        (a, b) =>
          options.clinical.indexOf(a.resourceType) - options.clinical.indexOf(b.resourceType) ||
          (a.date ?? '').localeCompare(b.date ?? '') ||
          a.fhirId.localeCompare(b.fhirId),
      )
      .map((c) => ({
        id: fhirIdOf(c.fhirId, c.resourceType.toLowerCase()),
        resourceType: c.resourceType,
        title: c.title,
        ...(c.status !== undefined ? { status: c.status } : {}),
        ...(c.intent !== undefined ? { intent: c.intent } : {}),
        ...(c.date !== undefined ? { date: c.date } : {}),
        ...(c.detail !== undefined ? { detail: c.detail } : {}),
      }));
  }
  return out;
}
