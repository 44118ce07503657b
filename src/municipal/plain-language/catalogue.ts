/**
 * Every plain-language topic, registered in one place. Each theme file holds the entries for
 * one area of a citizen's life; add a file here and the meta-tests check every entry in it.
 */
import { cashBenefitTopics } from './topics/cash-benefits';
import { childrenAndFamilyTopics } from './topics/children-and-family';
import { citizenServiceTopics } from './topics/citizen-service';
import { disabilityAndSocialTopics } from './topics/disability-and-social';
import { elderlyAndHomeCareTopics } from './topics/elderly-and-home-care';
import { employmentTopics } from './topics/employment';
import { healthTopics } from './topics/health';
import { housingTopics } from './topics/housing';
import { schoolAndEducationTopics } from './topics/school-and-education';
import { transportTopics } from './topics/transport';
import type { TopicEntry } from './types';

/** The theme files by name, so tests and docs can say where an entry lives. */
export const CATALOGUE_THEMES: Readonly<Record<string, readonly TopicEntry[]>> = {
  employment: employmentTopics,
  'cash-benefits': cashBenefitTopics,
  housing: housingTopics,
  'disability-and-social': disabilityAndSocialTopics,
  'elderly-and-home-care': elderlyAndHomeCareTopics,
  'children-and-family': childrenAndFamilyTopics,
  'school-and-education': schoolAndEducationTopics,
  health: healthTopics,
  transport: transportTopics,
  'citizen-service': citizenServiceTopics,
};

export const CATALOGUE: readonly TopicEntry[] = Object.values(CATALOGUE_THEMES).flat();

// A duplicate would silently shadow an entry here; the meta-test reports it by code.
const byCode = new Map<string, TopicEntry>(CATALOGUE.map((entry) => [entry.code, entry]));

export const findCatalogueEntry = (code: string): TopicEntry | undefined => byCode.get(code);
