/**
 * The review of a letter: what the reader found becomes editable items that point at the
 * letter's own words, the highlights never overlap, and only what the citizen confirmed (with
 * valid days and times) becomes the reading that is stored.
 */
import { describe, expect, it } from 'vitest';
import type { LetterReading } from '../../src/letters/index';
import { confirmDraft, draftFromReading, DraftProblem, highlights, kronerText, pageRuns, type DraftWords } from '../../src/ui/letters/review';

const PAGE =
  'Vesterå Kommune\nJobcenter Vesterå\nSagsnr.: 2026-152038-00123\nIndkaldelse til samtale\n' +
  'Du indkaldes til samtale tirsdag den 15. december 2026 kl. 9.45 på Torvet 2.\n' +
  'Du kan klage inden 4 uger efter, at du har modtaget brevet.\nBeløb: 1.234,56 kr.\n';
const at = (text: string) => ({ page: 0, start: PAGE.indexOf(text), end: PAGE.indexOf(text) + text.length });

const READING: LetterReading = {
  language: 'da',
  kind: 'summons',
  sender: { value: { kind: 'municipality', name: 'Vesterå Kommune', unit: 'Jobcenter Vesterå' }, ...at('Vesterå Kommune') },
  caseNumbers: [{ value: '2026-152038-00123', ...at('2026-152038-00123') }],
  journalNumbers: [],
  dates: [
    {
      value: { meaning: 'appointment', date: '2026-12-15', time: '09:45', place: 'Torvet 2', rule: { kind: 'stated' } },
      ...at('tirsdag den 15. december 2026 kl. 9.45'),
    },
    {
      value: { meaning: 'appeal-deadline', date: '2026-12-29', rule: { kind: 'weeks-after-receipt', count: 4, from: '2026-12-01', fromIs: 'letter-date' } },
      ...at('inden 4 uger efter, at du har modtaget brevet'),
    },
  ],
  amounts: [{ value: { ore: 123456 }, ...at('1.234,56 kr.') }],
  rules: [],
};

const WORDS: DraftWords = {
  appointment: 'Aftale',
  answerBy: 'Svarfrist',
  appeal: 'Klagefrist',
  deadline: 'Frist',
  fileTitle: 'brev',
  reasoning: (rule) => `${rule.count} uger fra ${rule.from}`,
};

describe('a draft from what was read', () => {
  const draft = draftFromReading(READING, [PAGE], WORDS);

  it('has every finding as an item pointing at its words', () => {
    expect(draft.type).toBe('summons');
    expect(draft.title).toBe('Indkaldelse til samtale');
    expect(draft.sender?.value).toBe('Vesterå Kommune, Jobcenter Vesterå');
    expect(draft.caseNumbers.map((c) => c.value)).toEqual(['2026-152038-00123']);
    expect(draft.appointments[0]?.value).toEqual({ title: 'Aftale', day: '2026-12-15', time: '09:45', place: 'Torvet 2' });
    expect(draft.deadlines[0]?.value).toEqual({ title: 'Klagefrist', day: '2026-12-29', kind: 'appeal', reasoning: '4 uger fra 2026-12-01' });
    expect(draft.amounts[0]?.value.text).toBe('1.234,56 kr.');
    const span = draft.deadlines[0]!.span!;
    expect(PAGE.slice(span.start, span.end)).toBe('inden 4 uger efter, at du har modtaget brevet');
  });

  it('draws the letter as plain and marked runs that give back the whole text', () => {
    const marks = highlights(draft);
    const runs = pageRuns(PAGE, 0, marks);
    expect(runs.map((r) => r.text).join('')).toBe(PAGE);
    expect(runs.filter((r) => r.key).map((r) => r.text)).toEqual([
      'Vesterå Kommune',
      '2026-152038-00123',
      'tirsdag den 15. december 2026 kl. 9.45',
      'inden 4 uger efter, at du har modtaget brevet',
      '1.234,56 kr.',
    ]);
  });

  it('keeps only the first of overlapping highlights', () => {
    const overlapping = { ...draft, contact: [{ key: 'x', value: 'Vesterå', span: at('Vesterå Kommune\nJob') }] };
    const marks = highlights(overlapping);
    const starts = marks.map((m) => m.span.start);
    for (let i = 1; i < marks.length; i++) expect(marks[i]!.span.start).toBeGreaterThanOrEqual(marks[i - 1]!.span.end);
    expect(starts[0]).toBe(0);
  });

  it('a scan has nothing found and the file’s name as its title', () => {
    const scan = draftFromReading(null, [''], WORDS);
    expect([scan.title, scan.type, scan.caseNumbers, scan.appointments, scan.deadlines]).toEqual(['brev', 'other', [], [], []]);
  });
});

describe('confirming', () => {
  const draft = draftFromReading(READING, [PAGE], WORDS);

  it('gives the reading with Danish times as instants, and leaves out removed items', () => {
    const reading = confirmDraft({ ...draft, amounts: [] });
    expect(reading.appointments).toEqual([{ title: 'Aftale', startsAt: '2026-12-15T09:45:00+01:00', place: 'Torvet 2' }]);
    expect(reading.deadlines).toEqual([{ title: 'Klagefrist', kind: 'appeal', day: '2026-12-29', reasoning: '4 uger fra 2026-12-01' }]);
    expect(reading.amounts).toEqual([]);
    expect(reading.sender).toBe('Vesterå Kommune, Jobcenter Vesterå');
  });

  it('refuses an appointment without a valid time and a deadline without a day, naming the item', () => {
    const noTime = { ...draft, appointments: [{ ...draft.appointments[0]!, value: { ...draft.appointments[0]!.value, time: '' } }] };
    expect(() => confirmDraft(noTime)).toThrow(DraftProblem);
    try {
      confirmDraft(noTime);
    } catch (error) {
      expect(error).toMatchObject({ key: draft.appointments[0]!.key, problem: 'appointment-time' });
    }
    const noDay = { ...draft, deadlines: [{ ...draft.deadlines[0]!, value: { ...draft.deadlines[0]!.value, day: '' } }] };
    expect(() => confirmDraft(noDay)).toThrow(expect.objectContaining({ problem: 'deadline-day' }));
  });
});

it('writes kroner as a Danish letter does', () => {
  expect([kronerText(123456), kronerText(-50), kronerText(100000000)]).toEqual(['1.234,56 kr.', '-0,50 kr.', '1.000.000,00 kr.']);
});
