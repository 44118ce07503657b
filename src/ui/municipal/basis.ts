/**
 * What a profile's municipal data rests on, in words: the power of attorney a representative
 * acts by (its id, categories, period, and what it leaves out), the municipality's word that
 * youth rules hold something back, and a power that has ended. Pure, from a connection's
 * summary, so the lines are tested without a page.
 */
import type { ConnectionSummary } from '../../messaging/municipal-api';
import { RESOURCES } from '../../municipal/api/schemas';
import { isMessageKey, locale, t } from '../i18n/index';
import { dayText } from './format';

const listText = (items: string[]): string => new Intl.ListFormat(locale(), { type: 'conjunction' }).format(items);
/** The API's categories in the page's words, as a list ("aftaler og frister og udbetalinger"). */
export const categoryWords = (categories: readonly string[]): string =>
  listText(
    categories.map((c) => {
      const key = `basis.cat.${c}`;
      return isMessageKey(key) ? t(key) : c;
    }),
  );

/** The API's categories a power does not cover, in the API's order. */
export const notCovered = (covered: readonly string[]): string[] => RESOURCES.filter((r) => !covered.includes(r));

/** The lines about the power a representative's connection rests on; none for anyone else. */
export function powerLines(c: ConnectionSummary): string[] {
  const power = c.power;
  if (c.actor?.relation !== 'power-of-attorney' || !power) return [];
  const name = c.citizen?.name ?? '';
  const from = dayText(power.validFrom);
  const lines = [
    power.validUntil ? t('basis.power', { name, id: power.id, from, until: dayText(power.validUntil) }) : t('basis.powerOpen', { name, id: power.id, from }),
    t('basis.covers', { categories: categoryWords(power.categories) }),
  ];
  const missing = notCovered(power.categories);
  if (missing.length > 0) lines.push(t('basis.notCovered', { categories: categoryWords(missing) }));
  if (power.excludedTopics.length > 0)
    lines.push(t('basis.excluded', { topics: listText(power.excludedTopics.map((x) => x.title.toLocaleLowerCase(locale()))) }));
  return lines;
}

/** The young citizen's notice, when the municipality says something is held back (it never says what). */
export const youthLine = (c: ConnectionSummary): string | null => (c.heldBack ? t('basis.youth', { municipality: c.municipality.name }) : null);

/** Why the power ended, as the municipality said; null while it holds. */
export function endedLine(c: ConnectionSummary): string | null {
  if (!c.powerEnded) return null;
  // A code from a newer version reads as the plainest refusal.
  const key = `error.${c.powerEnded.code}`;
  return t(key.startsWith('error.power-') && isMessageKey(key) ? key : 'error.power-invalid');
}
