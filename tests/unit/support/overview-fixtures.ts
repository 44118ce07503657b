/** Small, schema-checked municipal records for the overview's unit tests. */
import { AccessLogEntry, Activity, Case, Decision, Document, Payment } from '../../../src/municipal/api/schemas';
import { OVERVIEW_KINDS } from '../../../src/overview/from-records';
import type { Item, OverviewData } from '../../../src/overview/model';
import type { WriteOp } from '../../../src/vault/record-store';

export const ORIGIN = 'http://127.0.0.1:8787';
const base = (id: string) => ({ id, version: 1, updatedAt: '2026-03-01T09:00:00+01:00' });
const authority = { name: 'Vesterå Kommune' };
const item = <T>(record: T & { id: string }, origin = ORIGIN): Item<T> => ({ vaultId: `v-${record.id}`, origin, record });

export const cashCase = Case.parse({
  type: 'case',
  ...base('case-cash'),
  caseNumber: '2026-0001',
  title: 'Ansøgning om hjælp til forsørgelse',
  kle: { code: '32.24.04', title: 'Hjælp til forsørgelse (kontanthjælp mv.)' },
  status: 'decided',
  statusHistory: [
    { status: 'received', at: '2026-01-05T10:00:00+01:00' },
    { status: 'decided', at: '2026-01-20T12:00:00+01:00', note: 'Afgjort' },
  ],
  openedAt: '2026-01-05',
  authority,
  unit: { name: 'Ydelsesteamet' },
  caseworker: {
    name: 'Sanne Holm',
    role: 'Sagsbehandler',
    channels: [
      { kind: 'phone', value: '+45 11 22 33 44' },
      { kind: 'email', value: 'sanne@vestera.example' },
    ],
  },
  representatives: [],
});
export const closedCase = Case.parse({
  ...cashCase,
  id: 'case-closed',
  caseNumber: '2025-0009',
  title: 'Enkeltudgift',
  kle: { code: '32.18.08', title: 'Enkeltudgifter' },
  status: 'closed',
  statusHistory: [{ status: 'closed', at: '2025-06-01T10:00:00+02:00' }],
  caseworker: undefined,
});
export const decision = Decision.parse({
  type: 'decision',
  ...base('dec-1'),
  caseId: 'case-cash',
  decidedAt: '2026-01-20',
  title: 'Afgørelse om kontanthjælp',
  outcome: 'granted',
  outcomeText: 'Du får kontanthjælp.',
  legalBasis: ['Lov om aktiv socialpolitik § 11'],
  basis: [
    { kind: 'document', documentId: 'doc-1', description: 'Din ansøgning' },
    { kind: 'register', register: 'eIndkomst', description: 'Indkomst' },
  ],
  appeal: { deadline: '2026-03-20', body: 'Ankestyrelsen', submitTo: 'Vesterå Kommune', howTo: 'Skriv til kommunen inden fristen.' },
});
export const payment = (id: string, payoutDate: string, ore: number, status: 'paid' | 'scheduled' | 'withheld' = 'paid') =>
  Payment.parse({
    type: 'payment',
    ...base(id),
    caseId: 'case-cash',
    benefit: { kind: 'cash-benefit', name: 'Kontanthjælp' },
    gross: { ore: ore + 5000, currency: 'DKK' },
    net: { ore, currency: 'DKK' },
    period: { from: payoutDate, to: payoutDate },
    payoutDate,
    status,
    payer: authority,
  });
export const appointment = Activity.parse({
  type: 'activity',
  ...base('act-1'),
  kind: 'appointment',
  title: 'Samtale i jobcentret',
  status: 'planned',
  source: { id: 'jobcenter', name: 'Jobcentrets system', category: 'job-centre' },
  startsAt: '2026-03-10T10:00:00+01:00',
  endsAt: '2026-03-10T11:00:00+01:00',
  location: { name: 'Jobcenter Vesterå', address: 'Torvet 1, 9999 Vesterå' },
  changeUrl: 'https://jobnet.example/aftaler/1',
  caseId: 'case-cash',
});
/** No KLE, no contact, no change link: the usual case for an activity. */
export const deadline = Activity.parse({
  type: 'activity',
  ...base('act-2'),
  kind: 'deadline',
  title: 'Aflevér pasfoto',
  status: 'planned',
  source: { id: 'borgerservice', name: 'Borgerservice', category: 'citizen-service' },
  dueAt: '2026-03-05T23:59:00+01:00',
});
export const cancelled = Activity.parse({ ...appointment, id: 'act-3', status: 'cancelled', startsAt: '2026-03-11T10:00:00+01:00', endsAt: undefined });
export const document = Document.parse({
  type: 'document',
  ...base('doc-1'),
  kind: 'document',
  caseId: 'case-cash',
  title: 'Ansøgning om kontanthjælp',
  date: '2026-02-20',
  direction: 'incoming',
  content: { format: 'text', text: 'Jeg søger om hjælp. Café på Åboulevarden.' },
});
export const logEntry = AccessLogEntry.parse({
  type: 'access-log-entry',
  ...base('log-1'),
  at: '2026-02-01T08:30:00+01:00',
  actor: { name: 'Sanne Holm', role: 'Sagsbehandler' },
  unit: { name: 'Ydelsesteamet' },
  system: 'KMD Nexus',
  action: 'viewed',
  what: 'Dine indkomstoplysninger',
  reason: 'Behandling af din ansøgning',
  caseId: 'case-cash',
});

export function fixtureData(): OverviewData {
  return {
    cases: [item(cashCase), item(closedCase)],
    decisions: [item(decision)],
    payments: [
      item(payment('pay-1', '2025-12-31', 1_000_000)),
      item(payment('pay-2', '2026-02-27', 1_050_050)),
      item(payment('pay-3', '2026-03-31', 1_050_050, 'scheduled')),
    ],
    activities: [item(appointment), item(deadline), item(cancelled)],
    documents: [item(document)],
    accessLog: [item(logEntry)],
  };
}

/** The write that stores `record` (an item of `list`) as a synced municipal record of `profileId`. */
export const syncedPut = (profileId: string, list: keyof OverviewData, vaultId: string, origin: string, record: unknown): WriteOp => ({
  op: 'put',
  profileId,
  kind: OVERVIEW_KINDS[list].name,
  id: vaultId,
  data: { record, provenance: { origin, signatureId: 'sig-1', digest: 'A'.repeat(43) }, generation: 0 },
});

/** The writes that store every item of `data` as synced municipal records of `profileId`. */
export const syncedOps = (profileId: string, data: OverviewData): WriteOp[] =>
  (Object.keys(data) as (keyof OverviewData)[]).flatMap((list) =>
    (data[list] as Item<unknown>[]).map((item) => syncedPut(profileId, list, item.vaultId, item.origin, item.record)),
  );
