/**
 * The browser-specific steps of the plaintext story (harness/plaintext-story.ts), driven the way
 * a person does on the vault's page: Chromium through Playwright in Danish, Firefox ESR through
 * Puppeteer in English (Debian's Firefox ESR has an English UI).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { explainTopic } from '../../../src/municipal/plain-language/index';
import type { ChromiumSession } from './chromium';
import { pickCitizenIn, type FirefoxSession } from './firefox';
import { addNote as addNoteInFirefox, chooseFile, click, createVault as createVaultInFirefox, waitForText } from './firefox-ui';
import type { StoryDriver } from './plaintext-story';
import { playwrightEvaluator, puppeteerEvaluator, VaultApi, type PageEvaluator } from './vault-api';
import { addNote, createVault, DA, EN, text, textCount } from './vault-ui';

export function chromiumStoryDriver(session: ChromiumSession, page: PlaywrightPage): StoryDriver {
  const section = (key: 'section.overview' | 'section.money' | 'section.health' | 'section.notes') =>
    page.getByRole('navigation', { name: DA['header.sections'] }).getByRole('button', { name: DA[key] }).click();
  return {
    api: VaultApi.playwright(page),
    createVault: (name, passphrase) => createVault(page, { name, passphrase }),
    async pickCitizen(citizen) {
      const login = await session.context.waitForEvent('page', { predicate: (p) => p.url().includes('/oauth/authorize'), timeout: 30_000 });
      await login.waitForLoadState();
      await login.click(`button[value="${citizen}"]`);
    },
    async importBankFile(name, bytes, rows) {
      await section('section.money');
      await page.getByLabel(DA['money.import.fileLabel']).setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
      await page.getByRole('heading', { name: DA['money.preview.heading'] }).waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: textCount(DA, 'money.preview.import', rows) }).click();
      await page
        .locator('.money-import [role="status"]')
        .filter({ hasText: text(DA, 'money.import.done.other', { count: rows, account: 'Danske Bank' }) })
        .waitFor({ timeout: 60_000 });
    },
    async importHealthFile(name, bytes) {
      await section('section.health');
      await page.getByLabel(DA['health.import.fileLabel']).setInputFiles({ name, mimeType: 'text/xml', buffer: bytes });
      await page.getByRole('region', { name: text(DA, 'health.summary.title', { file: name }) }).waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: DA['health.summary.save'] }).click();
      await page.getByText(text(DA, 'health.import.saved', { file: name })).waitFor({ timeout: 60_000 });
    },
    async addNote(title, body) {
      await section('section.notes');
      await addNote(page, title, body);
    },
    async openDocumentPdf(kleCode, documentTitle) {
      await section('section.overview');
      await page
        .getByRole('region', { name: DA['now.openCases'] })
        .getByRole('link', { name: explainTopic(kleCode, 'da')!.plainTitle, exact: true })
        .click();
      await page.getByRole('link', { name: documentTitle, exact: true }).first().click();
      const opening = session.context.waitForEvent('page', { predicate: (p) => p.url().startsWith('blob:') || p.url() === 'about:blank' });
      await page.getByRole('button', { name: DA['doc.openPdf'] }).click();
      const tab = await opening;
      await page.getByText(DA['doc.pdfOpened']).waitFor({ timeout: 30_000 });
      await tab.waitForURL(/^blob:/);
      await tab.waitForLoadState('load');
      await untilRevoked(playwrightEvaluator(page), tab.url());
      await tab.close();
    },
  };
}

/** Waits until the vault's page has revoked a blob URL (fetching it from that page then fails). */
async function untilRevoked(evaluate: PageEvaluator, url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (
    (await evaluate(
      (u) =>
        fetch(u).then(
          () => 'alive',
          () => 'revoked',
        ),
      url,
    )) !== 'revoked'
  ) {
    if (Date.now() > deadline) throw new Error(`${url} was not revoked`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export function firefoxStoryDriver(firefox: FirefoxSession, page: PuppeteerPage): StoryDriver & { removeFiles(): void } {
  const files = mkdtempSync(join(tmpdir(), 'handlerum-story-files-'));
  const choose = async (label: string, name: string, bytes: Buffer) => {
    const path = join(files, name);
    writeFileSync(path, bytes);
    await chooseFile(page, label, path);
  };
  return {
    api: VaultApi.puppeteer(page),
    removeFiles: () => rmSync(files, { recursive: true, force: true }),
    createVault: (name, passphrase) => createVaultInFirefox(page, name, passphrase),
    pickCitizen: pickCitizenIn(firefox),
    async importBankFile(name, bytes, rows) {
      await click(page, EN['section.money'], { within: 'nav' });
      await choose(EN['money.import.fileLabel'], name, bytes);
      await waitForText(page, EN['money.preview.heading'], { timeoutMs: 60_000 });
      await click(page, textCount(EN, 'money.preview.import', rows));
      await waitForText(page, text(EN, 'money.import.done.other', { count: rows, account: 'Danske Bank' }), { timeoutMs: 60_000 });
    },
    async importHealthFile(name, bytes) {
      await click(page, EN['section.health'], { within: 'nav' });
      await choose(EN['health.import.fileLabel'], name, bytes);
      await waitForText(page, text(EN, 'health.summary.title', { file: name }), { timeoutMs: 60_000 });
      await click(page, EN['health.summary.save']);
      await waitForText(page, text(EN, 'health.import.saved', { file: name }), { timeoutMs: 60_000 });
    },
    async openDocumentPdf(kleCode, documentTitle) {
      await click(page, EN['section.overview'], { within: 'nav' });
      await click(page, explainTopic(kleCode, 'en')!.plainTitle, { within: 'section', containing: EN['now.openCases'] });
      await click(page, documentTitle);
      // The tab that shows it is not one WebDriver BiDi lists (it opens from the add-on's page):
      // the page's own record of the blob URLs it made says which one to watch.
      await page.evaluate(() => {
        const made: string[] = [];
        const create = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (blob: Blob) => {
          const url = create(blob);
          made.push(url);
          return url;
        };
        (window as unknown as { madeBlobUrls: string[] }).madeBlobUrls = made;
      });
      await click(page, EN['doc.openPdf']);
      await waitForText(page, EN['doc.pdfOpened']);
      const [url] = await page.evaluate(() => (window as unknown as { madeBlobUrls: string[] }).madeBlobUrls);
      await untilRevoked(puppeteerEvaluator(page), url!, 90_000);
    },
    async addNote(title, body) {
      await click(page, EN['section.notes'], { within: 'nav' });
      await addNoteInFirefox(page, title, body);
    },
  };
}
