/**
 * Signing in by a power of attorney: the sign-in page's choice for each power in force, and what
 * a submitted choice means. The choice carries only the power's id; everything else — who may
 * act for whom, whether it is still in force — is looked up again here and on every request.
 */
import { RESOURCES, type ResourceName } from '../../municipal/api/schemas';
import type { Grant } from './tokens';
import type { PowerCheck, PowerOfAttorneyStore } from '../powers-of-attorney';
import type { LoginChoice } from './login-page';

const PREFIX = 'fuldmagt:';

const CATEGORY_WORDS: Record<ResourceName, string> = {
  cases: 'sager',
  decisions: 'afgørelser',
  payments: 'betalinger',
  activities: 'aftaler og frister',
  documents: 'dokumenter',
  'access-log': 'logning',
};

const REFUSALS: Record<Extract<PowerCheck, { ok: false }>['code'], string> = {
  'power-of-attorney-withdrawn': 'Fuldmagten er tilbagekaldt.',
  'power-of-attorney-expired': 'Fuldmagten er udløbet.',
  'power-of-attorney-not-yet-valid': 'Fuldmagten gælder ikke endnu.',
  'power-of-attorney-invalid': 'Der findes ingen sådan fuldmagt.',
  'power-of-attorney-conflict': 'Der er to fuldmagter med forskelligt indhold mellem jer. Fuldmagtsgiveren skal tilbagekalde den ene.',
};

function scopeWords(categories: readonly ResourceName[], excluded: readonly string[], titleOf: (code: string) => string): string {
  const all = categories.length === RESOURCES.length;
  const what = all
    ? 'alt'
    : RESOURCES.filter((r) => categories.includes(r))
        .map((r) => CATEGORY_WORDS[r])
        .join(', ');
  return excluded.length ? `${what} undtagen ${excluded.map(titleOf).join(', ').toLowerCase()}` : what;
}

/** A choice for each power in force on `day`. */
export function powerChoices(powers: PowerOfAttorneyStore, day: string, nameOf: (id: string) => string, titleOf: (code: string) => string): LoginChoice[] {
  return powers
    .all()
    .filter((p) => powers.statusOn(p, day) === 'active')
    .map((p) => ({
      value: `${PREFIX}${p.id}`,
      label: `${nameOf(p.representative)} på vegne af ${nameOf(p.grantor)}`,
      description: `Fuldmagt: ${scopeWords(p.categories, p.excludedTopics, titleOf)}${p.validUntil ? ` · til og med ${p.validUntil}` : ''}`,
    }));
}

/**
 * What a submitted power-of-attorney choice signs in as: the grant, or a Danish refusal for the
 * error page; `undefined` when the value is not a power-of-attorney choice at all.
 */
export function grantOfPowerChoice(
  value: string,
  powers: PowerOfAttorneyStore,
  day: string,
  clientId: string,
): { ok: true; grant: Grant } | { ok: false; message: string } | undefined {
  if (!value.startsWith(PREFIX)) return undefined;
  const id = value.slice(PREFIX.length);
  const power = powers.get(id);
  if (!power) return { ok: false, message: REFUSALS['power-of-attorney-invalid'] };
  const check = powers.check(id, power.representative, power.grantor, day);
  if (!check.ok) return { ok: false, message: REFUSALS[check.code] };
  return { ok: true, grant: { subject: power.grantor, actor: power.representative, relation: 'power-of-attorney', powerOfAttorneyId: id, clientId } };
}
