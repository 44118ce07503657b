/**
 * The citizen's own long lists in real Chromium: 5,000 notes on one case (the notes section and
 * the case page's own notes), the share wizard's approval of a case with over 5,000 records, and
 * 500 recipients. Each list draws one page of rows while it announces the full count (the whole
 * document stays under 3,000 elements), the keyboard's End reaches the last row, and axe stays
 * clean. No timing is asserted.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateIdentity } from '../../src/bundle/index';
import { Document, type Case } from '../../src/municipal/api/schemas';
import { MAX_ELEMENTS } from './harness/long-history';
import { LOOPBACK_HOST, municipalityForThisFile, servedRecords } from './harness/municipality';
import { VaultApi } from './harness/vault-api';
import {
  chromiumForThisFile,
  connectMunicipalityFromEmptyOverview,
  createVault,
  DA,
  expectAccessible,
  firstProfileId,
  recordsOfKind,
  screenHeading,
  sectionsNav,
  text,
} from './harness/vault-ui';

const NOTES = 5_000;
const EXTRA_RECORDS = 5_000;
const RECIPIENTS = 500;
const REHAB_KLE = '15.17.18';

const server = municipalityForThisFile();
const browser = chromiumForThisFile({ hostPermissions: [LOOPBACK_HOST], bypassCSP: true }); // bypassCSP: to inject axe-core

const elementCount = (page: Page) => page.evaluate(() => document.getElementsByTagName('*').length);
const focusedPosition = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-posinset') ?? null);

/** A windowed list of more than one page: fewer rows drawn than it holds, End reaches the last, the DOM stays small. */
async function expectWindowedList(page: Page, list: Locator, size: number): Promise<void> {
  const rows = list.locator(':scope > li');
  await rows.first().waitFor({ timeout: 120_000 });
  expect(Number(await rows.first().getAttribute('aria-setsize'))).toBe(size);
  expect(await rows.count()).toBeLessThan(size);
  expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
  await rows.first().focus();
  await page.keyboard.press('End');
  await expect.poll(() => focusedPosition(page), { timeout: 30_000 }).toBe(String(size));
  expect(await elementCount(page)).toBeLessThan(MAX_ELEMENTS);
  await page.keyboard.press('Home');
  await expect.poll(() => focusedPosition(page), { timeout: 30_000 }).toBe('1');
}

describe('the citizen’s own long lists draw a window of rows', () => {
  let page: Page;
  let api: VaultApi;
  let profileId: string;
  let rehab: Case;

  it('syncs Thomas with 5,000 more journal notes in his rehabilitation case, and writes 5,000 notes on it', async () => {
    rehab = servedRecords<Case>(server, 'thomas', 'cases').find((c) => c.kle.code === REHAB_KLE)!;
    const ledger = server.state.ledger('thomas');
    for (let i = 0; i < EXTRA_RECORDS; i++) {
      const day = new Date(Date.UTC(2025, 0, 1) + (i % 600) * 86_400_000).toISOString().slice(0, 10);
      const note = Document.parse({
        type: 'document',
        id: `rehab-extra-${i}`,
        version: 1,
        updatedAt: `${day}T09:00:00+01:00`,
        kind: 'journal-note',
        caseId: rehab.id,
        title: `Journalnotat ${i + 1}`,
        date: day,
        direction: 'internal',
        content: { format: 'text', text: `Opfølgning nummer ${i + 1}.` },
      });
      ledger.put('documents', note as Parameters<typeof ledger.put>[1]);
    }

    page = await (await browser.launch()).openPage('vault.html');
    await createVault(page, { name: 'Thomas' });
    await connectMunicipalityFromEmptyOverview(page, server.url, { timeoutMs: 300_000 });
    await screenHeading(page, DA['now.title']).waitFor({ timeout: 120_000 });
    api = VaultApi.playwright(page);
    profileId = await firstProfileId(page);
    const caseId = (await recordsOfKind(page, 'municipal-case')).find((r) => (r.data.record as { id: string }).id === rehab.id)!.id;
    const ops = Array.from({ length: NOTES }, (_, i) => ({
      op: 'put' as const,
      profileId,
      kind: 'note',
      data: { title: `Note ${i + 1}`, body: 'Til mødet med rehabiliteringsteamet.', attachedTo: { kind: 'municipal-case', id: caseId } },
    }));
    await api.ok('writeRecords', { ops });
  }, 600_000);

  it('draws a page of the 5,000 notes, and End reaches the last', async () => {
    await sectionsNav(page).getByRole('button', { name: DA['section.notes'] }).click();
    await expectWindowedList(page, page.getByRole('list', { name: DA['notes.listLabel'] }), NOTES);
    await expectAccessible(page, 'notes, 5,000');
  }, 300_000);

  it('draws a page of a case’s own notes on the case page', async () => {
    await sectionsNav(page).getByRole('button', { name: DA['section.overview'] }).click();
    await page.getByRole('region', { name: DA['now.openCases'] }).getByRole('link', { name: 'Rehabiliteringsteamet' }).click();
    const notes = page.getByRole('list', { name: DA['case.notes'] });
    await expectWindowedList(page, notes, NOTES);
    await expectAccessible(page, 'a case with 5,000 notes');
  }, 300_000);

  it('lists a case of more than 5,000 records on the approval screen a page at a time', async () => {
    const lawyer = generateIdentity();
    await api.ok('recipientAdd', { profileId, source: 'paste', text: lawyer.recipient, name: 'Advokat Lund' });
    await sectionsNav(page).getByRole('button', { name: DA['section.sharing'] }).click();
    await page.getByRole('button', { name: DA['sharing.start'] }).click();
    const next = page.getByRole('button', { name: DA['sharing.wizard.next'] });
    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.recipient'] }).waitFor();
    await next.click();
    await page.getByLabel(DA['sharing.wizard.purposeLabel']).fill('Hele sagen til advokaten');
    await next.click();
    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.data'] }).waitFor({ timeout: 120_000 });
    const chosen = page.locator('fieldset.case-choice').filter({ hasText: `KLE ${REHAB_KLE}` });
    await chosen.getByRole('checkbox', { name: DA['sharing.wizard.wholeCase'] }).check();
    await next.click();
    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.expiry'] }).waitFor();
    await next.click();

    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.approve'] }).waitFor({ timeout: 300_000 });
    const records = page.locator('.approval ul.approval-records');
    await records.locator(':scope > li').first().waitFor({ timeout: 120_000 });
    const size = Number(await records.locator(':scope > li').first().getAttribute('aria-setsize'));
    expect(size).toBeGreaterThan(EXTRA_RECORDS);
    await expectWindowedList(page, records, size);
    // The lawyer only gets a file: the screen does not promise that a withdrawal reaches her.
    await page.getByText(text(DA, 'sharing.wizard.approveHonestFileOnly', { name: 'Advokat Lund' })).waitFor();
    await expectAccessible(page, 'approval of a case with 5,000 records');
  }, 600_000);

  it('draws a page of 500 recipients, and End reaches the last', async () => {
    for (let i = 1; i < RECIPIENTS; i++) {
      await api.ok('recipientAdd', { profileId, source: 'paste', text: generateIdentity().recipient, name: `Modtager ${i + 1}` });
    }
    await page.reload();
    await sectionsNav(page).getByRole('button', { name: DA['section.sharing'] }).click();
    await expectWindowedList(page, page.getByRole('list', { name: DA['sharing.recipients.listLabel'] }), RECIPIENTS);
    await expectAccessible(page, 'sharing, 500 recipients');
  }, 600_000);
});
