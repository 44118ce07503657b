/**
 * Reminder alarms kept in step with the vault: rebuilt for a profile from every dated record it
 * holds (the municipality's activities and decisions, the entries read from letters, the
 * appointments read in from calendar files), and the notification's words read from the vault
 * when an alarm fires. What to plan and how alarms are named is
 * src/municipal/connector/reminders.ts; this part lists the records and calls the browser.
 */
import { loadSettings, SettingsSchema, type SettingsStorage } from '../messaging/settings';
import {
  activityEvent,
  applyReminderPlan,
  decisionEvent,
  importedEvent,
  letterEvent,
  parseAlarmName,
  planReminders,
  reminderLanguage,
  reminderNotification,
  type AlarmsLike,
  type ReminderDetails,
  type ReminderEvent,
  type ReminderSourceKind,
} from '../municipal/connector/reminders';
import type { KindData, RecordKind } from '../records/kind';
import { letterEventKind } from '../records/letters/index';
import { municipalActivityKind, municipalDecisionKind } from '../records/municipal/index';
import { calendarEventKind } from '../records/own/index';
import { profileKind } from '../records/profile';
import { VAULT_SCOPE, type Vault } from '../vault/index';

export interface ReminderDeps {
  vault: Vault;
  settings: SettingsStorage;
  alarms: AlarmsLike;
  notify: (id: string, text: { title: string; message: string }) => Promise<void>;
  uiLanguage: () => string;
  now: () => number;
}

type Records = Vault['records'];

/** One kind of record that is reminded of: when each record's event is, and what its notification says. */
interface Source<K extends RecordKind> {
  kind: K;
  event(recordId: string, data: KindData<K>): ReminderEvent | null;
  details(data: KindData<K>, at: number): ReminderDetails;
}

/** A source with its record type hidden, so that all of them fit in one table. */
interface SourceReader {
  events(records: Records, profileId: string): Promise<ReminderEvent[]>;
  /** Null when the record is gone, or no longer has anything to remind of (cancelled, past its status). */
  details(records: Records, profileId: string, recordId: string): Promise<ReminderDetails | null>;
}

function reader<K extends RecordKind>(source: Source<K>): SourceReader {
  return {
    events: async (records, profileId) => (await records.list(profileId, source.kind)).records.flatMap((r) => source.event(r.id, r.data) ?? []),
    details: async (records, profileId, recordId) => {
      const stored = await records.get(profileId, source.kind, recordId);
      const event = stored ? source.event(stored.id, stored.data) : null;
      return stored && event ? source.details(stored.data, event.at) : null;
    },
  };
}

const SOURCES: Record<ReminderSourceKind, SourceReader> = {
  activity: reader({
    kind: municipalActivityKind,
    event: (id, data) => activityEvent(id, data.record),
    details: ({ record }, at) => ({ source: 'activity', activityKind: record.kind, title: record.title, at }),
  }),
  decision: reader({
    kind: municipalDecisionKind,
    event: (id, data) => decisionEvent(id, data.record),
    details: ({ record }, at) => ({ source: 'decision', title: record.title, at }),
  }),
  letter: reader({
    kind: letterEventKind,
    event: letterEvent,
    details: (data, at) => ({
      source: 'letter',
      activityKind: data.kind,
      appeal: data.kind === 'deadline' && data.deadlineKind === 'appeal',
      title: data.title,
      at,
    }),
  }),
  imported: reader({
    kind: calendarEventKind,
    event: importedEvent,
    details: (data, at) => ({ source: 'imported', activityKind: 'appointment', allDay: data.allDay, title: data.title, at }),
  }),
};

/**
 * Kinds the pages write (a letter confirmed, a calendar file imported): a change to one rebuilds
 * that profile's reminders. The connector rebuilds them itself after a sync, once, not per page.
 */
const PAGE_WRITTEN_KINDS = new Set([letterEventKind.name, calendarEventKind.name]);

/**
 * Whether a change of the stored settings changes the reminders' lead times. Settings change on
 * every vault write (the count of changes since the last backup): rebuilding every profile's
 * alarms on each of those would list every appointment and decision again, page after page of a
 * long sync, for nothing.
 */
export function leadTimesChanged(before: unknown, after: unknown): boolean {
  const leads = (value: unknown) => {
    const parsed = SettingsSchema.safeParse(value ?? {});
    return parsed.success ? parsed.data.reminderLeadMinutes.join(',') : null;
  };
  return leads(before) !== leads(after);
}

export class Reminders {
  constructor(private readonly deps: ReminderDeps) {}

  /** Rebuilds the alarms of one profile (or of all) from the vault; nothing happens while it is locked. */
  async refresh(profileId?: string): Promise<void> {
    if (this.deps.vault.state !== 'unlocked') return;
    const records = this.deps.vault.records;
    const { reminderLeadMinutes } = await loadSettings(this.deps.settings);
    const profiles = profileId ? [profileId] : (await records.list(VAULT_SCOPE, profileKind)).records.map((p) => p.id);
    for (const id of profiles) {
      const events = (await Promise.all(Object.values(SOURCES).map((source) => source.events(records, id)))).flat();
      await applyReminderPlan(this.deps.alarms, id, planReminders(id, events, reminderLeadMinutes, this.deps.now()));
    }
  }

  /** Follows the records the pages write: their profile's reminders are rebuilt once per change. */
  async onRecordsChanged(changes: readonly { profileId: string; kind: string }[]): Promise<void> {
    for (const profileId of new Set(changes.filter((c) => PAGE_WRITTEN_KINDS.has(c.kind)).map((c) => c.profileId))) await this.refresh(profileId);
  }

  /** Shows the notification for a reminder alarm; false when the alarm is not a reminder. */
  async onAlarm(name: string): Promise<boolean> {
    const target = parseAlarmName(name);
    if (!target) return false;
    const language = reminderLanguage(this.deps.uiLanguage());
    if (this.deps.vault.state !== 'unlocked') {
      await this.deps.notify(name, reminderNotification(language, null));
      return true;
    }
    const details = await SOURCES[target.source].details(this.deps.vault.records, target.profileId, target.recordId);
    // Gone or called off since the alarm was set: nothing to remind of.
    if (details) await this.deps.notify(name, reminderNotification(language, details));
    return true;
  }
}
