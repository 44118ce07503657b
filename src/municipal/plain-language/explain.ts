/**
 * Plain-language explanations of a case's KLE topic and status, for the overview and case pages.
 *
 * Topics fall back step by step, so the citizen always sees the most specific honest words:
 * our own explanation → the official KLE title → the title the municipality sent → the title of
 * the code's group → "unknown topic". Only a string that is not shaped like a KLE code gives `null`.
 */
import { findKleGroup, findKleTopic, groupOf, parseKleTopicCode } from '../kle';
import { findCatalogueEntry } from './catalogue';
import { CASE_STATUSES, STATUS_ENTRIES, type ExplainedStatus } from './statuses';
import type { Language } from './types';

export type TopicSource =
  /** Our own plain-language explanation. */
  | 'catalogue'
  /** The official KLE title of this exact code (Danish only). */
  | 'official-title'
  /** Not in our KLE edition: the title the municipality sent with the code. */
  | 'reported-title'
  /** Not in our KLE edition and no title sent: the title of the code's group `xx.yy`. */
  | 'group-title'
  /** Not in our KLE edition, group unknown too. */
  | 'unknown';

export interface TopicExplanation {
  /** The code asked about. */
  readonly code: string;
  /** The official KLE title of the code, verbatim, or `null` when our edition lacks the code. */
  readonly officialTitle: string | null;
  readonly plainTitle: string;
  /** One to three plain sentences, or `null` when only a title is known. */
  readonly explanation: string | null;
  readonly tips: readonly string[];
  readonly source: TopicSource;
  /** The language `plainTitle` is written in: official titles exist in Danish only. */
  readonly titleLanguage: Language;
  /** The year KLE phases the topic out, when it does. */
  readonly phasedOutIn?: number;
}

export interface ExplainTopicOptions {
  /** The title the municipality sent with the code, used only when our KLE edition lacks the code. */
  readonly reportedTitle?: string;
}

const UNKNOWN_TOPIC: Record<Language, (code: string) => string> = {
  da: (code) => `Ukendt emne (KLE ${code})`,
  en: (code) => `Unknown topic (KLE ${code})`,
};

function assertLanguage(lang: unknown): asserts lang is Language {
  if (lang !== 'da' && lang !== 'en') throw new TypeError(`lang must be "da" or "en", got ${String(lang)}`);
}

/**
 * Explains a KLE topic code in `lang`. Returns `null` only when `code` is not shaped like a KLE
 * topic code (`xx.yy.zz`); a well-formed code always gets an answer, however thin.
 */
export function explainTopic(code: string, lang: Language, options: ExplainTopicOptions = {}): TopicExplanation | null {
  assertLanguage(lang);
  const topicCode = parseKleTopicCode(code);
  if (!topicCode) return null;
  const official = findKleTopic(topicCode);
  const phasedOut = official?.phasedOutIn === undefined ? {} : { phasedOutIn: official.phasedOutIn };

  const entry = findCatalogueEntry(topicCode);
  if (entry && official) {
    const text = entry[lang];
    return {
      code: topicCode,
      officialTitle: official.title,
      plainTitle: text.title,
      explanation: text.explanation,
      tips: text.tips ?? [],
      source: 'catalogue',
      titleLanguage: lang,
      ...phasedOut,
    };
  }
  const titleOnly = (plainTitle: string, source: TopicSource, titleLanguage: Language): TopicExplanation => ({
    code: topicCode,
    officialTitle: official?.title ?? null,
    plainTitle,
    explanation: null,
    tips: [],
    source,
    titleLanguage,
    ...phasedOut,
  });
  if (official) return titleOnly(official.shortTitle, 'official-title', 'da');
  const reported = options.reportedTitle?.trim();
  if (reported) return titleOnly(reported, 'reported-title', 'da');
  const group = findKleGroup(groupOf(topicCode));
  if (group) return titleOnly(group.title, 'group-title', 'da');
  return titleOnly(UNKNOWN_TOPIC[lang](topicCode), 'unknown', lang);
}

export interface StatusExplanation {
  /** The status explained: `unknown` when the reported status was missing or not recognised. */
  readonly status: ExplainedStatus;
  readonly title: string;
  readonly explanation: string;
  readonly tips: readonly string[];
}

const KNOWN_STATUSES: ReadonlySet<string> = new Set(CASE_STATUSES);
const statusEntry = new Map(STATUS_ENTRIES.map((entry) => [entry.status, entry]));

/** Explains a case status in `lang`; anything unrecognised (or absent) is explained as `unknown`. */
export function explainStatus(status: string | null | undefined, lang: Language): StatusExplanation {
  assertLanguage(lang);
  const known: ExplainedStatus = status != null && KNOWN_STATUSES.has(status) ? (status as ExplainedStatus) : 'unknown';
  const entry = statusEntry.get(known);
  // Every status has an entry (checked by the meta-test); the throw marks a packaging error.
  if (!entry) throw new Error(`No explanation for case status ${known}`);
  const text = entry[lang];
  return { status: known, title: text.title, explanation: text.explanation, tips: text.tips ?? [] };
}
