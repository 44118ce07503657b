/**
 * Long histories in real Chromium: the reference municipality's heavy citizen, scaled to over
 * 20,000 records, synced through the extension, with thousands of health measurements, ten years
 * of bank transactions and more shares than a page; then every long view — the calendar list
 * and month, the payments and their chart, the access log, the cases, a case's documents, search
 * results, the health lists and chart, the transactions and their chart, the grants ledger and
 * the transparency log — draws one page of rows (the whole document stays under 3,000 elements)
 * while it announces the full count, the keyboard or the page buttons reach the very last row,
 * and axe stays clean. A payment found by search opens on its own page, focused. A damaged page
 * in the middle of the payments is named and the rest is shown. No timing is asserted.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RESOURCES, type Payment } from '../../src/municipal/api/schemas';
import { HEAVY_ID } from '../../src/municipality-server/data/personas/heavy';
import { DEFAULT_PAGE_SIZE } from '../../src/ui/components/use-row-window';
import { commonestBenefit, LONG_HISTORY, MAX_ELEMENTS, seedLongHistory } from './harness/long-history';
import { LOOPBACK_HOST, municipalityForThisFile, servedRecords } from './harness/municipality';
import { RawPages } from './harness/raw-pages';
import { VaultApi } from './harness/vault-api';
import {
  connectMunicipalityFromEmptyOverview,
  chromiumForThisFile,
  createVault,
  DA,
  expectAccessible,
  firstProfileId,
  lock,
  overviewViewsNav,
  screenHeading,
  sectionsNav,
  text,
  unlockAndWait,
} from './harness/vault-ui';

/** About a third of the heavy citizen: ≈21,000 records. */
const server = municipalityForThisFile({ heavy: { scale: 0.33 } });
const browser = chromiumForThisFile({ hostPermissions: [LOOPBACK_HOST], bypassCSP: true }); // bypassCSP: to inject axe-core

const elementCount = (page: Page) => page.evaluate(() => document.getElementsByTagName('*').length);
const focused = (page: Page, attribute: string) => page.evaluate((name) => document.activeElement?.getAttribute(name) ?? null, attribute);

/**
 * Presses `key` on the focused row (first focusing the first drawn row of `rows` when no row has
 * the focus) and waits until the focused row's `attribute` is `expected`.
 */
async function pressOnRow(page: Page, rows: Locator, key: string, attribute: string, expected: string): Promise<void> {
  if ((await focused(page, 'data-row')) === null) await rows.first().focus();
  await page.keyboard.press(key);
  await expect.poll(() => focused(page, attribute), { timeout: 30_000 }).toBe(expected);
}

/** A windowed list of more than one page: fewer rows drawn than it holds, End reaches the last, the DOM stays small. */
async function expectWindowedList(page: Page, list: Locator, minimum: number): Promise<number> {
  const rows = list.locator(':scope > li');
  await rows.first().waitFor({ timeout: 120_000 });
  const size = Number(await rows.first().getAttribute('aria-setsize'));
  expect(size).toBeGreaterThanOrEqual(minimum);
  expect(await rows.count()).toBeLessThan(size);
  expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
  await rows.first().focus();
  await pressOnRow(page, rows, 'End', 'aria-posinset', String(size));
  expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
  return size;
}

describe('views of a long history draw a window of rows', () => {
  let page: Page;

  it('syncs a citizen with more than 20,000 records', async () => {
    const total = RESOURCES.reduce((n, r) => n + servedRecords(server, HEAVY_ID, r).length, 0);
    expect(total).toBeGreaterThanOrEqual(20_000);
    page = await (await browser.launch()).openPage('vault.html');
    await createVault(page, { name: 'Henrik' });
    await connectMunicipalityFromEmptyOverview(page, server.url, { citizen: HEAVY_ID, timeoutMs: 360_000 });
    await screenHeading(page, DA['now.title']).waitFor({ timeout: 120_000 });
    await seedLongHistory(VaultApi.playwright(page), await firstProfileId(page), server.url);
  }, 600_000);

  it('draws a page of the calendar list, and End reaches the last entry', async () => {
    await overviewViewsNav(page).getByRole('link', { name: DA['view.calendar'] }).click();
    await screenHeading(page, DA['calendar.title']).waitFor({ timeout: 120_000 });
    const past = page.getByRole('list', { name: DA['calendar.past'] });
    const rows = past.getByRole('listitem');
    await rows.first().waitFor({ timeout: 120_000 });
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
    const size = Number(await rows.first().getAttribute('aria-setsize'));
    expect(size).toBeGreaterThan(5_000);
    expect(await rows.count()).toBeLessThan(size);
    await page
      .getByText(new RegExp(`^Viser 1–\\d+ af ${size.toLocaleString('da-DK').replaceAll('.', '\\.')}$`))
      .first()
      .waitFor();

    await pressOnRow(page, rows, 'End', 'aria-posinset', String(size));
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
    await pressOnRow(page, rows, 'Home', 'aria-posinset', '1');
    const pageSize = await rows.count();
    await pressOnRow(page, rows, 'PageDown', 'aria-posinset', String(pageSize + 1));
    await pressOnRow(page, rows, 'ArrowUp', 'aria-posinset', String(pageSize));
    await expectAccessible(page, 'calendar list, heavy citizen');
  }, 300_000);

  it('draws the calendar month from that month’s entries only', async () => {
    await page.getByRole('button', { name: DA['calendar.month'] }).click();
    const grid = page.getByRole('grid', { name: /\d{4}/ });
    await grid.waitFor({ timeout: 120_000 });
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
    // Ten years back by keyboard, a month at a time: each month is drawn from its own entries.
    await grid.locator('[tabindex="0"]').focus();
    for (let i = 0; i < 24; i++) await page.keyboard.press('PageUp');
    await expect.poll(() => grid.locator('td.has-entries').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
    await expectAccessible(page, 'calendar month, heavy citizen');
  }, 300_000);

  it('draws a page of the payments, with a chart of months, and End reaches the last payment', async () => {
    const payments = servedRecords<Payment>(server, HEAVY_ID, 'payments');
    await overviewViewsNav(page).getByRole('link', { name: DA['view.payments'] }).click();
    await screenHeading(page, DA['payments.title']).waitFor({ timeout: 120_000 });
    const table = page.getByRole('table', { name: DA['payments.all'] });
    const rows = table.locator('tbody tr');
    await rows.first().waitFor({ timeout: 120_000 });
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
    expect(await table.getAttribute('aria-rowcount')).toBe(String(payments.length + 1));

    // One column per month of the history, not one bar per payment.
    const months = new Set(payments.map((p) => p.payoutDate.slice(0, 7)));
    const columns = await page.getByRole('img', { name: DA['payments.chartTitle'] }).locator('g[data-month]').count();
    expect(columns).toBeGreaterThanOrEqual(months.size);
    expect(columns).toBeLessThan(payments.length / 10);

    // PageDown held (auto-repeats faster than a page arrives): the focus stays on a row and ends
    // twelve pages on, on the first row of the thirteenth page (a header row before it).
    await rows.first().focus();
    for (let n = 0; n < 12; n++) await page.keyboard.down('PageDown');
    await page.keyboard.up('PageDown');
    await expect.poll(() => focused(page, 'aria-rowindex'), { timeout: 30_000 }).toBe(String(12 * DEFAULT_PAGE_SIZE + 2));
    await pressOnRow(page, rows, 'End', 'aria-rowindex', String(payments.length + 1));
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
    await expectAccessible(page, 'payments, heavy citizen');
  }, 300_000);

  it('draws a page of the access log, and End reaches the oldest entry', async () => {
    const logged = servedRecords(server, HEAVY_ID, 'access-log').length;
    await overviewViewsNav(page).getByRole('link', { name: DA['view.access'] }).click();
    await screenHeading(page, DA['access.title']).waitFor({ timeout: 120_000 });
    const table = page.getByRole('table', { name: DA['access.title'] });
    const rows = table.locator('tbody tr');
    await rows.first().waitFor({ timeout: 120_000 });
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
    expect(await table.getAttribute('aria-rowcount')).toBe(String(logged + 1));

    // The page buttons, for a mouse: the next page is drawn instead of the first, and the button keeps the focus.
    const pageSize = await rows.count();
    const next = page.getByRole('button', { name: DA['window.next'] });
    await next.click();
    await expect.poll(() => rows.first().getAttribute('aria-rowindex')).toBe(String(pageSize + 2));
    expect(await rows.count()).toBe(pageSize);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(DA['window.next']);
    await page.getByText(new RegExp(`^Viser ${pageSize + 1}–${2 * pageSize} af `)).waitFor();
    await page.getByRole('button', { name: DA['window.previous'] }).click();
    await expect.poll(() => rows.first().getAttribute('aria-rowindex')).toBe('2');

    await pressOnRow(page, rows, 'End', 'aria-rowindex', String(logged + 1));
    expect(await next.getAttribute('aria-disabled')).toBe('true');
    await expectAccessible(page, 'access log, heavy citizen');
  }, 300_000);

  it('draws a page of the cases, and a case page with its documents, within the budget', async () => {
    await overviewViewsNav(page).getByRole('link', { name: DA['view.cases'] }).click();
    await screenHeading(page, DA['cases.title']).waitFor({ timeout: 120_000 });
    const closed = page.getByRole('list', { name: DA['cases.closed'] });
    await expectWindowedList(page, closed, 100);
    await expectAccessible(page, 'cases, heavy citizen');
    await closed.getByRole('link').last().click();
    await page.getByRole('region', { name: DA['case.documents'] }).getByRole('listitem').first().waitFor({ timeout: 120_000 });
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
    await expectAccessible(page, 'a case, heavy citizen');
  }, 300_000);

  it('draws a page of each group of search results, and End reaches the last hit', async () => {
    await overviewViewsNav(page).getByRole('link', { name: DA['view.search'] }).click();
    await screenHeading(page, DA['search.title']).waitFor({ timeout: 120_000 });
    const [benefit, same] = commonestBenefit(servedRecords<Payment>(server, HEAVY_ID, 'payments'));
    await page.getByLabel(DA['search.label']).fill(benefit);
    const hits = page.getByRole('list', { name: DA['search.kind.payment'] });
    // More than the 200 hits search used to stop at, every one reachable.
    expect(same).toBeGreaterThan(200);
    await expectWindowedList(page, hits, same);
    await expectAccessible(page, 'search results, heavy citizen');
  }, 300_000);

  it('opens a payment found by search on its page, focused', async () => {
    await overviewViewsNav(page).getByRole('link', { name: DA['view.search'] }).click();
    await screenHeading(page, DA['search.title']).waitFor();
    const benefit = servedRecords<Payment>(server, HEAVY_ID, 'payments')[0]!.benefit.name;
    await page.getByLabel(DA['search.label']).fill(benefit);
    const hits = page.getByRole('region', { name: DA['search.kind.payment'] }).getByRole('link');
    await hits.first().waitFor({ timeout: 120_000 });
    await hits.last().click();
    await screenHeading(page, DA['payments.title']).waitFor({ timeout: 120_000 });
    await expect.poll(() => focused(page, 'id'), { timeout: 30_000 }).toMatch(/^payment-/);
    expect(await focused(page, 'class')).toContain('highlight');
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
  }, 300_000);

  it('draws a page of each health list, and a ten-year chart of months, not days', async () => {
    await sectionsNav(page).getByRole('button', { name: DA['section.health'] }).click();
    const observations = page.getByRole('table', { name: DA['health.observations.caption'] });
    const rows = observations.locator('tbody tr');
    await rows.first().waitFor({ timeout: 120_000 });
    expect(await observations.getAttribute('aria-rowcount')).toBe(String(LONG_HISTORY.observations + 1));
    expect(await page.getByRole('table', { name: DA['health.workouts.caption'] }).getAttribute('aria-rowcount')).toBe(String(LONG_HISTORY.workouts + 1));
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
    await pressOnRow(page, rows, 'End', 'aria-rowindex', String(LONG_HISTORY.observations + 1));

    await page.getByLabel(DA['health.range.label']).selectOption('all');
    const bars = page.getByRole('img', { name: DA['health.chart.steps'] }).locator('rect.bar');
    // 3,360 days of steps are drawn as about 120 months.
    await expect.poll(() => bars.count(), { timeout: 30_000 }).toBeGreaterThan(100);
    expect(await bars.count()).toBeLessThanOrEqual(LONG_HISTORY.stepYears * 12 + 1);
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
    await expectAccessible(page, 'health, long history');
  }, 300_000);

  it('draws a page of the transactions, with a spending chart of months, and End reaches the oldest', async () => {
    await sectionsNav(page).getByRole('button', { name: DA['section.money'] }).click();
    const table = page.getByRole('table', { name: DA['money.list.heading'] });
    const rows = table.locator('tbody tr');
    await rows.first().waitFor({ timeout: 120_000 });
    expect(await table.getAttribute('aria-rowcount')).toBe(String(LONG_HISTORY.transactions + 1));
    const columns = await page.locator('figure.chart g[data-month]').count();
    expect(columns).toBeGreaterThanOrEqual(120);
    expect(columns).toBeLessThanOrEqual(121);
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
    await pressOnRow(page, rows, 'End', 'aria-rowindex', String(LONG_HISTORY.transactions + 1));
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
    await expectAccessible(page, 'transactions, long history');
  }, 300_000);

  it('draws a page of the grants ledger and of the transparency log, and End reaches the last of each', async () => {
    await sectionsNav(page).getByRole('button', { name: DA['section.sharing'] }).click();
    const grants = page.getByRole('list', { name: DA['sharing.grants.listLabel'] });
    expect(await expectWindowedList(page, grants, LONG_HISTORY.shares)).toBe(LONG_HISTORY.shares);
    await expectWindowedList(page, page.getByRole('list', { name: DA['sharing.log.listLabel'] }), LONG_HISTORY.shares);
    await expectAccessible(page, 'sharing, long history');
  }, 300_000);

  it('names a damaged page in the middle of the payments, and shows the rest', async () => {
    const payments = servedRecords<Payment>(server, HEAVY_ID, 'payments').length;
    // Groups are keyed tags, opaque to the test: the payments' group is the one holding exactly as many records.
    const raw = new RawPages(page);
    const rows = await raw.outline();
    const totals = new Map<string, number>();
    for (const row of rows) totals.set(row.group, (totals.get(row.group) ?? 0) + row.records);
    const groups = [...totals].filter(([, n]) => n === payments).map(([group]) => group);
    expect(groups).toHaveLength(1);
    const pages = rows.filter((r) => r.group === groups[0]).sort((a, b) => a.key.localeCompare(b.key));
    // The fullest of the group's pages: a byte in the middle of it spoils one frame, not the page.
    const middle = pages.reduce((most, row) => (row.records > most.records ? row : most));
    expect(middle.records).toBeGreaterThan(1);
    const lost = await raw.corruptMiddle(middle.key);
    // One frame of the page (format 3): at least one record and at most a frame's 32.
    expect(lost).toBeGreaterThan(0);
    expect(lost).toBeLessThanOrEqual(Math.min(32, middle.records));

    // The background keeps what it decoded while the vault is open; damage done behind its back is read at the next unlock.
    await lock(page);
    await unlockAndWait(page);
    await sectionsNav(page).getByRole('button', { name: DA['section.overview'] }).click();
    await overviewViewsNav(page).getByRole('link', { name: DA['view.payments'] }).click();
    await screenHeading(page, DA['payments.title']).waitFor({ timeout: 120_000 });
    const alert = page.getByRole('alert').filter({ hasText: DA['damaged.title'] });
    await alert.getByText(text(DA, 'damaged.pageDamaged', { kinds: DA['kind.municipal-payment.many'], name: 'Henrik' })).waitFor({ timeout: 120_000 });
    const table = page.getByRole('table', { name: DA['payments.all'] });
    await table.locator('tbody tr').first().waitFor({ timeout: 120_000 });
    expect(await table.getAttribute('aria-rowcount')).toBe(String(payments - lost + 1));
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
    await expectAccessible(page, 'payments with a damaged page');
  }, 300_000);
});
