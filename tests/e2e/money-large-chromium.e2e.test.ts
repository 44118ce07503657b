/**
 * A bank statement larger than one message (45,000 rows, ~27 MB of operations) in real Chromium:
 * saved in parts with a progress bar, yet as one transaction — all rows land, a re-import adds
 * nothing, and cancelling while the parts are sent stores none of them.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { STAGE_PART_OPS } from '../../src/messaging/api';
import { callBackground, chromiumForThisFile, createVault, DA, text } from './harness/vault-ui';

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
    lines.push(`"${day}.${month}.${year}";"Dankort-køb Netto Østerbro ${n}";"-${1 + (n % 500)},${String(n % 100).padStart(2, '0')}";"10.000,00";"Udført";"Nej"`);
  }
  return { name: `danske-${offset}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1') };
}

async function stored(page: Page): Promise<number> {
  const profiles = await callBackground(page, 'listProfiles');
  const result = await callBackground(page, 'listRecords', { profileId: profiles.value[0].id, kind: 'bank-transaction' });
  expect(result.value.damaged).toEqual([]);
  return result.value.records.length;
}

const count = (page: Page, which: 'new' | 'duplicate') => page.locator(`[data-count="${which}"] dd`).textContent();
const saveButton = (page: Page, n: number) => page.getByRole('button', { name: text(DA, 'money.preview.import', { count: n.toLocaleString('da-DK') }) });
const status = (page: Page) => page.locator('.money-import [role="status"]');
const picker = (page: Page) => page.getByLabel(DA['money.import.fileLabel']);

describe('a bank import larger than one message, in Chromium', () => {
  it('is saved in parts as one write; again adds nothing; cancelled while sending stores nothing', async () => {
    expect(ROWS).toBeGreaterThan(2 * STAGE_PART_OPS);
    const session = await browser.launch();
    const page = await session.openPage('vault.html');
    await createVault(page, { name: 'Thomas' });
    await page.getByRole('navigation', { name: DA['header.sections'] }).getByRole('button', { name: DA['section.money'] }).click();
    await page.getByText(DA['money.empty']).waitFor();

    await picker(page).setInputFiles(statement(ROWS, 0));
    await page.getByRole('heading', { name: DA['money.preview.heading'] }).waitFor({ timeout: 60_000 });
    expect(await count(page, 'new')).toBe(ROWS.toLocaleString('da-DK'));
    await saveButton(page, ROWS).click();
    // Saving shows how far the parts have got.
    await page.getByRole('progressbar', { name: DA['money.import.savingLabel'] }).waitFor();
    await status(page).filter({ hasText: text(DA, 'money.import.done', { added: ROWS.toLocaleString('da-DK'), account: 'Danske Bank' }) }).waitFor({ timeout: 120_000 });
    expect(await stored(page)).toBe(ROWS);

    await picker(page).setInputFiles(statement(ROWS, 0));
    await page.getByRole('heading', { name: DA['money.preview.heading'] }).waitFor({ timeout: 60_000 });
    expect(await count(page, 'new')).toBe('0');
    expect(await count(page, 'duplicate')).toBe(ROWS.toLocaleString('da-DK'));
    await page.getByRole('button', { name: DA['money.preview.cancel'] }).click();

    await picker(page).setInputFiles(statement(ROWS, ROWS));
    await page.getByRole('heading', { name: DA['money.preview.heading'] }).waitFor({ timeout: 60_000 });
    expect(await count(page, 'new')).toBe(ROWS.toLocaleString('da-DK'));
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
    await saveButton(page, ROWS).click();
    await status(page).filter({ hasText: DA['money.import.cancelled'] }).waitFor({ timeout: 60_000 });
    expect(await stored(page)).toBe(ROWS);
  }, 300_000);
});
