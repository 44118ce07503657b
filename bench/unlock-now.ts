/**
 * `node --import tsx bench/unlock-now.ts [build dir]`: unlock → *Now* painted, after the key
 * derivation, for the reference municipality's heavy citizen, through a built extension in
 * Debian's Chromium (default build: .output/chrome-mv3; pass another build, e.g. of the main
 * branch, to compare in the same conditions). The clock runs in the vault page: from the moment
 * the page sends `unlock` (the passphrase key is derived by then) to the first frame painted
 * with *Now*'s rows. BENCH_HEAVY_SCALE sizes the citizen (default 1: 64,021 records),
 * BENCH_UNLOCK_RUNS how often it locks and unlocks (default 3).
 */
import type { Page } from 'playwright-core';
import { startMunicipalityServer } from '../src/municipality-server/server';
import { HEAVY_ID } from '../src/municipality-server/data/personas/heavy';
import { da } from '../src/ui/i18n/da';
import { buildWithHostPermissions, CHROME_EXTENSION_DIR, launchChromium, removeProfileDir } from '../tests/e2e/harness/chromium';
import { median } from './figures';

const SCALE = Number(process.env.BENCH_HEAVY_SCALE ?? 1);
const RUNS = Number(process.env.BENCH_UNLOCK_RUNS ?? 3);
const PASSPHRASE = 'kaffe på trappen hver søndag';
const LONG = { timeout: 15 * 60_000 };

interface Probe {
  __unlockNow?: Promise<{ kdfMs: number; afterKdfMs: number; elements: number; recordsRead: string | null }>;
}

/** Arms the clock before the unlock click: click → `unlock` sent (the KDF) → Now's rows painted. */
async function arm(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  await page.evaluate(() => {
    const runtime = (globalThis as typeof globalThis & { chrome: { runtime: { sendMessage: (m: { method?: string }) => Promise<unknown> } } }).chrome.runtime;
    const send = runtime.sendMessage.bind(runtime);
    let clickedAt = 0;
    let sentAt = 0;
    document.addEventListener('click', (e) => (clickedAt ||= e.timeStamp), { capture: true, once: true });
    runtime.sendMessage = (message) => {
      if (message?.method === 'unlock') sentAt = performance.now();
      return send(message);
    };
    (window as Probe).__unlockNow = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!sentAt || !document.querySelector('.now-grid li')) return;
        observer.disconnect();
        requestAnimationFrame(() =>
          setTimeout(() => {
            runtime.sendMessage = send;
            const grid = document.querySelector('.now-grid');
            resolve({
              kdfMs: sentAt - clickedAt,
              afterKdfMs: performance.now() - sentAt,
              elements: document.getElementsByTagName('*').length,
              recordsRead: grid?.getAttribute('data-records-read') ?? null,
            });
          }, 0),
        );
      });
      observer.observe(document, { childList: true, subtree: true });
    });
  });
}

async function main(): Promise<void> {
  const buildDir = process.argv[2] ?? CHROME_EXTENSION_DIR;
  const server = await startMunicipalityServer({ port: 0, testMode: true, heavy: { scale: SCALE } });
  const build = buildWithHostPermissions(['http://127.0.0.1/*'], buildDir);
  const session = await launchChromium({ extensionDir: build.dir });
  try {
    const page = await session.openPage('vault.html');
    await page.getByLabel(da['create.name'], { exact: true }).fill('Henrik');
    await page.getByLabel(da['passphrase.label'], { exact: true }).fill(PASSPHRASE);
    await page.getByLabel(da['passphrase.confirm'], { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: da['create.submit'] }).click();
    const recoveryKey = (await page.getByTestId('recovery-key').textContent({ timeout: 60_000 }))!.trim();
    await page.getByLabel(da['recovery.confirmLabel']).fill(recoveryKey.split('-').at(-1)!);
    await page.getByRole('button', { name: da['recovery.done'] }).click();
    await page.getByRole('navigation', { name: da['header.sections'] }).getByRole('button', { name: da['section.overview'] }).click();
    await page.getByRole('link', { name: da['steps.municipality'] }).click();
    await page.getByLabel(da['muni.address']).fill(server.url);
    const login = page.context().waitForEvent('page', { predicate: (p) => p.url().includes('/oauth/authorize') });
    await page.getByRole('button', { name: da['muni.add'], exact: true }).click();
    await (await login).click(`button[value="${HEAVY_ID}"]`);
    const started = Date.now();
    await page.getByText(/^Færdig: [\d.]+ oplysninger er hentet eller opdateret\.$/).waitFor(LONG);
    console.log(`synced at scale ${SCALE} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const shown = Date.now();
    await page.getByRole('button', { name: da['muni.showOverview'] }).click();
    await page.locator('.now-grid li').first().waitFor(LONG);
    const read = await page.locator('.now-grid').getAttribute('data-records-read');
    console.log(`Now after the sync: ${Date.now() - shown} ms from the click (Node's clock; records read: ${read ?? 'not reported'})`);

    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      await page.getByRole('button', { name: da['header.lock'], exact: true }).click();
      await page.getByRole('heading', { level: 1, name: da['unlock.title'] }).waitFor(LONG);
      await page.getByLabel(da['passphrase.label'], { exact: true }).fill(PASSPHRASE);
      await arm(page);
      await page.getByRole('button', { name: da['unlock.submit'], exact: true }).click();
      const run = await page.evaluate(() => (window as Probe).__unlockNow!);
      console.log(
        `run ${i + 1}: key derivation ${run.kdfMs.toFixed(0)} ms, then Now painted after ${run.afterKdfMs.toFixed(0)} ms (${run.elements} elements, records read: ${run.recordsRead ?? 'not reported'})`,
      );
      runs.push(run);
    }
    console.log(`median unlock → Now painted after the key derivation: ${median(runs.map((r) => r.afterKdfMs)).toFixed(0)} ms (${buildDir})`);
  } finally {
    await session.close();
    removeProfileDir(session.profileDir);
    build.remove();
    await server.close();
  }
}

await main();
