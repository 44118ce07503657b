/**
 * UI texts: one typed catalogue per language and a `t(key, params)` helper. The language is
 * chosen once per page (English when the browser's UI language is English, otherwise Danish).
 */
import { da, type MessageKey } from './da';
import { en } from './en';

export type { MessageKey };
export type Language = 'da' | 'en';

export const CATALOGUES: Record<Language, Record<MessageKey, string>> = { da, en };

/** `en`, `en-US`, `en_GB` → English; anything else (including Danish) → Danish. */
export const languageFor = (uiLanguage: string | undefined): Language => (/^en(?:[-_]|$)/i.test(uiLanguage ?? '') ? 'en' : 'da');

let current: Language = 'da';

export function setLanguage(language: Language): void {
  current = language;
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export const getLanguage = (): Language => current;

/** The BCP 47 tag for dates and numbers in the current language. */
export const localeOf = (language: Language): string => (language === 'en' ? 'en-GB' : 'da-DK');
export const locale = (): string => localeOf(current);

/** A whole number as the page language writes it: 1.234 in Danish, 1,234 in English. */
export const countText = (n: number): string => n.toLocaleString(locale());

/** Whether a key built at run time exists, for keys that cannot be checked when compiling. */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(CATALOGUES.da, key);

export function translate(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = CATALOGUES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
  // An amount in kroner ends with the abbreviation's own point ("12,00 kr."): a sentence that
  // ends on it takes no second one.
  return text.includes('kr..') ? text.replace(KR_TWO_POINTS, 'kr.') : text;
}
const KR_TWO_POINTS = /\bkr\.\./g;

export const t = (key: MessageKey, params?: Record<string, string | number>): string => translate(current, key, params);

/** Keys that come as a pair `<base>.one` / `<base>.other`: a count's words in both languages. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer B}.other` ? (`${B}.one` extends MessageKey ? B : never) : never;
}[MessageKey];

const pluralRules = new Map<Language, Intl.PluralRules>();

/**
 * The text for `count` of something: `1 ny postering`, `3 nye posteringer`. Intl.PluralRules
 * picks the form; `{count}` is the count in the language's number format.
 */
export function translateCount(language: Language, base: PluralKey, count: number, params: Record<string, string | number> = {}): string {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(localeOf(language))));
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  return translate(language, `${base}.${form}`, { count: count.toLocaleString(localeOf(language)), ...params });
}

export const tn = (base: PluralKey, count: number, params?: Record<string, string | number>): string => translateCount(current, base, count, params);
