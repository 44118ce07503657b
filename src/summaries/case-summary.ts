/**
 * A short summary of a case file or of one document, made on the citizen's computer: what the
 * case is about, what has been decided and why, what the citizen must do and by when, whom to
 * contact, and the documents' most informative sentences. Built from the case's own structured
 * data (the municipality's records) and from the documents' text; every point names the records
 * and sentences it comes from. Deterministic: the same case and day give the same summary.
 */
import type { Activity, Case, Decision, Document } from '../municipal/api/schemas';
import { explainStatus, explainTopic } from '../municipal/plain-language/index';
import { danishDay } from '../shared/danish-time';
import { factPoints, type ReadFacts } from './facts';
import { topSentences, type SourceText } from './sentences';
import type { Summary, SummaryPoint, SummarySource } from './types';
import { dayWords, momentWords, WORDS, type SummaryLanguage } from './words';

export interface CaseFile {
  case: Case;
  decisions: readonly Decision[];
  activities: readonly Activity[];
  documents: readonly Document[];
  /** Text read from documents kept as PDFs, by document id, where the vault has it. */
  pdfTexts?: ReadonlyMap<string, string>;
  /** A letter reader for the documents' text (src/letters/reading's readLetter); without one, only the structured data and the sentences count. */
  readFacts?: ReadFacts;
}

/** Quoted sentences in a case summary, and in one document's. */
const CASE_SENTENCES = 5;
const DOCUMENT_SENTENCES = 3;

const textOf = (doc: Document, pdfTexts?: ReadonlyMap<string, string>): string | null =>
  doc.content.format === 'text' ? doc.content.text : (pdfTexts?.get(doc.id) ?? null);

const documentSource = (doc: Pick<Document, 'id' | 'title' | 'date'>, sentence?: number): SummarySource => ({
  recordType: 'document',
  recordId: doc.id,
  documentTitle: doc.title,
  date: doc.date,
  ...(sentence === undefined ? {} : { sentence }),
});

const activityAt = (a: Activity): string => (a.kind === 'appointment' ? a.startsAt : a.dueAt);

function contactWays(channels: Case['representatives'][number]['channels'], lang: SummaryLanguage): string {
  const w = WORDS[lang];
  return channels
    .map((c) => (c.kind === 'phone' ? w.phone(c.value, c.hours ?? '') : c.kind === 'email' ? w.email(c.value) : null))
    .filter((x): x is string => x !== null)
    .join(', ');
}

/** A topic name that repeats the title ("Rehabiliteringsteamet" for "Rehabiliteringsteam – …") says nothing new. */
const overlaps = (a: string, b: string): boolean => {
  const [x, y] = [a.toLowerCase().replace(/(et|en|erne)$/, ''), b.toLowerCase()];
  return y.includes(x) || x.includes(y);
};

function aboutPoints(file: CaseFile, documents: readonly Document[], lang: SummaryLanguage): SummaryPoint[] {
  const w = WORDS[lang];
  const c = file.case;
  const caseSource: SummarySource = { recordType: 'case', recordId: c.id, documentTitle: c.title, date: c.openedAt };
  const topic = explainTopic(c.kle.code, lang)?.plainTitle ?? c.kle.title;
  const points: SummaryPoint[] = [
    {
      section: 'about',
      text: w.about(c.title, overlaps(topic, c.title) ? '' : topic, dayWords(c.openedAt, lang), c.unit.name, explainStatus(c.status, lang).title.toLowerCase()),
      sources: [caseSource],
    },
  ];
  if (documents.length > 0) {
    const notes = documents.filter((d) => d.kind === 'journal-note').length;
    points.push({
      section: 'about',
      text: w.file(documents.length, notes, dayWords(documents[0]!.date, lang), dayWords(documents[documents.length - 1]!.date, lang)),
      sources: documents.map((d) => documentSource(d)),
    });
  }
  const latest = c.statusHistory[c.statusHistory.length - 1];
  if (latest?.note) points.push({ section: 'about', text: w.latestStep(dayWords(danishDay(latest.at), lang), latest.note), sources: [caseSource] });
  return points;
}

function decisionPoints(file: CaseFile, lang: SummaryLanguage): SummaryPoint[] {
  const w = WORDS[lang];
  const decisions = [...file.decisions].sort((a, b) => a.decidedAt.localeCompare(b.decidedAt) || a.id.localeCompare(b.id));
  if (decisions.length === 0) return [{ section: 'decided', text: w.noDecision, sources: [] }];
  const byId = new Map(file.documents.map((d) => [d.id, d]));
  return decisions.map((d) => {
    const source: SummarySource = { recordType: 'decision', recordId: d.id, documentTitle: d.title, date: d.decidedAt };
    const basisDocs = d.basis.flatMap((b) => (b.kind === 'document' && byId.has(b.documentId) ? [documentSource(byId.get(b.documentId)!)] : []));
    const parts = [w.decision(dayWords(d.decidedAt, lang), d.title, d.outcome, d.outcomeText)];
    if (d.legalBasis.length > 0) parts.push(w.legalBasis(d.legalBasis.join('; ')));
    if (d.basis.length > 0) parts.push(w.basis(d.basis.map((b) => b.description).join('; ')));
    return { section: 'decided' as const, text: parts.join(' '), sources: [source, ...basisDocs] };
  });
}

function todoPoints(file: CaseFile, today: string, lang: SummaryLanguage): SummaryPoint[] {
  const w = WORDS[lang];
  const points: { at: string; point: SummaryPoint }[] = [];
  for (const a of file.activities) {
    if ((a.status !== 'planned' && a.status !== 'changed') || danishDay(activityAt(a)) < today) continue;
    const source: SummarySource = { recordType: 'activity', recordId: a.id, documentTitle: a.title, date: danishDay(activityAt(a)) };
    const text =
      a.kind === 'deadline'
        ? w.deadline(dayWords(danishDay(a.dueAt), lang), a.action ?? a.title)
        : w.appointment(
            momentWords(a.startsAt, lang),
            a.title,
            a.location ? [a.location.name, a.location.room, a.location.address].filter(Boolean).join(', ') : '',
          );
    points.push({ at: activityAt(a), point: { section: 'todo', text, sources: [source] } });
  }
  for (const d of file.decisions) {
    if (!d.appeal || d.appeal.deadline < today) continue;
    const source: SummarySource = { recordType: 'decision', recordId: d.id, documentTitle: d.title, date: d.decidedAt };
    points.push({
      at: `${d.appeal.deadline}T23:59`,
      point: { section: 'todo', text: w.appeal(d.title, d.appeal.body, dayWords(d.appeal.deadline, lang)), sources: [source] },
    });
  }
  if (points.length === 0) return [{ section: 'todo', text: w.nothingToDo, sources: [] }];
  return points.sort((a, b) => a.at.localeCompare(b.at) || a.point.text.localeCompare(b.point.text)).map((p) => p.point);
}

function contactPoints(file: CaseFile, lang: SummaryLanguage): SummaryPoint[] {
  const w = WORDS[lang];
  const c = file.case;
  const source: SummarySource = { recordType: 'case', recordId: c.id, documentTitle: c.title, date: c.openedAt };
  const points: SummaryPoint[] = [
    c.caseworker
      ? {
          section: 'contact',
          text: w.caseworker(c.caseworker.name, c.caseworker.unit ?? c.unit.name, contactWays(c.caseworker.channels, lang)),
          sources: [source],
        }
      : { section: 'contact', text: w.noContact, sources: [source] },
  ];
  for (const r of c.representatives) points.push({ section: 'contact', text: w.representative(r.name, r.role, r.organisation ?? ''), sources: [source] });
  return points;
}

function highlightPoints(texts: readonly SourceText[], count: number, lang: SummaryLanguage): SummaryPoint[] {
  return topSentences(texts, count).map((s) => ({
    section: 'highlights',
    text: WORDS[lang].quote(s.text),
    sources: [{ recordType: 'document', recordId: s.documentId, documentTitle: s.documentTitle, date: s.date, sentence: s.index }],
  }));
}

/**
 * What letters in the case file add that the structured data does not already say: a date the
 * case's activities and appeal deadlines do not hold, an outcome on a day no decision was made.
 */
function letterPoints(file: CaseFile, texts: readonly SourceText[], read: ReadFacts, options: { today: string; language: SummaryLanguage }): SummaryPoint[] {
  const knownDays = new Set([...file.activities.map((a) => danishDay(activityAt(a))), ...file.decisions.flatMap((d) => (d.appeal ? [d.appeal.deadline] : []))]);
  const decisionDays = new Set(file.decisions.map((d) => d.decidedAt));
  // Letters are read as letters; the caseworker's own journal notes are not letters.
  const letters = new Set(file.documents.filter((d) => d.kind === 'document').map((d) => d.id));
  return texts.flatMap((t) => {
    if (!letters.has(t.id)) return [];
    const facts = read(t.text, t.date);
    const dates = facts.dates.filter((d) => !knownDays.has(d.value.date));
    const { outcome, ...rest } = facts;
    return factPoints(t, { ...rest, dates, ...(outcome && !decisionDays.has(t.date) ? { outcome } : {}) }, options);
  });
}

/** A section's points with the letters' points of that section; "nothing yet" gives way to a finding. */
function withFacts(points: SummaryPoint[], facts: readonly SummaryPoint[], section: SummaryPoint['section']): SummaryPoint[] {
  const mine = facts.filter((p) => p.section === section);
  if (mine.length === 0) return points;
  return [...points.filter((p) => p.sources.length > 0), ...mine];
}

const byDate = (a: Document, b: Document) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id);

/**
 * A case file's summary.
 * @param today the Danish day (YYYY-MM-DD) that decides which deadlines and appointments are still ahead
 */
export function summariseCase(file: CaseFile, options: { today: string; language: SummaryLanguage }): Summary {
  const lang = options.language;
  const documents = [...file.documents].sort(byDate);
  const texts = documents.flatMap((d) => {
    const text = textOf(d, file.pdfTexts);
    return text ? [{ id: d.id, title: d.title, date: d.date, text }] : [];
  });
  const facts = file.readFacts ? letterPoints(file, texts, file.readFacts, options) : [];
  return {
    title: WORDS[lang].title(file.case.title),
    language: lang,
    method: 'handlerum-extractive-1',
    points: [
      ...aboutPoints(file, documents, lang),
      ...withFacts(decisionPoints(file, lang), facts, 'decided'),
      ...withFacts(todoPoints(file, options.today, lang), facts, 'todo'),
      ...contactPoints(file, lang),
      ...highlightPoints(texts, CASE_SENTENCES, lang),
    ],
    covers: documents.map((d) => ({ recordId: d.id, documentTitle: d.title, date: d.date })),
  };
}

/** One document's summary: what it is, and its most informative sentences (or that its text is not at hand). */
export function summariseDocument(doc: Document, options: { language: SummaryLanguage; pdfText?: string }): Summary {
  const w = WORDS[options.language];
  const text = doc.content.format === 'text' ? doc.content.text : (options.pdfText ?? null);
  const author = doc.author ? [doc.author.name, doc.author.unit].filter(Boolean).join(', ') : '';
  const points: SummaryPoint[] = [
    { section: 'about', text: w.docAbout(doc.kind, dayWords(doc.date, options.language), author), sources: [documentSource(doc)] },
  ];
  if (text) points.push(...highlightPoints([{ id: doc.id, title: doc.title, date: doc.date, text }], DOCUMENT_SENTENCES, options.language));
  else points.push({ section: 'about', text: w.noText, sources: [documentSource(doc)] });
  return {
    title: w.documentTitle(doc.title),
    language: options.language,
    method: 'handlerum-extractive-1',
    points,
    covers: [{ recordId: doc.id, documentTitle: doc.title, date: doc.date }],
  };
}
