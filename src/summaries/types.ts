/** The shape of a summary: points in sections, each naming the records and sentences it comes from. */
import type { SummaryLanguage } from './words';

export type SummarySection = 'about' | 'decided' | 'todo' | 'contact' | 'highlights';
export const SUMMARY_SECTIONS: readonly SummarySection[] = ['about', 'decided', 'todo', 'contact', 'highlights'];

/** Where a point comes from: a record of the case, and for a quoted sentence, which one. */
export interface SummarySource {
  recordType: 'case' | 'decision' | 'activity' | 'document';
  /** The municipality's id of the record. */
  recordId: string;
  /** The document's (or record's) title, as a reader finds it in the case file. */
  documentTitle: string;
  /** YYYY-MM-DD */
  date: string;
  /** 0-based sentence of the document's text a quoted point comes from. */
  sentence?: number;
}

export interface SummaryPoint {
  section: SummarySection;
  text: string;
  sources: SummarySource[];
}

export interface Summary {
  title: string;
  language: SummaryLanguage;
  /** How it was made: a deterministic extractive method over the case's own data. */
  method: 'handlerum-extractive-1';
  points: SummaryPoint[];
  /** The documents the summary covers (read or named), in date order. */
  covers: { recordId: string; documentTitle: string; date: string }[];
}
