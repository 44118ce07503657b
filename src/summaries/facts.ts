/**
 * What a letter reader found in a document's text (src/letters/reading, `readLetter`), as far as
 * a summary uses it: deadlines and appointments still ahead, an outcome, the rules cited. The
 * shape is structural, so any reader giving it fits and this module imports none; the caller
 * passes the reader in. Each finding points at its place in the text, which becomes the
 * sentence the point links to.
 */
import { splitSentences } from './sentences';
import { dayWords, WORDS, type SummaryLanguage } from './words';
import type { SummaryPoint, SummarySource } from './types';

interface FoundLike<T> {
  readonly value: T;
  readonly page: number;
  readonly start: number;
}

/** The part of a letter reading a summary reads (a subset of src/letters/reading's LetterReading). */
export interface LetterFacts {
  readonly kind: string;
  readonly dates: readonly FoundLike<{
    readonly meaning: 'appointment' | 'answer-by' | 'appeal-deadline' | 'other-deadline';
    readonly date: string;
    readonly time?: string;
    readonly place?: string;
  }>[];
  readonly outcome?: FoundLike<'granted' | 'partly-granted' | 'reduced' | 'refused' | 'stopped'>;
  readonly rules: readonly FoundLike<{ readonly section: string; readonly law: string }>[];
}

/** Reads a document's text (one page) into facts. */
export type ReadFacts = (text: string, documentDate: string) => LetterFacts;

/** The sentence of `text` that holds character `offset`. */
export function sentenceAt(text: string, offset: number): number {
  const flat = text.slice(0, offset).replace(/\s+/g, ' ');
  return Math.max(0, splitSentences(`${flat}x`).length - 1);
}

const MEANING = {
  da: { appointment: 'Aftale', 'answer-by': 'Svarfrist', 'appeal-deadline': 'Klagefrist', 'other-deadline': 'Frist' },
  en: { appointment: 'Appointment', 'answer-by': 'Answer by', 'appeal-deadline': 'Appeal deadline', 'other-deadline': 'Deadline' },
} as const;

const OUTCOME = {
  da: { granted: 'bevilget', 'partly-granted': 'delvist bevilget', reduced: 'nedsat', refused: 'afslag', stopped: 'stoppet' },
  en: { granted: 'granted', 'partly-granted': 'partly granted', reduced: 'reduced', refused: 'refused', stopped: 'stopped' },
} as const;

/**
 * The points a document's facts add: its dates still ahead (what to do), and for a decision
 * letter its outcome and rules (what was decided).
 */
export function factPoints(
  doc: { id: string; title: string; date: string; text: string },
  facts: LetterFacts,
  options: { today: string; language: SummaryLanguage },
): SummaryPoint[] {
  const lang = options.language;
  const source = (offset: number): SummarySource => ({
    recordType: 'document',
    recordId: doc.id,
    documentTitle: doc.title,
    date: doc.date,
    sentence: sentenceAt(doc.text, offset),
  });
  const points: SummaryPoint[] = [];
  for (const found of facts.dates) {
    const d = found.value;
    if (d.date < options.today) continue;
    const when = `${dayWords(d.date, lang)}${d.time ? (lang === 'da' ? ` kl. ${d.time.replace(':', '.')}` : ` at ${d.time}`) : ''}`;
    points.push({
      section: 'todo',
      text: `${MEANING[lang][d.meaning]}: ${when}${d.place ? `, ${d.place}` : ''} (${doc.title}).`,
      sources: [source(found.start)],
    });
  }
  if (facts.outcome) {
    const rules = facts.rules.map((r) => `${r.value.section} ${lang === 'da' ? 'i' : 'of'} ${r.value.law}`).join('; ');
    const text = `${dayWords(doc.date, lang)}: ${doc.title} – ${OUTCOME[lang][facts.outcome.value]}.${rules ? ` ${WORDS[lang].legalBasis(rules)}` : ''}`;
    points.push({ section: 'decided', text, sources: [source(facts.outcome.start), ...facts.rules.map((r) => source(r.start))] });
  }
  return points;
}
