/**
 * `npm start -- --screenshot`: a look at the product without a display. Opens the freshly built
 * extension in headless Chromium on a throwaway profile, walks the main screens as a newcomer
 * does (create the vault, the recovery key, the first screen, the overview, then a sync with
 * the reference citizen Thomas) and saves a PNG of each.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { da } from '../src/ui/i18n/da';

export interface TourOptions {
  extensionDir: string;
  municipalityUrl: string;
  outDir: string;
  executablePath: string;
}

// A throwaway vault: the passphrase protects nothing worth keeping.
const PASSPHRASE = 'kaffe på trappen hver søndag';
const SLOW = { timeout: 60_000 };

/**
 * A copy of the build whose manifest already grants the loopback municipality: headless
 * Chromium shows no permission prompt that the citizen would answer when adding it.
 */
function buildGrantingLoopback(extensionDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'handlerum-tour-ext-'));
  cpSync(extensionDir, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: ['http://127.0.0.1/*'] }));
  return dir;
}

async function createVault(page: Page, shot: (name: string) => Promise<void>): Promise<void> {
  await page.getByRole('heading', { level: 1, name: da['create.title'] }).waitFor(SLOW);
  await page.getByLabel(da['create.name'], { exact: true }).fill('Thomas');
  await page.getByLabel(da['passphrase.label'], { exact: true }).fill(PASSPHRASE);
  await page.getByLabel(da['passphrase.confirm'], { exact: true }).fill(PASSPHRASE);
  await shot('01-opret-datarum');
  await page.getByRole('button', { name: da['create.submit'] }).click();
  await page.getByRole('heading', { level: 1, name: da['recovery.title'] }).waitFor(SLOW);
  await shot('02-gendannelsesnoegle');
  const recoveryKey = ((await page.getByTestId('recovery-key').textContent()) ?? '').trim();
  await page.getByLabel(da['recovery.confirmLabel']).fill(recoveryKey.split('-').at(-1) ?? '');
  await page.getByRole('button', { name: da['recovery.done'] }).click();
  await page.getByRole('navigation', { name: da['header.sections'] }).waitFor(SLOW);
  await shot('03-foerste-skaerm');
}

async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: da['header.sections'] }).getByRole('button', { name, exact: true }).click();
  await page.getByRole('heading', { level: 2 }).first().waitFor(SLOW);
}

async function syncThomas(page: Page, municipalityUrl: string, shot: (name: string) => Promise<void>): Promise<void> {
  await openSection(page, da['section.municipality']);
  await page.getByLabel(da['muni.address']).fill(municipalityUrl);
  const signIn = page.context().waitForEvent('page', { predicate: (p) => p.url().includes('/oauth/authorize'), ...SLOW });
  await page.getByRole('button', { name: da['muni.add'], exact: true }).click();
  const login = await signIn;
  await login.waitForLoadState();
  await login.click('button[value="thomas"]');
  await page.getByText(/^Færdig: \d+ oplysninger/).waitFor({ timeout: 120_000 });
  await shot('05-kommunen-hentet');
  await page.getByRole('button', { name: da['muni.showOverview'] }).click();
  await page.getByRole('heading', { level: 2 }).first().waitFor(SLOW);
  await shot('06-overblik-med-data');
}

/** Walks the screens and returns the PNGs written, in order. */
export async function screenshotTour(options: TourOptions): Promise<string[]> {
  mkdirSync(options.outDir, { recursive: true });
  const extensionDir = buildGrantingLoopback(options.extensionDir);
  const profileDir = mkdtempSync(join(tmpdir(), 'handlerum-tour-profile-'));
  const written: string[] = [];
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: options.executablePath,
    headless: true,
    locale: 'da-DK',
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless=new',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = context.pages()[0] ?? (await context.newPage());
    const shot = async (name: string): Promise<void> => {
      // A screen still loading shows an indeterminate <progress>; wait for what it loads.
      await page.waitForFunction(() => !document.querySelector('progress:not([value])'), null, SLOW);
      const path = join(options.outDir, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      written.push(path);
    };
    await page.goto(`chrome-extension://${new URL(worker.url()).host}/vault.html`);
    await createVault(page, shot);
    await openSection(page, da['section.overview']);
    await shot('04-overblik');
    try {
      await syncThomas(page, options.municipalityUrl, shot);
    } catch (error) {
      // The screens so far are worth keeping; say why the sync part is missing.
      console.error(`The sync with Thomas did not finish, so its screens are missing: ${error instanceof Error ? error.message : String(error)}`);
    }
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
    rmSync(extensionDir, { recursive: true, force: true });
  }
  return written;
}
