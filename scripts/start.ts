/**
 * Opens Chromium with the freshly built extension and the vault page, on a profile kept in
 * .tmp/profile so the vault survives between runs. Headed when there is a display; without
 * one (a server, a container) it runs headless and says so.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const extensionDir = resolve(root, '.output/chrome-mv3');
const profileDir = resolve(root, '.tmp/profile');
mkdirSync(profileDir, { recursive: true });

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: !hasDisplay,
  viewport: null,
  ignoreDefaultArgs: ['--disable-extensions', '--enable-automation'],
  args: [
    ...(hasDisplay ? [] : ['--headless=new', '--no-sandbox']),
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
  ],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const vaultUrl = `chrome-extension://${new URL(worker.url()).host}/vault.html`;
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(vaultUrl);

console.log(`Handlerum is running: ${vaultUrl}`);
console.log(`Browser profile: ${profileDir}`);
if (!hasDisplay) console.log('No display found: Chromium runs headless. Run this on a desktop to see the vault.');
console.log('Close the browser window (or press Ctrl+C) to stop.');

const stop = async () => {
  await context.close().catch(() => {});
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
context.on('close', () => process.exit(0));
