/**
 * The long lists answered by the background (src/background/views/list-views.ts): a window of rows and the
 * aggregates, the same as the whole list gives; built once while nothing changes, again after a
 * write, and forgotten at lock.
 */
import { describe, expect, it } from 'vitest';
import { ViewService } from '../../src/background/views/index';
import { OVERVIEW_KINDS } from '../../src/overview/from-records';
import { monthlyPayments } from '../../src/overview/payments';
import { spendingByCurrency } from '../../src/overview/spending';
import { NOT_SPENDING } from '../../src/importers/bank/index';
import { fixtureData, logEntry, payment, syncedOps, syncedPut } from './support/overview-fixtures';
import { vaultWithProfile } from './support/setup-vault';

/** 130 payments over eleven years and the fixtures' other records, synced into the owner's profile. */
async function syncedVault() {
  const { vault, key, profileId } = await vaultWithProfile('views', 'Lis');
  const data = fixtureData();
  const first = data.payments[0]!;
  data.payments = Array.from({ length: 130 }, (_, i) => {
    const day = `${2015 + (i % 11)}-${String(1 + (i % 12)).padStart(2, '0')}-15`;
    return { ...first, vaultId: `v-pay-${i}`, record: payment(`pay-${i}`, day, 100_000 + i, i % 10 === 0 ? 'scheduled' : 'paid') };
  });
  await vault.records.write(syncedOps(profileId, data));
  return { vault, key, profileId, data, views: new ViewService(vault) };
}

const transaction = (i: number, accountId: string, currency = 'DKK') => ({
  accountId,
  date: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
  amountMinor: i % 4 === 0 ? 2_500_000 : -(1_000 + i),
  currency,
  text: i % 2 === 0 ? 'Netto' : 'DSB',
  pending: false,
  line: 1 + i,
  category: i % 4 === 0 ? 'salary' : i % 2 === 0 ? 'groceries' : 'transport',
  categoryByCitizen: false,
  importId: 'imp-1',
});

describe('payments from the background', () => {
  it('answers a page of the newest first, and the monthly totals of all of them', async () => {
    const { views, profileId, data } = await syncedVault();
    const answer = await views.handlers.viewPayments({ profileId, start: 50, count: 50 });
    const sorted = [...data.payments].sort((a, b) => b.record.payoutDate.localeCompare(a.record.payoutDate));
    expect(answer.total).toBe(130);
    expect(answer.start).toBe(50);
    expect(answer.rows.map((p) => p.record.payoutDate)).toEqual(sorted.slice(50, 100).map((p) => p.record.payoutDate));
    expect(answer.series).toEqual(monthlyPayments(data.payments));
    expect(answer.damaged).toEqual([]);
  });

  it('opens on the page that holds a payment asked for, and from the start asked when it is not held', async () => {
    const { views, profileId } = await syncedVault();
    const first = await views.handlers.viewPayments({ profileId, start: 0, count: 50 });
    const all = [...first.rows, ...(await views.handlers.viewPayments({ profileId, start: 50, count: 50 })).rows];
    const wanted = all[77]!.vaultId;
    const focused = await views.handlers.viewPayments({ profileId, start: 0, count: 50, focusKey: wanted });
    expect(focused.start).toBe(50);
    expect(focused.rows.some((p) => p.vaultId === wanted)).toBe(true);
    expect((await views.handlers.viewPayments({ profileId, start: 100, count: 50, focusKey: 'v-none' })).start).toBe(100);
  });

  it('reads the records once while nothing changes, again after a write, and forgets them at lock', async () => {
    const { views, vault, key, profileId } = await syncedVault();
    await views.handlers.viewPayments({ profileId, start: 0, count: 10 });
    await views.handlers.viewPayments({ profileId, start: 10, count: 10 });
    expect(views.cache.listed).toBe(1);
    await vault.records.write([syncedPut(profileId, 'payments', 'v-new', 'http://127.0.0.1:8787', payment('pay-new', '2030-01-15', 5))]);
    const after = await views.handlers.viewPayments({ profileId, start: 0, count: 10 });
    expect(views.cache.listed).toBe(2);
    expect(after.total).toBe(131);
    expect(after.rows[0]!.vaultId).toBe('v-new');
    vault.lock();
    await vault.unlock(key.kek);
    await views.handlers.viewPayments({ profileId, start: 0, count: 10 });
    expect(views.cache.listed).toBe(3);
  });
});

describe('the access log from the background', () => {
  it('answers a window of the entries, newest first, and the page that holds an entry asked for', async () => {
    const { vault, views, profileId } = await syncedVault();
    // 120 entries at shuffled instants (a few in another offset), besides the fixtures' one.
    const at = (i: number) =>
      `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:15:00Z`;
    const entries = Array.from({ length: 120 }, (_, i) => ({ ...logEntry, id: `log-x${i}`, at: at((i * 37) % 120) }));
    await vault.records.write(entries.map((e, i) => syncedPut(profileId, 'accessLog', `v-access-${i}`, 'http://127.0.0.1:8787', e)));
    const first = await views.handlers.viewAccessLog({ profileId, start: 0, count: 50 });
    const second = await views.handlers.viewAccessLog({ profileId, start: 50, count: 50 });
    const last = await views.handlers.viewAccessLog({ profileId, start: 100, count: 50 });
    expect(first.total).toBe(121);
    expect([first.rows.length, second.rows.length, last.rows.length]).toEqual([50, 50, 21]);
    const times = [...first.rows, ...second.rows, ...last.rows].map((e) => e.record.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(first.damaged).toEqual([]);
    const wanted = second.rows[13]!.vaultId;
    const focused = await views.handlers.viewAccessLog({ profileId, start: 0, count: 50, focusKey: wanted });
    expect(focused.start).toBe(50);
    expect(focused.rows.map((e) => e.vaultId)).toContain(wanted);
  });
});

describe('search from the background', () => {
  it('answers counts per kind and a window of hits with their titles and targets', async () => {
    const { views, profileId } = await syncedVault();
    const answer = await views.handlers.viewSearch({ profileId, query: 'kontanthjaelp', language: 'da', count: 20 });
    expect(answer.query).toBe('kontanthjaelp');
    const payments = answer.groups.find((g) => g.kind === 'payment')!;
    expect(payments.total).toBe(130);
    expect(payments.hits).toHaveLength(20);
    expect(payments.hits[0]!.target).toEqual({ view: 'payments', focus: payments.hits[0]!.vaultId });
    const decision = answer.groups.find((g) => g.kind === 'decision')!.hits[0]!;
    expect(decision.target).toEqual({ view: 'case', id: 'v-case-cash' });
    const next = await views.handlers.viewSearch({ profileId, query: 'kontanthjaelp', language: 'da', count: 20, kind: 'payment', start: 120 });
    expect(next.groups.find((g) => g.kind === 'payment')!.hits.map((h) => h.vaultId)).not.toContain(payments.hits[0]!.vaultId);
    expect(next.groups.find((g) => g.kind === 'payment')!.hits).toHaveLength(10);
  });

  it('names a case by the plain words of its topic in the language asked for, and finds it by them in either', async () => {
    const { views, profileId } = await syncedVault();
    const da = await views.handlers.viewSearch({ profileId, query: 'forsørgelse', language: 'da', count: 5 });
    const en = await views.handlers.viewSearch({ profileId, query: 'forsørgelse', language: 'en', count: 5 });
    const title = (a: typeof da) => a.groups.find((g) => g.kind === 'case')?.hits[0]?.title;
    expect(title(da)).toMatch(/ – Ansøgning om hjælp til forsørgelse$/);
    expect(title(en)).toMatch(/ – Ansøgning om hjælp til forsørgelse$/);
    expect(title(da)).not.toBe(title(en));
    // The English plain title finds the case from a Danish page too.
    const plainEn = title(en)!.split(' – ')[0]!;
    const found = await views.handlers.viewSearch({ profileId, query: plainEn, language: 'da', count: 5 });
    expect(found.groups.find((g) => g.kind === 'case')?.hits.map((h) => h.vaultId)).toContain('v-case-cash');
    expect((await views.handlers.viewSearch({ profileId, query: '', language: 'da', count: 5 })).total).toBe(0);
  });
});

describe('transactions from the background', () => {
  async function withBank() {
    const setup = await syncedVault();
    const { vault, profileId } = setup;
    const [account] = await vault.records.write([{ op: 'put', profileId, kind: 'bank-account', data: { label: 'Lønkonto', formatId: 'danske-bank' } }]);
    const rows = Array.from({ length: 120 }, (_, i) => transaction(i, account!.id, i === 7 ? 'EUR' : 'DKK'));
    await vault.records.write(rows.map((data) => ({ op: 'put' as const, profileId, kind: 'bank-transaction', data })));
    return { ...setup, rows, accountId: account!.id };
  }

  it('answers a window of the narrowed rows, their sums, and the spending of every row', async () => {
    const { views, profileId, rows } = await withBank();
    const all = await views.handlers.viewMoney({ profileId, month: '', category: '', account: '', start: 0, count: 50 });
    expect(all.count).toBe(120);
    expect(all.filtered.total).toBe(120);
    expect(all.filtered.rows).toHaveLength(50);
    const dates = all.filtered.rows.map((r) => r.data.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(all.spending).toEqual(spendingByCurrency(rows, { notSpending: NOT_SPENDING }));
    expect(all.spending.map((s) => s.currency)).toEqual(['DKK', 'EUR']);
    expect(all.months[0]).toBe('2025-12');
    expect(new Set(all.categories)).toEqual(new Set(['salary', 'groceries', 'transport']));

    const march = await views.handlers.viewMoney({ profileId, month: '2025-03', category: 'transport', account: '', start: 0, count: 50 });
    const expected = rows.filter((r) => r.date.startsWith('2025-03') && r.category === 'transport');
    expect(march.filtered.total).toBe(expected.length);
    expect(march.filtered.totals).toEqual([{ currency: 'DKK', moneyIn: 0, moneyOut: expected.reduce((n, r) => n + r.amountMinor, 0) }]);
    expect(march.filtered.rows.every((r) => r.data.date.startsWith('2025-03') && r.data.category === 'transport')).toBe(true);
  });

  it('answers every stored id, for an import to find its duplicates', async () => {
    const { views, vault, profileId } = await withBank();
    const ids = await views.handlers.viewMoneyIds({ profileId });
    const stored = await vault.records.list(profileId, (await import('../../src/records/money/index')).bankTransactionKind);
    expect(new Set(ids)).toEqual(new Set(stored.records.map((r) => r.id)));
  });
});

describe('whole overview lists from the background', () => {
  it('answers the lists asked for as the page read them, others empty, and reads a list again after a write', async () => {
    const { vault, views, profileId, data } = await syncedVault();
    const ids = (items: readonly { vaultId: string }[]) => items.map((i) => i.vaultId).sort();
    const first = await views.handlers.viewOverviewLists({ profileId, lists: ['cases', 'accessLog'] });
    expect(ids(first.data.cases)).toEqual(ids(data.cases));
    expect(ids(first.data.accessLog)).toEqual(ids(data.accessLog));
    expect(first.data.payments).toEqual([]);
    expect(first.damaged).toEqual([]);
    // Asked again with nothing written: the same model, not a new read.
    expect((await views.handlers.viewOverviewLists({ profileId, lists: ['cases'] })).data.cases).toBe(first.data.cases);

    const gone = data.cases[0]!;
    await vault.records.write([{ op: 'delete', profileId, kind: OVERVIEW_KINDS.cases.name, id: gone.vaultId }]);
    const after = await views.handlers.viewOverviewLists({ profileId, lists: ['cases'] });
    expect(ids(after.data.cases)).toEqual(ids(data.cases.filter((c) => c.vaultId !== gone.vaultId)));
  });
});
