/**
 * The receiver page's texts: Danish by default, English when the browser's language is English.
 * Its own small catalogue (the page is not part of the extension and shares no code with it).
 */
import { da, type ReceiverMessageKey } from './da';
import { en } from './en';

export type { ReceiverMessageKey };
export type Language = 'da' | 'en';

export const RECEIVER_CATALOGUES: Record<Language, Record<ReceiverMessageKey, string>> = { da, en };

/** `en`, `en-US`, `en_GB` → English; anything else → Danish. */
export const languageFor = (tag: string | undefined): Language => (/^en(?:[-_]|$)/i.test(tag ?? '') ? 'en' : 'da');

let current: Language = 'da';

export function setLanguage(language: Language): void {
  current = language;
}

export const getLanguage = (): Language => current;
export const locale = (): string => (current === 'en' ? 'en-GB' : 'da-DK');

export function t(key: ReceiverMessageKey, params: Record<string, string | number> = {}): string {
  return RECEIVER_CATALOGUES[current][key].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** A bilingual text from the bundle ({da, en}) in the page's language. */
export const pick = (text: { da: string; en: string }): string => text[current];
