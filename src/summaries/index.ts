/** Summaries made locally: a case file or one document in a few plain points, each linked to its source. */
export { summariseCase, summariseDocument, type CaseFile } from './case-summary';
export { factPoints, sentenceAt, type LetterFacts, type ReadFacts } from './facts';
export { SUMMARY_SECTIONS, type Summary, type SummaryPoint, type SummarySection, type SummarySource } from './types';
export { splitSentences, topSentences, type ChosenSentence, type SourceText } from './sentences';
export { WORDS, type SummaryLanguage } from './words';
