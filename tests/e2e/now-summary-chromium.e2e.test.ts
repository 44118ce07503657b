/**
 * *Now* after unlocking, in real Chromium, for a long history: the reference municipality's
 * heavy citizen scaled to over 20,000 records, synced through the extension. After locking and
 * unlocking again, *Now* shows the open cases and the next appointments and deadlines, and the
 * background decrypted a single record for it (its stored summary), not the history. No timing
 * is asserted.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RESOURCES, type Activity, type Case } from '../../src/municipal/api/schemas';
import { HEAVY_ID } from '../../src/municipality-server/data/personas/heavy';
import { LOOPBACK_HOST, municipalityForThisFile, servedRecords } from './harness/municipality';
import { connectMunicipalityFromEmptyOverview, chromiumForThisFile, createVault, DA, lock, screenHeading, sectionsNav, unlock } from './harness/vault-ui';

/** About a third of the heavy citizen: ≈21,000 records. */
const server = municipalityForThisFile({ heavy: { scale: 0.33 } });
const browser = chromiumForThisFile({ hostPermissions: [LOOPBACK_HOST] });

const nowGrid = (page: Page) => page.locator('.now-grid');

/** The next `n` appointments the municipality serves, as *Now* lists them: earliest first. */
function nextAppointments(now: number, n: number): string[] {
  return servedRecords<Activity>(server, HEAVY_ID, 'activities')
    .flatMap((a) => (a.kind === 'appointment' && (a.status === 'planned' || a.status === 'changed') && Date.parse(a.startsAt) >= now ? [a] : []))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.title.localeCompare(b.title, 'da'))
    .slice(0, n)
    .map((a) => a.startsAt);
}

describe('Now for a long history reads its summary, not the history', () => {
  let page: Page;

  it('syncs a citizen with more than 20,000 records', async () => {
    const total = RESOURCES.reduce((n, r) => n + servedRecords(server, HEAVY_ID, r).length, 0);
    expect(total).toBeGreaterThanOrEqual(20_000);
    page = await (await browser.launch()).openPage('vault.html');
    await createVault(page, { name: 'Henrik' });
    await connectMunicipalityFromEmptyOverview(page, server.url, { citizen: HEAVY_ID, timeoutMs: 480_000 });
    await screenHeading(page, DA['now.title']).waitFor({ timeout: 120_000 });
    await nowGrid(page).waitFor({ timeout: 120_000 });
  }, 660_000);

  it('after unlocking again, shows the open cases and what comes next from one record read', async () => {
    await lock(page);
    await unlock(page);
    await sectionsNav(page).getByRole('button', { name: DA['section.overview'] }).click();
    await screenHeading(page, DA['now.title']).waitFor({ timeout: 120_000 });
    await nowGrid(page).waitFor({ timeout: 120_000 });
    const shownAt = Date.now();
    expect(await nowGrid(page).getAttribute('data-records-read')).toBe('1');

    const open = servedRecords<Case>(server, HEAVY_ID, 'cases').filter((c) => c.status !== 'closed');
    expect(open.length).toBeGreaterThan(0);
    const cases = page.getByRole('region', { name: DA['now.openCases'] }).locator('ul.case-list > li');
    expect(await cases.count()).toBe(open.length);

    const expected = nextAppointments(shownAt, 5);
    expect(expected).toHaveLength(5);
    const appointments = page.getByRole('list', { name: DA['now.appointments'] }).locator('time');
    expect(await appointments.evaluateAll((times) => times.map((t) => t.getAttribute('datetime')))).toEqual(expected);
    expect(await page.getByRole('list', { name: DA['now.deadlines'] }).getByRole('listitem').count()).toBeGreaterThan(0);
  }, 300_000);
});
