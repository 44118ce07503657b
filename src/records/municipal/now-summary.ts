/**
 * The *Now* view's summary: the part of the profile's municipal records, and of the entries the
 * citizen read from letters and calendar files, that *Now* reads (see `nowSources` and
 * `ownNowSources` in src/overview/now.ts), derived and kept by the background as a cache. It
 * names the version of every source group it was computed from and is used only while they are
 * all unchanged, so it never needs to be kept in step with a write. Sealed like any record.
 *
 * Version 2 adds the citizen's own entries (`own`). A version 1 summary names no version for
 * their groups, so it is never current: it is read as holding none and computed again.
 */
import { z } from 'zod';
import { Activity, Case, Decision, Document, IsoDate, Payment } from '../../municipal/api/schemas';
import { defineKind } from '../kind';
import { letterEventKind } from '../letters/letter';
import { calendarEventKind } from '../own/calendar-event';
import { asReceived, MunicipalOrigin, VaultId } from './received';

/** A municipal record as the overview holds it: its vault id, its municipality, the resource. */
const item = <Api extends z.ZodType>(apiSchema: Api) => z.object({ vaultId: VaultId, origin: MunicipalOrigin, record: asReceived(apiSchema) });

/** One summary per profile, under this id. */
export const NOW_SUMMARY_ID = 'now';

/** Version 1 → 2: no own entries (its missing source versions make it stale at once). */
function withoutOwnEntries(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data;
  return { ...data, own: { letterEvents: [], imported: [] } };
}

export const municipalNowSummaryKind = defineKind({
  name: 'municipal-now-summary',
  scope: 'profile',
  version: 2,
  migrations: { 1: withoutOwnEntries },
  pageAccess: 'none',
  managedBy: 'the overview (derived from the municipal records)',
  description:
    'What the Now view needs (open cases, entries still ahead, latest payments, new documents), derived from the municipal records and the citizen’s own entries and checked against their group versions.',
  schema: z.object({
    /** The Danish day it was computed for: good for that day and every later one. */
    day: IsoDate,
    limit: z.int().min(1),
    newDocumentDays: z.int().min(0),
    /** The version of each source kind's group it was computed from, by kind name. */
    sources: z.record(z.string(), z.int().min(0)),
    /** Source records that could not be read when it was computed, named as the vault named them. */
    damaged: z.array(
      z.object({
        profileId: z.string(),
        kind: z.string(),
        ref: z.string(),
        reason: z.enum(['integrity', 'page-damaged', 'page-missing', 'page-rolled-back', 'newer-version']),
      }),
    ),
    data: z.object({
      cases: z.array(item(Case)),
      decisions: z.array(item(Decision)),
      payments: z.array(item(Payment)),
      activities: z.array(item(Activity)),
      documents: z.array(item(Document)),
    }),
    /** Appointments and deadlines still ahead that the citizen read from letters and calendar files. */
    own: z.object({
      letterEvents: z.array(z.object({ id: VaultId, data: letterEventKind.schema })),
      imported: z.array(z.object({ vaultId: VaultId, record: calendarEventKind.schema })),
    }),
  }),
});

export type NowSummaryData = z.infer<typeof municipalNowSummaryKind.schema>;
