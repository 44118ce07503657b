/**
 * A bank statement larger than one message (45,000 rows, ~27 MB of operations) in real Chromium:
 * the preview draws one page of its rows (the document stays small, the keyboard reaches the
 * last row, axe is clean); it is saved in parts with a progress bar, yet as one transaction — all
 * rows land and the list shows them (from what the page wrote), a re-import adds nothing, and
 * cancelling while the parts are sent stores none of them.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { STAGE_PART_OPS } from '../../src/messaging/api';
import { danskeBankStatement as statement } from './harness/bank-statement';
import { MAX_ELEMENTS } from './harness/long-history';
import {
  callBackground,
  chromiumForThisFile,
  createVault,
  DA,
  expectAccessible,
  firstProfileId,
  moneyFilePicker,
  moneyImportStatus,
  moneyPreviewHeading,
  moneySaveButton,
  sectionsNav,
  text,
} from './harness/vault-ui';

const browser = chromiumForThisFile({ bypassCSP: true }); // bypassCSP: to inject axe-core

const ROWS = 45_000; // three parts: two staged, the last one commits
async function stored(page: Page): Promise<number> {
  const result = await callBackground(page, 'listRecords', { profileId: await firstProfileId(page), kind: 'bank-transaction' });
  expect(result.value.damaged).toEqual([]);
  return result.value.records.length;
}

const count = (page: Page, which: 'new' | 'duplicate') => page.locator(`[data-count="${which}"] dd`).textContent();
const elementCount = (page: Page) => page.evaluate(() => document.getElementsByTagName('*').length);
const focusedRowIndex = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex') ?? null);

/** The preview's table draws a page of its rows, announces them all, and End reaches the last. */
async function expectWindowedPreview(page: Page, rows: number): Promise<void> {
  const table = page.getByRole('table', { name: DA['money.preview.table'] });
  expect(await table.getAttribute('aria-rowcount')).toBe(String(rows + 1));
  const drawn = table.locator('tbody tr');
  expect(await drawn.count()).toBeLessThan(100);
  expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
  await drawn.first().focus();
  await page.keyboard.press('End');
  await expect.poll(() => focusedRowIndex(page), { timeout: 30_000 }).toBe(String(rows + 1));
  // The last row can be left out like any other, and the count follows.
  const last = table.locator(`tr[aria-rowindex="${rows + 1}"]`).getByRole('checkbox');
  await last.uncheck();
  await moneySaveButton(page, rows - 1).waitFor();
  await last.check();
  expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
  await expectAccessible(page, 'the preview of a 45,000-row file');
}

describe('a bank import larger than one message, in Chromium', () => {
  it('is saved in parts as one write; again adds nothing; cancelled while sending stores nothing', async () => {
    expect(ROWS).toBeGreaterThan(2 * STAGE_PART_OPS);
    const session = await browser.launch();
    const page = await session.openPage('vault.html');
    await createVault(page, { name: 'Thomas' });
    await sectionsNav(page).getByRole('button', { name: DA['section.money'] }).click();
    await page.getByText(DA['money.empty']).waitFor();

    await moneyFilePicker(page).setInputFiles(statement(ROWS, 0));
    await moneyPreviewHeading(page).waitFor({ timeout: 60_000 });
    expect(await count(page, 'new')).toBe(ROWS.toLocaleString('da-DK'));
    await expectWindowedPreview(page, ROWS);
    await moneySaveButton(page, ROWS).click();
    // Saving shows how far the parts have got.
    await page.getByRole('progressbar', { name: DA['money.import.savingLabel'] }).waitFor();
    await moneyImportStatus(page)
      .filter({ hasText: text(DA, 'money.import.done.other', { count: ROWS.toLocaleString('da-DK'), account: 'Danske Bank' }) })
      .waitFor({ timeout: 120_000 });
    // The list counts every row as soon as the save is done: it shows what the page wrote.
    expect(await page.getByTestId('money-list-summary').textContent()).toContain(ROWS.toLocaleString('da-DK'));
    expect(await stored(page)).toBe(ROWS);

    await moneyFilePicker(page).setInputFiles(statement(ROWS, 0));
    await moneyPreviewHeading(page).waitFor({ timeout: 60_000 });
    expect(await count(page, 'new')).toBe('0');
    expect(await count(page, 'duplicate')).toBe(ROWS.toLocaleString('da-DK'));
    await page.getByRole('button', { name: DA['money.preview.cancel'] }).click();

    await moneyFilePicker(page).setInputFiles(statement(ROWS, ROWS));
    await moneyPreviewHeading(page).waitFor({ timeout: 60_000 });
    expect(await count(page, 'new')).toBe(ROWS.toLocaleString('da-DK'));
    // This file shares no rows with the stored account, so it does not show whose it is: say it.
    await page.getByLabel(DA['money.preview.account']).selectOption({ label: 'Danske Bank' });
    await moneyPreviewHeading(page).waitFor();
    // The parts go quickly, so the cancel button is pressed the moment it appears (as an impatient
    // citizen would, but without the test's own round trips in between).
    await page.evaluate((label) => {
      const observer = new MutationObserver(() => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === label);
        if (button) {
          observer.disconnect();
          button.click();
        }
      });
      observer.observe(document.body, { childList: true, subtree: true });
    }, DA['money.import.cancelSaving']);
    await moneySaveButton(page, ROWS).click();
    await moneyImportStatus(page).filter({ hasText: DA['money.import.cancelled'] }).waitFor({ timeout: 60_000 });
    expect(await stored(page)).toBe(ROWS);
  }, 300_000);
});
