/**
 * A bank statement larger than one message (45,000 rows, ~27 MB of operations) in real Chromium:
 * saved in parts with a progress bar, yet as one transaction — all rows land, a re-import adds
 * nothing, and cancelling while the parts are sent stores none of them.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { STAGE_PART_OPS } from '../../src/messaging/api';
import {
  callBackground,
  chromiumForThisFile,
  createVault,
  DA,
  firstProfileId,
  moneyFilePicker,
  moneyImportStatus,
  moneyPreviewHeading,
  moneySaveButton,
  sectionsNav,
  text,
} from './harness/vault-ui';

const browser = chromiumForThisFile();

const ROWS = 45_000; // three parts: two staged, the last one commits
const HEADER = '"Dato";"Tekst";"Beløb";"Saldo";"Status";"Afstemt"';

/** `rows` distinct Danske Bank rows in Windows-1252; `offset` moves them to other days and texts. */
function statement(rows: number, offset: number): { name: string; mimeType: string; buffer: Buffer } {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const n = i + offset;
    const day = String(1 + (n % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(n / 28) % 12)).padStart(2, '0');
    const year = 2000 + (Math.floor(n / 336) % 26); // the text tells rows apart; the dates stay in the past
    lines.push(
      `"${day}.${month}.${year}";"Dankort-køb Netto Østerbro ${n}";"-${1 + (n % 500)},${String(n % 100).padStart(2, '0')}";"10.000,00";"Udført";"Nej"`,
    );
  }
  return { name: `danske-${offset}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1') };
}

async function stored(page: Page): Promise<number> {
  const result = await callBackground(page, 'listRecords', { profileId: await firstProfileId(page), kind: 'bank-transaction' });
  expect(result.value.damaged).toEqual([]);
  return result.value.records.length;
}

const count = (page: Page, which: 'new' | 'duplicate') => page.locator(`[data-count="${which}"] dd`).textContent();

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
    await moneySaveButton(page, ROWS).click();
    // Saving shows how far the parts have got.
    await page.getByRole('progressbar', { name: DA['money.import.savingLabel'] }).waitFor();
    await moneyImportStatus(page)
      .filter({ hasText: text(DA, 'money.import.done.other', { count: ROWS.toLocaleString('da-DK'), account: 'Danske Bank' }) })
      .waitFor({ timeout: 120_000 });
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
