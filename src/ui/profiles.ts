/** How a profile is named on screen: "Anna (mig)", "Emil (mit barn)". */
import { PROFILE_RELATIONS } from '../records/profile';
import type { ApiResults } from '../messaging/api';
import { t, type MessageKey } from './i18n/index';

export type Profile = ApiResults['listProfiles'][number];
export type Relation = (typeof PROFILE_RELATIONS)[number];

export const RELATIONS: readonly Relation[] = PROFILE_RELATIONS;

export const relationOf = (profile: Profile): Relation =>
  (PROFILE_RELATIONS as readonly string[]).includes(profile.data.relation) ? (profile.data.relation as Relation) : 'other';

export const relationLabel = (relation: Relation): string => t(`relation.${relation}` satisfies MessageKey);

export const profileLabel = (profile: Profile): string => `${profile.data.name} (${relationLabel(relationOf(profile))})`;
