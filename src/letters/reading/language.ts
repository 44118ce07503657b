/** The letter's language, by counting common words: Danish, English, German, or something else. */
import type { LetterLanguage, LetterText } from './types';

const WORDS: Readonly<Record<Exclude<LetterLanguage, 'other'>, ReadonlySet<string>>> = {
  da: new Set(['og', 'at', 'du', 'har', 'til', 'af', 'den', 'er', 'ikke', 'med', 'for', 'kan', 'dig', 'vi', 'din', 'på', 'skal', 'som', 'om', 'det']),
  en: new Set(['the', 'and', 'you', 'your', 'of', 'to', 'is', 'have', 'we', 'this', 'that', 'with', 'will', 'are', 'for', 'be', 'on', 'can', 'our', 'if']),
  de: new Set([
    'und',
    'der',
    'die',
    'das',
    'sie',
    'nicht',
    'mit',
    'ist',
    'zu',
    'ihr',
    'ihre',
    'wir',
    'den',
    'dem',
    'von',
    'für',
    'auf',
    'ein',
    'eine',
    'bitte',
  ]),
};

export function readLanguage(text: LetterText): LetterLanguage {
  const words =
    text.pages
      .join(' ')
      .toLowerCase()
      .match(/[a-zæøåäöüß]+/g) ?? [];
  if (words.length < 20) return 'other';
  let best: LetterLanguage = 'other';
  let bestCount = 0;
  for (const [language, set] of Object.entries(WORDS) as [Exclude<LetterLanguage, 'other'>, ReadonlySet<string>][]) {
    const count = words.filter((w) => set.has(w)).length;
    if (count > bestCount) [best, bestCount] = [language, count];
  }
  // Common words must be a fair share of the text, or it is another language (or a list of names).
  return bestCount >= words.length * 0.08 ? best : 'other';
}
