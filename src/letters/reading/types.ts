/**
 * The public shapes of reading a letter: the text a PDF gave, and what the reader found in it.
 * Every finding points at the letter's own words (page and offsets), so the citizen can see
 * where it came from and correct it.
 */

/** A letter's text: one string per page in reading order, lines joined by "\n". */
export interface LetterText {
  readonly pages: readonly string[];
}

/** A value found in the letter, with where: `pages[page].slice(start, end)` is the source text. */
export interface Found<T> {
  readonly value: T;
  readonly page: number;
  readonly start: number;
  readonly end: number;
}

export type SenderKind = 'municipality' | 'udbetaling-danmark' | 'skattestyrelsen' | 'ankestyrelsen' | 'region' | 'hospital' | 'gp' | 'other';

export interface Sender {
  readonly kind: SenderKind;
  /** "Aarhus Kommune", "Udbetaling Danmark", "Region Midtjylland", "Lægerne i Vestergade". */
  readonly name: string;
  /** The unit within the sender ("Jobcenter Aarhus", "Ortopædkirurgisk Afdeling"), when given. */
  readonly unit?: string;
}

export type LetterKind = 'decision' | 'hearing' | 'summons' | 'receipt' | 'payment-statement' | 'access-reply' | 'other';

export type LetterLanguage = 'da' | 'en' | 'de' | 'other';

export type Outcome = 'granted' | 'partly-granted' | 'reduced' | 'refused' | 'stopped';

/**
 * How a date was reached. `stated`: written in the letter as a date. `weeks-after-receipt`: "inden
 * 4 uger efter, at du har modtaget brevet", counted from the day the letter counts as received.
 */
export type DateRule =
  | { readonly kind: 'stated' }
  | {
      readonly kind: 'weeks-after-receipt' | 'days-after-receipt' | 'months-after-receipt';
      readonly count: number;
      /** The day counted from (YYYY-MM-DD): the receipt day given, else the letter's date. */
      readonly from: string;
      /** Whether `from` is the known receipt day or the letter's date standing in for it. */
      readonly fromIs: 'received' | 'letter-date';
      /** Set when the deadline fell on a Saturday, Sunday or public holiday and was moved. */
      readonly movedFrom?: string;
    };

export type DateMeaning = 'appointment' | 'answer-by' | 'appeal-deadline' | 'other-deadline';

export interface MeaningfulDate {
  readonly meaning: DateMeaning;
  /** YYYY-MM-DD (a Danish calendar day). */
  readonly date: string;
  /** "09:45" when the letter gives a time. */
  readonly time?: string;
  /** Where, for an appointment. */
  readonly place?: string;
  readonly rule: DateRule;
}

export interface Amount {
  /** In øre, so sums are exact (1.234,56 kr. → 123456). Negative for deductions. */
  readonly ore: number;
  /** What the amount is for, in the letter's words ("Boligstøtte pr. måned"), when told. */
  readonly purpose?: string;
}

export interface CitedRule {
  /** "§ 11", "§ 11, stk. 2", "§§ 9-11". */
  readonly section: string;
  /** "lov om aktiv socialpolitik", "forvaltningsloven", "serviceloven". */
  readonly law: string;
}

export interface Contact {
  readonly name?: string;
  /** Digits only, 8 for Danish numbers ("+45 87 13 20 00" → "87132000"). */
  readonly phone?: string;
  readonly email?: string;
  /** The telephone hours in the letter's words ("mandag-torsdag kl. 9-12"). */
  readonly hours?: string;
}

export interface KleFinding {
  readonly code: string;
  readonly title: string;
  /** `case-number`: the code is embedded in the case number; `title`: words of the letter. */
  readonly from: 'case-number' | 'journal-number' | 'title';
}

/** Everything the reader found; what it could not tell is absent (or an empty list). */
export interface LetterReading {
  readonly language: LetterLanguage;
  readonly sender?: Found<Sender>;
  readonly kind: LetterKind;
  /** The letter's own date, YYYY-MM-DD. */
  readonly letterDate?: Found<string>;
  /** Case numbers (sagsnr., vores ref.), verbatim. */
  readonly caseNumbers: readonly Found<string>[];
  /** Journal numbers (j.nr.), verbatim. */
  readonly journalNumbers: readonly Found<string>[];
  readonly kle?: Found<KleFinding>;
  readonly dates: readonly Found<MeaningfulDate>[];
  readonly amounts: readonly Found<Amount>[];
  readonly outcome?: Found<Outcome>;
  readonly rules: readonly Found<CitedRule>[];
  readonly contact?: Found<Contact>;
}

/** What the reader may know beyond the text. */
export interface ReadingContext {
  /**
   * The day the letter became available in the citizen's Digital Post (YYYY-MM-DD), when known:
   * a letter counts as received that day (lov om Digital Post § 10, stk. 1).
   */
  readonly receivedOn?: string;
}
