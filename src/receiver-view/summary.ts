/**
 * A case summary (data.json's `caseSummaries`, docs/bundle-format.md) as a person reads it: its
 * heading, its points under the section they belong to, each with the documents it comes from,
 * and the documents the whole summary was made from.
 */
import { dateText, textOf } from './format';
import { isObject } from './parts';
import type { SummaryPointView, SummarySectionView, SummaryView } from './types';
import { label, word, type Language, type WordList } from './words';

export const SUMMARY_SECTION: WordList = {
  words: {
    about: { da: 'Hvad sagen handler om', en: 'What the case is about' },
    decided: { da: 'Hvad er besluttet, og hvorfor', en: 'What has been decided, and why' },
    todo: { da: 'Hvad borgeren skal gøre, og hvornår', en: 'What the citizen must do, and by when' },
    contact: { da: 'Hvem man kan kontakte', en: 'Whom to contact' },
    highlights: { da: 'Vigtige sætninger fra sagens dokumenter', en: "Key sentences from the case's documents" },
  },
  unknown: { da: 'Andet', en: 'Other' },
};

/** Holds the shape of a case summary: a title and a list of points that are objects with a text. */
export const isCaseSummary = (item: Record<string, unknown>): boolean =>
  (item.view === 'case-summary' || typeof item.title === 'string') &&
  Array.isArray(item.points) &&
  item.points.every((p) => isObject(p) && typeof p.text === 'string');

/** "Title, 3. marts 2026, sætning 4": one document a point or the summary rests on. */
function sourceText(source: Record<string, unknown>, language: Language): string {
  const parts = [textOf(source.documentTitle), typeof source.date === 'string' ? dateText(source.date, language) : ''];
  if (typeof source.sentence === 'number' && Number.isInteger(source.sentence) && source.sentence >= 0)
    parts.push(label('summarySentence', language, { number: source.sentence + 1 }));
  return parts.filter(Boolean).join(', ');
}

const listOf = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isObject) : []);

export function summaryView(item: Record<string, unknown>, language: Language): SummaryView {
  // Sections in the order their first point comes, points in the order the summary gives them.
  const sections = new Map<string, SummaryPointView[]>();
  for (const point of listOf(item.points)) {
    const heading = word(SUMMARY_SECTION, point.section, language);
    const points = sections.get(heading) ?? [];
    points.push({ text: textOf(point.text, true), sources: listOf(point.sources).map((s) => sourceText(s, language)) });
    sections.set(heading, points);
  }
  const asOf = typeof item.asOf === 'string' ? dateText(item.asOf, language) : '';
  const facts = [
    { label: label('caseNumber', language), value: textOf(item.caseNumber) },
    { label: label('summaryAsOf', language), value: asOf },
    // Only a method this page knows is named: an unknown one is a sender's value, not words.
    { label: label('summaryMadeBy', language), value: item.method === 'handlerum-extractive-1' ? label('summaryMethod', language) : '' },
  ].filter((f) => f.value !== '');
  const view: SummarySectionView[] = [...sections].map(([heading, points]) => ({ heading, points }));
  return { title: textOf(item.title), facts, sections: view, covers: listOf(item.covers).map((c) => sourceText(c, language)) };
}
