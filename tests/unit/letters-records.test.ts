/**
 * Letters as records: the kinds refuse what is not a letter's, a confirmed letter becomes the
 * right records (the municipal case its number names, a case of the citizen's own, or a new one;
 * its appointments and deadlines), those records are stored together in the vault, and they join
 * the calendar and its reminders marked as read from a letter.
 */
import { describe, expect, it } from 'vitest';
import {
  caseNumberKey,
  letterEventKind,
  letterKind,
  letterRecords,
  matchCase,
  ownCaseKind,
  READ_FROM_LETTER,
  type ConfirmedReading,
  type KnownCases,
} from '../../src/records/letters/index';
import { letterEntry, withLetterEntries } from '../../src/overview/letter-calendar';
import { letterEvent, parseAlarmName, planReminders, alarmNameOf, reminderNotification } from '../../src/municipal/connector/reminders';
import { danishInstant, endOfDanishDay } from '../../src/shared/danish-time';
import { vaultWithProfile } from './support/setup-vault';

const READING: ConfirmedReading = {
  sender: 'Vesterå Kommune, Jobcenter',
  type: 'summons',
  dated: '2026-12-01',
  caseNumbers: ['2026 1520 38-00123'],
  appointments: [{ title: 'Samtale om ressourceforløb', startsAt: '2026-12-15T09:45:00+01:00', place: 'Jobcenter Vesterå, Torvet 2' }],
  deadlines: [{ title: 'Klagefrist', kind: 'appeal', day: '2027-01-05', reasoning: '4 uger fra 8. december 2026' }],
  amounts: [],
  legalBasis: ['§ 11 i lov om aktiv socialpolitik'],
  contact: [],
};
const FILE = { title: 'Indkaldelse til samtale', fileName: 'indkaldelse.pdf', pages: 1, scan: false, text: 'Indkaldelse …' };
const CASES: KnownCases = {
  municipal: [
    { vaultId: 'muniCaseA', caseNumber: '2026-152038-00123' },
    { vaultId: 'muniCaseB', caseNumber: '2026-322404-00077' },
  ],
  own: [{ vaultId: 'ownCaseC', caseNumbers: ['UDK-2026-44871'] }],
};
const NOW = new Date('2026-12-07T13:00:00Z');
const input = (over: Partial<Parameters<typeof letterRecords>[0]> = {}) => ({
  letterId: 'letter00000000000000AA',
  newCaseId: 'newcase000000000000AAA',
  file: FILE,
  reading: READING,
  cases: CASES,
  now: NOW,
  ...over,
});

describe('matching a letter to its case', () => {
  it('compares case numbers without spaces, dots, dashes or case', () => {
    expect(caseNumberKey('2026 1520 38-00123')).toBe(caseNumberKey('2026-152038-00123'));
    expect(caseNumberKey('udk-2026.44871')).toBe(caseNumberKey('UDK-2026-44871'));
    expect(caseNumberKey('2026-152038-00123')).not.toBe(caseNumberKey('2026-152038-00124'));
  });

  it('takes the municipal case first, then one of the citizen’s own, else none', () => {
    expect(matchCase(['2026-322404-00077'], CASES)).toEqual({ ref: { kind: 'municipal-case', id: 'muniCaseB' }, by: 'municipal-number' });
    expect(matchCase(['UDK 2026 44871'], CASES)).toEqual({ ref: { kind: 'own-case', id: 'ownCaseC' }, by: 'own-number' });
    expect(matchCase(['9999-000000-00000'], CASES)).toBeNull();
    expect(matchCase([], CASES)).toBeNull();
  });

  it('does not match on a number too short to tell cases apart', () => {
    const cases: KnownCases = { municipal: [{ vaultId: 'x', caseNumber: '12' }], own: [] };
    expect(matchCase(['12'], cases)).toBeNull();
  });
});

describe('a confirmed letter as records', () => {
  it('joins the municipal case its number names, and makes no new case', () => {
    const out = letterRecords(input());
    expect(out.matchedBy).toBe('municipal-number');
    expect(out.newCase).toBeNull();
    expect(out.letter.data.case).toEqual({ kind: 'municipal-case', id: 'muniCaseA' });
    expect(out.letter.data.provenance).toBe(READ_FROM_LETTER);
    expect(letterKind.schema.safeParse(out.letter.data).success).toBe(true);
  });

  it('makes a new case of the citizen’s own when no case has the number', () => {
    const out = letterRecords(input({ reading: { ...READING, caseNumbers: ['ST-2026-991'] } }));
    expect(out.matchedBy).toBe('new');
    expect(out.newCase).toEqual({
      id: 'newcase000000000000AAA',
      data: { title: FILE.title, sender: READING.sender, caseNumbers: ['ST-2026-991'], provenance: READ_FROM_LETTER },
    });
    expect(out.letter.data.case).toEqual({ kind: 'own-case', id: 'newcase000000000000AAA' });
    expect(ownCaseKind.schema.safeParse(out.newCase!.data).success).toBe(true);
  });

  it('follows the citizen’s choice: another case, or a new one even when the number matched', () => {
    const chosen = letterRecords(input({ chosenCase: { kind: 'municipal-case', id: 'muniCaseB' } }));
    expect([chosen.matchedBy, chosen.letter.data.case.id, chosen.newCase]).toEqual(['chosen', 'muniCaseB', null]);
    const fresh = letterRecords(input({ chosenCase: 'new' }));
    expect([fresh.matchedBy, fresh.letter.data.case.id]).toEqual(['new', 'newcase000000000000AAA']);
  });

  it('turns each appointment and deadline into a calendar entry of the letter, in the letter’s case', () => {
    const { events } = letterRecords(input());
    expect(events.map((e) => [e.id, e.data.kind])).toEqual([
      ['letter00000000000000AA-a0', 'appointment'],
      ['letter00000000000000AA-d0', 'deadline'],
    ]);
    for (const e of events) {
      expect(letterEventKind.schema.safeParse(e.data).success).toBe(true);
      expect(e.data).toMatchObject({ letterId: 'letter00000000000000AA', case: { kind: 'municipal-case', id: 'muniCaseA' }, provenance: READ_FROM_LETTER });
    }
    expect(events[1]!.data).toMatchObject({ deadlineKind: 'appeal', day: '2027-01-05', reasoning: '4 uger fra 8. december 2026' });
  });

  it('keeps a scan without text, and cuts a text over the limit and says so', () => {
    const scan = letterRecords(input({ file: { ...FILE, scan: true, text: '' }, reading: { ...READING, appointments: [], deadlines: [] } }));
    expect(scan.letter.data).toMatchObject({ scan: true, text: '', textCut: false });
    expect(scan.events).toEqual([]);
    const long = letterRecords(input({ file: { ...FILE, text: 'x'.repeat(500_000) } }));
    expect([long.letter.data.text.length, long.letter.data.textCut]).toEqual([400_000, true]);
  });
});

describe('the kinds refuse what is not a letter’s', () => {
  const base = letterRecords(input());
  it('a letter must say it was read by the citizen', () => {
    expect(letterKind.schema.safeParse({ ...base.letter.data, provenance: 'municipal-signed' }).success).toBe(false);
    expect(letterEventKind.schema.safeParse({ ...base.events[0]!.data, provenance: undefined }).success).toBe(false);
  });
  it('an appointment needs an instant with its offset; a deadline a calendar day', () => {
    expect(letterEventKind.schema.safeParse({ ...base.events[0]!.data, startsAt: '2026-12-15 09:45' }).success).toBe(false);
    expect(letterEventKind.schema.safeParse({ ...base.events[1]!.data, day: '5. januar 2027' }).success).toBe(false);
  });
  it('a letter belongs to a municipal case or one of the citizen’s own, nothing else', () => {
    expect(letterKind.schema.safeParse({ ...base.letter.data, case: { kind: 'bank-account', id: 'x' } }).success).toBe(false);
  });
});

describe('in the vault', () => {
  it('the PDF, the letter, a new case and its entries are stored in one write and read back', async () => {
    const { vault, profileId } = await vaultWithProfile('letters');
    const out = letterRecords(input({ reading: { ...READING, caseNumbers: ['ST-2026-991'] } }));
    const put = (kind: string, id: string, data: unknown) => ({ op: 'put' as const, profileId, kind, id, data });
    await vault.records.write([
      put(ownCaseKind.name, out.newCase!.id, out.newCase!.data),
      put(letterKind.name, out.letter.id, out.letter.data),
      ...out.events.map((e) => put(letterEventKind.name, e.id, e.data)),
    ]);
    expect((await vault.records.get(profileId, letterKind, out.letter.id))?.data).toEqual(out.letter.data);
    expect((await vault.records.list(profileId, letterEventKind)).records.map((r) => r.id).sort()).toEqual(out.events.map((e) => e.id).sort());
    expect((await vault.records.list(profileId, ownCaseKind)).records).toHaveLength(1);
  });

  it('a write with one bad record stores none of them', async () => {
    const { vault, profileId } = await vaultWithProfile('letters-bad');
    const out = letterRecords(input());
    await expect(
      vault.records.write([
        { op: 'put', profileId, kind: letterKind.name, id: out.letter.id, data: out.letter.data },
        { op: 'put', profileId, kind: letterEventKind.name, id: out.events[0]!.id, data: { ...out.events[0]!.data, startsAt: 'soon' } },
      ]),
    ).rejects.toThrow();
    expect((await vault.records.list(profileId, letterKind)).records).toEqual([]);
  });
});

describe('the calendar and its reminders', () => {
  const { events } = letterRecords(input());
  const [appointment, deadline] = events as [(typeof events)[number], (typeof events)[number]];

  it('an appointment is at its time, a deadline a whole day, both marked as from a letter', () => {
    expect(letterEntry(appointment.id, appointment.data)).toMatchObject({
      kind: 'appointment',
      start: '2026-12-15T09:45:00+01:00',
      day: '2026-12-15',
      allDay: false,
      location: { name: 'Jobcenter Vesterå, Torvet 2' },
      recordKind: 'letter-event',
      letterId: 'letter00000000000000AA',
      source: null,
    });
    expect(letterEntry(deadline.id, deadline.data)).toMatchObject({
      kind: 'appeal',
      day: '2027-01-05',
      allDay: true,
      start: new Date(endOfDanishDay('2027-01-05')).toISOString(),
      detail: '4 uger fra 8. december 2026',
      recordKind: 'letter-event',
    });
  });

  it('joins the municipality’s entries in time order', () => {
    if (appointment.data.kind !== 'appointment') throw new Error('the first entry is the appointment');
    const municipal = {
      ...letterEntry('m', { ...appointment.data, startsAt: '2026-12-20T10:00:00+01:00' }),
      id: 'activity:m',
      recordKind: 'municipal-activity' as const,
    };
    expect(withLetterEntries([municipal], events).map((e) => e.id)).toEqual([`letter:${appointment.id}`, 'activity:m', `letter:${deadline.id}`]);
  });

  it('reminds before both, under alarm names that carry only ids', () => {
    const now = Date.parse('2026-12-07T13:00:00Z');
    const planned = planReminders(
      'profileP',
      events.map((e) => letterEvent(e.id, e.data)!),
      [2 * 24 * 60, 120],
      now,
    );
    expect(planned).toHaveLength(4);
    expect(planned[0]).toMatchObject({ source: 'letter', recordId: appointment.id, when: Date.parse('2026-12-15T09:45:00+01:00') - 2 * 24 * 3600_000 });
    for (const p of planned) {
      expect(parseAlarmName(p.name)).toEqual({ profileId: 'profileP', source: 'letter', recordId: p.recordId, leadMinutes: p.leadMinutes });
      expect(p.name).not.toMatch(/Samtale|Klage/);
    }
    expect(alarmNameOf({ profileId: 'p', source: 'letter', recordId: 'r', leadMinutes: 15 })).toBe('handlerum-reminder:p:letter:r:15');
  });

  it('names a letter’s appeal deadline as one, on its day without a time', () => {
    const at = endOfDanishDay('2027-01-05');
    const note = reminderNotification('da', { source: 'letter', activityKind: 'deadline', appeal: true, title: 'Afgørelse om boligstøtte', at });
    expect(note.title).toBe('Klagefrist: Afgørelse om boligstøtte');
    expect(note.message).not.toMatch(/\d{2}[.:]\d{2}/);
  });
});

describe('Danish wall-clock time', () => {
  it('gives winter and summer time their own offsets, and refuses times that do not exist', () => {
    expect(danishInstant('2026-12-15', '09:45')).toBe('2026-12-15T09:45:00+01:00');
    expect(danishInstant('2027-06-15', '09:45')).toBe('2027-06-15T09:45:00+02:00');
    // 28 March 2027: clocks go from 02:00 to 03:00.
    expect(danishInstant('2027-03-28', '02:30')).toBeNull();
    expect(danishInstant('2026-12-15', '9.45')).toBeNull();
    expect(danishInstant('2026-12-15', '24:00')).toBeNull();
  });
});
