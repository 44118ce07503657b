/**
 * A Firefox ESR smoke run of the overview: the add-on (with the loopback host granted in its
 * manifest, the state the permission prompt's "Allow" leaves behind — headless Firefox cannot
 * answer the prompt) signs Thomas in through identity.launchWebAuthFlow, whose window is driven
 * over WebDriver BiDi, syncs, and the vault page shows his open cases in plain words, a case
 * with its caseworker, the calendar with the change link, and the payment chart. Debian's Firefox
 * ESR has an English UI, so the page is in English here (the Chromium tests cover Danish).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMunicipalityAndSync, launchFirefox, navigationOutcomeUnknown, removeFirefoxProfileDir, type FirefoxSession } from './harness/firefox';
import { click, waitForText } from './harness/firefox-ui';
import { LOOPBACK_HOST, municipalityForThisFile } from './harness/municipality';
import { passphraseKey, VaultApi } from './harness/vault-api';
import { EN } from './harness/vault-ui';
import { explainTopic } from '../../src/municipal/plain-language/index';

const server = municipalityForThisFile();
let firefox: FirefoxSession;

beforeAll(async () => {
  firefox = await launchFirefox({ hostPermissions: [LOOPBACK_HOST] });
});
afterAll(async () => {
  await firefox?.close();
  if (firefox) removeFirefoxProfileDir(firefox.profileDir);
});

describe('the overview in Firefox ESR (smoke)', () => {
  it('signs Thomas in through the identity window, syncs, and shows his overview', async () => {
    const page = await firefox.openPage('vault.html');
    const api = VaultApi.puppeteer(page);
    const { profileId } = await api.ok('create', { ...(await passphraseKey('korrekt hest batteri hæfteklamme')), owner: { name: 'Thomas' } });
    expect((await api.ok('municipalDiscover', { origin: server.url })).demo).toBe(true);

    // The sign-in window is a page of its own; Thomas is picked there.
    await connectMunicipalityAndSync(firefox, api, { profileId, origin: server.url });

    // The page opens on the overview once a municipality is connected.
    await page.reload().catch(navigationOutcomeUnknown);
    const now = await waitForText(page, EN['now.title']);
    const cash = explainTopic('32.24.04', 'en')!.plainTitle;
    expect(cash).toBe('Cash benefit');
    expect(now).toContain(cash);
    expect(now).toContain(explainTopic('15.20.38', 'en')!.plainTitle);
    expect(now).toContain(EN['now.deadlines']);

    await click(page, cash);
    const casePage = await waitForText(page, EN['case.contact']);
    expect(casePage).toContain('Sanne Holm Petersen');
    expect(await page.evaluate(() => document.querySelector('a[href^="tel:"]')?.getAttribute('href'))).toBe('tel:72364112');
    expect(casePage).toContain(EN['case.basis']);

    await click(page, EN['view.calendar']);
    const calendar = await waitForText(page, EN['calendar.upcoming']);
    expect(calendar).toContain(EN['calendar.change']);

    await click(page, EN['view.payments']);
    await waitForText(page, EN['payments.all']);
    expect(await page.evaluate(() => document.querySelectorAll('svg.payment-chart rect.bar-paid').length)).toBeGreaterThan(3);
  });
});
