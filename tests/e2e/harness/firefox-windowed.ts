/**
 * Windowed lists in Firefox (puppeteer-core): a list draws fewer rows than it holds, End takes
 * the keyboard to its last row, and the page stays under the element budget.
 */
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { waitUntil } from './firefox-ui';
import { MAX_ELEMENTS } from './long-history';

export const elementCount = (page: Page) => page.evaluate(() => document.getElementsByTagName('*').length);
const focusedAttribute = (page: Page, name: string) => page.evaluate((n) => document.activeElement?.getAttribute(n) ?? null, name);

/** Focuses the first drawn row matching `rows`, presses End and waits until the focused row's `attribute` is `last`. */
export async function endReaches(page: Page, rows: string, attribute: string, last: string): Promise<boolean> {
  await waitUntil(page, `a row ${rows}`, () => page.evaluate((s) => document.querySelector(s) !== null, rows));
  await page.focus(rows);
  await page.keyboard.press('End');
  return waitUntil(page, `focus on the row whose ${attribute} is ${last}`, async () => (await focusedAttribute(page, attribute)) === last);
}

/**
 * Holds PageDown on the first of `rows` for `pages` auto-repeats (a key held down, faster than a
 * page arrives) and waits until the focus is on the row whose `attribute` is `expected`: the
 * focus must stay on a row while pages come and go.
 */
export async function heldPageDownReaches(page: Page, rows: string, pages: number, attribute: string, expected: string): Promise<boolean> {
  await waitUntil(page, `a row ${rows}`, () => page.evaluate((s) => document.querySelector(s) !== null, rows));
  await page.focus(rows);
  for (let n = 0; n < pages; n++) await page.keyboard.down('PageDown');
  await page.keyboard.up('PageDown');
  return waitUntil(page, `focus on the row whose ${attribute} is ${expected}`, async () => (await focusedAttribute(page, attribute)) === expected);
}

/** A windowed list of more than one page (`#id > li`): fewer rows drawn than it holds, End reaches the last, the DOM stays small. */
export async function expectWindowedList(page: Page, id: string, minimum: number): Promise<number> {
  const rows = `#${id} > li`;
  const size = Number(await waitUntil(page, `the size of #${id}`, () => page.evaluate((s) => document.querySelector(s)?.getAttribute('aria-setsize'), rows)));
  expect(size).toBeGreaterThanOrEqual(minimum);
  expect(await page.evaluate((s) => document.querySelectorAll(s).length, rows)).toBeLessThan(size);
  expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
  expect(await endReaches(page, rows, 'aria-posinset', String(size))).toBe(true);
  expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
  return size;
}
