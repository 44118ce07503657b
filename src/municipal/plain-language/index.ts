/**
 * The plain-language catalogue: our own citizen-language explanations (Danish first, English
 * too) of the KLE topics citizens meet most and of every case status, with the official KLE
 * title as the fallback for every other topic. Pure TypeScript; runs in the extension.
 */
export { CATALOGUE, CATALOGUE_THEMES, findCatalogueEntry } from './catalogue';
export { explainStatus, explainTopic, type ExplainTopicOptions, type StatusExplanation, type TopicExplanation, type TopicSource } from './explain';
export { CASE_STATUSES, STATUS_ENTRIES, type CaseStatusName, type ExplainedStatus, type StatusEntry } from './statuses';
export { LANGUAGES, type Language, type PlainText, type TopicEntry } from './types';
