/**
 * Sharing in real Chromium, as a citizen does it: the vault's key with fingerprint and QR code,
 * a recipient added by pasting their key, the wizard with a note, the approval screen, the
 * bundle downloaded and opened in Node with the recipient's key, the ledger, revoking, and the
 * popup's "who has my data" — with axe on every sharing screen.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { generateIdentity, openBundle } from '../../src/bundle/index';
import { addNote, chromiumForThisFile, createVault, DA, screenshotPath, text, expectAccessible } from './harness/vault-ui';

const browser = chromiumForThisFile({ bypassCSP: true });
const downloads = mkdtempSync(join(tmpdir(), 'handlerum-share-downloads-'));
afterAll(() => rmSync(downloads, { recursive: true, force: true }));

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

describe('sharing in Chromium', () => {
  it('shares a note with a pasted recipient: approval, download, open with their key, ledger, revoke, popup', async () => {
    const session = await browser.launch();
    const page = await session.openPage('vault.html');
    await createVault(page, { name: 'Thomas' });
    await addNote(page, 'Kostplan', 'Mindre sukker, mere grønt.');
    await addNote(page, 'Privat dagbog', 'Må ikke deles.');

    await page.getByRole('navigation', { name: DA['header.sections'] }).getByRole('button', { name: DA['section.sharing'] }).click();
    await page.getByRole('heading', { level: 2, name: text(DA, 'sharing.title', { name: 'Thomas' }) }).waitFor();

    // My key: fingerprint in groups of four, a QR code that names itself, no secret on the page.
    const fingerprint = page.locator('p.fingerprint[data-fingerprint]');
    await fingerprint.waitFor();
    const full = (await fingerprint.getAttribute('data-fingerprint'))!;
    expect(full).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await fingerprint.locator('.group').allTextContents()).toEqual(full.match(/.{1,4}/g)!.map((g, i, all) => (i < all.length - 1 ? `${g} ` : g)));
    await page.getByRole('img', { name: DA['sharing.identity.qr'] }).waitFor();
    expect(await page.locator('svg.qr rect').count()).toBeGreaterThan(100);
    expect(await page.content()).not.toMatch(/AGE-SECRET-KEY/);
    await expectAccessible(page, 'sharing overview');
    await page.screenshot({ path: screenshotPath('sharing-overview-da'), fullPage: true });

    // A recipient, added by pasting their age key.
    const lawyer = generateIdentity();
    await page.getByLabel(DA['sharing.recipients.pasteLabel']).fill(lawyer.recipient);
    await page.getByLabel(DA['sharing.recipients.nameLabel']).fill('Advokat Jensen');
    await page.getByRole('button', { name: DA['sharing.recipients.add'] }).click();
    await page.getByRole('heading', { level: 4, name: 'Advokat Jensen' }).waitFor();

    // The wizard, step by step; focus moves to each step's heading.
    await page.getByRole('button', { name: DA['sharing.start'] }).click();
    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.recipient'] }).waitFor();
    await expect.poll(() => focusedText(page)).toBe(DA['sharing.wizard.recipient']);
    await page.getByLabel(/Advokat Jensen/).check();
    await expectAccessible(page, 'wizard: recipient');
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();

    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.purpose'] }).waitFor();
    await expect.poll(() => focusedText(page)).toBe(DA['sharing.wizard.purpose']);
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();
    await page.getByText(DA['sharing.wizard.purposeMissing']).waitFor();
    await expectAccessible(page, 'wizard: purpose with an error');
    await page.getByLabel(DA['sharing.wizard.purposeLabel']).fill('Hjælp til madbudget');
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();

    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.data'] }).waitFor();
    await page.getByLabel('Kostplan').check();
    await expectAccessible(page, 'wizard: data');
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();

    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.expiry'] }).waitFor();
    const lastDay = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel(DA['sharing.wizard.expiryDateLabel']).fill(lastDay);
    await expectAccessible(page, 'wizard: expiry');
    await page.getByRole('button', { name: DA['sharing.wizard.next'] }).click();

    // The approval screen lists exactly what leaves, in plain words.
    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.approve'] }).waitFor();
    const items = page.locator('ul.approval-items li');
    await expect.poll(() => items.allTextContents()).toEqual([text(DA, 'sharing.item.note', { label: 'Kostplan' })]);
    await page.getByText('Hjælp til madbudget').waitFor();
    await expectAccessible(page, 'wizard: approval');
    await page.screenshot({ path: screenshotPath('sharing-approval-da'), fullPage: true });
    await page.getByRole('button', { name: DA['sharing.wizard.approveButton'] }).click();

    await page.getByRole('heading', { level: 3, name: DA['sharing.wizard.done'] }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: DA['sharing.wizard.download'] }).click()]);
    expect(download.suggestedFilename()).toMatch(/^handlerum-deling-\d{4}-\d{2}-\d{2}\.hrbundle$/);
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    await page.getByRole('status').filter({ hasText: DA['sharing.delivery.ok.download'] }).waitFor();
    await expectAccessible(page, 'wizard: done');

    // The bundle opens in Node with the recipient's key, and holds the one approved note only.
    const opened = await openBundle(new Uint8Array(readFileSync(file)), { identity: lawyer.identity, now: new Date() });
    if (!opened.ok) throw new Error(`${opened.reason}: ${opened.detail}`);
    expect(opened.manifest.issuer.name).toBe('Thomas');
    expect(opened.manifest.purpose.text.da).toBe('Hjælp til madbudget');
    expect(opened.manifest.expiresAt.slice(0, 10)).toBe(lastDay);
    expect(opened.data).toEqual({ notes: [expect.objectContaining({ title: 'Kostplan', body: 'Mindre sukker, mere grønt.' })] });
    expect(JSON.stringify(opened)).not.toContain('dagbog');

    // The ledger shows it active; the popup's "who has my data" lists it.
    await page.getByRole('button', { name: DA['sharing.wizard.finish'] }).click();
    const ledger = page.getByRole('list', { name: DA['sharing.grants.listLabel'] });
    const grant = ledger.getByRole('listitem').filter({ hasText: 'Advokat Jensen' }).first();
    await grant.getByText(DA['sharing.grants.status.active'], { exact: true }).waitFor();
    await page.getByRole('list', { name: DA['sharing.log.listLabel'] }).getByText(text(DA, 'sharing.log.type.share', { recipient: 'Advokat Jensen', purpose: 'Hjælp til madbudget' })).waitFor();

    const popup = await session.openPage('popup.html');
    await popup.getByRole('button', { name: DA['popup.whoHas'] }).click();
    await popup.getByRole('heading', { name: DA['popup.whoHasHeading'] }).waitFor();
    await popup.getByText(/Advokat Jensen har Noten „Kostplan“/).waitFor();
    await expectAccessible(popup, 'popup: who has my data');
    await popup.close();

    // Revoke, with the honest explanation; the ledger says revoked, the popup lists nobody.
    await grant.getByRole('button', { name: DA['sharing.grants.revoke'] }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(text(DA, 'sharing.grants.revokeConfirm', { name: 'Advokat Jensen' })).waitFor();
    await expectAccessible(page, 'revoke confirmation');
    await dialog.getByRole('button', { name: DA['sharing.grants.revoke'] }).click();
    await page.getByRole('status').filter({ hasText: text(DA, 'sharing.grants.revokedNoEndpoint', { name: 'Advokat Jensen' }) }).waitFor();
    await grant.getByText(DA['sharing.grants.status.revoked'], { exact: true }).waitFor();

    await page.getByRole('button', { name: DA['sharing.log.verify'] }).click();
    await page.getByRole('status').filter({ hasText: text(DA, 'sharing.log.valid', { count: 2 }) }).waitFor();
    await expectAccessible(page, 'sharing after revoking');

    const popupAfter = await session.openPage('popup.html');
    await popupAfter.getByRole('button', { name: DA['popup.whoHas'] }).click();
    await popupAfter.getByText(DA['popup.whoHasNone']).waitFor();
    await popupAfter.close();
  });
});
