/**
 * Standard-format copies of what a share carries, for receivers that read standard files rather
 * than data.json: the raw transactions as CSV (the Danish spreadsheet dialect) and as OFX 1.02,
 * a case's appointments and deadlines as iCalendar, health data as imported as a FHIR R4
 * Bundle, and file names for documents that go as their files. The copies are made from
 * data.json's own entries, never from the vault's records, so a copy cannot hold a field the
 * citizen left out (no account unless chosen, no balance or bank id, no device that measured a
 * step). Pure.
 */
import {
  activitiesToICalendar,
  CLINICAL_RESOURCE_TYPES,
  healthToFhirBundle,
  OBSERVATION_STATISTICS,
  OBSERVATION_STATUSES,
  STANDARD_MEDIA_TYPES,
  textFile,
  transactionsToCsv,
  transactionsToOfx,
  type BundleFile,
  type StandardActivity,
  type StandardClinical,
  type StandardObservation,
  type StandardTransaction,
} from '../bundle/index';
import { LOINC_SYSTEM, loincName } from '../records/health/loinc';
import { METRICS } from '../records/health/metrics';
import type { HealthMetric } from '../records/health/types';
import { addDays, danishDay, isEndOfDanishDay } from '../shared/danish-time';
import type { HealthRecords } from './derived';

export const TRANSACTION_COPY_PATHS = { csv: 'files/transactions.csv', ofx: 'files/transactions.ofx' } as const;
export const ACTIVITIES_COPY_PATH = 'files/activities.ics';
export const HEALTH_COPY_PATH = 'files/health.fhir.json';
export const DOCUMENTS_DIR = 'files/documents/';

/** One `transactions` entry of data.json, as buildShare writes it. */
interface TransactionsEntry {
  fields: readonly string[];
  rows: readonly { date?: string; amountMinor?: number; currency?: string; text?: string; category?: string; account?: string }[];
}

/**
 * The rows of every `transactions` entry whose fields include date and amount (a bank file
 * without either says nothing), in data.json's order; the text is empty when it was not chosen,
 * and the category and account (the account's number, or the citizen's name for it) are there
 * when they were.
 */
export function copyableTransactions(data: Record<string, unknown>): StandardTransaction[] {
  const entries = (data.transactions ?? []) as readonly TransactionsEntry[];
  return entries
    .filter((entry) => entry.fields.includes('date') && entry.fields.includes('amount'))
    .flatMap((entry) =>
      entry.rows.map((row) => ({
        date: row.date!,
        amountMinor: row.amountMinor!,
        currency: row.currency!,
        text: row.text ?? '',
        ...(row.category ? { category: row.category } : {}),
        ...(row.account ? { account: row.account } : {}),
      })),
    );
}

// ---------------------------------------------------------------------------------------------
// Activities

/** An activity of data.json's `cases[].activities`: the municipality's record as signed (src/municipal/api/schemas.ts). */
interface ActivityEntry {
  id: string;
  kind: 'appointment' | 'deadline';
  title: string;
  description?: string;
  status: string;
  changeUrl?: string;
  startsAt?: string;
  endsAt?: string;
  location?: { name: string; address?: string; room?: string };
  dueAt?: string;
  action?: string;
}

export { isEndOfDanishDay };

function activityOf(caseId: string, a: ActivityEntry): StandardActivity {
  const common = {
    id: `${caseId}.${a.id}`,
    title: a.title,
    ...(a.changeUrl ? { url: a.changeUrl } : {}),
    status: a.status === 'cancelled' ? ('CANCELLED' as const) : ('CONFIRMED' as const),
  };
  if (a.kind === 'deadline') {
    const description = [a.action, a.description].filter(Boolean).join('\n');
    const due = a.dueAt!;
    const day = danishDay(due);
    return {
      ...common,
      ...(isEndOfDanishDay(due) ? { start: day, end: addDays(day, 1) } : { start: due }),
      ...(description ? { description } : {}),
      categories: ['Frist'],
    };
  }
  const start = a.startsAt!;
  const where = a.location ? [a.location.name, a.location.room, a.location.address].filter(Boolean).join(', ') : '';
  return {
    ...common,
    start,
    // An end before the start says nothing; the event is then a moment, as one without an end.
    ...(a.endsAt && Date.parse(a.endsAt) > Date.parse(start) ? { end: a.endsAt } : {}),
    ...(where ? { location: where } : {}),
    ...(a.description ? { description: a.description } : {}),
    categories: ['Aftale'],
  };
}

/** A decision of data.json's `cases[].decisions`, as far as its last day to appeal goes. */
interface DecisionEntry {
  id: string;
  title: string;
  appeal?: { deadline: string; body: string; submitTo: string; url?: string };
}

/** The last day to appeal a decision: a whole day, as the decision states it (klagefrist). */
function appealDayOf(caseId: string, d: DecisionEntry & { appeal: NonNullable<DecisionEntry['appeal']> }): StandardActivity {
  return {
    id: `${caseId}.${d.id}.appeal`,
    title: `Klagefrist: ${d.title}`,
    start: d.appeal.deadline,
    end: addDays(d.appeal.deadline, 1),
    description: `Klagen sendes til ${d.appeal.submitTo}. ${d.appeal.body} afgør den.`,
    ...(d.appeal.url ? { url: d.appeal.url } : {}),
    status: 'CONFIRMED',
    categories: ['Frist', 'Klagefrist'],
  };
}

/**
 * Every appointment and deadline of every shared case (`cases[].activities`), then the last day
 * to appeal each shared decision that can be appealed (`cases[].decisions[].appeal`), in
 * data.json's order. Case systems often list the appeal deadline as an activity too: a day
 * that already has one of the case's deadlines gets no second event, as on the calendar page.
 */
export function copyableActivities(data: Record<string, unknown>): StandardActivity[] {
  const cases = (data.cases ?? []) as readonly { case: { id: string }; activities?: readonly ActivityEntry[]; decisions?: readonly DecisionEntry[] }[];
  return cases.flatMap((entry) => {
    const activities = entry.activities ?? [];
    const deadlineDays = new Set(activities.filter((a) => a.kind === 'deadline' && a.dueAt).map((a) => danishDay(a.dueAt!)));
    return [
      ...activities.map((a) => activityOf(entry.case.id, a)),
      ...(entry.decisions ?? []).flatMap((d) =>
        d.appeal && !deadlineDays.has(d.appeal.deadline) ? [appealDayOf(entry.case.id, { ...d, appeal: d.appeal })] : [],
      ),
    ];
  });
}

// ---------------------------------------------------------------------------------------------
// Health

/** How each measure's day goes into FHIR: its LOINC code (when one fits a day's figure), category and UCUM unit. */
const DAILY_FHIR: Partial<Record<string, { loinc?: string; category?: string; ucum?: string }>> = {
  steps: { loinc: '41950-7', category: 'activity', ucum: '{steps}' },
  distance: { category: 'activity' },
  'active-energy': { category: 'activity' },
  sleep: { category: 'activity' },
  weight: { loinc: '29463-7', category: 'vital-signs' },
  height: { loinc: '8302-2', category: 'vital-signs' },
  'heart-rate': { loinc: '8867-4', category: 'vital-signs' },
  'resting-heart-rate': { loinc: '40443-4', category: 'vital-signs' },
  'blood-pressure-systolic': { loinc: '8480-6', category: 'vital-signs' },
  'blood-pressure-diastolic': { loinc: '8462-4', category: 'vital-signs' },
  'oxygen-saturation': { loinc: '59408-5', category: 'vital-signs' },
  'body-temperature': { loinc: '8310-5', category: 'vital-signs' },
  'blood-glucose': { loinc: '15074-8' },
};
const BLOOD_PRESSURE_PANEL = '85354-9';

type Daily = NonNullable<HealthRecords['daily']>[number];

function dailyName(metric: string, type: string | undefined, loinc: string | undefined): { da: string; en: string } {
  const named = loinc ? loincName(loinc) : undefined;
  if (named) return named;
  if (metric !== 'other' && Object.hasOwn(METRICS, metric)) return METRICS[metric as HealthMetric].label;
  return { da: type ?? metric, en: type ?? metric };
}

const dailyCode = (loinc: string | undefined) => (loinc ? { system: LOINC_SYSTEM, code: loinc } : {});
const dailyValue = (value: number, unit: string, ucum: string | undefined) => ({ number: value, unit, ...(ucum ? { ucum } : {}) });

/**
 * A day that is the mean of its readings (it has a lowest and highest; a total has neither):
 * says so in the name and method, and carries the lowest and highest as components.
 */
function dayStatistics(
  day: { min?: number; max?: number },
  name: { da: string; en: string },
  unit: string,
  ucum: string | undefined,
): Partial<StandardObservation> {
  if (day.min === undefined || day.max === undefined) return {};
  const bound = (code: 'minimum' | 'maximum', da: string, en: string, v: number) => ({
    name: { da, en },
    code: { system: OBSERVATION_STATISTICS, code },
    value: dailyValue(v, unit, ucum),
  });
  return {
    name: { da: `${name.da}, dagens gennemsnit`, en: `${name.en}, daily mean` },
    statistic: 'average',
    components: [bound('minimum', 'Dagens laveste', 'Lowest of the day', day.min), bound('maximum', 'Dagens højeste', 'Highest of the day', day.max)],
  };
}

/** One observation per day of each measure; a day with both blood pressure numbers is one panel. */
function dailyObservations(daily: readonly Daily[]): StandardObservation[] {
  const systolic = daily.find((g) => g.metric === 'blood-pressure-systolic');
  const diastolic = daily.find((g) => g.metric === 'blood-pressure-diastolic');
  const dia = new Map((diastolic?.days ?? []).map((d) => [d.date, d]));
  const paired = new Set((systolic?.days ?? []).filter((d) => dia.has(d.date)).map((d) => d.date));
  const out: StandardObservation[] = [];
  daily.forEach((g, n) => {
    const fhir = DAILY_FHIR[g.metric] ?? {};
    const isPressure = g === systolic || g === diastolic;
    for (const day of g.days) {
      if (isPressure && paired.has(day.date)) {
        if (g !== systolic) continue;
        const other = dia.get(day.date)!;
        const component = (metric: string, d: { value: number }, unit: string) => {
          const loinc = DAILY_FHIR[metric]!.loinc;
          return { name: dailyName(metric, undefined, loinc), code: dailyCode(loinc), value: dailyValue(d.value, unit, undefined) };
        };
        out.push({
          id: `blood-pressure-${day.date}`,
          status: 'final',
          name: dailyName('blood-pressure', undefined, BLOOD_PRESSURE_PANEL),
          code: dailyCode(BLOOD_PRESSURE_PANEL),
          category: 'vital-signs',
          effective: day.date,
          components: [component(g.metric, day, g.unit), component(diastolic!.metric, other, diastolic!.unit)],
        });
        continue;
      }
      const name = dailyName(g.metric, g.type, fhir.loinc);
      out.push({
        id: g.metric === 'other' ? `other-${n}-${day.date}` : `${g.metric}-${day.date}`,
        status: 'final',
        name,
        code: dailyCode(fhir.loinc),
        ...(fhir.category ? { category: fhir.category } : {}),
        effective: day.date,
        value: dailyValue(day.value, g.unit, fhir.ucum),
        ...dayStatistics(day, name, g.unit, fhir.ucum),
      });
    }
  });
  return out;
}

/** Everything of data.json's `healthRecords` entries, as FHIR resources (each id once). */
export function copyableHealth(data: Record<string, unknown>): { observations: StandardObservation[]; clinical: StandardClinical[] } {
  const entries = (data.healthRecords ?? []) as readonly HealthRecords[];
  const observations = new Map<string, StandardObservation>();
  const clinical = new Map<string, StandardClinical>();
  const types = new Set<string>(CLINICAL_RESOURCE_TYPES);
  for (const entry of entries) {
    const imported = (entry.observations ?? []).map((o) => ({ ...o, status: OBSERVATION_STATUSES.has(o.status) ? o.status : 'unknown' }));
    for (const o of [...dailyObservations(entry.daily ?? []), ...imported]) if (!observations.has(o.id)) observations.set(o.id, o);
    for (const c of entry.clinical ?? []) {
      const key = `${c.resourceType}/${c.id}`;
      if (types.has(c.resourceType) && !clinical.has(key)) clinical.set(key, c as StandardClinical);
    }
  }
  return { observations: [...observations.values()], clinical: [...clinical.values()] };
}

// ---------------------------------------------------------------------------------------------
// Documents

const FOLD: Readonly<Record<string, string>> = { æ: 'ae', ø: 'oe', å: 'aa', Æ: 'Ae', Ø: 'Oe', Å: 'Aa', ß: 'ss' };

/**
 * A path under files/documents/ for a document: its name in plain ASCII letters, digits, `.`,
 * `-` and `_` (æ → ae, ø → oe, å → aa, accents dropped), at most 80 characters, with a number
 * added when `taken` already holds it. Adds the path to `taken`.
 * @param extension without the dot; anything but 1–10 letters and digits becomes `bin`
 */
export function documentPath(name: string, extension: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[æøåÆØÅß]/g, (c) => FOLD[c]!)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^[-._]+|[-._]+$/g, '')
      .slice(0, 80)
      .replace(/[-._]+$/, '') || 'dokument';
  const ext = /^[A-Za-z0-9]{1,10}$/.test(extension) ? extension.toLowerCase() : 'bin';
  let path = `${DOCUMENTS_DIR}${base}.${ext}`;
  for (let n = 2; taken.has(path); n++) path = `${DOCUMENTS_DIR}${base}-${n}.${ext}`;
  taken.add(path);
  return path;
}

// ---------------------------------------------------------------------------------------------

/**
 * The standard copies of data.json, each only when data.json holds something for it:
 * `files/transactions.csv` and `.ofx` (transactions with dates and amounts),
 * `files/activities.ics` (appointments and deadlines of shared cases) and
 * `files/health.fhir.json` (health data as imported). Derived views get none.
 * @param now the OFX file's server time, the iCalendar DTSTAMP and the FHIR Bundle's timestamp
 */
export function standardCopies(data: Record<string, unknown>, now: Date): BundleFile[] {
  const files: BundleFile[] = [];
  const rows = copyableTransactions(data);
  if (rows.length > 0) {
    files.push(
      textFile(TRANSACTION_COPY_PATHS.csv, STANDARD_MEDIA_TYPES.csv, transactionsToCsv(rows, { dialect: 'danish' })),
      textFile(TRANSACTION_COPY_PATHS.ofx, STANDARD_MEDIA_TYPES.ofx, transactionsToOfx(rows, { now })),
    );
  }
  const activities = copyableActivities(data);
  if (activities.length > 0) {
    files.push(textFile(ACTIVITIES_COPY_PATH, STANDARD_MEDIA_TYPES.ics, activitiesToICalendar(activities, { now, name: 'Handlerum – aftaler og frister' })));
  }
  const health = copyableHealth(data);
  if (health.observations.length + health.clinical.length > 0) {
    files.push(
      textFile(HEALTH_COPY_PATH, STANDARD_MEDIA_TYPES.fhir, JSON.stringify(healthToFhirBundle(health.observations, { now, clinical: health.clinical }))),
    );
  }
  return files;
}
