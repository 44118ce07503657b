/**
 * The share wizard by keyboard alone, in real Chromium against the reference municipality:
 * Thomas opens his rehabilitation case (27 documents) in the step "Hvilke oplysninger?", finds
 * it by its plain name, chooses three documents and not the other 24 (the case's box then
 * shows "some"), and shares them with his lawyer as a file. The approval screen lists exactly
 * those three under the case; the bundle, opened with the receiver SDK, holds exactly those
 * three documents; the ledger lists the download. axe-core finds no serious or critical
 * violation on the wizard's steps, in Danish and in English.
 *
 * Setting up (the vault, signing in, adding the lawyer) is not the wizard and uses the mouse
 * as the other tests do; from "Del noget" to the download only Tab, Shift+Tab, Space, Enter
 * and typing are used.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity } from '../../src/bundle/index';
import { explainTopic } from '../../src/municipal/plain-language/index';
import { startMunicipalityServer, type RunningMunicipality } from '../../src/municipality-server/server';
import { open } from '../../src/receiver/sdk';
import { reportCleanupFailure } from '../unit/support/cleanup';
import { buildWithHostPermissions, launchChromium, newProfileDir, removeProfileDir, type ChromiumSession } from './harness/chromium';
import { addMunicipalityAndSignIn, createVault, DA, EN, expectAccessible, keepPagesOnFailure, screenshotPath, text, type Catalogue } from './harness/vault-ui';

const REHAB_KLE = '15.17.18';
const CHOSEN = ['Lægeattest (LÆ 265)', 'Rehabiliteringsplan – forberedende del', 'Fuldmagt til advokat Karen Lund'];
const PURPOSE = 'Hjælp med sagen om arbejdsevne';

let municipality: RunningMunicipality;
const sessions: ChromiumSession[] = [];
const profileDirs: string[] = [];
const granted = buildWithHostPermissions(['http://127.0.0.1/*']);
const downloads = mkdtempSync(join(tmpdir(), 'handlerum-wizard-downloads-'));
const lawyer = generateIdentity();
keepPagesOnFailure(() => sessions.map((s) => s.context));

beforeAll(async () => {
  municipality = await startMunicipalityServer({ port: 0, testMode: true });
});
afterAll(async () => {
  for (const s of sessions) await s.close().catch(reportCleanupFailure);
  await municipality?.close();
  for (const dir of profileDirs) removeProfileDir(dir);
  granted.remove();
  rmSync(downloads, { recursive: true, force: true });
});

/** A vault for Thomas, signed in and synced, with his lawyer added by pasting her key; the sharing section open. */
async function thomasWithLawyer(locale: 'da-DK' | 'en-US', c: Catalogue): Promise<Page> {
  const profileDir = newProfileDir();
  profileDirs.push(profileDir);
  // bypassCSP: to inject axe-core
  const session = await launchChromium({ profileDir, extensionDir: granted.dir, bypassCSP: true, locale });
  sessions.push(session);
  const page = await session.openPage('vault.html');
  await createVault(page, { name: 'Thomas', c });
  const sections = page.getByRole('navigation', { name: c['header.sections'] });
  await sections.getByRole('button', { name: c['section.municipality'] }).click();
  await addMunicipalityAndSignIn(page, municipality.url, 'thomas', c);
  const done = c['muni.syncDone.other'].split('{count}');
  await page.getByText(new RegExp(`^${done[0]}[\\d.,]+${done[1]!.replace('.', '\\.')}$`)).waitFor({ timeout: 90_000 });
  await sections.getByRole('button', { name: c['section.sharing'] }).click();
  await page.getByLabel(c['sharing.recipients.pasteLabel']).fill(lawyer.recipient);
  await page.getByLabel(c['sharing.recipients.nameLabel']).fill('Advokat Lund');
  await page.getByRole('button', { name: c['sharing.recipients.add'] }).click();
  await page.getByRole('heading', { level: 4, name: 'Advokat Lund' }).waitFor();
  return page;
}

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/**
 * Moves the focus to `target` with Tab (or Shift+Tab when it lies before the focus), as a
 * keyboard user does; fails if it cannot be reached that way.
 */
async function tabTo(page: Page, target: Locator, limit = 150): Promise<void> {
  await target.waitFor();
  const backwards = await target.evaluate((el) => {
    const active = document.activeElement;
    return active !== null && active !== document.body && (el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  });
  for (let i = 0; i < limit; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`not reached by keyboard in ${limit} presses: ${String(target)}`);
}

const press = async (page: Page, target: Locator, key: 'Enter' | 'Space') => {
  await tabTo(page, target);
  await page.keyboard.press(key);
};

/** The rehabilitation case's group in the data step: named by its plain title. */
const rehabGroup = (page: Page, lang: 'da' | 'en') => page.getByRole('group', { name: new RegExp(`^${escape(explainTopic(REHAB_KLE, lang)!.plainTitle)}`) });

describe('the share wizard, by keyboard', () => {
  it('shares three chosen documents of a 27-document case with the lawyer, and exactly those leave', async () => {
    const page = await thomasWithLawyer('da-DK', DA);
    const next = page.getByRole('button', { name: DA['sharing.wizard.next'] });

    await press(page, page.getByRole('button', { name: DA['sharing.start'] }), 'Enter');
    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.recipient'] }).waitFor();
    // The only recipient is chosen already; Space on its radio keeps it so.
    await press(page, page.getByRole('radio', { name: /Advokat Lund/ }), 'Space');
    expect(await page.getByRole('radio', { name: /Advokat Lund/ }).isChecked()).toBe(true);
    await press(page, next, 'Enter');

    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.purpose'] }).waitFor();
    await tabTo(page, page.getByLabel(DA['sharing.wizard.purposeLabel']));
    await page.keyboard.type(PURPOSE);
    await press(page, next, 'Enter');

    // The data step: the case by its plain name, KLE code and case number beside it.
    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.data'] }).waitFor();
    const group = rehabGroup(page, 'da');
    const legend = (await group.locator('legend').first().textContent()) ?? '';
    expect(legend).toContain(`KLE ${REHAB_KLE}`);
    expect(legend).not.toContain('Rehabiliteringsteam – afklaring af arbejdsevne');
    await expectAccessible(page, 'wizard: data, cases closed');

    const disclosure = group.getByRole('button', { name: DA['sharing.wizard.chooseSingle'] });
    expect(await disclosure.getAttribute('aria-expanded')).toBe('false');
    await press(page, disclosure, 'Enter');
    await group.getByRole('button', { name: DA['sharing.wizard.hideSingle'] }).waitFor();
    expect(await group.getByRole('button', { name: DA['sharing.wizard.hideSingle'] }).getAttribute('aria-expanded')).toBe('true');

    // 27 documents, twenty at a time: "show more" by keyboard, the focus lands on the first new one.
    const documents = group.getByRole('group', { name: text(DA, 'sharing.wizard.part.documents', { count: 27 }) });
    const records = documents.locator('ul.case-records > li');
    expect(await records.count()).toBe(20);
    const more = documents.getByRole('button', { name: text(DA, 'sharing.wizard.showMore', { page: 7, rest: 7 }) });
    await press(page, more, 'Enter');
    await expect.poll(() => records.count()).toBe(27);
    const firstNew = await records.nth(20).locator('input').getAttribute('id');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(firstNew);

    for (const title of CHOSEN) await press(page, documents.getByRole('checkbox', { name: new RegExp(`^${escape(title)}`) }), 'Space');
    for (const title of CHOSEN) expect(await documents.getByRole('checkbox', { name: new RegExp(`^${escape(title)}`) }).isChecked()).toBe(true);
    expect(await documents.getByRole('checkbox', { checked: true }).count()).toBe(3);
    // The case's and the part's "all" boxes say "some".
    const mixed = (box: Locator) => box.evaluate((el) => (el as HTMLInputElement).indeterminate && !(el as HTMLInputElement).checked);
    expect(await mixed(group.getByRole('checkbox', { name: DA['sharing.wizard.wholeCase'] }))).toBe(true);
    expect(await mixed(documents.getByRole('checkbox', { name: DA['sharing.wizard.partAll.documents'] }))).toBe(true);
    await group.getByText(/^Valgt: 3 dokumenter af 27 \(ca\. [\d,]+ (kB|MB)\)$/).waitFor();
    await expectAccessible(page, 'wizard: data, a case opened with three documents chosen');
    await page.screenshot({ path: screenshotPath('share-wizard-data-da'), fullPage: true });
    await press(page, next, 'Enter');

    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.expiry'] }).waitFor();
    await expectAccessible(page, 'wizard: expiry');
    await press(page, next, 'Enter');

    // The approval lists the case once, and under it exactly the three documents, by title and date.
    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.approve'] }).waitFor({ timeout: 30_000 });
    const approval = page.locator('.approval');
    expect(await approval.locator('ul.approval-items > li').count()).toBe(1);
    const lines = await approval.locator('ul.approval-records > li').allTextContents();
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => l.replace(/, \d{1,2}\. \S+ \d{4}$/, '')).sort()).toEqual(
      CHOSEN.map((t) => text(DA, 'sharing.wizard.entry.documents', { title: t })).sort(),
    );
    await expectAccessible(page, 'wizard: approval of three documents');
    await page.screenshot({ path: screenshotPath('share-wizard-approval-da'), fullPage: true });
    await press(page, page.getByRole('button', { name: DA['sharing.wizard.approveButton'] }), 'Enter');

    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.done'] }).waitFor({ timeout: 60_000 });
    const downloadButton = page.getByRole('button', { name: DA['sharing.wizard.download'] });
    await tabTo(page, downloadButton);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    await page.getByRole('status').filter({ hasText: DA['sharing.delivery.ok.download'] }).waitFor();
    await expectAccessible(page, 'wizard: done');

    // The bundle holds the case and exactly those three documents, and the PDFs of the two that have one.
    const opened = await open(new Uint8Array(readFileSync(file)), { identity: lawyer.identity, now: new Date() });
    if (!opened.ok) throw new Error(`${opened.reason}: ${opened.detail}`);
    const cases = opened.data.cases as { case: { kle: { code: string } }; documents?: { title: string }[]; decisions?: unknown }[];
    expect(cases).toHaveLength(1);
    expect(cases[0]!.case.kle.code).toBe(REHAB_KLE);
    expect(cases[0]!.documents!.map((d) => d.title).sort()).toEqual([...CHOSEN].sort());
    expect(Object.keys(cases[0]!).sort()).toEqual(['case', 'documentFiles', 'documents']);
    expect(opened.files.filter((f) => f.path.startsWith('files/documents/'))).toHaveLength(2);

    // The ledger lists the download with its time.
    await press(page, page.getByRole('button', { name: DA['sharing.wizard.finish'] }), 'Enter');
    const grant = page.getByRole('article', { name: text(DA, 'sharing.grants.to', { name: 'Advokat Lund', purpose: PURPOSE }) });
    const deliveries = grant.getByRole('list', { name: DA['sharing.grants.deliveries'] });
    expect(await deliveries.getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(/^Hentet som fil .+\.$/)]);
  });

  it('has no serious or critical axe violations on the wizard in English', async () => {
    const page = await thomasWithLawyer('en-US', EN);
    await page.getByRole('button', { name: EN['sharing.start'] }).click();
    await page.getByRole('heading', { level: 3, name: EN['sharing.wizard.recipient'] }).waitFor();
    await expectAccessible(page, 'wizard (en): recipient');
    await page.getByRole('button', { name: EN['sharing.wizard.next'] }).click();
    await page.getByLabel(EN['sharing.wizard.purposeLabel']).fill('Help with my case');
    await expectAccessible(page, 'wizard (en): purpose');
    await page.getByRole('button', { name: EN['sharing.wizard.next'] }).click();

    await page.getByRole('heading', { level: 3, name: EN['sharing.wizard.data'] }).waitFor();
    const group = rehabGroup(page, 'en');
    await group.getByRole('button', { name: EN['sharing.wizard.chooseSingle'] }).click();
    // A recent one: it is among the first twenty, newest first.
    const documents = group.getByRole('group', { name: text(EN, 'sharing.wizard.part.documents', { count: 27 }) });
    await documents.getByRole('checkbox', { name: new RegExp(`^${escape(CHOSEN[1]!)}`) }).check();
    await group.getByText(/^Chosen: 1 document of 27 \(about [\d.]+ (kB|MB)\)$/).waitFor();
    await expectAccessible(page, 'wizard (en): data, a case opened');
    await page.getByRole('button', { name: EN['sharing.wizard.next'] }).click();
    await page.getByRole('heading', { level: 3, name: EN['sharing.wizard.expiry'] }).waitFor();
    await expectAccessible(page, 'wizard (en): expiry');
    await page.getByRole('button', { name: EN['sharing.wizard.next'] }).click();
    await page.getByRole('heading', { level: 3, name: EN['sharing.wizard.approve'] }).waitFor({ timeout: 30_000 });
    expect(await page.locator('.approval ul.approval-records > li').allTextContents()).toEqual([
      expect.stringMatching(new RegExp(`^${escape(text(EN, 'sharing.wizard.entry.documents', { title: CHOSEN[1]! }))}, \\d{1,2} \\w+ \\d{4}$`)),
    ]);
    await expectAccessible(page, 'wizard (en): approval');
    await page.screenshot({ path: screenshotPath('share-wizard-approval-en'), fullPage: true });
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
