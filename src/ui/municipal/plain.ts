/** The plain-language words for a case's topic and status, in the page's language. */
import type { Case, KleRef } from '../../municipal/api/schemas';
import { explainStatus, explainTopic, type StatusExplanation, type TopicExplanation } from '../../municipal/plain-language/index';
import { getLanguage } from '../i18n/index';

export function topicOf(kle: KleRef): TopicExplanation {
  // A malformed code never reaches here (the API schema checks it); the fallback keeps the page up anyway.
  return (
    explainTopic(kle.code, getLanguage(), { reportedTitle: kle.title }) ?? {
      code: kle.code,
      officialTitle: null,
      plainTitle: kle.title,
      explanation: null,
      tips: [],
      source: 'reported-title',
      titleLanguage: 'da',
    }
  );
}

/** What a citizen calls the case: our plain title of its topic. */
export const plainCaseTitle = (c: Case): string => topicOf(c.kle).plainTitle;

/** The same plain name from the topic alone (where only the KLE code and title travel). */
export const plainTopicTitle = (kle: KleRef): string => topicOf(kle).plainTitle;

export const statusOf = (c: Case): StatusExplanation => explainStatus(c.status, getLanguage());
