/** The shapes of the plain-language catalogue. */

export type Language = 'da' | 'en';
export const LANGUAGES: readonly Language[] = ['da', 'en'];

/** Our own words for one topic or status, in one language. */
export interface PlainText {
  /** A short name a citizen would use ("Kontanthjælp", "Cash benefit"). */
  readonly title: string;
  /** One to three sentences: what it is, and what it means for you. */
  readonly explanation: string;
  /** Things you can do, each one short sentence or two. */
  readonly tips?: readonly string[];
}

export interface TopicEntry {
  /** The KLE topic code, `xx.yy.zz`. */
  readonly code: string;
  /**
   * The official KLE title, verbatim. Written here so a meta-test notices when a new KLE
   * edition renames or removes the topic the explanation was written for.
   */
  readonly officialTitle: string;
  readonly da: PlainText;
  readonly en: PlainText;
}

/** Identity helper that keeps each topic file's entries typed without repeating the type. */
export const defineTopics = (entries: readonly TopicEntry[]): readonly TopicEntry[] => entries;
