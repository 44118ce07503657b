/**
 * The receiver page as a lawyer reads it, in a plain Chromium from the built page
 * (.output/receiver): Thomas's case material in readable Danish with no internal ids or enum
 * values, no horizontal scrolling at 360 px, clean under axe in Danish and English, and
 * "Udskriv alt" giving a printout (page.pdf(), read back with pdftotext) that holds every
 * document's title and text. A bundle of 10,000 documents, one of them 5 MB of text, opens and
 * draws only a window of them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBundle, generateIdentity, type BundleFile } from '../../src/bundle';
import { da } from '../../src/receiver-page/i18n/da';
import { en } from '../../src/receiver-page/i18n/en';
import { newKeys, thomasBundleInput } from '../unit/budget-service-fixtures';
import { thomasCaseMaterial } from '../unit/receiver-view-fixtures';
import {
  launchPlainChromium,
  openBundleOnPage,
  openReceiverPage,
  printAll,
  receiverAxeViolations,
  squash,
  visibleText,
  type ReceiverCatalogue,
} from './harness/receiver-page';
import { keepPagesOnFailure, screenshotPath } from './harness/vault-ui';

const dir = mkdtempSync(join(tmpdir(), 'receiver-readable-'));
const keys = newKeys(generateIdentity());
const now = Date.now();
let browser: Browser;
let context: BrowserContext | undefined;
keepPagesOnFailure(() => [context]);

beforeAll(async () => {
  browser = await launchPlainChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A bundle from Thomas to his lawyer holding `data` and `files`. */
async function caseBundle(name: string, data: Record<string, unknown>, files: BundleFile[]): Promise<string> {
  const input = thomasBundleInput({ keys, recipientName: 'Karen Lund', issuedAt: new Date(now - 3600_000), expiresAt: new Date(now + 30 * 24 * 3600_000) });
  const bytes = await createBundle({
    ...input,
    content: {
      ...input.content,
      purpose: { code: 'legal-aid', text: { da: 'Bistand i min sag', en: 'Help with my case' } },
      scope: { description: { da: 'Sagsakter', en: 'Case files' }, categories: ['case-material'] },
      data,
      files,
      provenance: [{ attestedBy: 'citizen', source: 'Borgerens vault', covers: ['cases'] }],
    },
  });
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function openPage(locale: string, width = 1000): Promise<Page> {
  const page = await openReceiverPage(browser, locale, width);
  context = page.context();
  return page;
}

const openBundleInPage = (page: Page, file: string, c: ReceiverCatalogue) => openBundleOnPage(page, file, keys.recipient.identity, c);
const seriousViolations = receiverAxeViolations;
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the receiver page for people', () => {
  const material = thomasCaseMaterial();

  it("shows Thomas's case material in readable Danish, fits 360 px, and prints every document", async () => {
    const file = await caseBundle('thomas-case.handlerum', material.data, material.files);
    const page = await openPage('da-DK');
    await openBundleInPage(page, file, da);
    const text = await visibleText(page);
    expect(text).toContain('Venter på borgeren');
    expect(text).toContain('Journalnotat');
    expect(text).toContain('Advokat, Lund & Birk Advokater, med fuldmagt');
    expect(text).not.toMatch(/thomas-(dok|sag|afg|udb)-/);
    for (const raw of ['awaiting-citizen', 'journal-note', 'power-of-attorney', 'in-progress', 'case-material']) expect(text, raw).not.toContain(raw);
    // The raw tables wait, folded, behind "Vis rå data".
    expect(await page.locator('details.raw-data').getAttribute('open')).toBeNull();
    // A window of the documents on screen, not all 27 of the long case.
    expect(await page.getByTestId('readable-document').count()).toBeLessThanOrEqual(20);
    expect(await seriousViolations(page), 'readable (da)').toEqual([]);
    // A document the bundle carries as a PDF opens as that PDF, in a tab of its own.
    const pdfLink = page.locator(`a[data-file="${material.documents.find((d) => d.pdf)!.pdf}"]`);
    expect(await pdfLink.textContent()).toBe('Åbn dokumentet (PDF)');
    const [tab] = await Promise.all([page.waitForEvent('popup'), pdfLink.click()]);
    expect(tab.url()).toMatch(/^blob:/);
    await tab.close();

    await page.setViewportSize({ width: 360, height: 740 });
    expect(await overflow(page), 'horizontal overflow at 360 px').toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('receiver-readable-360'), fullPage: false });

    await page.setViewportSize({ width: 1000, height: 800 });
    const printed = await printAll(page, join(dir, 'thomas.pdf'));
    expect(await page.evaluate(() => document.body.dataset['printed'])).toBe('1');
    expect(await page.getByTestId('readable-document').count()).toBe(material.documents.length);
    for (const d of material.documents) {
      expect(printed, d.title).toContain(squash(d.title));
      if (d.text) expect(printed, `${d.title}: whole text`).toContain(squash(d.text));
    }
    expect(printed).not.toContain(da['print.all']);
    expect(printed).not.toMatch(/thomas-(dok|sag)-/);
    await context?.close();
  }, 180_000);

  it('reads the same in English, clean under axe', async () => {
    const file = await caseBundle('thomas-case-en.handlerum', material.data, material.files);
    const page = await openPage('en-GB');
    await openBundleInPage(page, file, en);
    const text = await visibleText(page);
    expect(text).toContain('Waiting for the citizen');
    expect(text).toContain('Journal note');
    expect(text).not.toContain('awaiting-citizen');
    expect(await seriousViolations(page), 'readable (en)').toEqual([]);
    await context?.close();
  }, 120_000);

  it('draws health as a chart with its table, and transactions with totals, within 360 px', async () => {
    const days = Array.from({ length: 30 }, (_, i) => ({ date: `2026-11-${String(i + 1).padStart(2, '0')}`, value: 4000 + i * 100 }));
    const data = {
      healthRecords: [{ from: '2026-11-01', to: '2026-11-30', daily: [{ metric: 'steps', unit: 'count', days }] }],
      transactions: [
        {
          from: '2026-11-01',
          to: '2026-11-30',
          categories: [],
          fields: ['date', 'amount', 'text', 'category', 'account'],
          accounts: [{ id: '1234-5678901', name: 'Lønkonto', number: '1234-5678901' }],
          rows: [
            {
              date: '2026-11-02',
              amountMinor: -45050,
              currency: 'DKK',
              text: 'Netto Aarhus C med et meget langt navn på posteringen',
              category: 'groceries',
              account: '1234-5678901',
            },
            { date: '2026-11-15', amountMinor: 1200000, currency: 'DKK', text: 'Kontanthjælp', category: 'public-benefits', account: '1234-5678901' },
          ],
        },
      ],
    };
    const file = await caseBundle('figures.handlerum', data, []);
    const page = await openPage('da-DK', 360);
    await openBundleInPage(page, file, da);
    const chart = page.getByRole('img', { name: /^Skridt\. 30 målinger fra 1\. november 2026 til 30\. november 2026/ });
    expect(await chart.locator('rect').count()).toBe(30);
    expect(await page.getByRole('table', { name: 'Skridt' }).locator('tbody tr').count()).toBe(30);
    const text = await visibleText(page);
    for (const shown of ['Dagligvarer', 'Udbetalinger fra det offentlige', 'Penge ind', '12.000,00\u00a0kr.', 'Netto', '11.549,50\u00a0kr.', 'Lønkonto'])
      expect(text).toContain(shown);
    expect(text).not.toContain('groceries');
    expect(await overflow(page), 'horizontal overflow at 360 px').toBeLessThanOrEqual(0);
    expect(await seriousViolations(page), 'figures').toEqual([]);
    await page.screenshot({ path: screenshotPath('receiver-readable-figures-360'), fullPage: true });
    await context?.close();
  }, 120_000);

  it('draws a summary of 10,000 documents and 1,000 points a window at a time, and all of it for print', async () => {
    const summary = {
      view: 'case-summary',
      title: 'Resumé af en meget stor sag',
      caseNumber: '2026-000000-00001',
      method: 'handlerum-extractive-1',
      points: Array.from({ length: 1_000 }, (_, i) => ({
        section: 'highlights',
        text: `Punkt ${i + 1}.`,
        sources: [{ documentTitle: `Brev ${i + 1}`, date: '2026-01-15', recordType: 'document', sentence: 0 }],
      })),
      covers: Array.from({ length: 10_000 }, (_, i) => ({ documentTitle: `Brev ${i + 1}`, date: '2026-01-15' })),
    };
    const file = await caseBundle('big-summary.handlerum', { caseSummaries: [summary] }, []);
    const page = await openPage('da-DK');
    await openBundleInPage(page, file, da);
    const view = page.getByTestId('readable-summary');
    expect(await view.locator('.summary-list > li').count()).toBe(60);
    // The summary itself draws a window, and the raw data behind "Vis rå data" is not drawn while closed.
    expect(await view.evaluate((el) => el.getElementsByTagName('*').length)).toBeLessThan(1_000);
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(3_000);
    const raw = page.locator('details.raw-data');
    expect(await raw.locator('table').count()).toBe(0);
    await raw.getByText(da['data.raw']).click();
    await raw.locator('table').first().waitFor();
    await raw.getByText(da['data.raw']).click();
    await expect.poll(() => raw.locator('table').count()).toBe(0);
    await page.getByRole('button', { name: da['print.all'] }).click();
    await expect.poll(() => view.locator('.summary-list > li').count()).toBe(11_000);
    await context?.close();
  }, 120_000);

  it('opens 10,000 documents and a 5 MB text, drawing only a window of them', async () => {
    const base = material.data.cases as { case: unknown }[];
    const documents = Array.from({ length: 10_000 }, (_, i) => ({
      type: 'document',
      id: `big-dok-${i}`,
      version: 1,
      kind: 'document',
      title: `Brev nummer ${i + 1}`,
      date: `2025-${String((i % 12) + 1).padStart(2, '0')}-15`,
      direction: 'outgoing',
      content: { format: 'text', text: i === 0 ? 'Meget lang tekst. '.repeat(300_000) : `Indholdet af brev ${i + 1}.` },
    }));
    documents[0]!.date = '2025-01-01';
    const file = await caseBundle('big.handlerum', { cases: [{ case: base[0]!.case, documents }] }, []);
    const page = await openPage('da-DK');
    await openBundleInPage(page, file, da);
    const status = page.getByTestId('window-status');
    expect(await status.textContent()).toBe(da['window.range'].replace('{from}', '1').replace('{to}', '10').replace('{total}', '10.000'));
    expect(await page.getByTestId('readable-document').count()).toBe(10);
    // The 5 MB text is shortened on screen, whole on request.
    const first = page.getByTestId('readable-document').first();
    expect((await first.locator('.document-text').innerText()).length).toBeLessThan(10_000);
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(3_000);
    await page.getByRole('button', { name: da['data.next'] }).first().click();
    expect(await status.textContent()).toBe(da['window.range'].replace('{from}', '11').replace('{to}', '20').replace('{total}', '10.000'));
    expect(await page.getByTestId('readable-document').count()).toBe(10);
    await context?.close();
  }, 180_000);
});
