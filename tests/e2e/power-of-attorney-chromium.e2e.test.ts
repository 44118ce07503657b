/**
 * Acting for someone else, in real Chromium against the reference municipality. Signe signs in
 * for her brother Thomas, whose power of attorney lets her see his appointments and payments
 * only: her "someone I help" profile gets those, not his cases or documents, and every screen
 * says why. Thomas, in his own vault, sees the power he gave and withdraws it; Signe's next sync
 * says the power has ended and she chooses to delete the copy. Freja (16) is told that some of
 * her data is held back and whom to ask, never what it is. Each person has a browser of their own.
 *
 * As in the overview's test, the browser runs a copy of the build whose manifest already grants
 * the loopback host (headless Chromium cannot answer the permission prompt).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LOOPBACK_HOST, municipalityForThisFile, servedRecords } from './harness/municipality';
import {
  addMunicipalityAndSignIn,
  callBackground,
  chromiumForThisFile,
  createVault,
  currentProfile,
  DA,
  expectAccessible,
  openSection,
  screenHeading,
  sectionsNav,
  text,
} from './harness/vault-ui';

/** The sign-in page's choice "Signe for Thomas", and the power it rests on. */
const POWER_LOGIN = 'fuldmagt:fm-thomas-signe';
const POWER_ID = 'fm-thomas-signe';

const server = municipalityForThisFile();
// bypassCSP: to inject axe-core
const youth = chromiumForThisFile({ hostPermissions: [LOOPBACK_HOST], bypassCSP: true });
const sister = chromiumForThisFile({ hostPermissions: [LOOPBACK_HOST], bypassCSP: true });
const brother = chromiumForThisFile({ hostPermissions: [LOOPBACK_HOST], bypassCSP: true });

/** How many records of `kind` the vault holds for the profile named `name`. */
async function held(page: Page, name: string, kind: string): Promise<number> {
  const profiles = (await callBackground(page, 'listProfiles')).value as { id: string; data: { name: string } }[];
  const result = await callBackground(page, 'listRecords', { profileId: profiles.find((p) => p.data.name === name)!.id, kind });
  expect(result.ok).toBe(true);
  return (result.value as { records: unknown[] }).records.length;
}

/** Adds the municipality, signs `citizen` in and waits for the first sync to finish. */
async function connect(page: Page, citizen: string): Promise<void> {
  await sectionsNav(page).getByRole('button', { name: DA['section.municipality'] }).click();
  await addMunicipalityAndSignIn(page, server.url, citizen);
  await page.getByText(/^Færdig: [\d.]+ oplysninger er hentet eller opdateret\.$/).waitFor({ timeout: 90_000 });
}

describe('a young citizen’s overview', () => {
  it('says that some of Freja’s data is held back until she is older, and whom to ask — not what', async () => {
    const session = await youth.launch();
    const page = await session.openPage('vault.html');
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
    await session.close();
  });
});

describe('Signe acts for Thomas under a power of attorney', () => {
  let signe: Page;
  const thomas = 'Thomas Nørgaard Jensen';
  const basis = () => signe.getByRole('region', { name: DA['basis.label'] });

  it('signs in for Thomas into a profile for someone she helps: his appointments and payments, not his cases, and why', async () => {
    signe = await (await sister.launch()).openPage('vault.html');
    await createVault(signe, { name: 'Signe' });
    await openSection(signe, 'section.profiles');
    const form = signe.getByRole('form', { name: DA['profiles.add'] });
    await form.getByLabel(DA['profiles.name']).fill('Thomas');
    await form.getByLabel(DA['relation.label']).selectOption('helped');
    await form.getByRole('button', { name: DA['profiles.add'] }).click();
    const profile = signe.getByRole('article', { name: `Thomas (${DA['relation.helped']})` });
    await profile.getByRole('button', { name: text(DA, 'profiles.show', { name: 'Thomas' }) }).click();
    await expect.poll(() => currentProfile(signe)).toBe(`Thomas (${DA['relation.helped']})`);

    await connect(signe, POWER_LOGIN);
    const covers = text(DA, 'basis.covers', { categories: 'aftaler og frister og udbetalinger' });
    const notShown = text(DA, 'basis.notCovered', { categories: 'sager, afgørelser, dokumenter og loggen over, hvem der har set oplysningerne' });
    await basis().getByText(covers).waitFor();
    await basis().getByText(notShown).waitFor();
    expect(await basis().textContent()).toContain(`Du handler for ${thomas} med en fuldmagt (${POWER_ID})`);
    await expectAccessible(signe, 'municipality, acting for Thomas');

    // What the vault holds for Thomas is what the power covers, and nothing else.
    expect(await held(signe, 'Thomas', 'municipal-payment')).toBe(servedRecords(server, 'thomas', 'payments').length);
    expect(await held(signe, 'Thomas', 'municipal-activity')).toBe(servedRecords(server, 'thomas', 'activities').length);
    for (const kind of ['municipal-case', 'municipal-decision', 'municipal-document', 'municipal-access-log-entry'])
      expect(await held(signe, 'Thomas', kind), kind).toBe(0);

    await signe.getByRole('button', { name: DA['muni.showOverview'] }).click();
    await screenHeading(signe, DA['now.title']).waitFor();
    await signe.getByRole('region', { name: DA['now.payments'] }).getByRole('listitem').first().waitFor();
    await basis().getByText(notShown).waitFor();
    await signe.getByRole('navigation', { name: DA['overview.views'] }).getByRole('link', { name: DA['view.calendar'] }).click();
    await screenHeading(signe, DA['calendar.title']).waitFor();
    await basis().getByText(covers).waitFor();
    await expectAccessible(signe, 'overview, acting for Thomas');
  });

  it('Thomas sees the power he gave in his own vault and withdraws it', async () => {
    const session = await brother.launch();
    const page = await session.openPage('vault.html');
    await createVault(page, { name: 'Thomas' });
    await connect(page, 'thomas');
    const given = page.getByRole('region', { name: DA['powers.title'] });
    const power = given.getByRole('article', { name: 'Signe Nørgaard Holt' });
    await power.getByText(text(DA, 'basis.covers', { categories: 'aftaler og frister og udbetalinger' })).waitFor();
    await power.getByText(DA['powers.status.active'], { exact: false }).waitFor();
    await expectAccessible(page, 'municipality, powers given');
    await power.getByRole('button', { name: DA['powers.withdraw'] }).click();
    const dialog = page.getByRole('dialog', { name: text(DA, 'powers.withdrawTitle', { name: 'Signe Nørgaard Holt' }) });
    await expectAccessible(page, 'withdraw dialog');
    await dialog.getByRole('button', { name: DA['powers.withdrawConfirm'] }).click();
    await given.getByText(text(DA, 'powers.withdrawn', { name: 'Signe Nørgaard Holt' })).waitFor();
    await power.getByText(/Trukket tilbage/).waitFor();
    expect(await power.getByRole('button', { name: DA['powers.withdraw'] }).count()).toBe(0);
    await session.close();
  });

  it('her next sync says the power has ended; she chooses to delete the copy, confirmed', async () => {
    await sectionsNav(signe).getByRole('button', { name: DA['section.municipality'] }).click();
    await signe.getByRole('button', { name: DA['muni.syncNow'] }).click();
    await basis().getByText(DA['error.power-withdrawn']).waitFor({ timeout: 30_000 });
    await basis().getByText(DA['basis.endedChoice']).waitFor();
    const statuses = (await callBackground(signe, 'municipalSyncStatus')).value as { error: string | null }[];
    expect(statuses.map((s) => s.error)).toEqual(['power-withdrawn']);
    // Nothing was lost by the refusal itself.
    expect(await held(signe, 'Thomas', 'municipal-payment')).toBe(servedRecords(server, 'thomas', 'payments').length);
    await expectAccessible(signe, 'power ended');

    await basis().getByRole('button', { name: DA['basis.deleteCopy'] }).click();
    const dialog = signe.getByRole('dialog', { name: text(DA, 'basis.deleteTitle', { municipality: 'Vesterå Kommune', name: thomas }) });
    await dialog.getByRole('button', { name: DA['basis.deleteConfirm'] }).click();
    await signe.getByText(DA['muni.none']).waitFor();
    for (const kind of ['municipal-payment', 'municipal-activity']) expect(await held(signe, 'Thomas', kind), kind).toBe(0);
    const profiles = (await callBackground(signe, 'listProfiles')).value as { id: string; data: { name: string } }[];
    const connections = await callBackground(signe, 'municipalConnections', { profileId: profiles.find((p) => p.data.name === 'Thomas')!.id });
    expect(connections.value).toEqual([]);
  });
});
