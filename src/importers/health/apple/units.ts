/**
 * From a HealthKit unit string to the unit a metric is kept in. HealthKit's unit strings are an
 * open set (`mmol<180.1558800000541>/L` carries the molar mass inside the unit), so an unknown
 * unit is kept as written (without the `<…>` part) rather than refused.
 */
import type { HealthMetric } from '../../../records/health/types';
import { METRICS } from '../../../records/health/metrics';

export interface UnitRule {
  unit: string;
  /** Value as written → value in `unit`. */
  convert: (value: number) => number;
}

const same = (v: number) => v;
const scale = (f: number) => (v: number) => v * f;

/** Glucose's molar mass in g/mol: mg/dL ÷ 18.0156 = mmol/L. */
const GLUCOSE_MG_DL_PER_MMOL_L = 18.0156;

const FACTORS: Partial<Record<HealthMetric, Record<string, number>>> = {
  distance: { km: 1, m: 0.001, cm: 0.00001, mi: 1.609344, yd: 0.0009144, ft: 0.0003048 },
  'active-energy': { kcal: 1, Cal: 1, kJ: 1 / 4.184, J: 1 / 4184, cal: 0.001 },
  weight: { kg: 1, g: 0.001, lb: 0.45359237, oz: 0.028349523125, st: 6.35029318 },
  height: { cm: 1, m: 100, mm: 0.1, in: 2.54, ft: 30.48 },
  'heart-rate': { 'count/min': 1, 'count/s': 60 },
  'resting-heart-rate': { 'count/min': 1, 'count/s': 60 },
  'blood-pressure-systolic': { mmHg: 1, cmAq: 0.73555912, kPa: 7.50061683 },
  'blood-pressure-diastolic': { mmHg: 1, cmAq: 0.73555912, kPa: 7.50061683 },
  'body-temperature': { degC: 1 },
  steps: { count: 1 },
};

/** A unit without HealthKit's bracketed parameters: `mmol<180.15…>/L` → `mmol/L`. */
export function plainUnit(unit: string): string {
  return unit.includes('<') ? unit.replace(/<[^>]*>/g, '') : unit;
}

/**
 * Percent types are usually stored as a fraction (0.97) although the unit says `%`; some files
 * hold 97. A value of at most 1 is a fraction: no living person has a saturation of 1 %, and
 * HealthKit's other percentages (body fat, walking asymmetry) are fractions too.
 */
const percent = (v: number) => (v <= 1 ? v * 100 : v);

export function unitRule(metric: HealthMetric, rawUnit: string): UnitRule {
  const unit = plainUnit(rawUnit);
  if (unit === '%') return { unit: '%', convert: percent };
  if (metric === 'blood-glucose') {
    if (unit === 'mmol/L') return { unit: 'mmol/L', convert: same };
    if (unit === 'mg/dL') return { unit: 'mmol/L', convert: scale(1 / GLUCOSE_MG_DL_PER_MMOL_L) };
  }
  if (metric === 'body-temperature' && unit === 'degF') return { unit: 'degC', convert: (v) => ((v - 32) * 5) / 9 };
  if (metric === 'body-temperature' && unit === 'K') return { unit: 'degC', convert: (v) => v - 273.15 };
  const factor = FACTORS[metric]?.[unit];
  if (factor !== undefined) return { unit: METRICS[metric].unit, convert: factor === 1 ? same : scale(factor) };
  return { unit, convert: same };
}
