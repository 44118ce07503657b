/**
 * Starts the reference municipality on 127.0.0.1 and opens Chromium with the freshly built
 * extension and the vault page, on a profile kept in .tmp/profile so the vault survives between
 * runs. Headed when there is a display; without one (a server, a container) it runs headless
 * and prints how to reach it through Chromium's remote debugging on 127.0.0.1.
 * With `--screenshot` it instead walks the main screens once and saves them as PNGs.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startMunicipalityServer } from '../src/municipality-server/server';
import { startBudgetService } from '../src/example-budget-service/server';
import { screenshotTour } from './screenshot-tour';

const root = resolve(import.meta.dirname, '..');
const extensionDir = resolve(root, '.output/chrome-mv3');
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const profileDir = resolve(root, '.tmp/profile');
mkdirSync(profileDir, { recursive: true });

// The usual port, or any free one when something else holds it.
const municipality = await startMunicipalityServer({ port: Number(process.env.MUNICIPALITY_PORT ?? 8787) }).catch(() => startMunicipalityServer({ port: 0 }));

if (process.argv.includes('--screenshot')) {
  const outDir = resolve(root, '.tmp/screenshots', new Date().toISOString().slice(0, 19).replace(/:/g, '-'));
  console.log('Walking the main screens in headless Chromium (a new, throwaway vault)…');
  const written = await screenshotTour({ extensionDir, municipalityUrl: municipality.url, outDir, executablePath }).finally(() => municipality.close());
  for (const path of written) console.log(`  ${relative(root, path)}`);
  console.log(`Screenshots: ${outDir}`);
  process.exit(written.length > 0 ? 0 : 1);
}

// An example receiving service (a budget tool) to share a food budget with, and the receiver page.
const budgetOptions = { identityFile: resolve(root, '.tmp/budget-service/identity.txt'), revokedFile: resolve(root, '.tmp/budget-service/revoked.json') };
const budget = await startBudgetService({ port: Number(process.env.BUDGET_SERVICE_PORT ?? 8788), ...budgetOptions }).catch(() =>
  startBudgetService({ port: 0, ...budgetOptions }),
);

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath,
  headless: !hasDisplay,
  viewport: null,
  ignoreDefaultArgs: ['--disable-extensions', '--enable-automation'],
  args: [
    // Without a display, DevTools on 127.0.0.1 is the way in (printed below): a free port, or DEVTOOLS_PORT.
    ...(hasDisplay
      ? []
      : ['--headless=new', '--no-sandbox', '--remote-debugging-address=127.0.0.1', `--remote-debugging-port=${process.env.DEVTOOLS_PORT ?? 0}`]),
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
console.log(`Reference municipality (synthetic data, stands in for a real one): ${municipality.url}`);
console.log('  In the vault, add a municipality with that address and sign in as one of the synthetic citizens.');
console.log(`Example budget tool (a receiving service): ${budget.url}`);
console.log('  In the vault, under Sharing, add a recipient with that address and share your food budget; its page shows what arrived.');
console.log(`Receiver page (open a bundle you downloaded, in any browser): ${resolve(root, '.output/receiver/index.html')}`);
console.log(`Browser profile: ${profileDir}`);
if (!hasDisplay) {
  // Chromium writes the port it took (and the browser's DevTools path) to this file.
  const port = readFileSync(resolve(profileDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  console.log(`No display found: Chromium runs headless, with remote debugging on 127.0.0.1:${port}.`);
  console.log(`  To see and use the vault: forward the port to your desktop (ssh -L ${port}:127.0.0.1:${port} <this machine>),`);
  console.log(`  open chrome://inspect/#devices in Chrome there, add localhost:${port} under "Configure…", and click "inspect" below vault.html.`);
  console.log('  Or run `npm start -- --screenshot` for PNGs of the main screens.');
}
console.log('Close the browser window (or press Ctrl+C) to stop.');

const reportStopFailure = (error: unknown): void => console.error('while stopping:', error instanceof Error ? error.message : error);
const stop = async () => {
  // Stopping goes on whatever one of them says: each failure is printed, and the process ends.
  await context.close().catch(reportStopFailure);
  await municipality.close().catch(reportStopFailure);
  await budget.close().catch(reportStopFailure);
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
context.on('close', () => void Promise.allSettled([municipality.close(), budget.close()]).finally(() => process.exit(0)));
