/**
 * Acting for someone else in Firefox ESR: Signe signs in for her brother Thomas under a power of
 * attorney for his appointments and payments; her profile for him holds those and says what is
 * not shown and why. Thomas withdraws the power at the municipality (with his own token, as his
 * vault does in the Chromium test); her next sync says it has ended and she keeps the copy. Freja
 * (16) is told that some of her data is held back and whom to ask. Debian's Firefox ESR has an
 * English UI, so the page is in English here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMunicipalityAndSync, launchFirefox, navigationOutcomeUnknown, removeFirefoxProfileDir, type FirefoxSession } from './harness/firefox';
import { click, setValue, visibleText, waitForText } from './harness/firefox-ui';
import { LOOPBACK_HOST, municipalityForThisFile, servedRecords } from './harness/municipality';
import { passphraseKey, VaultApi } from './harness/vault-api';
import { EN, text } from './harness/vault-ui';

const server = municipalityForThisFile();
let firefox: FirefoxSession;

/** One Firefox, and so one vault, per person: launched before the describe's tests, removed after. */
function firefoxForThisDescribe(): void {
  beforeAll(async () => {
    firefox = await launchFirefox({ hostPermissions: [LOOPBACK_HOST] });
  });
  afterAll(async () => {
    await firefox?.close();
    if (firefox) removeFirefoxProfileDir(firefox.profileDir);
  });
}

describe('a young citizen’s overview in Firefox ESR', () => {
  firefoxForThisDescribe();
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

describe('Signe acts for Thomas in Firefox ESR', () => {
  firefoxForThisDescribe();
  it('sees his appointments and payments, not his cases; after he withdraws, her next sync says so and she keeps the copy', async () => {
    const page = await firefox.openPage('vault.html');
    const api = VaultApi.puppeteer(page);
    const { profileId: own } = await api.ok('create', { ...(await passphraseKey('korrekt hest batteri hæfteklamme')), owner: { name: 'Signe' } });
    const thomas = await api.ok('saveProfile', { data: { name: 'Thomas', relation: 'helped' } });
    const connectionId = await connectMunicipalityAndSync(firefox, api, { profileId: thomas.id, origin: server.url, citizen: 'fuldmagt:fm-thomas-signe' });
    const count = async (kind: string) => (await api.ok('listRecords', { profileId: thomas.id, kind })).records.length;
    expect(await count('municipal-payment')).toBe(servedRecords(server, 'thomas', 'payments').length);
    expect(await count('municipal-activity')).toBe(servedRecords(server, 'thomas', 'activities').length);
    expect(await count('municipal-case')).toBe(0);
    expect(await count('municipal-document')).toBe(0);
    expect(own).not.toBe(thomas.id);

    await page.reload().catch(navigationOutcomeUnknown);
    await setValue(page, EN['header.viewing'], thomas.id);
    await waitForText(page, EN['now.title']);
    const notShown = text(EN, 'basis.notCovered', { categories: 'cases, decisions, documents and the log of who has seen the information' });
    const lines = await waitForText(page, notShown, { within: 'section.profile-basis' });
    expect(lines).toContain(text(EN, 'basis.covers', { categories: 'appointments and deadlines and payments' }));
    expect(lines).toContain('You act for Thomas Nørgaard Jensen with a power of attorney (fm-thomas-signe)');

    // Thomas withdraws the power at the municipality, signed in as himself.
    const token = await fetch(`${server.url}/__test/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ citizenId: 'thomas' }),
    });
    const { access_token } = (await token.json()) as { access_token: string };
    const withdrawal = await fetch(`${server.url}/citizen/v1/powers-of-attorney/fm-thomas-signe/withdraw`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${access_token}` },
    });
    expect(withdrawal.status).toBe(200);

    await api.ok('municipalSync', { profileId: thomas.id, connectionId });
    await waitForText(page, EN['error.power-withdrawn'], { within: 'section.profile-basis' });
    await waitForText(page, EN['basis.endedChoice'], { within: 'section.profile-basis' });
    await click(page, EN['basis.keepCopy']);
    await waitForText(page, EN['basis.kept'], { within: 'section.profile-basis' });
    expect(await count('municipal-payment')).toBe(servedRecords(server, 'thomas', 'payments').length);
    const [connection] = await api.ok('municipalConnections', { profileId: thomas.id });
    expect(connection).toMatchObject({ signedIn: false, powerEnded: { code: 'power-withdrawn', copyKept: true } });
  });
});
