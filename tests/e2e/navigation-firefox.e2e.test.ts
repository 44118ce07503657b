/**
 * First run and navigation in Firefox ESR (the MV3 build): a vault made through the page lands on
 * the overview with its three first steps; Back and Forward move between the overview, a case and
 * a document; a case page, locked and reloaded, shows the same case after the unlock; a parent's
 * view of their child's profile uses the child's name. The municipality is connected through the
 * message API here (the Chromium test adds it through the page). Debian's Firefox ESR has an
 * English UI, so the page is in English.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMunicipalityAndSync, launchFirefox, navigationOutcomeUnknown, removeFirefoxProfileDir, type FirefoxSession } from './harness/firefox';
import { click, fill, waitForText, waitUntil } from './harness/firefox-ui';
import { LOOPBACK_HOST, municipalityForThisFile } from './harness/municipality';
import { VaultApi } from './harness/vault-api';
import { EN, PASSPHRASE, SLOW } from './harness/vault-ui';
import { explainTopic } from '../../src/municipal/plain-language/index';
import { LEA_ID, METTE_ID } from '../../src/municipality-server/data/personas/family';

const server = municipalityForThisFile();
let firefox: FirefoxSession;

beforeAll(async () => {
  firefox = await launchFirefox({ hostPermissions: [LOOPBACK_HOST] });
});
afterAll(async () => {
  await firefox?.close();
  if (firefox) removeFirefoxProfileDir(firefox.profileDir);
});

const hash = (page: Page) => page.evaluate(() => location.hash);
const heading = (page: Page) => page.evaluate(() => document.querySelector('#section-heading')?.textContent ?? '');
/** Waits until the screen's heading says `title`, and returns the address then. */
const screen = (page: Page, title: string) => waitUntil(page, `the screen "${title}"`, async () => (await heading(page)) === title && hash(page));

describe('first run and navigation in Firefox ESR', () => {
  let page: Page;
  let api: VaultApi;
  const cash = explainTopic('32.24.04', 'en')!.plainTitle;

  it('lands a new vault on the overview with three next steps', async () => {
    page = await firefox.openPage('vault.html');
    api = VaultApi.puppeteer(page);
    await waitForText(page, EN['create.title']);
    await fill(page, EN['create.name'], 'Thomas');
    await fill(page, EN['passphrase.label'], PASSPHRASE);
    await fill(page, EN['passphrase.confirm'], PASSPHRASE);
    await click(page, EN['create.submit']);
    await waitForText(page, EN['recovery.title'], { timeoutMs: SLOW.timeout * 3 });
    const recoveryKey = await page.evaluate(() => document.querySelector('[data-testid="recovery-key"]')?.textContent?.trim() ?? '');
    await fill(page, EN['recovery.confirmLabel'], recoveryKey.split('-').at(-1)!);
    await click(page, EN['recovery.done']);

    await waitForText(page, EN['steps.title']);
    expect(await heading(page)).toBe(EN['overview.emptyTitle']);
    const steps = await page.evaluate(() =>
      [...document.querySelectorAll('.next-steps li')].map((li) => [li.querySelector('a')?.textContent, li.getAttribute('data-done')]),
    );
    expect(steps).toEqual([
      [EN['steps.municipality'], 'false'],
      [EN['steps.bank'], 'false'],
      [EN['steps.backup'], 'false'],
    ]);
    expect(await hash(page)).toMatch(/^#\/overview\?p=[^&]+$/);
  });

  it('moves with Back and Forward between the overview, a case and a document', async () => {
    const [thomas] = (await api.ok('listProfiles', {})) as { id: string }[];
    await connectMunicipalityAndSync(firefox, api, { profileId: thomas!.id, origin: server.url });
    await page.reload().catch(navigationOutcomeUnknown);
    const nowAddress = await screen(page, EN['now.title']);
    await waitForText(page, EN['steps.done']);

    await click(page, cash);
    const caseAddress = await screen(page, cash);
    expect(caseAddress).toMatch(/^#\/overview\/case\/[^/?]+\?p=/);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(cash);
    const documentTitle = await page.evaluate(() => {
      const link = document.querySelector<HTMLAnchorElement>('section[aria-labelledby="case-documents"] a')!;
      link.click();
      return link.querySelector('.visually-hidden')?.textContent ?? link.textContent ?? '';
    });
    const documentAddress = await screen(page, documentTitle);
    expect(documentAddress).toMatch(/^#\/overview\/document\/[^/?]+\?p=/);

    await page.evaluate(() => history.back());
    expect(await screen(page, cash)).toBe(caseAddress);
    await page.evaluate(() => history.back());
    expect(await screen(page, EN['now.title'])).toBe(nowAddress);
    await page.evaluate(() => history.forward());
    expect(await screen(page, cash)).toBe(caseAddress);
    await page.evaluate(() => history.forward());
    expect(await screen(page, documentTitle)).toBe(documentAddress);
    await page.evaluate(() => history.back());
    expect(await screen(page, cash)).toBe(caseAddress);
  });

  it('shows the same case after a lock, a reload and the unlock', async () => {
    const caseAddress = await hash(page);
    await click(page, EN['header.lock']);
    await waitForText(page, EN['unlock.title']);
    await page.reload().catch(navigationOutcomeUnknown);
    await waitForText(page, EN['unlock.title']);
    await fill(page, EN['passphrase.label'], PASSPHRASE);
    await click(page, EN['unlock.submit']);
    expect(await waitUntil(page, 'the case after the unlock', async () => (await heading(page)) === cash && hash(page), SLOW.timeout * 3)).toBe(caseAddress);
  });

  it("uses the child's name when a parent views the child's profile", async () => {
    const lea = (await api.ok('saveProfile', { data: { name: 'Lea Kjær Olsen', relation: 'child' } })) as { id: string };
    await connectMunicipalityAndSync(firefox, api, { profileId: lea.id, origin: server.url, citizen: `${METTE_ID}>${LEA_ID}` });
    await page.evaluate((id) => (location.hash = `#/overview?p=${encodeURIComponent(id)}`), lea.id);
    await screen(page, EN['now.title']);
    const now = await waitForText(page, "Lea's open cases");
    expect(now).toContain("Lea's next appointments");
    expect(now).not.toContain(EN['now.openCases']);
    await click(page, "Who looked at Lea's data");
    await screen(page, "Who looked at Lea's data");
    await waitForText(page, "The municipality’s log of who used Lea's information");
  });
});
