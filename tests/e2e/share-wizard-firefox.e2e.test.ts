/**
 * The core of the share wizard's keyboard e2e in Firefox ESR: Thomas (signed in and synced
 * through the vault's API, his lawyer added by her key) opens his 27-document rehabilitation
 * case in the wizard's data step, and with Tab, Space and Enter alone shows all its documents
 * and chooses three. The approval screen lists exactly those three; the downloaded bundle,
 * opened with the receiver SDK, holds exactly those three documents. Debian's Firefox ESR has
 * an English UI, so the page is in English here.
 *
 * The sign-in and sync run in a browser session of their own, and the keyboard work in a second
 * session on the same profile: the sign-in window, closing, can leave headless Firefox's vault
 * window without the focus for good (keys then reach nothing), which no key or activation
 * request of the test could undo. A person in that state would click the window; restarting the
 * browser is the test's equivalent, and the restart is part of the product's promise anyway.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity } from '../../src/bundle/index';
import { explainTopic } from '../../src/municipal/plain-language/index';
import { open } from '../../src/receiver/sdk';
import {
  connectMunicipalityAndSync,
  launchFirefox,
  navigationOutcomeUnknown,
  newFirefoxProfileDir,
  removeFirefoxProfileDir,
  type FirefoxSession,
} from './harness/firefox';
import { click, fill, waitForText, waitUntil } from './harness/firefox-ui';
import { LOOPBACK_HOST, municipalityForThisFile } from './harness/municipality';
import { passphraseKey, VaultApi } from './harness/vault-api';
import { EN, text } from './harness/vault-ui';

const CHOSEN = ['Lægeattest (LÆ 265)', 'Rehabiliteringsplan – forberedende del', 'Fuldmagt til advokat Karen Lund'];
const REHAB = explainTopic('15.17.18', 'en')!.plainTitle;
const server = municipalityForThisFile();
const downloads = mkdtempSync(join(tmpdir(), 'handlerum-wizard-firefox-'));
const lawyer = generateIdentity();
const profileDir = newFirefoxProfileDir();
const passphrase = passphraseKey('korrekt hest batteri hæfteklamme');
let firefox: FirefoxSession | undefined;

/** Thomas's vault, signed in and synced, with his lawyer added by her key; the browser closed after. */
async function preparedVault(): Promise<void> {
  const setup = await launchFirefox({ profileDir, hostPermissions: [LOOPBACK_HOST] });
  try {
    const api = VaultApi.puppeteer(await setup.openPage('vault.html'));
    const { profileId } = await api.ok('create', { ...(await passphrase), owner: { name: 'Thomas' } });
    await connectMunicipalityAndSync(setup, api, { profileId, origin: server.url });
    await api.ok('recipientAdd', { profileId, source: 'paste', text: lawyer.recipient, name: 'Advokat Lund' });
  } finally {
    await setup.close();
  }
}

beforeAll(async () => {
  await preparedVault();
  firefox = await launchFirefox({ profileDir, hostPermissions: [LOOPBACK_HOST], downloadDir: downloads });
}, 300_000);
afterAll(async () => {
  await firefox?.close();
  removeFirefoxProfileDir(profileDir);
  rmSync(downloads, { recursive: true, force: true });
});

type Target = { kind: 'disclosure' } | { kind: 'more' } | { kind: 'document'; title: string };

/** An element of the rehabilitation case's group in the data step, once it is there. */
function inRehab(page: Page, target: Target): Promise<ElementHandle<Element>> {
  return waitUntil(page, `${JSON.stringify(target)} in the case ${REHAB}`, async () => {
    const handle = await page.evaluateHandle(
      (plain, t) => {
        const group = [...document.querySelectorAll('fieldset.case-choice')].find((f) => (f.querySelector('legend')?.textContent ?? '').startsWith(plain));
        if (!group) return null;
        if (t.kind === 'disclosure') return group.querySelector('button[aria-expanded]');
        const part = [...group.querySelectorAll('fieldset.case-part')].find((f) => f.querySelector('input[id$="-documents"]'));
        if (t.kind === 'more') return part?.querySelector(':scope > button') ?? null;
        const label = [...(part?.querySelectorAll('ul.case-records label') ?? [])].find((l) => (l.textContent ?? '').startsWith(t.title));
        return label ? document.getElementById(label.getAttribute('for') ?? '') : null;
      },
      REHAB,
      target,
    );
    return handle.asElement() as ElementHandle<Element> | null;
  });
}

/** Moves the focus to `target` with Tab, or Shift+Tab when it lies before the focus, as a keyboard user does. */
async function tabTo(page: Page, target: ElementHandle<Element>, limit = 150): Promise<void> {
  const backwards = await target.evaluate((el) => {
    const active = document.activeElement;
    return active !== null && active !== document.body && (el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  });
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    if (backwards) await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    if (backwards) await page.keyboard.up('Shift');
  }
  throw new Error(`not reached by keyboard in ${limit} presses`);
}

/** The vault window has the focus: keys act (Enter on a button) only in the focused window. */
const windowFocused = (page: Page) =>
  waitUntil(page, 'the vault window has the focus', async () => {
    if (await page.evaluate(() => document.hasFocus())) return true;
    await page.bringToFront();
    return false;
  });

async function press(page: Page, target: ElementHandle<Element>, key: 'Enter' | ' '): Promise<void> {
  await tabTo(page, target);
  await windowFocused(page);
  await page.keyboard.press(key);
}

describe('the share wizard in Firefox ESR, by keyboard', () => {
  it('chooses three documents of a 27-document case; the approval and the bundle hold exactly those', async () => {
    const page = await firefox!.openPage('vault.html');
    await VaultApi.puppeteer(page).ok('unlock', { kek: (await passphrase).kek });
    await page.reload().catch(navigationOutcomeUnknown);
    await waitForText(page, EN['now.title']);
    await windowFocused(page);

    await click(page, EN['section.sharing'], { within: 'nav' });
    await click(page, EN['sharing.start']);
    await waitForText(page, EN['sharing.wizard.recipient']);
    await click(page, EN['sharing.wizard.next']);
    await waitForText(page, EN['sharing.wizard.purpose']);
    await fill(page, EN['sharing.wizard.purposeLabel'], 'Help with my case');
    await click(page, EN['sharing.wizard.next']);
    await waitForText(page, EN['sharing.wizard.data']);

    // By keyboard: open the case, show all 27 documents, tick three.
    const disclosure = await inRehab(page, { kind: 'disclosure' });
    await press(page, disclosure, 'Enter');
    await waitUntil(page, 'the case opened', () => disclosure.evaluate((el) => el.getAttribute('aria-expanded') === 'true')).catch(async (error: unknown) => {
      // Where the focus was, and whether the window had it, to tell a lost key from a lost state.
      const state = await disclosure.evaluate(
        (el) => `focus on ${document.activeElement?.outerHTML.slice(0, 160)}; window focused: ${document.hasFocus()}; button attached: ${el.isConnected}`,
      );
      throw new Error(`${String(error)}\n${state}`);
    });
    await press(page, await inRehab(page, { kind: 'more' }), 'Enter');
    for (const title of CHOSEN) await press(page, await inRehab(page, { kind: 'document', title }), ' ');
    const ticked = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>('fieldset.case-part ul.case-records input:checked')].map((i) => i.labels?.[0]?.textContent ?? ''),
    );
    expect(ticked.map((t) => CHOSEN.find((c) => t.startsWith(c))).sort()).toEqual([...CHOSEN].sort());
    const documentsShown = () =>
      [...document.querySelectorAll('fieldset.case-part')].find((f) => f.querySelector('input[id$="-documents"]'))?.querySelectorAll('ul.case-records > li')
        .length;
    expect(await page.evaluate(documentsShown)).toBe(27);
    await waitForText(page, /Chosen: 3 documents of 27 \(about [\d.]+ (kB|MB)\)/);
    await click(page, EN['sharing.wizard.next']);
    await waitForText(page, EN['sharing.wizard.expiry']);
    await click(page, EN['sharing.wizard.next']);

    await waitForText(page, EN['sharing.wizard.approve']);
    const lines = await waitUntil(page, 'the approval lists the chosen records', async () => {
      const found = await page.evaluate(() => [...document.querySelectorAll('.approval ul.approval-records > li')].map((li) => li.textContent ?? ''));
      return found.length > 0 ? found : null;
    });
    expect(lines.map((l) => l.replace(/, \d{1,2} \w+ \d{4}$/, '')).sort()).toEqual(
      CHOSEN.map((title) => text(EN, 'sharing.wizard.entry.documents', { title })).sort(),
    );
    expect(await page.evaluate(() => document.querySelectorAll('.approval ul.approval-items > li').length)).toBe(1);

    await click(page, EN['sharing.wizard.approveButton']);
    await waitForText(page, EN['sharing.wizard.done']);
    await click(page, EN['sharing.wizard.download']);
    const file = await waitUntil(page, 'the downloaded bundle', async () => {
      const names = readdirSync(downloads);
      if (names.some((n) => n.endsWith('.part'))) return null;
      const bundle = names.find((n) => n.endsWith('.hrbundle'));
      return bundle && statSync(join(downloads, bundle)).size > 0 ? join(downloads, bundle) : null;
    });
    const opened = await open(new Uint8Array(readFileSync(file)), { identity: lawyer.identity, now: new Date() });
    if (!opened.ok) throw new Error(`${opened.reason}: ${opened.detail}`);
    const cases = opened.data.cases as { documents?: { title: string }[] }[];
    expect(cases).toHaveLength(1);
    expect(cases[0]!.documents!.map((d) => d.title).sort()).toEqual([...CHOSEN].sort());
  });
});
