/**
 * The citizen's own long lists in Firefox ESR: 5,000 notes and 500 recipients each draw one page
 * of rows while they announce the full count, the whole document stays under 3,000 elements, and
 * End takes the keyboard to the last row. Debian's Firefox ESR has an English UI, so the page is
 * in English here. No timing is asserted.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity } from '../../src/bundle/index';
import { launchFirefox, navigationOutcomeUnknown, removeFirefoxProfileDir, type FirefoxSession } from './harness/firefox';
import { click } from './harness/firefox-ui';
import { expectWindowedList } from './harness/firefox-windowed';
import { passphraseKey, VaultApi } from './harness/vault-api';
import { EN } from './harness/vault-ui';

const NOTES = 5_000;
const RECIPIENTS = 500;
let firefox: FirefoxSession;

beforeAll(async () => {
  firefox = await launchFirefox();
});
afterAll(async () => {
  await firefox?.close();
  if (firefox) removeFirefoxProfileDir(firefox.profileDir);
});

describe('the citizen’s own long lists draw a window of rows in Firefox ESR', () => {
  let page: Page;

  it('draws a page of 5,000 notes and of 500 recipients, and End reaches the last of each', async () => {
    page = await firefox.openPage('vault.html');
    const api = VaultApi.puppeteer(page);
    const { profileId } = await api.ok('create', { ...(await passphraseKey('korrekt hest batteri hæfteklamme')), owner: { name: 'Henrik' } });
    const ops = Array.from({ length: NOTES }, (_, i) => ({
      op: 'put' as const,
      profileId,
      kind: 'note',
      data: { title: `Note ${i + 1}`, body: 'Kort note.' },
    }));
    await api.ok('writeRecords', { ops });
    for (let i = 0; i < RECIPIENTS; i++) {
      await api.ok('recipientAdd', { profileId, source: 'paste', text: generateIdentity().recipient, name: `Recipient ${i + 1}` });
    }
    await page.reload().catch(navigationOutcomeUnknown);

    await click(page, EN['section.notes']);
    expect(await expectWindowedList(page, 'notes-list', NOTES)).toBe(NOTES);
    await click(page, EN['section.sharing']);
    expect(await expectWindowedList(page, 'sharing-recipients-list', RECIPIENTS)).toBe(RECIPIENTS);
  }, 600_000);
});
