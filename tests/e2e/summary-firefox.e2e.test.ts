/**
 * A Firefox ESR run of the case summary: Thomas syncs, opens his rehabilitation case and asks for
 * its summary, which is made on the page in the page's language (English here: Debian's Firefox
 * ESR has an English UI), with sourced points and links to the documents they quote.
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

describe('the case summary in Firefox ESR', () => {
  it('summarises the rehabilitation case with sourced points and links to its documents', async () => {
    const page = await firefox.openPage('vault.html');
    const api = VaultApi.puppeteer(page);
    const { profileId } = await api.ok('create', { ...(await passphraseKey('korrekt hest batteri hæfteklamme')), owner: { name: 'Thomas' } });
    await connectMunicipalityAndSync(firefox, api, { profileId, origin: server.url });
    await page.reload().catch(navigationOutcomeUnknown);
    await waitForText(page, EN['now.title']);

    await click(page, explainTopic('15.17.18', 'en')!.plainTitle);
    await waitForText(page, EN['case.contact']);
    await click(page, EN['summary.show']);
    const shown = await waitForText(page, 'Summary of the case "Rehabiliteringsteam – afklaring af arbejdsevne"');
    expect(shown).toContain('The case file holds 27 documents, 22 of them journal notes');
    expect(shown).toContain('Your caseworker is Jonas Bech Andersen');
    const quotes = await page.evaluate(() =>
      [...document.querySelectorAll('[data-section="highlights"] .summary-point')].map((li) => ({
        text: li.querySelector('p')?.textContent ?? '',
        link: li.querySelector('.summary-sources a')?.getAttribute('href') ?? '',
      })),
    );
    expect(quotes).toHaveLength(5);
    for (const q of quotes) expect(q.link).not.toBe('');
  });
});
