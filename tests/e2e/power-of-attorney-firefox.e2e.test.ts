/**
 * Acting for someone else in Firefox ESR: Freja (16) is told that some of her data is held back
 * and whom to ask, never what it is. (The representative's story follows in this file.) Debian's
 * Firefox ESR has an English UI, so the page is in English here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMunicipalityAndSync, launchFirefox, navigationOutcomeUnknown, removeFirefoxProfileDir, type FirefoxSession } from './harness/firefox';
import { click, visibleText, waitForText } from './harness/firefox-ui';
import { LOOPBACK_HOST, municipalityForThisFile } from './harness/municipality';
import { passphraseKey, VaultApi } from './harness/vault-api';
import { EN, text } from './harness/vault-ui';

const server = municipalityForThisFile();
let firefox: FirefoxSession;

beforeAll(async () => {
  firefox = await launchFirefox({ hostPermissions: [LOOPBACK_HOST] });
});
afterAll(async () => {
  await firefox?.close();
  if (firefox) removeFirefoxProfileDir(firefox.profileDir);
});

describe('a young citizen’s overview in Firefox ESR', () => {
  it('says that some of Freja’s data is held back until she is older, and whom to ask', async () => {
    const page = await firefox.openPage('vault.html');
    const api = VaultApi.puppeteer(page);
    const { profileId } = await api.ok('create', { ...(await passphraseKey('korrekt hest batteri hæfteklamme')), owner: { name: 'Freja' } });
    await connectMunicipalityAndSync(firefox, api, { profileId, origin: server.url, citizen: 'freja' });
    await page.reload().catch(navigationOutcomeUnknown);
    await waitForText(page, EN['now.title']);
    const notice = text(EN, 'basis.youth', { municipality: 'Vesterå Kommune' });
    await waitForText(page, notice, { within: 'section.profile-basis' });
    await click(page, EN['view.payments']);
    await waitForText(page, EN['payments.title']);
    expect(await visibleText(page, 'section.profile-basis')).toBe(notice);
  });
});
