/** The reader's parts on small texts: the deadline calendar, line building, and readLetter's rules. */
import { describe, expect, it } from 'vitest';
import { closedDays, isClosedDay, periodEnd } from '../../src/letters/reading/calendar';
import { piecesToText, type TextPiece } from '../../src/letters/pdf/lines';
import { readLetter } from '../../src/letters/reading/read';
import type { LetterText } from '../../src/letters/reading/types';

const letter = (...pages: string[]): LetterText => ({ pages });

describe('deadline calendar', () => {
  it('counts weeks as weeks from the day after receipt', () => {
    expect(periodEnd('2027-01-12', 4, 'weeks')).toEqual({ date: '2027-02-09' });
    expect(periodEnd('2027-01-12', 14, 'days')).toEqual({ date: '2027-01-26' });
  });

  it('moves a deadline that ends on a closed day to the next working day', () => {
    expect(periodEnd('2027-01-16', 4, 'weeks')).toEqual({ date: '2027-02-15', movedFrom: '2027-02-13' });
    expect(periodEnd('2027-04-08', 4, 'weeks')).toEqual({ date: '2027-05-07', movedFrom: '2027-05-06' });
  });

  it('counts months to the same day, or the month’s last day', () => {
    expect(periodEnd('2027-02-10', 3, 'months')).toEqual({ date: '2027-05-10' });
    expect(periodEnd('2026-11-30', 3, 'months')).toEqual({ date: '2027-03-01', movedFrom: '2027-02-28' });
    expect(periodEnd('2027-01-31', 1, 'months')).toEqual({ date: '2027-03-01', movedFrom: '2027-02-28' });
  });

  it('knows the days authorities are closed', () => {
    // Easter 2027 is 28 March.
    for (const day of ['2027-03-25', '2027-03-26', '2027-03-29', '2027-05-06', '2027-05-17', '2027-12-24', '2027-12-31', '2027-01-01'])
      expect(isClosedDay(day), day).toBe(true);
    expect(isClosedDay('2026-06-05')).toBe(true);
    // Store bededag was abolished from 2024.
    expect(closedDays(2023).has('2023-05-05')).toBe(true);
    expect(isClosedDay('2027-04-23')).toBe(false);
    expect(isClosedDay('2027-02-09')).toBe(false);
  });
});

describe('lines from positioned text', () => {
  const piece = (text: string, x: number, y: number, width = text.length * 5): TextPiece => ({ text, x, y, width, size: 10 });

  it('reads two columns of prose column by column', () => {
    const left = ['Første linje i venstre spalte går helt ud', 'anden linje i venstre spalte går også ud', 'tredje linje i venstre spalte slutter her'];
    const right = ['Højre spalte begynder her og fortsætter', 'med mere tekst i den højre spalte, som', 'slutter nederst.'];
    const pieces = left.flatMap((text, i) => [piece(text, 56, 700 - i * 14, 230), piece(right[i]!, 308, 700 - i * 14, i === 2 ? 80 : 225)]);
    expect(piecesToText(pieces).split('\n')).toEqual([...left, ...right]);
  });

  it('keeps a table row together, its cells apart', () => {
    const rows = [
      ['Kontanthjælp', '12.788,00 kr.'],
      ['Særlig støtte', '1.250,00 kr.'],
      ['I alt', '14.038,00 kr.'],
    ];
    const pieces = rows.flatMap(([label, amount], i) => [piece(label!, 56, 600 - i * 14), piece(amount!, 480, 600 - i * 14, 60)]);
    expect(piecesToText(pieces)).toBe('Kontanthjælp\t12.788,00 kr.\nSærlig støtte\t1.250,00 kr.\nI alt\t14.038,00 kr.');
  });

  it('orders pieces by position, not by the order the PDF wrote them', () => {
    const pieces = [piece('verden', 90, 700), piece('anden linje', 56, 686), piece('Hej', 56, 700, 30)];
    expect(piecesToText(pieces)).toBe('Hej verden\nanden linje');
  });
});

const decision = [
  'Aarhus Kommune\tDato: 12. januar 2027',
  'Jobcenter Aarhus\tSagsnr.: 32.24.04-G01-1-27',
  'Afgørelse om kontanthjælp',
  'Du får kontanthjælp fra den 1. februar 2027. Du skal sende dine kontoudtog senest den 1. marts 2027.',
  'Klagevejledning',
  'Du kan klage inden 4 uger efter, at du har modtaget afgørelsen. Det følger af § 67 i retssikkerhedsloven.',
].join('\n');

describe('reading a letter', () => {
  it('finds two deadlines in one letter, each with its rule', () => {
    const reading = readLetter(letter(decision));
    expect(reading.dates.map((f) => f.value)).toEqual([
      { meaning: 'other-deadline', date: '2027-03-01', rule: { kind: 'stated' } },
      { meaning: 'appeal-deadline', date: '2027-02-09', rule: { kind: 'weeks-after-receipt', count: 4, from: '2027-01-12', fromIs: 'letter-date' } },
    ]);
    const appeal = reading.dates[1]!;
    expect(decision.slice(appeal.start, appeal.end)).toBe('inden 4 uger efter, at du har modtaget');
  });

  it('counts from the day the letter became available when that is known', () => {
    const reading = readLetter(letter(decision), { receivedOn: '2027-01-14' });
    expect(reading.dates.find((f) => f.value.meaning === 'appeal-deadline')?.value).toMatchObject({
      date: '2027-02-11',
      rule: { from: '2027-01-14', fromIs: 'received' },
    });
  });

  it('guesses no deadline when neither the letter’s date nor the receipt day is known', () => {
    const undated = decision.replace('Dato: 12. januar 2027', 'Dato: (ikke angivet)');
    const reading = readLetter(letter(undated));
    expect(reading.letterDate).toBeUndefined();
    expect(reading.dates.map((f) => f.value.meaning)).toEqual(['other-deadline']);
  });

  it('reads a cut benefit as reduced, whichever word the letter uses, but not a reduced working capacity', () => {
    const withOutcome = (sentence: string) => readLetter(letter(decision.replace('Du får kontanthjælp fra den 1. februar 2027.', sentence))).outcome?.value;
    expect(withOutcome('Vi nedsætter din kontanthjælp fra den 1. februar 2027.')).toBe('reduced');
    expect(withOutcome('Din boligstøtte nedsættes med 450 kr. om måneden.')).toBe('reduced');
    expect(withOutcome('Vi har besluttet en nedsættelse af din ydelse.')).toBe('reduced');
    expect(withOutcome('Din kontanthjælp er nedsat fra den 1. februar 2027.')).toBe('reduced');
    // A reduced working capacity describes the citizen: this sentence grants.
    expect(withOutcome('Du har varigt nedsat arbejdsevne, og vi bevilger dig fleksjob.')).toBe('granted');
    expect(withOutcome('Du har nedsat funktionsevne. Du får kontanthjælp.')).toBe('granted');
    expect(withOutcome('Du får ikke førtidspension, fordi din arbejdsevne ikke er varigt nedsat.')).toBe('refused');
    expect(withOutcome('Du får kontanthjælp fra den 1. februar 2027.')).toBe('granted');
    expect(withOutcome('Your housing benefit will be reduced from 1 February 2027.')).toBe('reduced');
  });

  it('gives the same reading for the same text', () => {
    expect(readLetter(letter(decision))).toEqual(readLetter(letter(decision)));
  });

  it('reads an English letter in its own notation and does not misread its amounts', () => {
    const english = [
      'Udbetaling Danmark\tDate: 14 January 2027',
      'Decision on your state pension',
      'You have been granted a state pension of DKK 7,198.00 per month. The supplement is 1,250 kr. per month.',
      'If you want to appeal, you must do so within four weeks of receiving this letter.',
    ].join('\n');
    const reading = readLetter(letter(english));
    expect(reading.language).toBe('en');
    expect(reading.kind).toBe('decision');
    expect(reading.amounts.map((f) => f.value.ore)).toEqual([719800, 125000]);
    expect(reading.dates.map((f) => [f.value.meaning, f.value.date])).toEqual([['appeal-deadline', '2027-02-11']]);
  });

  it('reads a German deadline counted from receipt', () => {
    const german = [
      'Aabenraa Kommune\tDatum: 1. Februar 2027',
      'Bescheid über Ihre Hilfe',
      'Sie können innerhalb von vier Wochen nach Erhalt dieses Bescheids Beschwerde einlegen. Wir sind für Sie da.',
    ].join('\n');
    const reading = readLetter(letter(german));
    expect(reading.language).toBe('de');
    expect(reading.dates.map((f) => [f.value.meaning, f.value.date])).toEqual([['appeal-deadline', '2027-03-01']]);
  });

  it('reads nothing into a letter in another language', () => {
    const french =
      'Madame, nous avons le plaisir de vous informer que votre demande a été acceptée le 12. januar 2027 et que la décision prend effet immédiatement pour une durée de deux ans.';
    const reading = readLetter(letter(french));
    expect(reading.language).toBe('other');
    expect(reading.kind).toBe('other');
    expect(reading.dates).toEqual([]);
  });

  it('finds the place of a meeting written above its date', () => {
    const text = [
      'Aarhus Kommune\tDato: 2. marts 2027',
      'Indkaldelse til samtale',
      'Du er indkaldt til en samtale om din kontanthjælp.',
      'Mødested: Jobcenter Aarhus, Værkmestergade 21',
      'Tid: Tirsdag den 16. marts 2027 kl. 10.00',
      'Med venlig hilsen',
    ].join('\n');
    const [meeting] = readLetter(letter(text)).dates;
    expect(meeting?.value).toMatchObject({ meaning: 'appointment', date: '2027-03-16', time: '10:00', place: 'Jobcenter Aarhus, Værkmestergade 21' });
  });

  it('tells the KLE topic from a journal number when the case number has none', () => {
    const text = 'Holbæk Kommune\tDato: 2. marts 2027\nSagsnr.: 2027-118433\nJ.nr.: 32.24.04-P19-7-27\nOrientering om din sag\nVi har modtaget dine papirer.';
    const kle = readLetter(letter(text)).kle!;
    expect(kle.value).toMatchObject({ code: '32.24.04', from: 'journal-number' });
    expect(text.slice(kle.start, kle.end)).toBe('32.24.04');
    // A code the KLE table does not know is no topic.
    expect(readLetter(letter(text.replace('32.24.04', '99.99.99'))).kle).toBeUndefined();
  });

  it('takes a deadline from a sentence that tells the citizen to act', () => {
    const text = 'Holbæk Kommune\tDato: 2. marts 2027\nIndkaldelse til jobsamtale\nSvar os venligst senest den 10. marts 2027, hvis tidspunktet ikke passer.';
    expect(readLetter(letter(text)).dates.map((f) => [f.value.meaning, f.value.date])).toEqual([['answer-by', '2027-03-10']]);
  });

  it('does not make a deadline of a date the authority sets for itself', () => {
    const text =
      'Horsens Kommune\tDato: 27. januar 2027\nAfgørelse om praktisk hjælp\nDu får hjælp til rengøring. Vi følger op på din hjælp senest den 1. juli 2027.';
    expect(readLetter(letter(text)).dates).toEqual([]);
  });
});
