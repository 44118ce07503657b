/**
 * Long histories in real Chromium: the reference municipality's heavy citizen, scaled to over
 * 20,000 records, synced through the extension; then the calendar list, the payments and the
 * access log each draw one page of rows — the whole document stays under 3,000 elements — while
 * they announce the full count, End takes the keyboard to the very last row, and axe stays clean.
 * A payment found by search opens on its own page, focused. No timing is asserted.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RESOURCES, type Payment } from '../../src/municipal/api/schemas';
import { HEAVY_ID } from '../../src/municipality-server/data/personas/heavy';
import { LOOPBACK_HOST, municipalityForThisFile, servedRecords } from './harness/municipality';
import {
  addMunicipalityAndSignIn,
  chromiumForThisFile,
  createVault,
  DA,
  expectAccessible,
  overviewViewsNav,
  screenHeading,
  sectionsNav,
} from './harness/vault-ui';

/** About a third of the heavy citizen: ≈21,000 records. */
const server = municipalityForThisFile({ heavy: { scale: 0.33 } });
const browser = chromiumForThisFile({ hostPermissions: [LOOPBACK_HOST], bypassCSP: true }); // bypassCSP: to inject axe-core

const MAX_ELEMENTS = 3_000;
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

describe('views of a long history draw a window of rows', () => {
  let page: Page;

  it('syncs a citizen with more than 20,000 records', async () => {
    const total = RESOURCES.reduce((n, r) => n + servedRecords(server, HEAVY_ID, r).length, 0);
    expect(total).toBeGreaterThanOrEqual(20_000);
    page = await (await browser.launch()).openPage('vault.html');
    await createVault(page, { name: 'Henrik' });
    await sectionsNav(page).getByRole('button', { name: DA['section.overview'] }).click();
    await page.getByRole('link', { name: DA['steps.municipality'] }).click();
    await addMunicipalityAndSignIn(page, server.url, HEAVY_ID);
    await page.getByText(/^Færdig: [\d.]+ oplysninger er hentet eller opdateret\.$/).waitFor({ timeout: 360_000 });
    await page.getByRole('button', { name: DA['muni.showOverview'] }).click();
    await screenHeading(page, DA['now.title']).waitFor({ timeout: 120_000 });
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
});
