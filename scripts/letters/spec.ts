/** The shape of a test letter: how it looks (render.ts) and what a careful reader finds in it. */
import type { CitedRule, DateMeaning, LetterKind, LetterLanguage, Outcome, SenderKind } from '../../src/letters/reading/types';
import type { Block, LetterLayout } from './render';

/** The expected reading, written by hand from the letter's content (never from the reader). */
export interface Expected {
  readonly language: LetterLanguage;
  readonly sender?: { readonly kind: SenderKind; readonly name: string; readonly unit?: string };
  readonly kind: LetterKind;
  readonly letterDate?: string;
  readonly caseNumbers: readonly string[];
  readonly journalNumbers: readonly string[];
  readonly kle?: string;
  /** Answer-by dates, appeal deadlines and other deadlines. */
  readonly deadlines: readonly { readonly meaning: Exclude<DateMeaning, 'appointment'>; readonly date: string }[];
  readonly appointments: readonly { readonly date: string; readonly time: string; readonly place?: string }[];
  /** Every amount in øre, in reading order. */
  readonly amounts: readonly number[];
  readonly outcome?: Outcome;
  readonly rules: readonly CitedRule[];
  readonly contact?: { readonly name?: string; readonly phone?: string; readonly email?: string };
}

export interface TestLetter extends LetterLayout {
  /** File name without extension: `NN-short-description`. */
  readonly id: string;
  readonly context?: { readonly receivedOn?: string };
  readonly expect: Expected;
}

export const defineLetters = (letters: readonly TestLetter[]): readonly TestLetter[] => letters;

/** The usual appeal paragraph, in several wordings letters use. */
export function appealSection(wording: 'modtaget' | 'frist' | 'fået' | 'modtagelsen' | 'fra-dag', to = 'kommunen'): Block[] {
  const sentence = {
    modtaget: `Hvis du vil klage, skal du sende klagen til ${to} inden 4 uger efter, at du har modtaget afgørelsen.`,
    frist: 'Fristen for at klage er 4 uger fra den dag, du modtog afgørelsen.',
    fået: 'Din klage skal være modtaget senest 4 uger efter, at du har fået afgørelsen.',
    modtagelsen: 'Du kan klage inden for fire uger fra modtagelsen af dette brev.',
    'fra-dag': 'Du kan klage inden 4 uger fra den dag, du har modtaget brevet.',
  }[wording];
  return [
    { h: 'Klagevejledning' },
    { p: `Du kan klage over afgørelsen. ${sentence} Du kan klage skriftligt eller mundtligt.` },
    {
      p: `Når vi har modtaget din klage, vurderer vi afgørelsen igen. Hvis vi fastholder afgørelsen, sender vi klagen videre til Ankestyrelsen, og du får besked om det.`,
    },
  ];
}
