/**
 * First run and daily navigation in real Chromium, against the reference municipality: a new
 * vault lands on the overview with its three first steps (axe-checked), each linking to where it
 * is done and saying when it is done; the municipality is picked from the vault's own list; the
 * "connected" line goes when the fetch ends; every screen has its own address, so Back and
 * Forward move between the overview, a case and a document, and a reload of a case page shows
 * the same case after the unlock; a parent viewing their child's profile reads the child's name.
 *
 * As in the overview test, the browser runs a copy of the build whose manifest already grants
 * the loopback host (headless Chromium cannot answer the permission prompt).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LOOPBACK_HOST, municipalityForThisFile } from './harness/municipality';
import {
  addMunicipalityAndSignIn,
  chromiumForThisFile,
  DA,
  expectAccessible,
  lock,
  overviewViewsNav,
  PASSPHRASE,
  screenHeading,
  sectionsNav,
  SLOW,
  text,
  unlockAndWait,
} from './harness/vault-ui';
import { explainTopic } from '../../src/municipal/plain-language/index';
import { LEA_ID, METTE_ID } from '../../src/municipality-server/data/personas/family';
import { KNOWN_MUNICIPALITIES } from '../../src/ui/municipal/known-municipalities';

const server = municipalityForThisFile();
const browser = chromiumForThisFile({ hostPermissions: [LOOPBACK_HOST], bypassCSP: true }); // bypassCSP: to inject axe-core

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');
const hash = (page: Page) => page.evaluate(() => location.hash);
const steps = (page: Page) => page.getByRole('region', { name: DA['steps.title'] });
/** Each step's link text and whether it says it is done, top to bottom. */
const stepStates = (page: Page) =>
  steps(page)
    .getByRole('listitem')
    .evaluateAll((items) => items.map((li) => [li.querySelector('a')?.textContent ?? '', li.getAttribute('data-done')]));

describe('first run and navigation', () => {
  let page: Page;
  const cash = explainTopic('32.24.04', 'da')!.plainTitle;

  it('lands a new vault on the overview with three next steps, none done', async () => {
    page = await (await browser.launch()).openPage('vault.html');
    await page.getByRole('heading', { level: 1, name: DA['create.title'] }).waitFor();
    await page.getByLabel(DA['create.name'], { exact: true }).fill('Thomas');
    await page.getByLabel(DA['passphrase.label'], { exact: true }).fill(PASSPHRASE);
    await page.getByLabel(DA['passphrase.confirm'], { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: DA['create.submit'] }).click();
    await page.getByRole('heading', { level: 1, name: DA['recovery.title'] }).waitFor(SLOW);
    const recoveryKey = (await page.getByTestId('recovery-key').textContent())!.trim();
    await page.getByLabel(DA['recovery.confirmLabel']).fill(recoveryKey.split('-').at(-1)!);
    await page.getByRole('button', { name: DA['recovery.done'] }).click();

    await screenHeading(page, DA['overview.emptyTitle']).waitFor();
    await steps(page).waitFor();
    expect(await sectionsNav(page).getByRole('button', { name: DA['section.overview'] }).getAttribute('aria-current')).toBe('page');
    expect(await stepStates(page)).toEqual([
      [DA['steps.municipality'], 'false'],
      [DA['steps.bank'], 'false'],
      [DA['steps.backup'], 'false'],
    ]);
    expect(await steps(page).getByText(DA['steps.todo']).count()).toBe(3);
    expect(await hash(page)).toMatch(/^#\/overview\?p=[^&]+$/);
    // Each step is a real link to where it is done.
    const profile = (await hash(page)).split('p=')[1];
    expect(await steps(page).getByRole('link', { name: DA['steps.bank'] }).getAttribute('href')).toBe(`#/money?p=${profile}`);
    expect(await steps(page).getByRole('link', { name: DA['steps.backup'] }).getAttribute('href')).toBe(`#/backup?p=${profile}`);
    // A few changes and no backup: a quiet badge on the backup section, no banner.
    expect(await page.getByRole('region', { name: DA['reminder.title'] }).count()).toBe(0);
    await expectAccessible(page, 'overview, first steps');
  });

  it('picks the municipality from the list, and the "connected" line goes when the fetch ends', async () => {
    await steps(page).getByRole('link', { name: DA['steps.municipality'] }).click();
    await screenHeading(page, DA['muni.title']).waitFor();
    expect(await hash(page)).toMatch(/^#\/municipality\?p=/);
    await expect.poll(() => focusedText(page)).toBe(DA['muni.title']);

    // The list says plainly that only the invented reference municipality is in it today.
    await page.getByText(DA['muni.pickHint']).waitFor();
    const reference = KNOWN_MUNICIPALITIES[0]!;
    await page.getByLabel(DA['muni.pick']).selectOption({ label: text(DA, 'muni.reference', { name: reference.name }) });
    expect(await page.getByLabel(DA['muni.address']).inputValue()).toBe(reference.origin);
    await expectAccessible(page, 'municipality picker');

    // The test's own server runs on another port: any address can still be written.
    await addMunicipalityAndSignIn(page, server.url);
    const connected = page.getByText(text(DA, 'muni.connected', { name: 'Vesterå Kommune' }));
    await page.getByText(/^Færdig: \d+ oplysninger er hentet eller opdateret\.$/).waitFor({ timeout: 90_000 });
    await expect.poll(() => connected.count()).toBe(0);
    expect(await page.getByText(/hentes nu/).count()).toBe(0);
  });

  it('shows the municipality step as done', async () => {
    await page.getByRole('button', { name: DA['muni.showOverview'] }).click();
    await screenHeading(page, DA['now.title']).waitFor();
    await steps(page).waitFor();
    expect(await stepStates(page)).toEqual([
      [DA['steps.municipality'], 'true'],
      [DA['steps.bank'], 'false'],
      [DA['steps.backup'], 'false'],
    ]);
    await steps(page).getByText(DA['steps.done']).waitFor();
    await expectAccessible(page, 'now, with the steps');
  });

  it('moves with Back and Forward between the overview, a case and a document, focus on each heading', async () => {
    const nowAddress = await hash(page);
    await page.getByRole('region', { name: DA['now.openCases'] }).getByRole('link', { name: cash, exact: true }).click();
    await screenHeading(page, cash).waitFor();
    const caseAddress = await hash(page);
    expect(caseAddress).toMatch(/^#\/overview\/case\/[^/?]+\?p=/);
    await expect.poll(() => focusedText(page)).toBe(cash);

    const firstDocument = page.getByRole('region', { name: DA['case.documents'] }).getByRole('link').first();
    const documentTitle = (await firstDocument.evaluate((a) => a.querySelector('.visually-hidden')?.textContent ?? a.textContent))!;
    await firstDocument.click();
    await screenHeading(page, documentTitle).waitFor();
    const documentAddress = await hash(page);
    expect(documentAddress).toMatch(/^#\/overview\/document\/[^/?]+\?p=/);

    await page.goBack();
    await screenHeading(page, cash).waitFor();
    expect(await hash(page)).toBe(caseAddress);
    await expect.poll(() => focusedText(page)).toBe(cash);
    await page.goBack();
    await screenHeading(page, DA['now.title']).waitFor();
    expect(await hash(page)).toBe(nowAddress);
    await expect.poll(() => focusedText(page)).toBe(DA['now.title']);
    // Still the vault page: Back stayed inside it.
    expect(page.url()).toMatch(/vault\.html#/);

    await page.goForward();
    await screenHeading(page, cash).waitFor();
    await page.goForward();
    await screenHeading(page, documentTitle).waitFor();
    await page.goBack();
    await screenHeading(page, cash).waitFor();
  });

  it('shows the same case after a reload and the unlock', async () => {
    const caseAddress = await hash(page);
    // The vault stays unlocked across a reload of the page: the same case at once.
    await page.reload();
    await screenHeading(page, cash).waitFor(SLOW);
    expect(await hash(page)).toBe(caseAddress);
    // Locked, reloaded and unlocked: still the same case.
    await lock(page);
    expect(await hash(page)).toBe(caseAddress);
    await page.reload();
    await unlockAndWait(page);
    await screenHeading(page, cash).waitFor(SLOW);
    expect(await hash(page)).toBe(caseAddress);
    // A bookmark is an address too: the payments view opens from its own.
    await page.evaluate(() => (location.hash = location.hash.replace(/^#\/overview\/case\/[^?]+/, '#/overview/payments')));
    await screenHeading(page, DA['payments.title']).waitFor();
  });

  it("uses the child's name when a parent views the child's profile", async () => {
    await sectionsNav(page).getByRole('button', { name: DA['section.profiles'] }).click();
    const form = page.getByRole('form', { name: DA['profiles.add'] });
    await form.getByLabel(DA['profiles.name']).fill('Lea');
    await form.getByLabel(DA['relation.label']).selectOption('child');
    await form.getByRole('button', { name: DA['profiles.add'] }).click();
    await page.getByRole('article', { name: `Lea (${DA['relation.child']})` }).waitFor();
    await page.getByLabel(DA['header.viewing']).selectOption({ label: `Lea (${DA['relation.child']})` });

    await sectionsNav(page).getByRole('button', { name: DA['section.municipality'] }).click();
    await addMunicipalityAndSignIn(page, server.url, `${METTE_ID}>${LEA_ID}`);
    await page.getByText(/^Færdig: \d+ oplysninger er hentet eller opdateret\.$/).waitFor({ timeout: 90_000 });
    await page.getByRole('button', { name: DA['muni.showOverview'] }).click();

    await screenHeading(page, DA['now.title']).waitFor();
    await page.getByRole('region', { name: 'Leas åbne sager' }).waitFor();
    await page.getByRole('region', { name: 'Leas næste aftaler' }).waitFor();
    expect(await page.getByRole('region', { name: DA['now.openCases'] }).count()).toBe(0);
    await overviewViewsNav(page).getByRole('link', { name: DA['view.cases'] }).click();
    await screenHeading(page, 'Leas sager').waitFor();
    await expect.poll(() => focusedText(page)).toBe('Leas sager');
    await overviewViewsNav(page).getByRole('link', { name: 'Hvem har set Leas data' }).click();
    await screenHeading(page, 'Hvem har set Leas data').waitFor();
    await page.getByText('Kommunens log over, hvem der har brugt Leas oplysninger, hvornår og hvorfor.').waitFor();
    await expectAccessible(page, "access log of a child's profile");
  });
});
