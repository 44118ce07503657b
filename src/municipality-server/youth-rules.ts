/**
 * What citizens of 15–17 may see of their own data, configured per KLE code at the first,
 * second or third level ("32", "32.24", "32.24.04"); the most specific rule wins, and the
 * default is 18 (nothing). Activities rarely carry a KLE code, so for them the source system is
 * the key (as the municipalities' activity index does); an activity that does carry a code, or
 * belongs to a case, follows the KLE rules. Adults see everything of their own; a parent acting
 * by custody sees the child's data unfiltered.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const Age = z.int().min(15).max(18);

export const YouthRules = z.object({
  default: Age,
  kle: z.record(z.string().regex(/^\d{2}(\.\d{2}){0,2}$/, 'KLE keys are "xx", "xx.yy" or "xx.yy.zz"'), Age),
  activitySources: z.record(z.string().regex(/^[a-z0-9-]+$/), Age),
});
export type YouthRules = z.infer<typeof YouthRules>;

/** The reference municipality's rules: a plausible local configuration, not a legal statement. */
export const DEFAULT_YOUTH_RULES: YouthRules = {
  default: 18,
  kle: {
    '17': 15, // primary school and guidance on education
    '29': 15, // health services …
    '29.12': 18, // … except preventive health services for children, which go to the parents …
    '29.12.04': 15, // … apart from the school health service, which talks with the young person
    '23.09': 15, // passport, driving and moped licences
    '54': 15, // education
    '15.20.38': 18, // travel allowance: stays at 18 (the municipalities' open question)
    '32.24.04': 18, // cash benefit: stays at 18
  },
  activitySources: {
    tandpleje: 15,
    koereproeve: 15,
    frontdesk: 15,
    ungeindsats: 15,
    jobnet: 15,
  },
};

export function loadYouthRules(path: string): YouthRules {
  return YouthRules.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** The minimum age for data classified under `kleCode`: the most specific matching rule. */
export function minimumAgeForKle(rules: YouthRules, kleCode: string): number {
  const [a, b, c] = kleCode.split('.');
  return rules.kle[`${a}.${b}.${c}`] ?? rules.kle[`${a}.${b}`] ?? rules.kle[`${a}`] ?? rules.default;
}

/** What decides a record's visibility: its KLE code if it has one, else (activities) its source system. */
export interface VisibilityKey {
  readonly kle?: string | undefined;
  readonly source?: string | undefined;
}

export function minimumAge(rules: YouthRules, key: VisibilityKey): number {
  if (key.kle) return minimumAgeForKle(rules, key.kle);
  if (key.source) return rules.activitySources[key.source] ?? rules.default;
  return rules.default;
}

/** Whether a young citizen of `age` may see a record. Adults (18+) always may. */
export function youthMaySee(rules: YouthRules, age: number, key: VisibilityKey): boolean {
  return age >= 18 || age >= minimumAge(rules, key);
}
