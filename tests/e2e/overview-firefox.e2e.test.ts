/**
 * A Firefox ESR smoke run of the overview: the add-on (with the loopback host granted in its
 * manifest, the state the permission prompt's "Allow" leaves behind — headless Firefox cannot
 * answer the prompt) signs Thomas in through identity.launchWebAuthFlow, whose window is driven
 * over WebDriver BiDi, syncs, and the vault page shows his open cases in plain words, a case
 * with its caseworker, the calendar with the change link, and the payment chart. Debian's Firefox
 * ESR has an English UI, so the page is in English here (the Chromium tests cover Danish).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_ADDON_ID, FIREFOX_EXTENSION_DIR, FIREFOX_EXTENSION_UUID, firefoxPath, newFirefoxProfileDir, removeFirefoxProfileDir } from './harness/firefox';
import { passphraseKey, VaultApi } from './harness/vault-api';
import { EN } from './harness/vault-ui';
import { explainTopic } from '../../src/municipal/plain-language/index';
import { startMunicipalityServer, type RunningMunicipality } from '../../src/municipality-server/server';

let server: RunningMunicipality;
let browser: Browser;
let extensionDir: string;
let profileDir: string;
const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;

beforeAll(async () => {
  server = await startMunicipalityServer({ port: 0, testMode: true });
  extensionDir = mkdtempSync(join(tmpdir(), 'handlerum-ffext-'));
  cpSync(FIREFOX_EXTENSION_DIR, extensionDir, { recursive: true });
  const manifestPath = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, host_permissions: ['http://127.0.0.1/*'] }));
  profileDir = newFirefoxProfileDir();
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    userDataDir: profileDir,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_EXTENSION_UUID }),
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  expect(await browser.installExtension(extensionDir)).toBe(FIREFOX_ADDON_ID);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (profileDir) removeFirefoxProfileDir(profileDir);
  if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
});

async function openExtensionPage(path: string): Promise<Page> {
  const page = await browser.newPage();
  const url = `${origin}/${path}`;
  page.goto(url, { timeout: 0 }).catch(() => {});
  const deadline = Date.now() + 30_000;
  for (;;) {
    const state = await page.evaluate(() => ({ href: location.href, ready: document.readyState })).catch(() => null);
    if (state?.href === url && state.ready === 'complete') return page;
    if (Date.now() > deadline) throw new Error(`${url} did not load`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);
async function waitForText(page: Page, wanted: string | RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = await bodyText(page).catch(() => '');
    if (typeof wanted === 'string' ? body.includes(wanted) : wanted.test(body)) return body;
    if (Date.now() > deadline) throw new Error(`not shown: ${String(wanted)}\n---\n${body.slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
/** Clicks the first link or button whose text is exactly `label` (by role, as a user would find it). */
async function click(page: Page, label: string): Promise<void> {
  const clicked = await page.evaluate((text) => {
    const target = [...document.querySelectorAll<HTMLElement>('a, button')].find((el) => el.textContent?.trim() === text);
    target?.click();
    return Boolean(target);
  }, label);
  if (!clicked) throw new Error(`no link or button named ${label}`);
}

describe('the overview in Firefox ESR (smoke)', () => {
  it('signs Thomas in through the identity window, syncs, and shows his overview', async () => {
    const page = await openExtensionPage('vault.html');
    const api = VaultApi.puppeteer(page);
    const { profileId } = await api.ok('create', { ...(await passphraseKey('korrekt hest batteri hæfteklamme')), owner: { name: 'Thomas' } });
    expect((await api.ok('municipalDiscover', { origin: server.url })).demo).toBe(true);

    // The sign-in window is a page of its own; Thomas is picked there.
    const loginTarget = browser.waitForTarget((t) => t.url().includes('/oauth/authorize'), { timeout: 30_000 });
    const connecting = api.ok('municipalConnect', { profileId, origin: server.url });
    const login = (await (await loginTarget).page())!;
    await login.waitForSelector('button[value="thomas"]');
    await login.click('button[value="thomas"]');
    const { connectionId } = await connecting;
    const deadline = Date.now() + 90_000;
    for (;;) {
      const status = (await api.ok('municipalSyncStatus', {})).find((s) => s.connectionId === connectionId);
      if (status?.state === 'ok') break;
      if (status && status.state !== 'running') throw new Error(`sync ended ${status.state}: ${status.error}`);
      if (Date.now() > deadline) throw new Error('sync did not finish');
      await new Promise((r) => setTimeout(r, 300));
    }

    // The page opens on the overview once a municipality is connected.
    await page.reload().catch(() => {});
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
