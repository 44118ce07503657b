/**
 * Statement files with several accounts, in real Chromium through the vault page: a camt.053
 * with a statement per account (one account in two statements) and an OFX file with two bank
 * accounts and a credit card. The preview shows each account's rows and counts; saving stores
 * every account's rows on its own account in one write; the same file again shows 0 new rows in
 * every account and adds nothing. Records are counted through the background. axe-core on each
 * new screen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  chromiumForThisFile,
  createVault,
  DA,
  expectAccessible,
  moneyFilePicker,
  moneyImportStatus,
  moneyPreviewHeading,
  moneySaveButton,
  recordsOfKind,
  screenshotPath,
  sectionsNav,
  text,
  textCount,
} from './harness/vault-ui';
import { accountRecordId } from '../../src/ui/money/ids';

const browser = chromiumForThisFile({ bypassCSP: true }); // bypassCSP: to inject axe-core
const FIXTURES = join(import.meta.dirname, '../fixtures/bank');
const fixture = (name: string, mimeType: string) => ({ name, mimeType, buffer: readFileSync(join(FIXTURES, name)) });
const CAMT = fixture('camt053-04-multi.xml', 'application/xml');
const OFX = fixture('ofx1-multi.ofx', 'application/x-ofx');

const CURRENT = 'DK5000400440116243';
const SAVINGS = '3409-1234567890';

/** The preview's part for one account, found by its heading as a screen reader user would. */
const part = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });
const account = (number: string) => text(DA, 'money.preview.partAccount', { number });
const card = (number: string) => text(DA, 'money.preview.partCard', { number });
async function counts(scope: Locator): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const which of ['new', 'duplicate', 'pending', 'skipped']) out[which] = (await scope.locator(`[data-count="${which}"] dd`).textContent()) ?? '';
  return out;
}
const rowTexts = (scope: Locator) => scope.locator('table.money-preview-rows tbody td:nth-child(3)').allTextContents();

describe('a bank file with several accounts, in Chromium', () => {
  let page: Page;

  it('previews a camt.053 with two accounts: each account’s rows and counts, each to its own new account', async () => {
    const session = await browser.launch();
    page = await session.openPage('vault.html');
    await createVault(page, { name: 'Thomas' });
    await sectionsNav(page).getByRole('button', { name: DA['section.money'] }).click();
    await page.getByText(DA['money.empty']).waitFor();

    await moneyFilePicker(page).setInputFiles(CAMT);
    await moneyPreviewHeading(page).waitFor();
    await page.getByText(textCount(DA, 'money.preview.accounts', 2)).waitFor();
    const current = part(page, account(CURRENT));
    const savings = part(page, account(SAVINGS));
    expect(await counts(current)).toEqual({ new: '5', duplicate: '0', pending: '0', skipped: '1' });
    expect(await counts(savings)).toEqual({ new: '2', duplicate: '0', pending: '1', skipped: '0' });
    // Rows from both halves of March are the current account's; the savings account has its own.
    expect(await rowTexts(current)).toEqual(['Løn marts', 'Føtex Århus C', 'Overførsel opsparing', 'Husleje april', 'Apoteket Åboulevarden']);
    expect(await rowTexts(savings)).toEqual(['Overførsel opsparing', 'Rente 1. kvartal', 'Dankort Bageriet Ærø']);
    await current.getByRole('table', { name: text(DA, 'money.preview.partTable', { account: account(CURRENT) }) }).waitFor();
    // The entry that is only information is skipped, and said so under its account.
    await current.getByText(DA['money.preview.skippedHeading']).waitFor();
    await expectAccessible(page, 'preview of two accounts');
    await page.screenshot({ path: screenshotPath('money-accounts-preview-da'), fullPage: true });

    // Each account gets its name; an empty name is refused where it is.
    await current.getByLabel(DA['money.preview.accountName'], { exact: true }).fill('');
    await moneySaveButton(page, 7).click();
    await current.getByText(DA['money.preview.accountNameMissing']).waitFor();
    expect(await savings.getByText(DA['money.preview.accountNameMissing']).count()).toBe(0);
    await expectAccessible(page, 'preview with a missing account name');
    await current.getByLabel(DA['money.preview.accountName'], { exact: true }).fill('Lønkonto');
    await savings.getByLabel(DA['money.preview.accountName'], { exact: true }).fill('Opsparing');
    await moneySaveButton(page, 7).click();
    await moneyImportStatus(page)
      .filter({ hasText: text(DA, 'money.import.done.other', { count: 7, account: 'Lønkonto og Opsparing' }) })
      .waitFor();

    const accounts = await recordsOfKind(page, 'bank-account');
    expect(accounts.map((a) => [a.id, a.data.label, a.data.accountNumber, (a.data.lastImport as { added: number }).added]).sort()).toEqual(
      [
        [accountRecordId(CURRENT), 'Lønkonto', CURRENT, 5],
        [accountRecordId(SAVINGS), 'Opsparing', SAVINGS, 2],
      ].sort(),
    );
    const rows = await recordsOfKind(page, 'bank-transaction');
    expect(rows).toHaveLength(7);
    // One write: every row of the import carries the same import id.
    expect(new Set(rows.map((r) => r.data.importId)).size).toBe(1);
    expect(rows.filter((r) => r.data.accountId === accountRecordId(CURRENT))).toHaveLength(5);
    expect(
      rows
        .filter((r) => r.data.accountId === accountRecordId(SAVINGS))
        .map((r) => r.data.text)
        .sort(),
    ).toEqual(['Overførsel opsparing', 'Rente 1. kvartal']);
    // The list can now be filtered by account.
    await page.getByLabel(DA['money.list.filterAccount'], { exact: true }).selectOption(accountRecordId(SAVINGS));
    await expect.poll(() => page.getByRole('table', { name: DA['money.list.heading'] }).locator('tbody tr').count()).toBe(2);
    await page.getByLabel(DA['money.list.filterAccount'], { exact: true }).selectOption('');
    await expectAccessible(page, 'transactions of two accounts');
  });

  it('the same camt.053 again: 0 new rows in every account, each found by its number, nothing added', async () => {
    await moneyFilePicker(page).setInputFiles(CAMT);
    await moneyPreviewHeading(page).waitFor();
    const current = part(page, account(CURRENT));
    const savings = part(page, account(SAVINGS));
    expect(await counts(current)).toEqual({ new: '0', duplicate: '5', pending: '0', skipped: '1' });
    expect(await counts(savings)).toEqual({ new: '0', duplicate: '2', pending: '1', skipped: '0' });
    expect(await current.getByLabel(DA['money.preview.account'], { exact: true }).inputValue()).toBe(accountRecordId(CURRENT));
    expect(await savings.getByLabel(DA['money.preview.account'], { exact: true }).inputValue()).toBe(accountRecordId(SAVINGS));
    await current.getByText(DA['money.preview.partNothingNew']).waitFor();
    expect(await current.getByRole('checkbox', { disabled: true, checked: false }).count()).toBe(5);
    await expectAccessible(page, 'preview of two accounts already imported');
    await moneySaveButton(page, 0).click();
    await moneyImportStatus(page).filter({ hasText: DA['money.import.doneNone'] }).waitFor();
    expect(await recordsOfKind(page, 'bank-transaction')).toHaveLength(7);
    expect(await recordsOfKind(page, 'bank-account')).toHaveLength(2);
  });

  it('an OFX with two bank accounts and a card: three accounts, the same FITID in each; again: 0 new everywhere', async () => {
    await moneyFilePicker(page).setInputFiles(OFX);
    await moneyPreviewHeading(page).waitFor();
    await page.getByText(textCount(DA, 'money.preview.accounts', 3)).waitFor();
    const parts = [part(page, account('4011223344')), part(page, account('4011998877')), part(page, card('4571XXXXXXXX1234'))];
    expect(await Promise.all(parts.map(async (p) => (await counts(p)).new))).toEqual(['3', '2', '2']);
    expect(await rowTexts(parts[2]!)).toEqual(['SAS Billetter', 'DSB Nørreport']);
    await expectAccessible(page, 'preview of an OFX with a card');
    await moneySaveButton(page, 7).click();
    await moneyImportStatus(page)
      .filter({ hasText: /^7 nye posteringer er gemt på / })
      .waitFor();
    const rows = await recordsOfKind(page, 'bank-transaction');
    expect(rows).toHaveLength(14);
    expect(
      rows
        .filter((r) => r.data.sourceId === '1001')
        .map((r) => r.data.accountId)
        .sort(),
    ).toEqual([accountRecordId('4011223344'), accountRecordId('4011998877'), accountRecordId('4571XXXXXXXX1234')].sort());
    expect(await recordsOfKind(page, 'bank-account')).toHaveLength(5);

    await moneyFilePicker(page).setInputFiles(OFX);
    await moneyPreviewHeading(page).waitFor();
    for (const p of parts) expect((await counts(p)).new).toBe('0');
    expect(await Promise.all(parts.map(async (p) => (await counts(p)).duplicate))).toEqual(['3', '2', '2']);
    await moneySaveButton(page, 0).click();
    await moneyImportStatus(page).filter({ hasText: DA['money.import.doneNone'] }).waitFor();
    expect(await recordsOfKind(page, 'bank-transaction')).toHaveLength(14);
    expect(await recordsOfKind(page, 'bank-account')).toHaveLength(5);
  });
});
