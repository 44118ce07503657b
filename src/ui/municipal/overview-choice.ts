/**
 * What the overview shows: the first steps of a profile with nothing in it yet, or its views.
 * Only *Now*, where the overview opens, is told by the background what the profile holds (from
 * the groups' versions, without decrypting): municipal records, and appointments or deadlines of
 * the citizen's own, read from letters or calendar files. Either is enough for the views, so a
 * citizen who has only letters or calendar files sees them on *Now* and reaches the calendar.
 * Every other view is shown as it is: the calendar, with its import, can be reached by a profile
 * with nothing in it yet, and a view with nothing to show says so itself.
 */
import type { OverviewRoute } from './Links';

export type OverviewChoice = 'first-steps' | 'views';

export interface ProfileHolds {
  /** Any municipal record. */
  municipal: boolean;
  /** Any appointment or deadline read from a letter or a calendar file. */
  ownEntries: boolean;
}

export const overviewChoice = (view: OverviewRoute['view'], holds: ProfileHolds): OverviewChoice =>
  view === 'now' && !holds.municipal && !holds.ownEntries ? 'first-steps' : 'views';
