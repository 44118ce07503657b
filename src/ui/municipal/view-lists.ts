/**
 * Which of the overview's lists each view reads: a view decrypts only the kinds it shows (and
 * the cases, where it links to them by title). One constant per view, so the loader can tell
 * when the lists change.
 */
import type { OverviewList } from '../../overview/from-records';
import type { OverviewRoute } from './Links';

const VIEW_LISTS: Record<OverviewRoute['view'], readonly OverviewList[]> = {
  // Now reads its stored summary through the background (use-now-data.ts), not these lists.
  now: [],
  cases: ['cases'],
  // A case page and the calendar ask the background for what they show (use-case-view.ts, CalendarView.tsx).
  case: [],
  document: ['documents', 'cases'],
  calendar: [],
  // Payments, the access log and search are answered a window at a time by the background
  // (PaymentsView, AccessLogView, SearchView).
  payments: [],
  access: [],
  search: [],
};

export const listsFor = (route: OverviewRoute): readonly OverviewList[] => VIEW_LISTS[route.view];
