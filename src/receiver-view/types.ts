/** The shapes of a bundle read as a person reads it: blocks of facts, tables, charts, texts and files. */
import type { SeriesPoint } from '../shared/chart-scale';
import type { Language } from './words';

export interface Fact {
  label: string;
  value: string;
}

/** A link out of the bundle: http(s) only, shown with its address when printed. */
export interface Link {
  text: string;
  href: string;
}

export interface Column {
  label: string;
  numeric: boolean;
}

export interface Table {
  caption: string;
  columns: Column[];
  rowCount: number;
  /** The cells of row `i` (0 ≤ i < rowCount), made when asked. */
  row(i: number): string[];
  /** Sums under the table, already in words and Danish formats. */
  totals: Fact[];
}

export interface Chart {
  title: string;
  /** The unit in words ("skridt", "kg"), or empty. */
  unit: string;
  /** Bars for a day's total (steps), a line for a measured value (weight). */
  bars: boolean;
  /** One point a month (a summary) rather than a day. */
  monthly: boolean;
  /** Days (YYYY-MM-DD), oldest first; a month's figure sits on its 15th. */
  points: SeriesPoint[];
  /** The sentence a screen reader hears, and the printout shows, instead of the picture. */
  summary: string;
}

export interface TextItem {
  title: string;
  meta: string;
  text: string;
  points: string[];
}

export interface SummaryPointView {
  text: string;
  /** The documents the point comes from, each as "title, date". */
  sources: string[];
}

export interface SummarySectionView {
  heading: string;
  points: SummaryPointView[];
}

export interface SummaryView {
  title: string;
  facts: Fact[];
  sections: SummarySectionView[];
  /** Every document the summary was made from, each as "title, date". */
  covers: string[];
}

export interface FileItem {
  name: string;
  /** The file's path in the bundle. */
  path: string;
  facts: Fact[];
}

export interface DocumentView {
  title: string;
  facts: Fact[];
  /** The whole text of a text document, or null for a PDF. */
  text: string | null;
  /** The PDF in the bundle, when the document is one and the bundle carries it. */
  pdf: FileItem | null;
  /** A PDF the bundle does not carry. */
  pdfMissing: boolean;
}

export interface DecisionView {
  title: string;
  facts: Fact[];
  outcomeText: string;
  legalBasis: string[];
  basis: string[];
  appeal: { facts: Fact[]; howTo: string; link: Link | null } | null;
}

export interface ActivityView {
  title: string;
  facts: Fact[];
  description: string;
  link: Link | null;
}

export interface CaseView {
  title: string;
  facts: Fact[];
  history: Fact[];
  representatives: string[];
  /** Null when the part was not shared (an empty list when it was, and is empty). */
  decisions: DecisionView[] | null;
  documents: DocumentView[] | null;
  payments: Table | null;
  activities: ActivityView[] | null;
}

export type Block =
  | { kind: 'case'; heading: string; view: CaseView }
  | { kind: 'figures'; heading: string; facts: Fact[]; charts: Chart[]; tables: Table[] }
  | { kind: 'text'; heading: string; items: TextItem[] }
  | { kind: 'summary'; heading: string; items: SummaryView[] }
  | { kind: 'files'; heading: string; files: FileItem[] }
  | { kind: 'unknown'; heading: string };

export interface ReadableView {
  language: Language;
  blocks: Block[];
}
