/**
 * Whose data a heading speaks of. Danish adds -s to a name, or only an apostrophe when the name
 * ends in s, x or z ("Leas", "Thomas'", "Max'"); English adds 's ("Lea's", "Thomas's").
 */
import type { Language } from '../i18n/index';

export function possessive(name: string, language: Language): string {
  const bare = name.trim();
  if (bare === '') throw new RangeError('possessive: the name is empty');
  if (language === 'en') return `${bare}'s`;
  return /[sxz]$/i.test(bare) ? `${bare}'` : `${bare}s`;
}

/** The name a heading uses for a person: the first of their names ("Lea" for "Lea Kjær Olsen"). */
export const callingName = (fullName: string): string => fullName.trim().split(/\s+/)[0] ?? fullName;
