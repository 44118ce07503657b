/**
 * Drives the vault page the way a person does: by visible labels, roles and button names,
 * taken from the UI's own catalogues so a reworded text does not break the tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, expect } from 'vitest';
import { buildWithHostPermissions, launchChromium, newProfileDir, removeProfileDir, type ChromiumSession, type LaunchOptions } from './chromium';
import { da, type MessageKey } from '../../../src/ui/i18n/da';
import { en } from '../../../src/ui/i18n/en';
import { translateCount, type PluralKey } from '../../../src/ui/i18n/index';
import { reportCleanupFailure } from '../../unit/support/cleanup';

export type Catalogue = Record<MessageKey, string>;
export const DA: Catalogue = da;
export const EN: Catalogue = en;

/** A catalogue text with its placeholders filled, as the page shows it. */
export const text = (c: Catalogue, key: MessageKey, params: Record<string, string | number> = {}): string =>
  c[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

/** A count's text as the page shows it: the `.one`/`.other` form for `count`, written as the language writes numbers. */
export const textCount = (c: Catalogue, base: PluralKey, count: number, params: Record<string, string | number> = {}): string =>
  translateCount(c === EN ? 'en' : 'da', base, count, params);

export const PASSPHRASE = 'kaffe på trappen hver søndag';

/** Argon2id with the real parameters plus a busy machine: give each derivation room. */
export const SLOW = { timeout: 30_000 };

/** Creates a vault through the page, confirms the recovery key, and opens the notes of its first profile. */
export async function createVault(page: Page, options: { name: string; passphrase?: string; c?: Catalogue }): Promise<string> {
  const c = options.c ?? DA;
  const passphrase = options.passphrase ?? PASSPHRASE;
  await page.getByRole('heading', { level: 1, name: c['create.title'] }).waitFor();
  await page.getByLabel(c['create.name'], { exact: true }).fill(options.name);
  await page.getByLabel(c['passphrase.label'], { exact: true }).fill(passphrase);
  await page.getByLabel(c['passphrase.confirm'], { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: c['create.submit'] }).click();
  await page.getByRole('heading', { level: 1, name: c['recovery.title'] }).waitFor(SLOW);
  const recoveryKey = (await page.getByTestId('recovery-key').textContent())!.trim();
  await page.getByLabel(c['recovery.confirmLabel']).fill(recoveryKey.split('-').at(-1)!);
  await page.getByRole('button', { name: c['recovery.done'] }).click();
  // A new vault lands on the overview's first steps; the callers start from the notes.
  await page.getByRole('heading', { level: 3, name: c['steps.title'] }).waitFor();
  await page.getByRole('navigation', { name: c['header.sections'] }).getByRole('button', { name: c['section.notes'] }).click();
  await page.getByRole('heading', { level: 2, name: text(c, 'notes.title', { name: options.name }) }).waitFor();
  return recoveryKey;
}

export async function unlock(page: Page, passphrase = PASSPHRASE, c: Catalogue = DA): Promise<void> {
  await page.getByRole('heading', { level: 1, name: c['unlock.title'] }).waitFor();
  await page.getByLabel(c['passphrase.label'], { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: c['unlock.submit'], exact: true }).click();
}

export async function unlockAndWait(page: Page, passphrase = PASSPHRASE, c: Catalogue = DA): Promise<void> {
  await unlock(page, passphrase, c);
  await page.getByRole('navigation', { name: c['header.sections'] }).waitFor(SLOW);
}

export async function lock(page: Page, c: Catalogue = DA): Promise<void> {
  await page.getByRole('button', { name: c['header.lock'], exact: true }).click();
  await page.getByRole('heading', { level: 1, name: c['unlock.title'] }).waitFor();
}

export async function addNote(page: Page, title: string, body: string, c: Catalogue = DA): Promise<void> {
  await page.getByRole('button', { name: c['notes.add'] }).click();
  const form = page.getByRole('form', { name: c['notes.new'] });
  await form.getByLabel(c['notes.titleLabel']).fill(title);
  await form.getByLabel(c['notes.bodyLabel']).fill(body);
  await form.getByRole('button', { name: c['common.save'] }).click();
  await page.getByRole('heading', { level: 3, name: title, exact: true }).waitFor();
}

/** The titles of the listed notes, top to bottom. */
export async function noteTitles(page: Page, c: Catalogue = DA): Promise<string[]> {
  const list = page.getByRole('list', { name: c['notes.listLabel'] });
  // Wait until the notes have loaded: either the list or the "no notes yet" line is there.
  await list.or(page.getByText(c['notes.empty'])).first().waitFor();
  if ((await list.count()) === 0) return [];
  return list.getByRole('heading', { level: 3 }).allTextContents();
}

export async function openSection(
  page: Page,
  key: 'section.notes' | 'section.profiles' | 'section.settings' | 'section.backup',
  c: Catalogue = DA,
): Promise<void> {
  await page.getByRole('navigation', { name: c['header.sections'] }).getByRole('button', { name: c[key] }).click();
}

/** The header's navigation between the vault's sections (notes, overview, money, …). */
export const sectionsNav = (page: Page, c: Catalogue = DA) => page.getByRole('navigation', { name: c['header.sections'] });

/** The quiet backup reminder: the description of the backup section's button, there while changes are not in a backup. */
export const backupBadge = (page: Page) => page.locator('nav.sections #backup-badge');

/** The overview's navigation between its views (now, calendar, payments, …). */
export const overviewViewsNav = (page: Page, c: Catalogue = DA) => page.getByRole('navigation', { name: c['overview.views'] });

/** The level-2 heading with exactly this text: the title of the screen shown. */
export const screenHeading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name, exact: true });

/** The profile whose data is shown, as the header says it. */
export const currentProfile = (page: Page, c: Catalogue = DA): Promise<string> =>
  page.getByLabel(c['header.viewing']).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');

/** Runs axe-core in the page and returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  const axePath = new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url).pathname;
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Adds a municipality by its address in the Municipality section and picks `citizen` on its
 * sign-in page (the reference municipality's stand-in for MitID), which opens as a window.
 */
export async function addMunicipalityAndSignIn(page: Page, origin: string, citizen = 'thomas', c: Catalogue = DA): Promise<void> {
  await page.getByLabel(c['muni.address']).fill(origin);
  const loginPage = page.context().waitForEvent('page', { predicate: (p) => p.url().includes('/oauth/authorize'), timeout: 30_000 });
  await page.getByRole('button', { name: c['muni.add'], exact: true }).click();
  const login = await loginPage;
  await login.waitForLoadState();
  await login.click(`button[value="${citizen}"]`);
}

/**
 * From a new vault's empty overview: adds the municipality at `origin`, signs `citizen` in (Thomas
 * unless said), waits until the first sync has finished and goes back to the overview.
 */
export async function connectMunicipalityFromEmptyOverview(page: Page, origin: string, options: { citizen?: string; timeoutMs?: number } = {}): Promise<void> {
  await sectionsNav(page).getByRole('button', { name: DA['section.overview'] }).click();
  await page.getByRole('link', { name: DA['steps.municipality'] }).click();
  await addMunicipalityAndSignIn(page, origin, options.citizen);
  // "Færdig: 16.006 oplysninger …": a large count is written the Danish way.
  await page.getByText(/^Færdig: [\d.]+ oplysninger er hentet eller opdateret\.$/).waitFor({ timeout: options.timeoutMs ?? 90_000 });
  await page.getByRole('button', { name: DA['muni.showOverview'] }).click();
}

/** Fails with the list of serious or critical axe-core violations on what the page shows now. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await seriousAxeViolations(page);
  expect(violations, `${screen}: ${JSON.stringify(violations)}`).toEqual([]);
}

/** Asks the background directly, as an extension page may (for checks a user cannot see). */
export function callBackground(page: Page, method: string, args: object = {}): Promise<{ ok: boolean; value?: any; error?: { code: string } }> {
  return page.evaluate(
    ([m, a]) =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage: (msg: unknown) => Promise<never> } } }).chrome.runtime.sendMessage({
        channel: 'handlerum-vault',
        method: m,
        args: a,
      }),
    [method, args] as const,
  );
}

/** Asks the background and returns its answer; fails the test with the error code when it refuses. */
export async function callOk<T>(page: Page, method: string, args: object = {}): Promise<T> {
  const result = await callBackground(page, method, args);
  expect(result.error?.code ?? null, method).toBeNull();
  return result.value as T;
}

/** The id of the vault's first profile (the one a new vault starts with), as the background lists it. */
export async function firstProfileId(page: Page): Promise<string> {
  const profiles = await callBackground(page, 'listProfiles');
  return (profiles.value as { id: string }[])[0]!.id;
}

/** The first profile's records of a kind, as the background lists them; fails if the call fails or any record is damaged. */
export async function recordsOfKind(page: Page, kind: string): Promise<{ id: string; data: Record<string, unknown> }[]> {
  const result = await callBackground(page, 'listRecords', { profileId: await firstProfileId(page), kind });
  expect(result.ok).toBe(true);
  expect(result.value.damaged).toEqual([]);
  return result.value.records;
}

/** The money section's file picker for a bank statement. */
export const moneyFilePicker = (page: Page) => page.getByLabel(DA['money.import.fileLabel']);

/** The heading of the import preview, shown once a chosen file has been read. */
export const moneyPreviewHeading = (page: Page) => page.getByRole('heading', { name: DA['money.preview.heading'] });

/** The preview's button that saves `n` rows (the count written as the page writes it, 45.000). */
export const moneySaveButton = (page: Page, n: number) => page.getByRole('button', { name: textCount(DA, 'money.preview.import', n) });

/** Where the money import says how saving went. */
export const moneyImportStatus = (page: Page) => page.locator('.money-import [role="status"]');

/**
 * When a test fails, keeps a screenshot and the visible text of every open page, to see what
 * the user would have seen (under $HANDLERUM_E2E_ARTIFACTS, or the system temp directory).
 */
export function keepPagesOnFailure(contexts: () => (BrowserContext | null | undefined)[]): void {
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    const dir = process.env.HANDLERUM_E2E_ARTIFACTS ?? join(tmpdir(), 'handlerum-e2e-failures');
    mkdirSync(dir, { recursive: true });
    const base = ctx.task.name.replace(/[^\w-]+/g, '_').slice(0, 60);
    let n = 0;
    for (const context of contexts()) {
      for (const page of context?.pages() ?? []) {
        const file = join(dir, `${base}-${n++}`);
        await page.screenshot({ path: `${file}.png`, fullPage: true }).catch(reportCleanupFailure);
        const visible = await page.evaluate(() => document.body.innerText).catch(() => '');
        writeFileSync(`${file}.txt`, `${page.url()}\n\n${visible}`);
      }
    }
    console.error(`Pages at the failure are kept in ${dir}`);
  });
}

/** Where tests leave screenshots for people to look at (kept out of git, inside the repo). */
export const screenshotPath = (name: string): string => resolve(import.meta.dirname, '../../../.tmp/screenshots', `${name}.png`);

/**
 * One Chromium profile for a test file: closed and removed after the file, its pages kept when a
 * test fails. `restart()` closes the browser and opens it again on the same profile, as a user
 * restarting the browser would. With `hostPermissions` it runs a copy of the build whose manifest
 * already grants those hosts (see buildWithHostPermissions), removed after the file too.
 */
export function chromiumForThisFile({ hostPermissions, ...options }: Omit<LaunchOptions, 'profileDir'> & { hostPermissions?: string[] } = {}) {
  const profileDir = newProfileDir();
  const granted = hostPermissions ? buildWithHostPermissions(hostPermissions) : null;
  let session: ChromiumSession | null = null;
  keepPagesOnFailure(() => [session?.context]);
  afterAll(async () => {
    await session?.close();
    removeProfileDir(profileDir);
    granted?.remove();
  });
  const launch = async (): Promise<ChromiumSession> =>
    (session = await launchChromium({ profileDir, ...options, ...(granted ? { extensionDir: granted.dir } : {}) }));
  return {
    launch,
    async restart(): Promise<ChromiumSession> {
      await session?.close();
      return launch();
    },
  };
}
