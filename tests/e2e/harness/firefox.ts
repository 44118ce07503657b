/**
 * Launches Debian's Firefox ESR through WebDriver BiDi (puppeteer-core) with the built extension
 * (.output/firefox-mv3) installed as a temporary add-on, and opens the extension's pages.
 *
 * A temporary add-on is removed when Firefox shuts down, and by default its storage and its
 * internal UUID go with it. To restart "the same browser" a test keeps the profile directory
 * and sets the two prefs that keep both, then installs the same build again: the add-on id
 * is fixed in wxt.config.ts and its UUID is pinned here, so the reinstalled add-on has the
 * same origin (moz-extension://<uuid>) and therefore the same IndexedDB.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { buildWithHostPermissions } from './chromium';
import { connectAndSync } from './municipality';
import type { VaultApi } from './vault-api';
import { FIREFOX_ADDON_ID } from '../../../src/municipal/api/extension-identity';

/** The Firefox build to install; FIREFOX_EXTENSION_DIR points elsewhere (e.g. a private build while others rebuild .output). */
export const FIREFOX_EXTENSION_DIR = resolve(process.env.FIREFOX_EXTENSION_DIR ?? resolve(import.meta.dirname, '../../../.output/firefox-mv3'));
export { FIREFOX_ADDON_ID };
/** Any fixed UUID: the extension's origin is moz-extension://<this>. */
export const FIREFOX_EXTENSION_UUID = '7d1c6f0e-3b8a-4c52-9e4f-2a6b8d0c1e57';
export const firefoxPath = (): string => process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxSession {
  browser: Browser;
  profileDir: string;
  origin: string;
  /** Opens one of the extension's pages, e.g. `vault.html`. */
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export const newFirefoxProfileDir = (): string => mkdtempSync(join(tmpdir(), 'handlerum-firefox-'));
export const removeFirefoxProfileDir = (dir: string): void => rmSync(dir, { recursive: true, force: true });

async function waitForDocument(page: Page, url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await page.evaluate(() => ({ href: location.href, ready: document.readyState })).catch(() => null); // the old document went away mid-call: ask again
    if (state?.href === url && state.ready === 'complete') return;
    if (Date.now() > deadline) throw new Error(`openPage: ${url} did not load (at ${state?.href ?? 'unknown'})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Prefs that make a download land in `dir` without a dialog, as a person who clicked "Save"
 * would have it (headless Firefox cannot answer the download prompt).
 */
const downloadPrefs = (dir: string) => ({
  'browser.download.folderList': 2,
  'browser.download.dir': dir,
  'browser.download.useDownloadDir': true,
  'browser.download.always_ask_before_handling_new_types': false,
  'browser.download.start_downloads_in_tmp_dir': false,
  'browser.download.alwaysOpenPanel': false,
});

export interface FirefoxLaunchOptions {
  profileDir?: string;
  /** Where downloads are saved. */
  downloadDir?: string;
  /**
   * Hosts the installed build's manifest already grants, the state the permission prompt's
   * "Allow" leaves behind (headless Firefox cannot answer the prompt): a copy of the build is
   * installed, and removed when the session closes.
   */
  hostPermissions?: string[];
  /** The build to install (default FIREFOX_EXTENSION_DIR). */
  buildDir?: string;
  /** More Firefox prefs, on top of the ones set here. */
  prefs?: Record<string, string | number | boolean>;
}

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxSession> {
  const profileDir = options.profileDir ?? newFirefoxProfileDir();
  const buildDir = options.buildDir ?? FIREFOX_EXTENSION_DIR;
  const granted = options.hostPermissions ? buildWithHostPermissions(options.hostPermissions, buildDir) : null;
  const launching = puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    userDataDir: profileDir,
    // WebDriver BiDi navigates only to web URLs unless the agent may reach privileged pages;
    // moz-extension:// is one of those.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_EXTENSION_UUID }),
      // Keep the temporary add-on's data and origin across the uninstall that a shutdown does.
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      // Quiet, offline start: no updates, telemetry or first-run pages.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      ...(options.downloadDir ? downloadPrefs(options.downloadDir) : {}),
      ...options.prefs,
    },
  });
  const browser = await launching.catch((error: unknown) => {
    granted?.remove();
    throw error;
  });
  const close = async (): Promise<void> => {
    await browser.close();
    granted?.remove();
  };
  try {
    const addonId = await browser.installExtension(granted?.dir ?? buildDir);
    if (addonId !== FIREFOX_ADDON_ID) throw new Error(`launchFirefox: installed add-on has id ${addonId}`);
  } catch (error) {
    await close();
    throw error;
  }
  const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  return {
    browser,
    profileDir,
    origin,
    async openPage(path) {
      const page = await browser.newPage();
      const url = `${origin}/${path}`;
      // The extension page loads in the extension process, and the BiDi navigation never
      // reports that it finished: start it without waiting, and ask the page itself instead.
      page.goto(url, { timeout: 0 }).catch(navigationOutcomeUnknown);
      await waitForDocument(page, url);
      return page;
    },
    close,
  };
}

/** Picks `citizen` on the municipality's sign-in page, which opens in a window of its own. */
export function pickCitizenIn(firefox: FirefoxSession): (citizen: string) => Promise<void> {
  return async (citizen) => {
    const target = await firefox.browser.waitForTarget((t) => t.url().includes('/oauth/authorize'), { timeout: 30_000 });
    const login = (await target.page())!;
    await login.waitForSelector(`button[value="${citizen}"]`);
    await login.click(`button[value="${citizen}"]`);
  };
}

/** connectAndSync (harness/municipality.ts) in Firefox. */
export const connectMunicipalityAndSync = (
  firefox: FirefoxSession,
  api: VaultApi,
  connect: { profileId: string; origin: string; citizen?: string },
): Promise<string> => connectAndSync(api, connect, pickCitizenIn(firefox));

/**
 * BiDi does not reliably report when a navigation of an extension page finishes, so its promise
 * may fail or hang for reasons that say nothing about the page; callers wait for the document or
 * its text instead, which fails the test if the page really did not load.
 */
export function navigationOutcomeUnknown(_error: unknown): void {
  // Deliberately dropped: see above.
}
