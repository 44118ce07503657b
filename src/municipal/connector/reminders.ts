/**
 * Reminders before appointments and deadlines (and the last day to appeal a decision), as
 * browser alarms. An alarm's name carries only opaque ids — the profile's id, the vault record's
 * keyed id and the lead time — so nothing personal sits in the browser's alarm list; the text
 * of a notification is read from the vault when the alarm fires, and only if it is unlocked.
 */
import type { Activity, Decision } from '../api/schemas';
import type { LetterEventData } from '../../records/letters/index';
import type { KindData } from '../../records/kind';
import type { calendarEventKind } from '../../records/own/index';
import { danishInstant, endOfDanishDay } from '../../shared/danish-time';

export const REMINDER_ALARM_PREFIX = 'handlerum-reminder:';
/** Default lead times: two days and two hours before. */
export const DEFAULT_REMINDER_LEAD_MINUTES = [2 * 24 * 60, 2 * 60] as const;
/** Alarms per profile (browsers cap an extension's alarms; the nearest ones matter). */
export const MAX_REMINDERS_PER_PROFILE = 100;

/**
 * A letter's reminders come from the appointments and deadlines the citizen confirmed from it;
 * `imported` ones from the appointments read in from calendar files (.ics).
 */
export const REMINDER_SOURCES = ['activity', 'decision', 'letter', 'imported'] as const;
export type ReminderSourceKind = (typeof REMINDER_SOURCES)[number];
const isReminderSource = (source: string): source is ReminderSourceKind => (REMINDER_SOURCES as readonly string[]).includes(source);

export interface ReminderTarget {
  profileId: string;
  source: ReminderSourceKind;
  recordId: string;
  leadMinutes: number;
}

export interface PlannedReminder extends ReminderTarget {
  name: string;
  /** When the alarm fires, ms since the epoch. */
  when: number;
}

export interface ReminderEvent {
  source: ReminderSourceKind;
  recordId: string;
  /** When the appointment starts or the deadline falls, ms since the epoch. */
  at: number;
}

export const alarmNameOf = (t: ReminderTarget): string => `${REMINDER_ALARM_PREFIX}${t.profileId}:${t.source}:${t.recordId}:${t.leadMinutes}`;

export function parseAlarmName(name: string): ReminderTarget | null {
  if (!name.startsWith(REMINDER_ALARM_PREFIX)) return null;
  const parts = name.slice(REMINDER_ALARM_PREFIX.length).split(':');
  if (parts.length !== 4) return null;
  const [profileId, source, recordId, lead] = parts as [string, string, string, string];
  if (!isReminderSource(source)) return null;
  const leadMinutes = Number(lead);
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(profileId) || !/^[A-Za-z0-9_-]{1,128}$/.test(recordId) || !Number.isInteger(leadMinutes)) return null;
  return { profileId, source, recordId, leadMinutes };
}

/** When an activity needs a reminder, or null (cancelled, completed, missed). */
export function activityEvent(recordId: string, activity: Activity): ReminderEvent | null {
  if (activity.status !== 'planned' && activity.status !== 'changed') return null;
  const at = Date.parse(activity.kind === 'appointment' ? activity.startsAt : activity.dueAt);
  return Number.isFinite(at) ? { source: 'activity', recordId, at } : null;
}

/** The last day to appeal a decision, or null when it cannot be appealed. */
export function decisionEvent(recordId: string, decision: Decision): ReminderEvent | null {
  return decision.appeal ? { source: 'decision', recordId, at: endOfDanishDay(decision.appeal.deadline) } : null;
}

/** When an appointment or deadline read from a letter starts or falls (a deadline: the end of its day). */
export function letterEvent(recordId: string, event: LetterEventData): ReminderEvent | null {
  const at = event.kind === 'appointment' ? Date.parse(event.startsAt) : endOfDanishDay(event.day);
  return Number.isFinite(at) ? { source: 'letter', recordId, at } : null;
}

/**
 * When an appointment read in from a calendar file starts, or null once it is cancelled. A
 * whole-day one is reminded of before its day begins (its first minute, Danish time).
 */
export function importedEvent(recordId: string, event: KindData<typeof calendarEventKind>): ReminderEvent | null {
  if (event.status === 'cancelled') return null;
  const at = Date.parse((event.allDay ? danishInstant(event.start, '00:00') : event.start) ?? '');
  return Number.isFinite(at) ? { source: 'imported', recordId, at } : null;
}

/** The alarms to have for one profile: every lead time before every future event, nearest first, capped. */
export function planReminders(profileId: string, events: readonly ReminderEvent[], leadMinutes: readonly number[], now: number): PlannedReminder[] {
  const planned: PlannedReminder[] = [];
  for (const event of events) {
    if (event.at <= now) continue;
    for (const lead of new Set(leadMinutes)) {
      const when = event.at - lead * 60_000;
      if (when <= now) continue;
      const target = { profileId, source: event.source, recordId: event.recordId, leadMinutes: lead };
      planned.push({ ...target, name: alarmNameOf(target), when });
    }
  }
  return planned.sort((a, b) => a.when - b.when).slice(0, MAX_REMINDERS_PER_PROFILE);
}

/** The part of the browser's alarms API the reminders use. */
export interface AlarmsLike {
  getAll(): Promise<{ name: string; scheduledTime: number }[]>;
  create(name: string, info: { when: number }): Promise<void> | void;
  clear(name: string): Promise<boolean>;
}

/** Makes the profile's reminder alarms exactly `plan`: clears the others, creates the missing. */
export async function applyReminderPlan(alarms: AlarmsLike, profileId: string, plan: readonly PlannedReminder[]): Promise<void> {
  const prefix = `${REMINDER_ALARM_PREFIX}${profileId}:`;
  const wanted = new Map(plan.map((p) => [p.name, p.when]));
  const existing = (await alarms.getAll()).filter((a) => a.name.startsWith(prefix));
  for (const alarm of existing) {
    if (wanted.get(alarm.name) === alarm.scheduledTime) wanted.delete(alarm.name);
    else await alarms.clear(alarm.name);
  }
  for (const [name, when] of wanted) await alarms.create(name, { when });
}

/** Clears every reminder alarm of a profile (on disconnect, or when its data is gone). */
export const clearReminders = (alarms: AlarmsLike, profileId: string): Promise<void> => applyReminderPlan(alarms, profileId, []);

// ---------------------------------------------------------------------------------------------
// Notification texts

export type ReminderLanguage = 'da' | 'en';

/** English when the browser's UI language is English, Danish otherwise (as the UI does). */
export const reminderLanguage = (uiLanguage: string | undefined): ReminderLanguage => (/^en(?:[-_]|$)/i.test(uiLanguage ?? '') ? 'en' : 'da');

export interface ReminderDetails {
  source: ReminderSourceKind;
  /** For activities and letters: appointment or deadline; a letter's appeal deadline is a decision's. */
  activityKind?: 'appointment' | 'deadline';
  /** A letter's deadline to appeal (labelled as a decision's is). */
  appeal?: boolean;
  /** An imported whole-day appointment: its day counts, not a time. */
  allDay?: boolean;
  title: string;
  at: number;
}

const TEXTS = {
  da: {
    locked: { title: 'Handlerum', message: 'Du har en frist eller aftale snart – lås Handlerum op for at se den.' },
    appointment: 'Aftale',
    deadline: 'Frist',
    appeal: 'Klagefrist',
    locale: 'da-DK',
  },
  en: {
    locked: { title: 'Handlerum', message: 'You have a deadline coming up — unlock Handlerum to see it.' },
    appointment: 'Appointment',
    deadline: 'Deadline',
    appeal: 'Last day to appeal',
    locale: 'en-GB',
  },
} as const;

/** The notification for a reminder: the event's title and time, or a generic text while the vault is locked. */
export function reminderNotification(language: ReminderLanguage, details: ReminderDetails | null): { title: string; message: string } {
  const texts = TEXTS[language];
  if (!details) return { ...texts.locked };
  const label = details.source === 'decision' || details.appeal ? texts.appeal : details.activityKind === 'deadline' ? texts.deadline : texts.appointment;
  // Whole days: an appeal's last day, a deadline read from a letter, a whole-day imported appointment.
  const wholeDay = details.source === 'decision' || (details.source === 'letter' && details.activityKind === 'deadline') || details.allDay === true;
  const when = new Intl.DateTimeFormat(texts.locale, {
    timeZone: 'Europe/Copenhagen',
    dateStyle: 'full',
    ...(wholeDay ? {} : { timeStyle: 'short' as const }),
  }).format(details.at);
  return { title: `${label}: ${details.title}`, message: when };
}
