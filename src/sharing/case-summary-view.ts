/**
 * "Et resumé af sagen": a derived view that stands in for a case file. The summary is made from
 * the case's records as the municipality signed them (src/summaries) and leaves as text: a title
 * and points, each naming the documents (title and date) it comes from, and the list of documents
 * it covers. It is the citizen's own reading of the file, so it carries no municipal signature;
 * the records themselves go only when the citizen also chooses the case.
 */
import { Activity, Case, Decision, Document } from '../municipal/api/schemas';
import { readLetter } from '../letters/reading/read';
import { summariseCase, type Summary } from '../summaries/index';
import type { MunicipalStored } from './derived';
import { SharingError } from './errors';

export interface CaseSummaryView {
  view: 'case-summary';
  title: string;
  caseNumber: string;
  language: Summary['language'];
  method: Summary['method'];
  /** The day the summary was made for (what is "still ahead" depends on it). */
  asOf: string;
  points: { section: string; text: string; sources: { documentTitle: string; date: string; recordType: string; sentence?: number }[] }[];
  covers: { documentTitle: string; date: string }[];
}

/**
 * A case's summary as it leaves in a share: in Danish, the language of the case file and of the
 * Danish recipients it is written for.
 * @throws {SharingError} `selection-unavailable` when a stored record no longer matches its schema
 */
export function caseSummaryView(
  source: { case: MunicipalStored; decisions: readonly MunicipalStored[]; activities: readonly MunicipalStored[]; documents: readonly MunicipalStored[] },
  asOf: string,
): CaseSummaryView {
  const parsed = {
    case: Case.safeParse(source.case.record),
    decisions: source.decisions.map((d) => Decision.safeParse(d.record)),
    activities: source.activities.map((a) => Activity.safeParse(a.record)),
    documents: source.documents.map((d) => Document.safeParse(d.record)),
  };
  const all = [parsed.case, ...parsed.decisions, ...parsed.activities, ...parsed.documents];
  if (!parsed.case.success || all.some((r) => !r.success))
    throw new SharingError('selection-unavailable', 'a record of the case cannot be read for its summary');
  const summary = summariseCase(
    {
      case: parsed.case.data,
      decisions: parsed.decisions.flatMap((r) => (r.success ? [r.data] : [])),
      activities: parsed.activities.flatMap((r) => (r.success ? [r.data] : [])),
      documents: parsed.documents.flatMap((r) => (r.success ? [r.data] : [])),
      readFacts: (text) => readLetter({ pages: [text] }),
    },
    { today: asOf, language: 'da' },
  );
  return {
    view: 'case-summary',
    title: summary.title,
    caseNumber: parsed.case.data.caseNumber,
    language: summary.language,
    method: summary.method,
    asOf,
    points: summary.points.map((p) => ({
      section: p.section,
      text: p.text,
      sources: p.sources.map((s) => ({
        documentTitle: s.documentTitle,
        date: s.date,
        recordType: s.recordType,
        ...(s.sentence === undefined ? {} : { sentence: s.sentence }),
      })),
    })),
    covers: summary.covers.map((c) => ({ documentTitle: c.documentTitle, date: c.date })),
  };
}
