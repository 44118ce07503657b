/**
 * The receiver page (the build in .output/receiver) as a recipient uses it: in a plain Chromium
 * of their own, opened from the file, a bundle and a private key given to its form. Printing is
 * the browser's dialog, so `window.print` only counts its calls, and the printout is read with
 * page.pdf() and pdftotext instead.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { da } from '../../../src/receiver-page/i18n/da';
import { chromiumPath } from './chromium';

export type ReceiverCatalogue = Record<keyof typeof da, string>;
export const RECEIVER_URL = pathToFileURL(resolve(import.meta.dirname, '../../../.output/receiver/index.html')).href;
const AXE = readFileSync(resolve(import.meta.dirname, '../../../node_modules/axe-core/axe.min.js'), 'utf8');

/** A Chromium without the extension: the recipient's own browser. */
export const launchPlainChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });

/** The receiver page in a new context of `browser`, its print dialog replaced by a counter. */
export async function openReceiverPage(browser: Browser, locale: string, width = 1000): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.print = () => {
      document.body.dataset['printed'] = String(Number(document.body.dataset['printed'] ?? 0) + 1);
    };
  });
  await page.goto(RECEIVER_URL);
  return page;
}

/** Gives the page the bundle `file` and the private key `identity`, and waits until it shows the opened bundle. */
export async function openBundleOnPage(page: Page, file: string, identity: string, c: ReceiverCatalogue = da): Promise<void> {
  await page.getByLabel(c['form.fileLabel']).setInputFiles(file);
  await page.getByLabel(c['form.keyLabel']).fill(identity);
  await page.getByRole('button', { name: c['form.submit'] }).click();
  await page.getByRole('article', { name: c['result.title'] }).waitFor({ timeout: 60_000 });
}

/**
 * axe-core's serious and critical violations on the page. It is evaluated, not added as a
 * script tag: the page's own CSP allows no injected script, and is not bypassed.
 */
export async function receiverAxeViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'], preload: false });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** What the reader sees on the page now. */
export const visibleText = (page: Page): Promise<string> => page.evaluate(() => document.body.innerText);

/** Text as pdftotext gives it back: whitespace as single spaces, and no hyphens (it joins "hæve-" and "sænke" at a line's end). */
export const squash = (text: string): string => text.replace(/-/g, '').replace(/\s+/g, ' ').trim();

/** Presses "Udskriv alt" (print everything), prints the page to `pdfPath` as A4 and returns its text, squashed. */
export async function printAll(page: Page, pdfPath: string, c: ReceiverCatalogue = da): Promise<string> {
  const before = Number((await page.evaluate(() => document.body.dataset['printed'])) ?? 0);
  await page.getByRole('button', { name: c['print.all'] }).click();
  await page.waitForFunction((n) => Number(document.body.dataset['printed'] ?? 0) > n, before);
  await page.pdf({ path: pdfPath, format: 'A4', printBackground: false });
  return squash(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }));
}
