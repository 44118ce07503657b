/**
 * Words that fit whose data is shown: "Dine åbne sager" on your own profile, "Leas åbne sager"
 * on your child's or on the profile of someone you help. The profile shown is provided once, at
 * the top of a section, so the views below need not pass it along.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { getLanguage, t, type MessageKey } from '../i18n/index';
import type { Profile } from '../profiles';
import { callingName, possessive } from './possessive';

/** The profile whose data the page shows; null where none is (then texts speak to the citizen). */
export const ShownProfile = createContext<Profile | null>(null);

/** The text about `profile`'s data: `own` for the citizen's own profile, `other` with {whose} filled in otherwise. */
export function whoseText(profile: Profile | null, own: MessageKey, other: MessageKey, params: Record<string, string | number> = {}): string {
  if (!profile || profile.data.relation === 'self') return t(own, params);
  const name = callingName(profile.data.name);
  return t(other, { ...params, whose: possessive(name, getLanguage()), name });
}

/** `whoseText` for the profile the page shows. */
export function useWhose(): (own: MessageKey, other: MessageKey, params?: Record<string, string | number>) => string {
  const profile = useContext(ShownProfile);
  return (own, other, params) => whoseText(profile, own, other, params);
}
