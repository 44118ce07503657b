/**
 * Acting for someone else, in real Chromium against the reference municipality: Freja (16) is
 * told that some of her data is held back and whom to ask, never what it is. (The representative's
 * story — the sister signing in for Thomas under a power of attorney — follows in this file.)
 *
 * As in the overview's test, the browser runs a copy of the build whose manifest already grants
 * the loopback host (headless Chromium cannot answer the permission prompt).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LOOPBACK_HOST, municipalityForThisFile } from './harness/municipality';
import { addMunicipalityAndSignIn, chromiumForThisFile, createVault, DA, expectAccessible, screenHeading, sectionsNav, text } from './harness/vault-ui';

const server = municipalityForThisFile();
const browser = chromiumForThisFile({ hostPermissions: [LOOPBACK_HOST], bypassCSP: true }); // bypassCSP: to inject axe-core

/** Adds the municipality, signs `citizen` in and waits for the first sync to finish. */
async function connect(page: Page, citizen: string): Promise<void> {
  await sectionsNav(page).getByRole('button', { name: DA['section.municipality'] }).click();
  await addMunicipalityAndSignIn(page, server.url, citizen);
  await page.getByText(/^Færdig: [\d.]+ oplysninger er hentet eller opdateret\.$/).waitFor({ timeout: 90_000 });
}

describe('a young citizen’s overview', () => {
  it('says that some of Freja’s data is held back until she is older, and whom to ask — not what', async () => {
    const page = await (await browser.launch()).openPage('vault.html');
    await createVault(page, { name: 'Freja' });
    await connect(page, 'freja');
    const notice = text(DA, 'basis.youth', { municipality: 'Vesterå Kommune' });
    // The municipality screen says it too, under its heading.
    await page.getByRole('region', { name: DA['basis.label'] }).getByText(notice).waitFor();
    await page.getByRole('button', { name: DA['muni.showOverview'] }).click();
    await screenHeading(page, DA['now.title']).waitFor();
    const basis = page.getByRole('region', { name: DA['basis.label'] });
    await basis.getByText(notice).waitFor();
    // Every overview screen carries it.
    await page.getByRole('navigation', { name: DA['overview.views'] }).getByRole('link', { name: DA['view.calendar'] }).click();
    await screenHeading(page, DA['calendar.title']).waitFor();
    await page.getByRole('region', { name: DA['basis.label'] }).getByText(notice).waitFor();
    expect(await page.getByRole('region', { name: DA['basis.label'] }).textContent()).toBe(notice);
    await expectAccessible(page, 'youth notice');
  });
});
