/**
 * Long histories in Firefox ESR: the heavy citizen, scaled to over 20,000 records, synced
 * through the add-on; the calendar list, the payments and the access log each draw one page of
 * rows (the whole document stays under 3,000 elements) and End takes the keyboard to the last
 * row. Debian's Firefox ESR has an English UI, so the page is in English here. No timing is asserted.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOURCES } from '../../src/municipal/api/schemas';
import { HEAVY_ID } from '../../src/municipality-server/data/personas/heavy';
import { launchFirefox, navigationOutcomeUnknown, pickCitizenIn, removeFirefoxProfileDir, type FirefoxSession } from './harness/firefox';
import { click, waitForText, waitUntil } from './harness/firefox-ui';
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

const MAX_ELEMENTS = 3_000;
const elementCount = (page: Page) => page.evaluate(() => document.getElementsByTagName('*').length);
const focusedAttribute = (page: Page, name: string) => page.evaluate((n) => document.activeElement?.getAttribute(n) ?? null, name);

/** Focuses the first drawn row matching `rows`, presses End and waits until the focused row's `attribute` is `last`. */
async function endReaches(page: Page, rows: string, attribute: string, last: string): Promise<boolean> {
  await waitUntil(page, `a row ${rows}`, () => page.evaluate((s) => document.querySelector(s) !== null, rows));
  await page.focus(rows);
  await page.keyboard.press('End');
  return waitUntil(page, `focus on the row whose ${attribute} is ${last}`, async () => (await focusedAttribute(page, attribute)) === last);
}

describe('views of a long history draw a window of rows in Firefox ESR', () => {
  let page: Page;

  it('syncs a citizen with more than 20,000 records', async () => {
    expect(RESOURCES.reduce((n, r) => n + servedRecords(server, HEAVY_ID, r).length, 0)).toBeGreaterThanOrEqual(20_000);
    page = await firefox.openPage('vault.html');
    const api = VaultApi.puppeteer(page);
    const { profileId } = await api.ok('create', { ...(await passphraseKey('korrekt hest batteri hæfteklamme')), owner: { name: 'Henrik' } });
    await connectAndSync(api, { profileId, origin: server.url, citizen: HEAVY_ID, timeoutMs: 480_000 }, pickCitizenIn(firefox));
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

  it('draws a page of the payments, and End reaches the last payment', async () => {
    await click(page, EN['view.payments']);
    await waitForText(page, EN['payments.all'], { timeoutMs: 120_000 });
    const payments = servedRecords(server, HEAVY_ID, 'payments').length;
    expect(await page.evaluate(() => document.querySelector('#payments-all')?.getAttribute('aria-rowcount'))).toBe(String(payments + 1));
    expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
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
});
