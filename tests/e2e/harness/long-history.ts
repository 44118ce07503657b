/**
 * The rest of a long history, beside the heavy citizen's municipal records: thousands of health
 * measurements, ten years of daily steps, workouts, ten years of bank transactions, and more
 * shares than a page of the ledger holds. Written through the background's message API the way the importers and the share
 * wizard write them, so the views read them as they would read their own.
 */
import type { VaultApi } from './vault-api';

export const LONG_HISTORY = { observations: 2_000, workouts: 300, stepYears: 10, shares: 60, transactions: 5_000 } as const;

/** The most elements a view may build, whatever the history. */
export const MAX_ELEMENTS = 3_000;

/** The benefit paid most often, and how often: a search for it matches more payments than any other. */
export function commonestBenefit(payments: readonly { benefit: { name: string } }[]): [name: string, count: number] {
  const counts = new Map<string, number>();
  for (const p of payments) counts.set(p.benefit.name, (counts.get(p.benefit.name) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]!;
}

const BANK_MAPPING = { delimiter: ';', hasHeader: true, date: 0, text: 1, amount: 2, balance: 3, dateStyle: 'DD.MM.YYYY', decimal: ',' };

const pad = (n: number) => String(n).padStart(2, '0');
const dayAfter = (start: string, days: number) => new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Ten years of daily steps, one record a month, as the Apple Health import stores them. */
function stepMonths(years: number): unknown[] {
  const months: unknown[] = [];
  for (let m = 0; m < years * 12; m++) {
    const month = `${2016 + Math.floor(m / 12)}-${pad((m % 12) + 1)}`;
    const days = [];
    for (let d = 1; d <= 28; d++)
      days.push({ date: `${month}-${pad(d)}`, count: 10, sum: 4_000 + ((m * 31 + d) % 60) * 100, min: 10, max: 900, mean: 400, sources: ['Henriks iPhone'] });
    months.push({ type: 'HKQuantityTypeIdentifierStepCount', metric: 'steps', unit: 'count', month, days });
  }
  return months;
}

/** Writes the health records and makes the shares; returns how many of each the views should list. */
export async function seedLongHistory(
  api: VaultApi,
  profileId: string,
  municipalityUrl: string,
): Promise<{ observations: number; workouts: number; grants: number }> {
  const put = (kind: string, data: unknown) => ({ op: 'put' as const, profileId, kind, data });
  const observations = Array.from({ length: LONG_HISTORY.observations }, (_, i) =>
    put('health-observation', {
      origin: 'fhir-bundle',
      fhirId: `weight-${i}`,
      status: 'final',
      name: { da: 'Vægt', en: 'Body weight' },
      code: { system: 'http://loinc.org', code: '29463-7' },
      category: 'vital-signs',
      effective: `${dayAfter('2016-01-01', i)}T07:30:00+01:00`,
      value: { number: 80 + (i % 50) / 10, unit: 'kg' },
    }),
  );
  const workouts = Array.from({ length: LONG_HISTORY.workouts }, (_, i) => {
    const day = dayAfter('2016-01-01', i * 11);
    return put('health-workout', {
      activity: 'HKWorkoutActivityTypeWalking',
      start: `${day}T10:02:00+01:00`,
      end: `${day}T10:47:00+01:00`,
      durationMinutes: 45,
      distanceKm: 3.4,
      energyKcal: 180,
      source: 'Henriks Apple Watch',
    });
  });
  await api.ok('writeRecords', { ops: [...observations, ...workouts, ...stepMonths(LONG_HISTORY.stepYears).map((m) => put('health-daily', m))] });

  // Ten years of a bank account, as a bank import stores it.
  const importId = 'Xk3v9Qb2T0uYw1aZr5sLmA';
  const [account] = await api.ok('writeRecords', {
    ops: [put('bank-account', { label: 'Lønkonto', accountNumber: '3409-1234567890', formatId: 'mapped', mapping: BANK_MAPPING })],
  });
  const transactions = Array.from({ length: LONG_HISTORY.transactions }, (_, i) => {
    const date = dayAfter('2016-01-01', Math.floor((i * 3650) / LONG_HISTORY.transactions));
    const amountMinor = -(1_000 + ((i * 7919) % 90_000));
    const text = `Dankort-køb Netto Østerbro ${i}`;
    return put('bank-transaction', {
      accountId: account!.id,
      date,
      valueDate: date,
      amountMinor,
      currency: 'DKK',
      text,
      pending: false,
      line: i + 1,
      key: `${date}|${amountMinor}|${text.toLowerCase()}|0`,
      category: 'groceries',
      categoryByCitizen: false,
      importId,
    });
  });
  await api.ok('writeRecords', { ops: transactions });

  // Shares of one note to the municipality, more than a page of the ledger and of the log.
  const [note] = await api.ok('writeRecords', { ops: [put('note', { title: 'Til sagsbehandleren', body: 'Kort note, delt mange gange.' })] });
  const recipient = await api.ok('recipientFetchWellKnown', { profileId, domain: municipalityUrl });
  const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < LONG_HISTORY.shares; i++) {
    await api.ok('shareCreate', {
      profileId,
      recipientId: recipient.id,
      purpose: `Deling nummer ${i + 1}`,
      selection: { items: [{ type: 'note', noteId: note!.id }] },
      expiry: { kind: 'date', date: until },
    });
  }
  return { observations: LONG_HISTORY.observations, workouts: LONG_HISTORY.workouts, grants: LONG_HISTORY.shares };
}
