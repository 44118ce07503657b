/**
 * *Now* without reading the whole history. The profile's summary (src/records/municipal/
 * now-summary.ts) is answered after one record read while every group it was computed from
 * still has the version it names; otherwise the sources are listed, the summary computed,
 * stored (one write) and answered. A damaged summary is removed and computed again: it holds
 * nothing the sources do not, and damage to the sources is still reported with them. Its
 * sources are the municipal records and the citizen's own entries (read from letters and from
 * calendar files), so a profile without a municipality still has a *Now*.
 */
import type { NowData } from '../messaging/municipal-api';
import { OVERVIEW_KINDS, overviewFromRecords } from '../overview/from-records';
import { NOW_OPTIONS, nowSources, ownNowSources } from '../overview/now';
import { letterEventKind } from '../records/letters/index';
import { municipalNowSummaryKind, NOW_SUMMARY_ID, type NowSummaryData } from '../records/municipal/index';
import { calendarEventKind } from '../records/own/index';
import { isVaultError, type DamagedRecord, type Vault, type VaultRecord, type WriteOp } from '../vault/index';
import { bestEffort, settled } from '../shared/best-effort';
import { danishDay } from '../shared/danish-time';

/** The citizen's own entries: appointments and deadlines read from letters and from calendar files. */
const OWN_KINDS = [letterEventKind, calendarEventKind];
/** The kinds *Now* reads: the overview's, without the access log, and the own entries. */
const SOURCE_KINDS = [
  OVERVIEW_KINDS.cases,
  OVERVIEW_KINDS.decisions,
  OVERVIEW_KINDS.payments,
  OVERVIEW_KINDS.activities,
  OVERVIEW_KINDS.documents,
  ...OWN_KINDS,
];
const OVERVIEW_KIND_LIST = Object.values(OVERVIEW_KINDS);
const NO_RECORDS = { records: [], damaged: [] };

/** The operation that removes a profile's summary, for writes that delete its sources. */
export const deleteNowSummary = (profileId: string): WriteOp => ({ op: 'delete', profileId, kind: municipalNowSummaryKind.name, id: NOW_SUMMARY_ID });

const EMPTY: NowData['data'] = { cases: [], decisions: [], payments: [], activities: [], documents: [] };
const NO_OWN: NowData['own'] = { letterEvents: [], imported: [] };

/** Still good on `day`: made on that day or before, with the same options, from the same versions. */
const isCurrent = (summary: NowSummaryData, sources: Record<string, number>, day: string): boolean =>
  summary.day <= day &&
  summary.limit === NOW_OPTIONS.limit &&
  summary.newDocumentDays === NOW_OPTIONS.newDocumentDays &&
  SOURCE_KINDS.every((kind) => summary.sources[kind.name] === sources[kind.name]);

export class NowSummaries {
  /** Per profile, the last request (settled, holding no data): requests run one after another, so a burst computes once. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly vault: Vault) {}

  /** *Now*'s data for the moment `now` (ms). */
  read(profileId: string, now: number): Promise<NowData> {
    const work = (this.queues.get(profileId) ?? Promise.resolve()).then(() => this.answer(profileId, now));
    this.queues.set(profileId, settled(work));
    return work;
  }

  private async answer(profileId: string, now: number): Promise<NowData> {
    const records = this.vault.records;
    const day = danishDay(now);
    // Read before the sources: a write in between leaves the stored versions behind, never ahead.
    const versions = await records.groupVersions(profileId, [...OVERVIEW_KIND_LIST, ...OWN_KINDS]);
    const hasData = OVERVIEW_KIND_LIST.some((kind) => versions[kind.name]! > 0);
    const hasOwnEntries = OWN_KINDS.some((kind) => versions[kind.name]! > 0);
    const stored = await this.stored(profileId);
    if (!hasData && !hasOwnEntries) {
      if (stored) await records.write([deleteNowSummary(profileId)]);
      return { data: EMPTY, own: NO_OWN, damaged: [], hasData, hasOwnEntries, recordsRead: stored ? 1 : 0 };
    }
    const sources = Object.fromEntries(SOURCE_KINDS.map((kind) => [kind.name, versions[kind.name]!]));
    if (stored && isCurrent(stored.data, sources, day)) {
      return { data: stored.data.data, own: stored.data.own, damaged: stored.data.damaged, hasData, hasOwnEntries, recordsRead: 1 };
    }
    const damaged: DamagedRecord[] = [];
    const listed = await overviewFromRecords(async (kind) => {
      if (kind.name === OVERVIEW_KINDS.accessLog.name) return NO_RECORDS;
      const list = await records.list(profileId, kind);
      damaged.push(...list.damaged);
      return list;
    });
    const { cases, decisions, payments, activities, documents } = nowSources(listed.data, now);
    const data = { cases, decisions, payments, activities, documents };
    const letterEvents = await records.list(profileId, letterEventKind);
    const calendarEvents = await records.list(profileId, calendarEventKind);
    damaged.push(...letterEvents.damaged, ...calendarEvents.damaged);
    const own = ownNowSources(
      {
        letterEvents: letterEvents.records.map((r) => ({ id: r.id, data: r.data })),
        imported: calendarEvents.records.map((r) => ({ vaultId: r.id, record: r.data })),
      },
      now,
    );
    const summary: NowSummaryData = { day, ...NOW_OPTIONS, sources, damaged, data, own };
    await bestEffort(
      records.write([{ op: 'put', profileId, kind: municipalNowSummaryKind.name, id: NOW_SUMMARY_ID, data: summary }]),
      'a summary that was not stored is computed again next time',
    );
    const ownRead = letterEvents.records.length + calendarEvents.records.length;
    const recordsRead = Object.values(listed.data).reduce((n, list: unknown[]) => n + list.length, ownRead + (stored ? 1 : 0));
    return { data, own, damaged, hasData, hasOwnEntries, recordsRead };
  }

  /** The stored summary; a damaged one is removed (null), one from a newer version is ignored and written over. */
  private async stored(profileId: string): Promise<VaultRecord<NowSummaryData> | null> {
    const records = this.vault.records;
    try {
      return await records.get(profileId, municipalNowSummaryKind, NOW_SUMMARY_ID);
    } catch (error) {
      if (isVaultError(error, 'record-from-newer-version')) return null;
      if (!isVaultError(error, 'record-damaged')) throw error;
      const { damaged } = await records.list(profileId, municipalNowSummaryKind);
      await records.discardDamaged(
        profileId,
        municipalNowSummaryKind.name,
        damaged.map((d) => d.ref),
      );
      return null;
    }
  }
}
