/**
 * Every text the bank importers show the citizen, in Danish and English, in one place; and the
 * helpers that build an `ImportError` or an `ImportIssue` from a code.
 */
import { ImportError, type ImportErrorCode, type ImportIssue } from '../types';

type Text = { da: string; en: string };

const ERRORS: Record<ImportErrorCode, Text> = {
  'empty-file': { da: 'Filen er tom.', en: 'The file is empty.' },
  'not-text': {
    da: 'Filen er ikke en tekstfil. Vælg den CSV-, camt.053- eller OFX-fil, banken har givet dig.',
    en: 'The file is not a text file. Choose the CSV, camt.053 or OFX file your bank gave you.',
  },
  'unknown-format': {
    da: 'Vi kender ikke filens opbygning. Du kan selv vælge, hvilke kolonner der er dato, tekst og beløb.',
    en: 'We do not recognise the layout of the file. You can choose which columns hold the date, text and amount.',
  },
  'damaged-encoding': {
    da: 'Filen er blevet beskadiget, før den kom hertil: bogstaverne æ, ø og å er erstattet af tegnet �. Hent filen igen fra banken.',
    en: 'The file was damaged before it reached us: the letters æ, ø and å have been replaced by �. Download it again from your bank.',
  },
  malformed: { da: 'Filen kan ikke læses, fordi den ikke er opbygget korrekt.', en: 'The file cannot be read because it is not well formed.' },
  truncated: { da: 'Filen ser ud til at være afskåret. Hent den igen fra banken.', en: 'The file seems to be cut off. Download it again from your bank.' },
  'too-large': { da: 'Filen er for stor (højst 200 MB).', en: 'The file is too large (200 MB at most).' },
  'line-too-long': {
    da: 'Filen har en linje, der er alt for lang til at være en kontoudskrift.',
    en: 'The file has a line far too long to be a bank statement.',
  },
  cancelled: { da: 'Indlæsningen blev afbrudt.', en: 'The import was cancelled.' },
};

/** An `ImportError` with the citizen's text for its code and a developer detail. */
export function importError(code: ImportErrorCode, detail: string, message?: Text, cause?: unknown): ImportError {
  return new ImportError(code, detail, { citizenMessage: message ?? ERRORS[code], ...(cause === undefined ? {} : { cause }) });
}

/** A CSV file whose last row is cut off; `completeRows` come before it and may be kept. */
export function cutOffError(line: number, completeRows: number): ImportError {
  const message = {
    da: `Filen ser ud til at være afskåret: den sidste række (linje ${line}) er ikke hel, så dens beløb kan være forkert. Hent filen igen fra banken.`,
    en: `The file seems to be cut off: its last row (line ${line}) is incomplete, so its amount may be wrong. Download the file again from your bank.`,
  };
  return new ImportError('truncated', `last row (line ${line}) cut off`, { citizenMessage: message, completeRows });
}

export const MIXED_DELIMITERS: Text = {
  da: 'Filen blander semikolon og komma som skilletegn mellem kolonnerne, så kolonnerne kan ikke findes sikkert.',
  en: 'The file mixes semicolons and commas between columns, so the columns cannot be found reliably.',
};

const ISSUES = {
  'bad-date': { severity: 'skipped', da: 'Rækken blev sprunget over: datoen kan ikke læses.', en: 'Row skipped: the date cannot be read.' },
  'bad-amount': { severity: 'skipped', da: 'Rækken blev sprunget over: beløbet kan ikke læses.', en: 'Row skipped: the amount cannot be read.' },
  'bad-balance': { severity: 'warning', da: 'Saldoen på rækken kan ikke læses og er udeladt.', en: 'The balance on this row cannot be read and was left out.' },
  'bad-row': { severity: 'skipped', da: 'Rækken blev sprunget over: den har for få kolonner.', en: 'Row skipped: it has too few columns.' },
  'mixed-delimiter': {
    severity: 'skipped',
    da: 'Rækken blev sprunget over: den bruger et andet skilletegn end resten af filen.',
    en: 'Row skipped: it uses a different separator than the rest of the file.',
  },
  'bad-quotes': {
    severity: 'warning',
    da: 'Et citationstegn i filen er ikke lukket; rækken kan være læst forkert.',
    en: 'A quotation mark in the file is not closed; the row may have been read wrongly.',
  },
  'cut-off-row': {
    severity: 'skipped',
    da: 'Den sidste række blev udeladt: filen er afskåret midt i den.',
    en: 'The last row was left out: the file is cut off in the middle of it.',
  },
  'pending-row': { severity: 'warning', da: 'Rækken er reserveret og endnu ikke bogført.', en: 'The row is reserved and not booked yet.' },
  'declined-row': {
    severity: 'skipped',
    da: 'Rækken blev sprunget over: betalingen blev afvist eller tilbageført og flyttede ingen penge.',
    en: 'Row skipped: the payment was declined or reverted and moved no money.',
  },
  'info-entry': {
    severity: 'skipped',
    da: 'Posten blev sprunget over: den er kun til orientering og er ikke bogført.',
    en: 'Entry skipped: it is for information only and not booked.',
  },
  'balance-mismatch': {
    severity: 'warning',
    da: 'Saldoen passer ikke med beløbene. Der kan mangle rækker, eller banken har skrevet saldoen anderledes.',
    en: 'The balance does not match the amounts. Rows may be missing, or the bank wrote the balance differently.',
  },
  'reversal-sign': {
    severity: 'warning',
    da: 'Tilbageførte poster havde omvendt fortegn i filen; de er vendt, så saldoen passer.',
    en: 'Reversed entries had the opposite sign in the file; they were flipped so the balance matches.',
  },
  'mixed-encoding': {
    severity: 'warning',
    da: 'Filen blander to tegnsæt; nogle bogstaver kan vises forkert.',
    en: 'The file mixes two character sets; some letters may show wrongly.',
  },
} as const satisfies Record<string, { severity: ImportIssue['severity']; da: string; en: string }>;

export type IssueCode = keyof typeof ISSUES;

export function issue(code: IssueCode, line: number | undefined, detail?: string): ImportIssue {
  const t = ISSUES[code];
  const out: ImportIssue = { code, severity: t.severity, message: { da: t.da, en: t.en } };
  if (line !== undefined) out.line = line;
  if (detail !== undefined) out.detail = detail;
  return out;
}
