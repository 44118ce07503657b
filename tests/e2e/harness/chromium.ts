/**
 * Launches Debian's Chromium with the built extension (.output/chrome-mv3) on a profile
 * directory that a test can keep across restarts, and opens the extension's pages.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROME_EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3');
export const chromiumPath = (): string => process.env.CHROME_PATH ?? '/usr/bin/chromium';

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  /** Opens one of the extension's pages, e.g. `vault.html`. */
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export const newProfileDir = (): string => mkdtempSync(join(tmpdir(), 'handlerum-chromium-'));
export const removeProfileDir = (dir: string): void => rmSync(dir, { recursive: true, force: true });

export interface LaunchOptions {
  profileDir?: string;
  locale?: string;
  /** Lets a test inject scripts (e.g. axe-core) into pages despite the extension's CSP. */
  bypassCSP?: boolean;
  /** Another build of the extension to load (default: .output/chrome-mv3). */
  extensionDir?: string;
}

/**
 * A copy of the Chrome build (or of `buildDir`, e.g. the Firefox build) whose manifest already
 * grants `patterns` — the state a citizen's "Allow" leaves behind. A headless browser cannot
 * answer the permission prompt itself (nothing can click the browser's own UI), so tests that go
 * past that prompt load this copy.
 */
export function buildWithHostPermissions(patterns: string[], buildDir = CHROME_EXTENSION_DIR): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'handlerum-ext-'));
  cpSync(buildDir, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, host_permissions: patterns }));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumSession> {
  const profileDir = options.profileDir ?? newProfileDir();
  const locale = options.locale ?? 'da-DK';
  const extensionDir = options.extensionDir ?? CHROME_EXTENSION_DIR;
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    locale,
    bypassCSP: options.bypassCSP ?? false,
    args: [
      '--headless=new',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
      `--lang=${locale}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    profileDir,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    close: () => context.close(),
  };
}
