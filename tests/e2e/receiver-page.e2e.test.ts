/**
 * The receiver page, built into .output/receiver, opened from a file: URL in a plain Chromium
 * (no extension) under its own strict CSP. Bundles are made in Node with createBundle; the page
 * must show the same data, give the standard files back byte for byte, refuse an expired or a
 * tampered bundle with the right words, send nothing anywhere, and be clean under axe. Hostile
 * bundles: 600,000 rows page through in bounded memory, a too-deep data.json is refused with its
 * raw files, sender text shows its control characters escaped, and a withdrawal notice marks
 * the bundle withdrawn.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBundle, createRevocation, generateIdentity, openBundle, type ShareContent } from '../../src/bundle';
import { KEYS, makeBundle, smallContent, withDataJson } from '../../scripts/make-bundle-vectors';
import { da } from '../../src/receiver-page/i18n/da';
import { en } from '../../src/receiver-page/i18n/en';
import { DIET_PLAN, FOOD_AVERAGE, FOOD_CSV, FOOD_MONTHS, newKeys, tamper, thomasBundle, thomasBundleInput } from '../unit/budget-service-fixtures';
import { chromiumPath } from './harness/chromium';
import { keepPagesOnFailure, screenshotPath } from './harness/vault-ui';
import { utf8 } from '../../src/shared/bytes';

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
    const axe = (
      window as unknown as {
        axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
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
    expect(await page.getByTestId('fingerprint').textContent()).toMatch(/^([0-9A-HJKMNP-TV-Z]{4} ){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(await page.getByTestId('fingerprint').getAttribute('data-fingerprint')).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // The food budget as a table: every month and amount the bundle holds, and the average.
    const table = page.getByRole('table', { name: 'Madbudget pr. måned' });
    const rows = await table.getByRole('row').allInnerTexts();
    for (const m of FOOD_MONTHS) {
      const monthName = new Intl.DateTimeFormat('da-DK', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m.month}-01T00:00:00Z`));
      expect(rows.some((r) => r.includes(monthName) && r.includes(kroner(m.spentMinor)))).toBe(true);
    }
    await result.getByText(kroner(FOOD_AVERAGE)).first().waitFor();
    await result.getByText(DIET_PLAN.body).first().waitFor();
    // Provenance and consent in plain words.
    await result.getByText('Borgerens egne oplysninger: Danske Bank CSV-udtræk').waitFor();
    await result.getByText('Træk delingen tilbage under Deling i din vault.').waitFor();
    await result.getByText('Skriv til modtageren og bed om sletning.').waitFor();

    // The standard file comes back byte for byte.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: da['files.download'].replace('{name}', 'food-budget.csv') }).click(),
    ]);
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

/** A bundle from the vector issuer to the vector recipient, valid from an hour ago for 30 days. */
const vectorKeyBundle = (label: string, content: ShareContent = smallContent(), issuerName: string = KEYS.issuer.name) =>
  makeBundle(label, content, { issuer: { ...KEYS.issuer, name: issuerName }, issuedAt: new Date(now - 3600_000), expiresAt: new Date(now + 30 * day) });

/** The page's memory after a garbage collection: JS heap, the DOM's (embedder) heap and ArrayBuffer backing stores. */
async function heapBytes(page: Page): Promise<{ js: number; total: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number; backingStorageSize?: number };
  return { js: usage.usedSize, total: usage.usedSize + (usage.embedderHeapUsedSize ?? 0) + (usage.backingStorageSize ?? 0) };
}

describe('the receiver page with hostile bundles', () => {
  it('pages through 600,000 rows with the keyboard, in bounded memory', async () => {
    const rows = Array.from({ length: 600_000 }, (_, i) => ({ date: '2026-11-02', amountMinor: -i, text: 'Netto' }));
    const bundle = await vectorKeyBundle('e2e-600k', { ...smallContent(), data: { transactions: rows } });
    const file = await writeBundle('600k.handlerum', bundle);
    const { page } = await openReceiver();
    await openBundleInPage(page, file, KEYS.recipient);
    await page.getByRole('article', { name: da['result.title'] }).waitFor({ timeout: 60_000 });
    // The readable table shows one page too; the raw tables behind "Vis rå data" page the same way.
    expect(await page.getByRole('table', { name: 'Posteringer' }).locator('tbody tr').count()).toBe(50);
    const raw = page.locator('details.raw-data');
    // Drawn only once opened.
    expect(await raw.locator('table').count()).toBe(0);
    await raw.getByText(da['data.raw']).click();
    const table = raw.getByRole('table', { name: /Posteringer/ });
    await table.locator('tbody tr').first().waitFor();
    expect(await table.locator('tbody tr').count()).toBe(50);
    const status = page.getByTestId('pager-status');
    expect(await status.textContent()).toBe(da['data.showing'].replace('{from}', '1').replace('{to}', '50').replace('{count}', '600.000'));
    // Keyboard: focus "next", press Enter; then "last".
    await raw.getByRole('button', { name: da['data.next'] }).focus();
    await page.keyboard.press('Enter');
    expect(await status.textContent()).toBe(da['data.showing'].replace('{from}', '51').replace('{to}', '100').replace('{count}', '600.000'));
    await raw.getByRole('button', { name: da['data.last'] }).click();
    expect(await status.textContent()).toBe(da['data.showing'].replace('{from}', '599.951').replace('{to}', '600.000').replace('{count}', '600.000'));
    expect(await raw.getByRole('button', { name: da['data.next'] }).isDisabled()).toBe(true);
    expect(await table.locator('tbody tr').last().innerText()).toContain(kroner(-599_999));
    expect(await table.locator('tbody tr').count()).toBe(50);
    const heap = await heapBytes(page);
    const mib = (n: number) => Math.round(n / 2 ** 20);
    process.stdout.write(
      `receiver page, ${bundle.length} byte bundle of 600,000 rows: JS heap ${mib(heap.js)} MiB, with DOM and buffers ${mib(heap.total)} MiB\n`,
    );
    expect(heap.total).toBeLessThan(1024 * 2 ** 20);
    expect(await seriousViolations(page), 'paged table').toEqual([]);
    await context?.close();
  }, 180_000);

  it('refuses a data.json nested 100,000 levels deep, and offers the files as they came', async () => {
    const deep = utf8(`{"d":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const file = await writeBundle('deep.handlerum', withDataJson(await vectorKeyBundle('e2e-deep'), 'e2e-deep', deep));
    const { page } = await openReceiver();
    await openBundleInPage(page, file, KEYS.recipient);
    const alert = page.getByRole('alert').filter({ hasText: da['fail.title'] });
    await alert.getByText(da['fail.too-large']).waitFor();
    await alert.getByText(da['fail.rawFiles']).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      alert.getByRole('link', { name: da['files.download'].replace('{name}', 'data.json') }).click(),
    ]);
    expect(new Uint8Array(readFileSync((await download.path())!))).toEqual(deep);
    expect(await seriousViolations(page), 'too deep').toEqual([]);
    await context?.close();
  }, 60_000);

  it('shows sender text with its control and bidi characters escaped, and a withdrawal notice marks the bundle withdrawn', async () => {
    const content = smallContent();
    const hostile = { ...content, purpose: { ...content.purpose, text: { da: 'Budget\u202etxt.exe\u001b[2J', en: 'Budget\u202etxt.exe\u001b[2J' } } };
    const bundle = await vectorKeyBundle('e2e-hostile', hostile, 'Thomas\u202eNielsen');
    const file = await writeBundle('hostile.handlerum', bundle);
    const { page } = await openReceiver();
    await openBundleInPage(page, file, KEYS.recipient);
    await page.getByRole('article', { name: da['result.title'] }).waitFor();
    expect(await page.getByTestId('issuer').textContent()).toBe('Thomas\\u202eNielsen');
    expect(await page.getByTestId('purpose').textContent()).toBe('Budget\\u202etxt.exe\\x1b[2J');

    const opened = await openBundle(bundle, { identity: KEYS.recipient, now: new Date(now) });
    if (!opened.ok) throw new Error(opened.detail);
    const id = opened.manifest.id;
    const notices = join(dir, 'notices');
    const forged = join(dir, 'forged.jws');
    writeFileSync(forged, createRevocation({ signingSecretKey: KEYS.otherIssuer.signingSecretKey, bundleId: id, revokedAt: new Date(now) }));
    await page.getByLabel(da['revocation.label']).setInputFiles(forged);
    await page.getByTestId('revocation-check').getByText(da['revocation.wrong-issuer'].replace('{name}', 'forged.jws')).waitFor();
    expect(await page.getByTestId('validity').textContent()).toBe(da['result.valid']);

    writeFileSync(notices, `${createRevocation({ signingSecretKey: KEYS.issuer.signingSecretKey, bundleId: id, revokedAt: new Date(now) })}\n`);
    await page.getByLabel(da['revocation.label']).setInputFiles(notices);
    await page.getByTestId('withdrawn').waitFor();
    expect(await page.getByTestId('validity').textContent()).toBe(da['result.revoked']);
    expect(await seriousViolations(page), 'withdrawn').toEqual([]);
    await page.screenshot({ path: screenshotPath('receiver-withdrawn-da'), fullPage: true });
    await context?.close();
  }, 60_000);
});
