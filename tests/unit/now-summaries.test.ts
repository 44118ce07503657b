/**
 * *Now* from its stored summary (src/background/now-summary.ts): one record read while the
 * municipal records are unchanged, computed again when they change, when the summary is
 * damaged, or when it was made for a later day; and nothing of it is stored in the clear.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { NowSummaries } from '../../src/background/now-summary';
import type { NowData } from '../../src/messaging/municipal-api';
import { OVERVIEW_KINDS } from '../../src/overview/from-records';
import type { OverviewData } from '../../src/overview/model';
import { nowSummary } from '../../src/overview/now';
import { municipalCaseKind, municipalNowSummaryKind, municipalPaymentKind, NOW_SUMMARY_ID } from '../../src/records/municipal/index';
import { noteKind } from '../../src/records/note';
import { letterEventKind } from '../../src/records/letters/index';
import { calendarEventKind } from '../../src/records/own/index';
import type { RecordKind } from '../../src/records/kind';
import type { WriteOp } from '../../src/vault/record-store';
import type { VaultDb } from '../../src/vault/storage/db';
import type { PageRow as Row } from '../../src/vault/storage/page-codec';
import { connectorHarness, type ConnectorHarness } from './support/connector-harness';
import { fixtureData, syncedOps, syncedPut } from './support/overview-fixtures';
import { addProfile, touchedRow, vaultWithProfile } from './support/setup-vault';

const NOW = Date.parse('2026-03-08T12:00:00+01:00');
const DAY_MS = 86_400_000;

const KIND_OF: Record<keyof OverviewData, RecordKind> = OVERVIEW_KINDS;

/** A vault whose owner holds the overview fixtures as synced municipal records. */
async function syncedVault() {
  const { vault, db, profileId } = await vaultWithProfile('now', 'Lis');
  const data = fixtureData();
  await vault.records.write(syncedOps(profileId, data));
  return { vault, db, profileId, data, summaries: new NowSummaries(vault) };
}

const asOverview = (answer: NowData): OverviewData => ({ ...answer.data, accessLog: [] });

describe('the summary of Now', () => {
  it('is computed once, then answered from one record read, with the same Now as the whole data', async () => {
    const { summaries, profileId, data } = await syncedVault();
    const first = await summaries.read(profileId, NOW);
    const sourceCount = data.cases.length + data.decisions.length + data.payments.length + data.activities.length + data.documents.length;
    expect(first.recordsRead).toBe(sourceCount);
    expect(first).toMatchObject({ hasData: true, damaged: [] });
    const second = await summaries.read(profileId, NOW + 60_000);
    expect(second.recordsRead).toBe(1);
    expect(second.data).toEqual(first.data);
    for (const at of [NOW, NOW + 3 * DAY_MS, NOW + 13 * DAY_MS]) expect(nowSummary(asOverview(second), at)).toEqual(nowSummary(data, at));
  });

  it('is used on later days, and computed again for an earlier one', async () => {
    const { summaries, profileId, data } = await syncedVault();
    await summaries.read(profileId, NOW);
    const later = await summaries.read(profileId, NOW + 5 * DAY_MS);
    expect(later.recordsRead).toBe(1);
    expect(nowSummary(asOverview(later), NOW + 5 * DAY_MS)).toEqual(nowSummary(data, NOW + 5 * DAY_MS));
    const earlier = NOW - 4 * DAY_MS; // the 5 March deadline is still ahead then
    const answer = await summaries.read(profileId, earlier);
    expect(answer.recordsRead).toBeGreaterThan(1);
    expect(nowSummary(asOverview(answer), earlier).deadlines.map((e) => e.title)).toContain('Aflevér pasfoto');
  });

  it('is computed again once a source changes: a new appointment shows, a deleted case goes', async () => {
    const { vault, summaries, profileId, data } = await syncedVault();
    await summaries.read(profileId, NOW);
    const meeting = data.activities[0]!;
    await vault.records.write([
      syncedPut(profileId, 'activities', 'v-new', meeting.origin, {
        ...meeting.record,
        id: 'act-new',
        title: 'Nyt møde',
        startsAt: '2026-03-12T09:00:00+01:00',
      }),
    ]);
    const added = await summaries.read(profileId, NOW);
    expect(added.recordsRead).toBeGreaterThan(1);
    expect(nowSummary(asOverview(added), NOW).appointments.map((e) => e.title)).toContain('Nyt møde');
    expect(nowSummary(asOverview(added), NOW).openCases.map((c) => c.vaultId)).toEqual(['v-case-cash']);

    await vault.records.write([{ op: 'delete', profileId, kind: municipalCaseKind.name, id: 'v-case-cash' }]);
    const deleted = await summaries.read(profileId, NOW);
    expect(deleted.recordsRead).toBeGreaterThan(1);
    expect(nowSummary(asOverview(deleted), NOW).openCases).toEqual([]);
    expect(deleted.data.cases.map((c) => c.vaultId)).not.toContain('v-case-cash');
  });

  it('is not computed again for a change to a kind Now does not read', async () => {
    const { vault, summaries, profileId, data } = await syncedVault();
    await summaries.read(profileId, NOW);
    const entry = data.accessLog[0]!;
    await vault.records.write([
      syncedPut(profileId, 'accessLog', 'v-log-2', entry.origin, { ...entry.record, id: 'log-2' }),
      { op: 'put', profileId, kind: noteKind.name, data: { title: 'Husk', body: 'pas' } },
    ]);
    expect((await summaries.read(profileId, NOW)).recordsRead).toBe(1);
  });

  it.each([
    ['a changed byte of its record', (row: Row) => ({ ...row, body: row.body.map((b, i) => (i === 0 ? b ^ 1 : b)) })],
    ['a changed byte of its page index', (row: Row) => ({ ...row, index: row.index.map((b, i) => (i === 0 ? b ^ 1 : b)) })],
    ['its page deleted', () => null],
  ])('when damaged (%s), is removed and computed again', async (_what, damage) => {
    const { vault, db, summaries, profileId, data } = await syncedVault();
    const row = await touchedRow(db, () => summaries.read(profileId, NOW));
    const damaged = damage(row);
    if (damaged) await db.pages.put(damaged);
    else await db.pages.delete(row.key);
    const answer = await summaries.read(profileId, NOW);
    expect(answer.recordsRead).toBeGreaterThan(1);
    expect(answer.damaged).toEqual([]); // the sources are whole
    expect(nowSummary(asOverview(answer), NOW)).toEqual(nowSummary(data, NOW));
    // Stored again, readable: the next read is one record, and nothing damaged is left.
    expect((await summaries.read(profileId, NOW)).recordsRead).toBe(1);
    expect((await vault.records.list(profileId, municipalNowSummaryKind)).damaged).toEqual([]);
  });

  it('names damaged source records, and says when the profile holds no municipal data', async () => {
    const { vault, db, summaries, profileId } = await syncedVault();
    const empty = await addProfile(vault, { name: 'Ny', relation: 'child' });
    expect(await summaries.read(empty, NOW)).toEqual({
      data: { cases: [], decisions: [], payments: [], activities: [], documents: [] },
      own: { letterEvents: [], imported: [] },
      damaged: [],
      hasData: false,
      hasOwnEntries: false,
      recordsRead: 0,
    });
    const paymentsRow = await touchedRow(db, () =>
      vault.records.write([
        syncedPut(profileId, 'payments', 'v-pay-9', fixtureData().payments[0]!.origin, { ...fixtureData().payments[0]!.record, id: 'pay-9' }),
      ]),
    );
    await db.pages.put({ ...paymentsRow, body: paymentsRow.body.map((b, i) => (i === 0 ? b ^ 1 : b)) });
    const answer = await summaries.read(profileId, NOW);
    expect(answer.damaged.length).toBeGreaterThan(0);
    expect(answer.damaged.every((d) => d.profileId === profileId && d.kind === KIND_OF.payments.name)).toBe(true);
    expect((await summaries.read(profileId, NOW)).damaged).toEqual(answer.damaged); // kept with the summary
  });

  it('is gone with the last municipal record', async () => {
    const { vault, summaries, profileId, data } = await syncedVault();
    await summaries.read(profileId, NOW);
    const ops: WriteOp[] = (Object.keys(data) as (keyof OverviewData)[]).flatMap((list) =>
      data[list].map((item) => ({ op: 'delete' as const, profileId, kind: KIND_OF[list].name, id: item.vaultId })),
    );
    await vault.records.write(ops);
    expect((await summaries.read(profileId, NOW)).hasData).toBe(false);
    expect(await vault.records.get(profileId, municipalNowSummaryKind, NOW_SUMMARY_ID)).toBeNull();
  });

  it('answers requests one after another: a burst computes once', async () => {
    const { summaries, profileId } = await syncedVault();
    const answers = await Promise.all([summaries.read(profileId, NOW), summaries.read(profileId, NOW), summaries.read(profileId, NOW)]);
    expect(answers.map((a) => a.recordsRead > 1)).toEqual([true, false, false]);
  });

  it('is stored sealed: none of its content is in the clear in IndexedDB', async () => {
    const { db, summaries, profileId } = await syncedVault();
    const row = await touchedRow(db, () => summaries.read(profileId, NOW));
    const stored = await summaryStored(db);
    // Words the summary holds (a case title, a caseworker, a place, an amount's benefit, a document title).
    for (const word of [
      'Ansøgning om hjælp til forsørgelse',
      'Sanne Holm',
      'Jobcenter Vesterå',
      'Kontanthjælp',
      'Samtale i jobcentret',
      'municipal-now-summary',
    ]) {
      expect(stored.includes(word), word).toBe(false);
    }
    expect(stored.includes(row.key)).toBe(true); // the scan does see the stored rows
  });
});

describe('the summary of Now with entries read from letters and calendar files', () => {
  const GP = {
    uid: 'gp@example',
    occurrence: null,
    sequence: 0,
    status: 'confirmed',
    title: 'Konsultation hos læge Ole Vinther',
    allDay: false,
    start: '2026-03-10T09:30:00+01:00',
    source: { fileName: 'gp.ics', importedAt: '2026-03-01T00:00:00.000Z' },
  } as const;
  const APPEAL = {
    kind: 'deadline',
    deadlineKind: 'appeal',
    title: 'Klagefrist: afgørelse om boligstøtte',
    day: '2026-03-20',
    letterId: 'letter-1',
    case: { kind: 'own-case', id: 'own-1' },
    provenance: 'read-by-citizen-from-letter',
  } as const;

  /** A profile with no municipality: one appointment from a calendar file, one deadline from a letter. */
  async function ownOnly() {
    const { vault, db, profileId } = await vaultWithProfile('now-own', 'Lis');
    await vault.records.write([
      { op: 'put', profileId, kind: calendarEventKind.name, id: 'ics-1', data: GP },
      { op: 'put', profileId, kind: letterEventKind.name, id: 'let-1', data: APPEAL },
    ]);
    return { vault, db, profileId, summaries: new NowSummaries(vault) };
  }

  it('has a Now without municipal data, listing both, then from one record read', async () => {
    const { summaries, profileId } = await ownOnly();
    const first = await summaries.read(profileId, NOW);
    expect(first).toMatchObject({ hasData: false, hasOwnEntries: true, recordsRead: 2, damaged: [] });
    const now = nowSummary(asOverview(first), NOW, first.own);
    expect(now.appointments.map((e) => [e.title, e.recordKind, e.importedFrom])).toEqual([[GP.title, 'calendar-event', 'gp.ics']]);
    expect(now.deadlines.map((e) => [e.title, e.recordKind])).toEqual([[APPEAL.title, 'letter-event']]);
    expect((await summaries.read(profileId, NOW + 60_000)).recordsRead).toBe(1);
  });

  it('is computed again when an own entry changes: a cancelled appointment leaves Now', async () => {
    const { vault, summaries, profileId } = await ownOnly();
    await summaries.read(profileId, NOW);
    await vault.records.write([{ op: 'put', profileId, kind: calendarEventKind.name, id: 'ics-1', data: { ...GP, sequence: 1, status: 'cancelled' } }]);
    const answer = await summaries.read(profileId, NOW);
    expect(answer.recordsRead).toBe(3); // the stale summary, then both sources
    expect(answer.own.imported).toEqual([]);
    expect(nowSummary(asOverview(answer), NOW, answer.own).appointments).toEqual([]);
  });

  it('keeps only what is still ahead, and is gone with the last entry', async () => {
    const { vault, summaries, profileId } = await ownOnly();
    const later = await summaries.read(profileId, NOW + 5 * DAY_MS); // 13 March: the appointment is past
    expect(later.own.imported).toEqual([]);
    expect(later.own.letterEvents.map((e) => e.id)).toEqual(['let-1']);
    await vault.records.write([
      { op: 'delete', profileId, kind: calendarEventKind.name, id: 'ics-1' },
      { op: 'delete', profileId, kind: letterEventKind.name, id: 'let-1' },
    ]);
    expect(await summaries.read(profileId, NOW)).toMatchObject({ hasData: false, hasOwnEntries: false });
    expect(await vault.records.get(profileId, municipalNowSummaryKind, NOW_SUMMARY_ID)).toBeNull();
  });

  it('a summary of version 1 (no own entries) is migrated to hold none, and is stale: computed again', async () => {
    const { vault, summaries, profileId } = await ownOnly();
    await summaries.read(profileId, NOW);
    const { own: _own, ...current } = (await vault.records.get(profileId, municipalNowSummaryKind, NOW_SUMMARY_ID))!.data;
    const v1Sources = Object.fromEntries(Object.entries(current.sources).filter(([kind]) => kind.startsWith('municipal-')));
    const migrated = municipalNowSummaryKind.migrations[1]!({ ...current, sources: v1Sources });
    expect(municipalNowSummaryKind.schema.safeParse(migrated).success).toBe(true);
    expect((migrated as { own: unknown }).own).toEqual({ letterEvents: [], imported: [] });
    await vault.records.write([{ op: 'put', profileId, kind: municipalNowSummaryKind.name, id: NOW_SUMMARY_ID, data: migrated }]);
    const answer = await summaries.read(profileId, NOW);
    expect(answer.recordsRead).toBe(3);
    expect(answer.own.imported.map((e) => e.vaultId)).toEqual(['ics-1']);
  });

  it('stores the own entries sealed', async () => {
    const { db, summaries, profileId } = await ownOnly();
    await touchedRow(db, () => summaries.read(profileId, NOW));
    const stored = await summaryStored(db);
    for (const word of ['Konsultation hos læge', 'boligstøtte', 'gp.ics']) expect(stored.includes(word), word).toBe(false);
  });
});

describe('the summary of Now around a sync', () => {
  let h: ConnectorHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('is ready after a sync, and goes with the data of a connection removed with its data', async () => {
    h = await connectorHarness();
    const { connectionId } = await h.connect();
    expect(await h.vault.records.get(h.profileId, municipalNowSummaryKind, NOW_SUMMARY_ID)).not.toBeNull();
    const answer = await h.service.handlers.municipalNow({ profileId: h.profileId, now: h.clock.now });
    expect(answer).toMatchObject({ recordsRead: 1, hasData: true, damaged: [] });
    expect(answer.data.cases.length).toBeGreaterThan(0);

    await h.service.handlers.municipalDisconnect({ profileId: h.profileId, connectionId, deleteData: true });
    expect(await h.vault.records.get(h.profileId, municipalNowSummaryKind, NOW_SUMMARY_ID)).toBeNull();
    expect(await h.service.handlers.municipalNow({ profileId: h.profileId, now: h.clock.now })).toMatchObject({ hasData: false, recordsRead: 0 });
  });
});

describe('group versions', () => {
  it('are 0 for an empty kind, and change with every write to that kind only', async () => {
    const { vault, profileId, data } = await syncedVault();
    const kinds = [municipalCaseKind, municipalPaymentKind, noteKind];
    const before = await vault.records.groupVersions(profileId, kinds);
    expect(before[noteKind.name]).toBe(0);
    expect(before[municipalCaseKind.name]).toBeGreaterThan(0);
    const theCase = data.cases[0]!;
    await vault.records.write([syncedPut(profileId, 'cases', theCase.vaultId, theCase.origin, { ...theCase.record, title: 'Ny titel' })]);
    const after = await vault.records.groupVersions(profileId, kinds);
    expect(after[municipalCaseKind.name]).toBeGreaterThan(before[municipalCaseKind.name]!);
    expect([after[municipalPaymentKind.name], after[noteKind.name]]).toEqual([before[municipalPaymentKind.name], 0]);
  });
});

/** Every stored byte of both tables, as Latin-1 and UTF-8 text, for a plaintext scan. */
async function summaryStored(db: VaultDb): Promise<string> {
  const parts: string[] = [];
  const visit = (value: unknown): void => {
    if (value instanceof Uint8Array) parts.push(Buffer.from(value).toString('latin1'), Buffer.from(value).toString('utf8'));
    else if (typeof value === 'string') parts.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(await db.pages.toArray());
  visit(await db.meta.toArray());
  return parts.join('\n');
}
