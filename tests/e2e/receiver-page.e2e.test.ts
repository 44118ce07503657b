/**
 * The receiver page, built into .output/receiver, opened from a file: URL in a plain Chromium
 * (no extension) under its own strict CSP. Bundles are made in Node with createBundle; the page
 * must show the same data, give the standard files back byte for byte, refuse an expired or a
 * tampered bundle with the right words, send nothing anywhere, and be clean under axe.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBundle, generateIdentity } from '../../src/bundle';
import { da } from '../../src/receiver-page/i18n/da';
import { en } from '../../src/receiver-page/i18n/en';
import { DIET_PLAN, FOOD_AVERAGE, FOOD_CSV, FOOD_MONTHS, newKeys, tamper, thomasBundle, thomasBundleInput } from '../unit/budget-service-fixtures';
import { chromiumPath } from './harness/chromium';
import { keepPagesOnFailure, screenshotPath } from './harness/vault-ui';

const RECEIVER_PAGE = resolve(import.meta.dirname, '../../.output/receiver/index.html');
const RECEIVER_URL = pathToFileURL(RECEIVER_PAGE).href;
const AXE = readFileSync(resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

const dir = mkdtempSync(join(tmpdir(), 'receiver-page-'));
const keys = newKeys(generateIdentity());
const now = Date.now();
const day = 24 * 3600_000;
let browser: Browser;
let context: BrowserContext | undefined;
keepPagesOnFailure(() => [context]);

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function writeBundle(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** What the page asked the network for, and what its CSP refused. */
interface Watch {
  requests: string[];
  cspViolations: string[];
}

async function openReceiver(locale = 'da-DK'): Promise<{ page: Page; watch: Watch }> {
  context = await browser.newContext({ locale, acceptDownloads: true });
  const page = await context.newPage();
  const watch: Watch = { requests: [], cspViolations: [] };
  page.on('request', (r) => watch.requests.push(r.url()));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) watch.cspViolations.push(m.text());
  });
  await page.goto(RECEIVER_URL);
  return { page, watch };
}

/** axe-core evaluated through the debugging protocol, so the page's own CSP stays on. */
async function seriousViolations(page: Page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    // No preload: axe would fetch the stylesheets itself, which the page's connect-src 'none' refuses.
    const result = await axe.run(document, { resultTypes: ['violations'], preload: false });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

async function openBundleInPage(page: Page, file: string, identity: string, c: Record<keyof typeof da, string> = da) {
  await page.getByLabel(c['form.fileLabel']).setInputFiles(file);
  await page.getByLabel(c['form.keyLabel']).fill(identity);
  await page.getByRole('button', { name: c['form.submit'] }).click();
}

const kroner = (minor: number, locale = 'da-DK') => new Intl.NumberFormat(locale, { style: 'currency', currency: 'DKK' }).format(minor / 100);

describe('the receiver page', () => {
  it('opens a genuine bundle and shows the same data, the files, provenance and consent, sending nothing anywhere', async () => {
    const file = await writeBundle('thomas.handlerum', await thomasBundle({ keys, issuedAt: new Date(now - 3600_000), expiresAt: new Date(now + 30 * day) }));
    const { page, watch } = await openReceiver();
    await page.getByRole('heading', { level: 1, name: da['page.title'] }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('da');
    expect(await seriousViolations(page), 'form').toEqual([]);

    // The key file route: an age-keygen style file with comment lines.
    await page.getByLabel(da['form.fileLabel']).setInputFiles(file);
    const keyFile = join(dir, 'key.txt');
    writeFileSync(keyFile, `# created: 2026-11-01T00:00:00Z\n# public key: ${keys.recipient.recipient}\n${keys.recipient.identity}\n`);
    await page.getByLabel(da['form.keyFileLabel']).setInputFiles(keyFile);
    await page.getByText(da['form.keyFileLoaded'].replace('{name}', 'key.txt')).waitFor();
    expect(await page.getByLabel(da['form.keyLabel']).inputValue()).toBe(keys.recipient.identity);
    await page.getByRole('button', { name: da['form.submit'] }).click();

    const result = page.getByRole('article', { name: da['result.title'] });
    await result.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('result-title');
    expect(await page.getByTestId('validity').textContent()).toBe(da['result.valid']);
    expect(await page.getByTestId('issuer').textContent()).toBe('Thomas Nielsen');
    expect(await page.getByTestId('purpose').textContent()).toBe('Lægge et madbudget');
    expect(await page.getByTestId('fingerprint').textContent()).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // The food budget as a table: every month and amount the bundle holds, and the average.
    const table = page.getByRole('table', { name: /Seneste 3 måneder|Måneder/ }).first();
    const rows = await table.getByRole('row').allInnerTexts();
    for (const m of FOOD_MONTHS) {
      const monthName = new Intl.DateTimeFormat('da-DK', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m.month}-01T00:00:00Z`));
      expect(rows.some((r) => r.includes(monthName) && r.includes(kroner(m.spentMinor)))).toBe(true);
    }
    await result.getByText(kroner(FOOD_AVERAGE)).first().waitFor();
    await result.getByText(DIET_PLAN.body).waitFor();
    // Provenance and consent in plain words.
    await result.getByText('Borgerens egne oplysninger: Danske Bank CSV-udtræk').waitFor();
    await result.getByText('Træk delingen tilbage under Deling i din vault.').waitFor();
    await result.getByText('Skriv til modtageren og bed om sletning.').waitFor();

    // The standard file comes back byte for byte.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: da['files.download'].replace('{name}', 'food-budget.csv') }).click()]);
    expect(download.suggestedFilename()).toBe('food-budget.csv');
    expect(readFileSync((await download.path())!, 'utf8')).toBe(FOOD_CSV);

    expect(await seriousViolations(page), 'result').toEqual([]);
    await page.screenshot({ path: screenshotPath('receiver-opened-da'), fullPage: true });
    // Only the page's own files (and the download's blob) were ever asked for.
    expect(watch.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:'))).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
    await context?.close();
  });

  it('says plainly when a bundle has expired, was tampered with, or needs another key', async () => {
    const expired = await writeBundle('expired.handlerum', await thomasBundle({ keys, issuedAt: new Date(now - 60 * day), expiresAt: new Date(now - day) }));
    const good = await thomasBundle({ keys, issuedAt: new Date(now - 3600_000), expiresAt: new Date(now + 30 * day) });
    const tampered = await writeBundle('tampered.handlerum', tamper(good));
    const { page } = await openReceiver();

    await openBundleInPage(page, expired, keys.recipient.identity);
    const alert = page.getByRole('alert').filter({ hasText: da['fail.title'] });
    await alert.getByText(da['fail.expired']).waitFor();
    expect(await alert.getAttribute('data-reason')).toBe('expired');
    expect(await seriousViolations(page), 'failure').toEqual([]);

    // The form keeps the key; only the file changes.
    await page.getByLabel(da['form.fileLabel']).setInputFiles(tampered);
    await page.getByRole('button', { name: da['form.submit'] }).click();
    await alert.getByText(da['fail.tampered']).waitFor();

    await page.getByLabel(da['form.fileLabel']).setInputFiles(await writeBundle('good.handlerum', good));
    await page.getByLabel(da['form.keyLabel']).fill(generateIdentity().identity);
    await page.getByRole('button', { name: da['form.submit'] }).click();
    await alert.getByText(da['fail.wrong-key']).waitFor();

    // Input mistakes are named at the field before anything is decrypted.
    await page.getByLabel(da['form.keyLabel']).fill('not a key');
    await page.getByRole('button', { name: da['form.submit'] }).click();
    await page.getByRole('alert').filter({ hasText: da['form.badKey'] }).waitFor();
    expect(await page.getByLabel(da['form.keyLabel']).getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page), 'input problem').toEqual([]);

    // A bundle made for whoever has a passphrase opens with it, and with nothing else.
    const input = thomasBundleInput({ keys, issuedAt: new Date(now - 3600_000), expiresAt: new Date(now + 30 * day) });
    input.recipient = { kind: 'passphrase', passphrase: 'grøn bænk ved åen', name: 'Advokat Jensen' };
    input.scryptWorkFactor = 12;
    await page.getByLabel(da['form.fileLabel']).setInputFiles(await writeBundle('passphrase.handlerum', await createBundle(input)));
    await page.getByRole('radio', { name: da['form.usePassphrase'] }).check();
    await page.getByLabel(da['form.passphraseLabel'], { exact: true }).fill('grøn bænk ved åen!');
    await page.getByRole('button', { name: da['form.submit'] }).click();
    await alert.getByText(da['fail.wrong-key']).waitFor();
    await page.getByLabel(da['form.passphraseLabel'], { exact: true }).fill('grøn bænk ved åen');
    await page.getByRole('button', { name: da['form.submit'] }).click();
    await page.getByRole('article', { name: da['result.title'] }).waitFor();
    expect(await page.getByTestId('validity').textContent()).toBe(da['result.valid']);
    await context?.close();
  });

  it('is in English when the browser is, and is used with the keyboard alone', async () => {
    const file = await writeBundle('en.handlerum', await thomasBundle({ keys, issuedAt: new Date(now - 3600_000), expiresAt: new Date(now + 30 * day) }));
    const { page } = await openReceiver('en-GB');
    await page.getByRole('heading', { level: 1, name: en['page.title'] }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByLabel(en['form.fileLabel']).setInputFiles(file);
    // Tab from the file input to the key choice, then to the key field; type; Enter submits.
    await page.getByLabel(en['form.fileLabel']).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('identity-text');
    await page.keyboard.type(keys.recipient.identity);
    await page.getByRole('button', { name: en['form.submit'] }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: en['result.title'] }).waitFor();
    expect(await page.getByTestId('validity').textContent()).toBe(en['result.valid']);
    await page.getByText(kroner(FOOD_MONTHS[0]!.spentMinor, 'en-GB')).first().waitFor();
    expect(await seriousViolations(page), 'result (en)').toEqual([]);
    await context?.close();
  });
});
