/**
 * What the background makes ahead once *Now* is painted, in the order a citizen tends to open it:
 * the cases, the calendar, the payments and the access log from the overview's tabs, then a
 * case page, the search index and the transactions. Each step yields to a click (view-cache.ts),
 * so the order only decides what is ready first.
 */
import { CALENDAR_MODEL, CASE_REFS_MODEL } from './calendar-view';
import { CASE_MODEL } from './case-view';
import { ACCESS_LOG_MODEL, MONEY_MODEL, PAYMENTS_MODEL, SEARCH_MODEL } from './list-views';
import { overviewListModel } from './overview-lists';
import type { ModelSpec } from './view-cache';

export const WARM_ORDER: readonly ModelSpec<unknown>[] = [
  overviewListModel('cases'),
  CALENDAR_MODEL,
  CASE_REFS_MODEL,
  PAYMENTS_MODEL,
  ACCESS_LOG_MODEL,
  CASE_MODEL,
  SEARCH_MODEL,
  MONEY_MODEL,
];
