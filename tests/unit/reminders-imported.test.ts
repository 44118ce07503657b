/**
 * Reminders for the appointments read in from calendar files (src/background/reminders.ts): they
 * get alarms as the municipality's activities and the letters' entries do, named by ids only; a
 * cancelled one loses its alarms; the notification reads the title from the vault.
 */
import { describe, expect, it } from 'vitest';
import { Reminders } from '../../src/background/reminders';
import type { Settings } from '../../src/messaging/settings';
import { importedEvent, parseAlarmName, planReminders, reminderNotification } from '../../src/municipal/connector/reminders';
import type { KindData } from '../../src/records/kind';
import { calendarEventKind } from '../../src/records/own/index';
import { vaultWithProfile } from './support/setup-vault';

type CalendarEvent = KindData<typeof calendarEventKind>;

const NOW = Date.parse('2026-12-07T12:00:00+01:00');
const GP: CalendarEvent = {
  uid: 'konsultation-4711@laegehuset.example',
  occurrence: null,
  sequence: 0,
  status: 'confirmed',
  title: 'Konsultation hos læge Ole Vinther',
  location: 'Lægehuset Vesterå, Torvet 3',
  allDay: false,
  start: '2026-12-14T09:30:00+01:00',
  end: '2026-12-14T09:45:00+01:00',
  source: { fileName: 'gp-invitation.ics', importedAt: '2026-12-07T10:00:00.000Z' },
};
const SCHOOL_TRIP: CalendarEvent = { ...GP, uid: 'tur@skole.example', title: 'Skolens udflugt', allDay: true, start: '2026-12-18', end: '2026-12-19' };

describe('an imported appointment as a reminder event', () => {
  it('starts at its time; a whole-day one at the start of its Danish day; a cancelled one has none', () => {
    expect(importedEvent('r1', GP)).toEqual({ source: 'imported', recordId: 'r1', at: Date.parse('2026-12-14T09:30:00+01:00') });
    expect(importedEvent('r2', SCHOOL_TRIP)!.at).toBe(Date.parse('2026-12-18T00:00:00+01:00'));
    expect(importedEvent('r1', { ...GP, status: 'tentative' })).not.toBeNull();
    expect(importedEvent('r1', { ...GP, status: 'cancelled' })).toBeNull();
  });

  it('is planned under alarm names that carry only ids', () => {
    const planned = planReminders('profileP', [importedEvent('rec_1', GP)!], [2 * 24 * 60, 120], NOW);
    expect(planned.map((p) => p.when)).toEqual([Date.parse('2026-12-12T09:30:00+01:00'), Date.parse('2026-12-14T07:30:00+01:00')]);
    for (const p of planned) {
      expect(p.name).toMatch(/^handlerum-reminder:profileP:imported:rec_1:\d+$/);
      expect(parseAlarmName(p.name)).toEqual({ profileId: 'profileP', source: 'imported', recordId: 'rec_1', leadMinutes: p.leadMinutes });
    }
    expect(parseAlarmName('handlerum-reminder:p:calendar:r:120')).toBeNull();
  });

  it('is announced as an appointment; a whole-day one by its day alone', () => {
    const timed = reminderNotification('da', { source: 'imported', activityKind: 'appointment', title: GP.title, at: importedEvent('r', GP)!.at });
    expect(timed.title).toBe('Aftale: Konsultation hos læge Ole Vinther');
    expect(timed.message).toMatch(/09[.:]30/);
    const day = reminderNotification('en', { source: 'imported', activityKind: 'appointment', allDay: true, title: SCHOOL_TRIP.title, at: 0 });
    expect(day.title).toBe('Appointment: Skolens udflugt');
    expect(day.message).not.toMatch(/\d{2}[.:]\d{2}/);
  });
});

describe('the background’s reminders for imported appointments', () => {
  async function setup() {
    const { vault, profileId } = await vaultWithProfile('reminders');
    const alarms = new Map<string, number>();
    const notifications: { id: string; title: string; message: string }[] = [];
    let stored: unknown;
    const reminders = new Reminders({
      vault,
      settings: { get: async () => stored, set: async (value: Settings) => void (stored = value) },
      alarms: {
        getAll: async () => [...alarms].map(([name, scheduledTime]) => ({ name, scheduledTime })),
        create: (name, { when }) => void alarms.set(name, when),
        clear: async (name) => alarms.delete(name),
      },
      notify: async (id, text) => void notifications.push({ id, ...text }),
      uiLanguage: () => 'da',
      now: () => NOW,
    });
    const put = async (data: CalendarEvent, id?: string) =>
      (await vault.records.write([{ op: 'put', profileId, kind: calendarEventKind.name, ...(id ? { id } : {}), data }]))[0]!.id;
    const changed = () => reminders.onRecordsChanged([{ profileId, kind: calendarEventKind.name }]);
    return { vault, profileId, alarms, notifications, reminders, put, changed };
  }

  it('sets alarms when a calendar file is imported, and clears them when the appointment is cancelled', async () => {
    const { profileId, alarms, put, changed } = await setup();
    const id = await put(GP);
    await changed();
    expect([...alarms.keys()].sort()).toEqual([`handlerum-reminder:${profileId}:imported:${id}:120`, `handlerum-reminder:${profileId}:imported:${id}:2880`]);
    for (const name of alarms.keys()) expect(name).not.toMatch(/Konsultation|Vinther|Vesterå/);

    await put({ ...GP, sequence: 1, status: 'cancelled' }, id);
    await changed();
    expect(alarms.size).toBe(0);
  });

  it('moves the alarms with a moved appointment, and leaves alone changes to kinds it does not remind of', async () => {
    const { profileId, alarms, put, changed, reminders } = await setup();
    const id = await put(GP);
    await changed();
    await put({ ...GP, sequence: 1, start: '2026-12-14T11:00:00+01:00', end: '2026-12-14T11:15:00+01:00' }, id);
    await reminders.onRecordsChanged([{ profileId, kind: 'note' }]);
    expect(alarms.get(`handlerum-reminder:${profileId}:imported:${id}:120`)).toBe(Date.parse('2026-12-14T07:30:00+01:00'));
    await changed();
    expect(alarms.get(`handlerum-reminder:${profileId}:imported:${id}:120`)).toBe(Date.parse('2026-12-14T09:00:00+01:00'));
  });

  it('notifies with the title read from the vault, generically while locked, and not at all once it is gone', async () => {
    const { vault, profileId, alarms, notifications, reminders, put, changed } = await setup();
    const id = await put(GP);
    await changed();
    const name = `handlerum-reminder:${profileId}:imported:${id}:120`;
    expect(alarms.has(name)).toBe(true);
    expect(await reminders.onAlarm(name)).toBe(true);
    expect(notifications.at(-1)).toMatchObject({ id: name, title: 'Aftale: Konsultation hos læge Ole Vinther' });

    await vault.records.write([{ op: 'delete', profileId, kind: calendarEventKind.name, id }]);
    expect(await reminders.onAlarm(name)).toBe(true);
    expect(notifications).toHaveLength(1);

    vault.lock();
    await reminders.onAlarm(name);
    expect(notifications.at(-1)!.message).toMatch(/lås Handlerum op/);
    expect(JSON.stringify(notifications.at(-1))).not.toContain('Konsultation');
  });
});
