/**
 * The words a summary is written in, Danish and English side by side. They live here, not in the
 * UI's dictionary, because a summary is data: it is shown on the case page and also leaves in a
 * share, built where no page runs.
 */
import type { Case, Decision } from '../municipal/api/schemas';
import { danishDay } from '../shared/danish-time';

type Role = Case['representatives'][number]['role'];

export type SummaryLanguage = 'da' | 'en';

const DAY = {
  da: new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const CLOCK = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Copenhagen' });

/** "14. december 2026" / "14 December 2026" for a day YYYY-MM-DD. */
export const dayWords = (day: string, lang: SummaryLanguage): string => DAY[lang].format(new Date(`${day.slice(0, 10)}T12:00:00Z`));

/** "14. december 2026 kl. 10.00" / "14 December 2026 at 10:00" for an instant, in Danish time. */
export function momentWords(instant: string, lang: SummaryLanguage): string {
  const day = dayWords(danishDay(instant), lang);
  const clock = CLOCK.format(new Date(instant));
  return lang === 'da' ? `${day} kl. ${clock.replace(':', '.')}` : `${day} at ${clock}`;
}

const OUTCOME: Record<Decision['outcome'], Record<SummaryLanguage, string>> = {
  granted: { da: 'bevilget', en: 'granted' },
  'partially-granted': { da: 'delvist bevilget', en: 'partly granted' },
  refused: { da: 'afslag', en: 'refused' },
  stopped: { da: 'stoppet', en: 'stopped' },
  other: { da: 'afgjort', en: 'decided' },
};

const ROLE: Record<Role, Record<SummaryLanguage, string>> = {
  lawyer: { da: 'advokat', en: 'lawyer' },
  relative: { da: 'pårørende', en: 'relative' },
  'support-person': { da: 'bisidder', en: 'support person' },
  union: { da: 'fagforening', en: 'union' },
  other: { da: 'repræsentant', en: 'representative' },
};

export const WORDS = {
  da: {
    section: {
      about: 'Hvad sagen handler om',
      decided: 'Hvad er besluttet, og hvorfor',
      todo: 'Hvad du skal gøre, og hvornår',
      contact: 'Hvem du kan kontakte',
      highlights: 'Vigtige sætninger fra sagens dokumenter',
    },
    title: (title: string) => `Resumé af sagen „${title}“`,
    documentTitle: (title: string) => `Resumé af „${title}“`,
    about: (title: string, topic: string, opened: string, unit: string, status: string) =>
      `Sagen handler om ${title}${topic ? ` (${topic})` : ''}. Den blev oprettet ${opened} hos ${unit} og har nu status: ${status}.`,
    file: (count: number, notes: number, first: string, last: string) =>
      `Sagsakten har ${count} ${count === 1 ? 'dokument' : 'dokumenter'}${notes ? `, heraf ${notes} ${notes === 1 ? 'journalnotat' : 'journalnotater'}` : ''}, fra ${first} til ${last}.`,
    latestStep: (day: string, note: string) => `Seneste skridt (${day}): ${note}`,
    decision: (day: string, title: string, outcome: Decision['outcome'], text: string) => `${day}: ${title} – ${OUTCOME[outcome].da}. ${text}`,
    legalBasis: (rules: string) => `Afgørelsen bygger på ${rules}.`,
    basis: (items: string) => `Kommunen har lagt vægt på: ${items}.`,
    noDecision: 'Der er endnu ikke truffet nogen afgørelse i sagen.',
    deadline: (day: string, what: string) => `Senest ${day}: ${what}`,
    appointment: (when: string, title: string, place: string) => `${when}: ${title}${place ? `, ${place}` : ''}.`,
    appeal: (title: string, body: string, day: string) => `Du kan klage over „${title}“ til ${body}. Klagefristen er ${day}.`,
    nothingToDo: 'Der er ingen åbne frister eller kommende aftaler i sagen.',
    caseworker: (name: string, unit: string, ways: string) => `Din sagsbehandler er ${name}, ${unit}${ways ? `: ${ways}` : ''}.`,
    representative: (name: string, role: Role, organisation: string) =>
      `${name} (${ROLE[role].da}${organisation ? `, ${organisation}` : ''}) repræsenterer dig i sagen.`,
    phone: (value: string, hours: string) => `tlf. ${value}${hours ? ` (${hours})` : ''}`,
    email: (value: string) => `e-mail ${value}`,
    noContact: 'Sagen nævner ingen sagsbehandler.',
    docAbout: (kind: 'document' | 'journal-note', day: string, author: string) =>
      `${kind === 'journal-note' ? 'Journalnotat' : 'Dokument'} fra ${day}${author ? `, skrevet af ${author}` : ''}.`,
    noText: 'Dokumentets tekst er ikke i datarummet (det er en PDF); resuméet bygger kun på titel og dato.',
    quote: (sentence: string) => `„${sentence}“`,
  },
  en: {
    section: {
      about: 'What the case is about',
      decided: 'What has been decided, and why',
      todo: 'What you must do, and by when',
      contact: 'Whom to contact',
      highlights: "Key sentences from the case's documents",
    },
    title: (title: string) => `Summary of the case "${title}"`,
    documentTitle: (title: string) => `Summary of "${title}"`,
    about: (title: string, topic: string, opened: string, unit: string, status: string) =>
      `The case is about ${title}${topic ? ` (${topic})` : ''}. It was opened on ${opened} at ${unit} and its status is now: ${status}.`,
    file: (count: number, notes: number, first: string, last: string) =>
      `The case file holds ${count} ${count === 1 ? 'document' : 'documents'}${notes ? `, ${notes} of them ${notes === 1 ? 'a journal note' : 'journal notes'}` : ''}, from ${first} to ${last}.`,
    latestStep: (day: string, note: string) => `Latest step (${day}): ${note}`,
    decision: (day: string, title: string, outcome: Decision['outcome'], text: string) => `${day}: ${title} – ${OUTCOME[outcome].en}. ${text}`,
    legalBasis: (rules: string) => `The decision rests on ${rules}.`,
    basis: (items: string) => `The municipality relied on: ${items}.`,
    noDecision: 'No decision has been made in the case yet.',
    deadline: (day: string, what: string) => `By ${day}: ${what}`,
    appointment: (when: string, title: string, place: string) => `${when}: ${title}${place ? `, ${place}` : ''}.`,
    appeal: (title: string, body: string, day: string) => `You can appeal "${title}" to ${body}. The last day to appeal is ${day}.`,
    nothingToDo: 'The case has no open deadlines or coming appointments.',
    caseworker: (name: string, unit: string, ways: string) => `Your caseworker is ${name}, ${unit}${ways ? `: ${ways}` : ''}.`,
    representative: (name: string, role: Role, organisation: string) =>
      `${name} (${ROLE[role].en}${organisation ? `, ${organisation}` : ''}) represents you in the case.`,
    phone: (value: string, hours: string) => `phone ${value}${hours ? ` (${hours})` : ''}`,
    email: (value: string) => `email ${value}`,
    noContact: 'The case names no caseworker.',
    docAbout: (kind: 'document' | 'journal-note', day: string, author: string) =>
      `${kind === 'journal-note' ? 'Journal note' : 'Document'} of ${day}${author ? `, written by ${author}` : ''}.`,
    noText: "The document's text is not in the vault (it is a PDF); the summary rests on its title and date only.",
    quote: (sentence: string) => `"${sentence}"`,
  },
} as const;

export type Words = (typeof WORDS)[SummaryLanguage];
