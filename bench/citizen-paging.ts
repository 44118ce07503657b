/**
 * The citizen benchmark's walk through ten years of the calendar: the list's earlier entries a
 * page at a time ("Næste side") from today until an entry ten years old is drawn, and the month
 * grid back month by month ("Forrige måned") for 120 months. Each step is timed from the click to
 * the frame painted with the next page's first row (or the month's first day selected), with the
 * document's element count at that frame, so the figures show whether a step stays cheap and the
 * DOM stays bounded however far back the citizen goes.
 */
import type { Page } from 'playwright-core';
import { previousMonth } from '../src/shared/danish-time';
import { DA } from './citizen-ui';
import type { Painted, Target } from './citizen-probe';

/** Times one click until `target` is painted (citizen.ts's clock with its cap). */
export type Timed = (page: Page, target: Target, act: () => Promise<void>) => Promise<Painted | null>;

export interface Walk {
  steps: (Painted | null)[];
  /** The day of the last row drawn (list) or the month shown (grid) when the walk ended. */
  reached: string | null;
  /** Why it ended: ten years reached, the list's end, or the step limit. */
  ended: 'ten years' | 'end of list' | 'step limit';
}

const YEARS_BACK = 10;
/** A safety limit: at 25 entries a page, ten years of the heavy citizen are a few hundred pages. */
const MAX_LIST_STEPS = 2000;
const PAST_LIST = '#cal-past-list';

const tenYearsBefore = (day: string) => `${Number(day.slice(0, 4)) - YEARS_BACK}${day.slice(4)}`;

/** The list of earlier entries, from its first page until it draws an entry ten years old. */
export async function walkCalendarList(page: Page, today: string, timed: Timed, maxSteps = MAX_LIST_STEPS): Promise<Walk> {
  const limit = tenYearsBefore(today);
  const next = page.locator(`button[aria-controls="cal-past-list"]`, { hasText: DA['window.next'] });
  const rows = page.locator(`${PAST_LIST} > li`);
  const lastDay = async () => ((await rows.last().locator('time').getAttribute('datetime')) ?? '').slice(0, 10) || null;
  const steps: (Painted | null)[] = [];
  for (;;) {
    const reached = await lastDay();
    if (reached !== null && reached <= limit) return { steps, reached, ended: 'ten years' };
    if ((await next.count()) === 0 || (await next.getAttribute('aria-disabled')) === 'true') return { steps, reached, ended: 'end of list' };
    if (steps.length >= maxSteps) return { steps, reached, ended: 'step limit' };
    const first = Number(await rows.first().getAttribute('aria-posinset'));
    const shown = await rows.count();
    steps.push(await timed(page, { selector: `${PAST_LIST} > li[aria-posinset="${first + shown}"]` }, () => next.click()));
  }
}

/** The month grid, from this month back 120 months (or `months`) with the "previous month" button. */
export async function walkMonthGrid(page: Page, today: string, timed: Timed, months = YEARS_BACK * 12): Promise<Walk> {
  const previous = page.getByRole('button', { name: DA['calendar.prevMonth'], exact: true });
  let month = today.slice(0, 7);
  const steps: (Painted | null)[] = [];
  for (let step = 0; step < months; step++) {
    month = previousMonth(month);
    // Moving a month selects its first day: that cell, selected, is the new month drawn.
    steps.push(await timed(page, { selector: `table.month-grid td[data-day="${month}-01"][aria-selected="true"]` }, () => previous.click()));
  }
  return { steps, reached: month, ended: months >= YEARS_BACK * 12 ? 'ten years' : 'step limit' };
}
