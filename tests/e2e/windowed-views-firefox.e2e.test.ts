/**
 * Long histories in Firefox ESR: the heavy citizen, scaled to over 20,000 records, synced
 * through the add-on, with thousands of health measurements, ten years of bank transactions and
 * more shares than a page; every long view — the calendar list and month, the payments, the
 * access log, the cases, search results, the health lists and chart, the transactions, the
 * grants ledger and the transparency log — draws one page of rows (the whole document stays
 * under 3,000 elements) and End takes the keyboard to the last row. Debian's Firefox ESR has an
 * English UI, so the page is in English here. No timing is asserted.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOURCES, type Payment } from '../../src/municipal/api/schemas';
import { HEAVY_ID } from '../../src/municipality-server/data/personas/heavy';
import { launchFirefox, navigationOutcomeUnknown, pickCitizenIn, removeFirefoxProfileDir, type FirefoxSession } from './harness/firefox';
import { click, fill, waitForText, waitUntil } from './harness/firefox-ui';
import { elementCount, endReaches, expectWindowedList, heldPageDownReaches } from './harness/firefox-windowed';
import { DEFAULT_PAGE_SIZE } from '../../src/ui/components/use-row-window';
import { commonestBenefit, LONG_HISTORY, MAX_ELEMENTS, seedLongHistory } from './harness/long-history';
import { connectAndSync, LOOPBACK_HOST, municipalityForThisFile, servedRecords } from './harness/municipality';
import { passphraseKey, VaultApi } from './harness/vault-api';
import { EN } from './harness/vault-ui';

/** About a third of the heavy citizen: ≈21,000 records. */
const server = municipalityForThisFile({ heavy: { scale: 0.33 } });
let firefox: FirefoxSession;

beforeAll(async () => {
  firefox = await launchFirefox({ hostPermissions: [LOOPBACK_HOST] });
});
afterAll(async () => {
  await firefox?.close();
  if (firefox) removeFirefoxProfileDir(firefox.profileDir);
});

describe('views of a long history draw a window of rows in Firefox ESR', () => {
  let page: Page;

  it('syncs a citizen with more than 20,000 records', async () => {
    expect(RESOURCES.reduce((n, r) => n + servedRecords(server, HEAVY_ID, r).length, 0)).toBeGreaterThanOrEqual(20_000);
    page = await firefox.openPage('vault.html');
    const api = VaultApi.puppeteer(page);
    const { profileId } = await api.ok('create', { ...(await passphraseKey('korrekt hest batteri hæfteklamme')), owner: { name: 'Henrik' } });
    await connectAndSync(api, { profileId, origin: server.url, citizen: HEAVY_ID, timeoutMs: 480_000 }, pickCitizenIn(firefox));
    await seedLongHistory(api, profileId, server.url);
    await page.reload().catch(navigationOutcomeUnknown);
    await waitForText(page, EN['now.title'], { timeoutMs: 120_000 });
  }, 600_000);

  it('draws a page of the calendar list, and End reaches the last entry', async () => {
    await click(page, EN['view.calendar']);
    await waitForText(page, EN['calendar.past'], { timeoutMs: 120_000 });
    const rows = '#cal-past-list > li';
    const size = await waitUntil(page, 'the list size', () => page.evaluate((s) => document.querySelector(s)?.getAttribute('aria-setsize'), rows));
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
    expect(Number(size)).toBeGreaterThan(5_000);
    expect(await endReaches(page, rows, 'aria-posinset', size)).toBe(true);
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
  }, 300_000);

  it('draws the calendar month within the budget', async () => {
    await click(page, EN['calendar.month']);
    await waitUntil(page, 'the month grid', () => page.evaluate(() => document.querySelector('table[role="grid"] td[tabindex="0"]') !== null));
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
  }, 300_000);

  it('draws a page of the payments, and End reaches the last payment', async () => {
    await click(page, EN['view.payments']);
    await waitForText(page, EN['payments.all'], { timeoutMs: 120_000 });
    const payments = servedRecords(server, HEAVY_ID, 'payments').length;
    expect(await page.evaluate(() => document.querySelector('#payments-all')?.getAttribute('aria-rowcount'))).toBe(String(payments + 1));
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
    // Twelve pages on with PageDown held: the first row of the thirteenth page, a header row before it.
    expect(await heldPageDownReaches(page, '#payments-all tbody tr', 12, 'aria-rowindex', String(12 * DEFAULT_PAGE_SIZE + 2))).toBe(true);
    expect(await endReaches(page, '#payments-all tbody tr', 'aria-rowindex', String(payments + 1))).toBe(true);
  }, 300_000);

  it('draws a page of the access log, and End reaches the oldest entry', async () => {
    await click(page, EN['view.access']);
    await waitForText(page, EN['access.why'], { timeoutMs: 120_000 });
    const logged = servedRecords(server, HEAVY_ID, 'access-log').length;
    expect(await page.evaluate(() => document.querySelector('#access-log')?.getAttribute('aria-rowcount'))).toBe(String(logged + 1));
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
    expect(await endReaches(page, '#access-log tbody tr', 'aria-rowindex', String(logged + 1))).toBe(true);
  }, 300_000);

  it('draws a page of the cases, and End reaches the last closed case', async () => {
    await click(page, EN['view.cases']);
    await waitForText(page, EN['cases.closed'], { timeoutMs: 120_000 });
    await expectWindowedList(page, 'cases-closed-list', 100);
  }, 300_000);

  it('draws a page of each group of search results, and End reaches the last hit', async () => {
    await click(page, EN['view.search']);
    await waitForText(page, EN['search.hint'], { timeoutMs: 120_000 });
    const [benefit, same] = commonestBenefit(servedRecords<Payment>(server, HEAVY_ID, 'payments'));
    expect(same).toBeGreaterThan(200);
    await fill(page, EN['search.label'], benefit);
    await expectWindowedList(page, 'hits-payment-list', same);
  }, 300_000);

  it('draws a page of each health list, and a ten-year chart of months, not days', async () => {
    await click(page, EN['section.health']);
    const rowcount = (id: string) => page.evaluate((s) => document.querySelector(s)?.getAttribute('aria-rowcount') ?? null, `#${id}`);
    await waitUntil(page, 'the observations table', async () => (await rowcount('health-observations')) !== null, 120_000);
    expect(await rowcount('health-observations')).toBe(String(LONG_HISTORY.observations + 1));
    expect(await rowcount('health-workouts')).toBe(String(LONG_HISTORY.workouts + 1));
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
    expect(await endReaches(page, '#health-observations tbody tr', 'aria-rowindex', String(LONG_HISTORY.observations + 1))).toBe(true);

    await page.select('#health-range', 'all');
    const bars = () => page.evaluate(() => document.querySelectorAll('#chart-steps-h ~ figure rect.bar').length);
    await waitUntil(page, 'the steps chart over ten years', async () => (await bars()) > 100);
    expect(await bars()).toBeLessThanOrEqual(LONG_HISTORY.stepYears * 12 + 1);
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
  }, 300_000);

  it('draws a page of the transactions, with a spending chart of months, and End reaches the oldest', async () => {
    await click(page, EN['section.money']);
    const rowcount = () => page.evaluate(() => document.querySelector('#money-list')?.getAttribute('aria-rowcount') ?? null);
    await waitUntil(page, 'the transactions table', async () => (await rowcount()) !== null, 120_000);
    expect(await rowcount()).toBe(String(LONG_HISTORY.transactions + 1));
    const columns = await page.evaluate(() => document.querySelectorAll('figure.chart g[data-month]').length);
    expect(columns).toBeGreaterThanOrEqual(120);
    expect(columns).toBeLessThanOrEqual(121);
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
    expect(await endReaches(page, '#money-list tbody tr', 'aria-rowindex', String(LONG_HISTORY.transactions + 1))).toBe(true);
  }, 300_000);

  it('draws a page of the grants ledger and of the transparency log, and End reaches the last of each', async () => {
    await click(page, EN['section.sharing']);
    expect(await expectWindowedList(page, 'sharing-grants-list', LONG_HISTORY.shares)).toBe(LONG_HISTORY.shares);
    await expectWindowedList(page, 'sharing-log-list', LONG_HISTORY.shares);
  }, 300_000);
});
