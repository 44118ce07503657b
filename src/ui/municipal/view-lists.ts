/**
 * Which of the overview's lists each view reads: a view decrypts only the kinds it shows (and
 * the cases, where it links to them by title). One constant per view, so the loader can tell
 * when the lists change.
 */
import { OVERVIEW_LISTS, type OverviewList } from '../../overview/from-records';
import type { OverviewRoute } from './Links';

const VIEW_LISTS: Record<OverviewRoute['view'], readonly OverviewList[]> = {
  // Now reads its stored summary through the background (use-now-data.ts), not these lists.
  now: [],
  cases: ['cases'],
  // A case page and the calendar ask the background for what they show (use-case-view.ts, CalendarView.tsx).
  case: [],
  document: ['documents', 'cases'],
  calendar: [],
  payments: ['payments'],
  access: ['accessLog'],
  search: OVERVIEW_LISTS,
};

export const listsFor = (route: OverviewRoute): readonly OverviewList[] => VIEW_LISTS[route.view];
