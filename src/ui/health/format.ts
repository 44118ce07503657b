/** Health figures as the citizen reads them: days, numbers, sizes, speeds, metric and activity names. */
import { METRICS } from '../../importers/health/index';
import type { HealthMetric } from '../../records/health/types';
import { FHIR_RESOURCE_NAMES, OTHER_RESOURCES } from '../i18n/fhir-resources';
import { FHIR_STATUS, UCUM_UNITS } from '../i18n/fhir-words';
import { HEALTHKIT_TYPE_NAMES } from '../i18n/healthkit-types';
import { getLanguage, locale } from '../i18n/index';
import { dateFormat, numberFormat } from '../i18n/intl-formats';

/** A calendar day (YYYY-MM-DD): "3. marts 2026". */
export const dayText = (day: string): string => dateFormat({ dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));

/** A short day for chart axes: "3. mar." */
export const shortDayText = (day: string): string => dateFormat({ day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));

/** An instant in Danish time, or a FHIR date as it is (a date alone has no time). */
export function whenText(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return dayText(value);
  if (/^\d{4}(-\d{2})?$/.test(value)) return value;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) return value;
  return dateFormat({ dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' }).format(new Date(ms));
}

/**
 * A time on the clock it was written in (`…T07:30:00+09:00` → 07:30), as Apple Health's day
 * totals count days on the phone's own clock: a workout in Tokyo shows on the day and hour it
 * had there, not the Danish ones. A time without an offset is shown as `whenText` shows it.
 */
export function ownClockText(value: string): string {
  const m = OFFSET.exec(value);
  const ms = Date.parse(value);
  if (!m || !Number.isFinite(ms)) return whenText(value);
  const offsetMinutes = (Number(m[2]) * 60 + Number(m[3])) * (m[1] === '-' ? -1 : 1);
  return dateFormat({ dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(ms + offsetMinutes * 60_000));
}
const OFFSET = /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?([+-])(\d{2}):(\d{2})$/;

export const numberText = (value: number, digits = 0): string => numberFormat({ maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);

/** Bytes as megabytes with one decimal: "12,3 MB" (decimal megabytes, as file managers show). */
export const mbText = (bytes: number): string => `${numberText(bytes / 1_000_000, 1)} MB`;

/** A file's size: kilobytes under a megabyte ("48 kB"), else megabytes. */
export const sizeText = (bytes: number): string => (bytes < 1_000_000 ? `${numberText(Math.max(1, Math.round(bytes / 1000)))} kB` : mbText(bytes));

/** The unit as a person writes it. */
const UNIT_TEXT: Record<string, { da: string; en: string }> = {
  count: { da: 'skridt', en: 'steps' },
  'count/min': { da: 'slag/min', en: 'beats/min' },
  degC: { da: '°C', en: '°C' },
  min: { da: 'min', en: 'min' },
};

export function unitText(unit: string, metric?: HealthMetric): string {
  if (unit === 'count' && metric && metric !== 'steps') return '';
  return UNIT_TEXT[unit]?.[getLanguage()] ?? ucumText(unit);
}

export function metricName(metric: HealthMetric, type?: string): string {
  if (metric === 'other' && type) return typeName(type);
  return METRICS[metric].label[getLanguage()];
}

/**
 * A HealthKit kind by its name in the page's language ("Kondital (VO₂-maks)"); one we have no
 * name for as its identifier's words: "HKQuantityTypeIdentifierFlightsClimbed" → "Flights climbed".
 */
export function typeName(type: string): string {
  const bare = type.replace(/^HK(Quantity|Category|Correlation)TypeIdentifier|^HKWorkoutActivityType|^HKDataType/, '');
  if (Object.hasOwn(HEALTHKIT_TYPE_NAMES, bare)) return HEALTHKIT_TYPE_NAMES[bare]![getLanguage()];
  const words = bare.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : type;
}

const ACTIVITY: Record<string, { da: string; en: string }> = {
  Walking: { da: 'Gåtur', en: 'Walk' },
  Running: { da: 'Løb', en: 'Run' },
  Cycling: { da: 'Cykling', en: 'Cycling' },
  Swimming: { da: 'Svømning', en: 'Swimming' },
  Hiking: { da: 'Vandretur', en: 'Hike' },
  Yoga: { da: 'Yoga', en: 'Yoga' },
  TraditionalStrengthTraining: { da: 'Styrketræning', en: 'Strength training' },
  FunctionalStrengthTraining: { da: 'Styrketræning', en: 'Strength training' },
  Elliptical: { da: 'Crosstrainer', en: 'Elliptical' },
  Rowing: { da: 'Roning', en: 'Rowing' },
  Dance: { da: 'Dans', en: 'Dance' },
};

export function activityName(activity: string): string {
  const bare = activity.replace(/^HKWorkoutActivityType/, '');
  return ACTIVITY[bare]?.[getLanguage()] ?? typeName(activity);
}

/**
 * What a FHIR file held that the vault does not keep, counted in words: `2 familiehistorikker,
 * 1 dokumentreference, 3 andre oplysninger`. Types without a name are summed as "other".
 */
export function notKeptText(skipped: Readonly<Record<string, number>>): string {
  const rules = new Intl.PluralRules(locale());
  const language = getLanguage();
  const parts: string[] = [];
  let other = 0;
  for (const [type, n] of Object.entries(skipped).sort(([, a], [, b]) => b - a)) {
    const names = Object.hasOwn(FHIR_RESOURCE_NAMES, type) ? FHIR_RESOURCE_NAMES[type] : undefined;
    if (!names) other += n;
    else parts.push(`${numberText(n)} ${names[language][rules.select(n) === 'one' ? 'one' : 'other']}`);
  }
  if (other > 0) parts.push(`${numberText(other)} ${OTHER_RESOURCES[language][rules.select(other) === 'one' ? 'one' : 'other']}`);
  return parts.join(', ');
}

/** A FHIR status code (`active`, `completed`) in the page's language; an unknown one as written. */
export function statusText(code: string): string {
  return Object.hasOwn(FHIR_STATUS, code) ? FHIR_STATUS[code]![getLanguage()] : code;
}

/** A UCUM unit (`mm[Hg]`, `Cel`, `kg/m2`) as a person writes it; an unknown one as written. */
export function ucumText(unit: string): string {
  return Object.hasOwn(UCUM_UNITS, unit) ? UCUM_UNITS[unit]![getLanguage()] : unit;
}
