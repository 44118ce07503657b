/**
 * Accessibility of every screen with axe-core (no serious or critical violations), plus the
 * focus handling a screen reader and keyboard user relies on.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  addNote,
  backupBadge,
  DA,
  lock,
  openSection,
  PASSPHRASE,
  seriousAxeViolations,
  SLOW,
  text,
  chromiumForThisFile,
  screenshotPath,
  expectAccessible,
} from './harness/vault-ui';

const browser = chromiumForThisFile({ bypassCSP: true });

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

describe('accessibility of the vault page and the popup', () => {
  it('has no serious or critical axe violations on any screen, and moves focus to each new screen', async () => {
    let session = await browser.launch();
    const popup = await session.openPage('popup.html');
    await popup.getByRole('link', { name: DA['popup.create'] }).waitFor();
    await expectAccessible(popup, 'popup, no vault');

    const page = await session.openPage('vault.html');
    await page.getByRole('heading', { level: 1, name: DA['create.title'] }).waitFor();
    await expect.poll(() => focusedText(page)).toBe(DA['create.title']);
    await expectAccessible(page, 'create');
    // With the validation messages shown.
    await page.getByRole('button', { name: DA['create.submit'] }).click();
    await page.getByRole('alert').filter({ hasText: DA['create.nameMissing'] }).waitFor();
    await expectAccessible(page, 'create with errors');

    await page.getByLabel(DA['create.name'], { exact: true }).fill('Aisha');
    await page.getByLabel(DA['passphrase.label'], { exact: true }).fill(PASSPHRASE);
    await page.getByLabel(DA['passphrase.confirm'], { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: DA['create.submit'] }).click();
    await page.getByRole('heading', { level: 1, name: DA['recovery.title'] }).waitFor(SLOW);
    await expect.poll(() => focusedText(page)).toBe(DA['recovery.title']);
    await expectAccessible(page, 'recovery key');
    await page.screenshot({ path: screenshotPath('ui-recovery-da'), fullPage: true });
    const key = (await page.getByTestId('recovery-key').textContent())!.trim();
    await page.getByLabel(DA['recovery.confirmLabel']).fill('XXXX');
    await page.getByRole('button', { name: DA['recovery.done'] }).click();
    await page.getByRole('alert').filter({ hasText: DA['recovery.confirmWrong'] }).waitFor();
    await page.getByLabel(DA['recovery.confirmLabel']).fill(key.split('-').at(-1)!);
    await page.getByRole('button', { name: DA['recovery.done'] }).click();

    // A new vault lands on the overview's first steps.
    await page.getByRole('heading', { level: 3, name: DA['steps.title'] }).waitFor();
    await expect.poll(() => focusedText(page)).toBe(DA['app.name']);
    await expectAccessible(page, 'overview, first steps');
    await openSection(page, 'section.notes');
    await page.getByRole('heading', { level: 2, name: text(DA, 'notes.title', { name: 'Aisha' }) }).waitFor();
    await addNote(page, 'Jobcenter', 'Samtale mandag');
    await expectAccessible(page, 'main (notes)');
    await page.getByRole('button', { name: DA['common.delete'] }).click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'delete confirmation');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // The sections are reached and opened with the keyboard alone; focus lands on the heading.
    const nav = page.getByRole('navigation', { name: DA['header.sections'] });
    await nav.getByRole('button', { name: DA['section.profiles'] }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedText(page)).toBe(DA['profiles.title']);
    // Changes and no backup yet, but only a few: a quiet badge on the backup section, no banner.
    await backupBadge(page).waitFor({ state: 'attached' });
    expect(await backupBadge(page).textContent()).toBe(DA['reminder.badge']);
    expect(await nav.getByRole('button', { name: DA['section.backup'] }).getAttribute('aria-describedby')).toBe('backup-badge');
    expect(await page.getByRole('region', { name: DA['reminder.title'] }).count()).toBe(0);
    await expectAccessible(page, 'profiles, with the backup badge');

    await openSection(page, 'section.settings');
    await expect.poll(() => focusedText(page)).toBe(DA['settings.title']);
    await expectAccessible(page, 'settings');

    await openSection(page, 'section.backup');
    await expect.poll(() => focusedText(page)).toBe(DA['backup.title']);
    await expectAccessible(page, 'backup');

    await popup.reload();
    await popup.getByRole('button', { name: DA['popup.lockNow'] }).waitFor();
    await popup.getByText('Jobcenter', { exact: false }).waitFor();
    await expectAccessible(popup, 'popup, unlocked');
    await popup.screenshot({ path: screenshotPath('ui-popup-unlocked-da'), fullPage: true });

    await lock(page);
    await expect.poll(() => focusedText(page)).toBe(DA['unlock.title']);
    await expectAccessible(page, 'unlock');
    await page.getByRole('button', { name: DA['unlock.forgot'] }).click();
    await page.getByRole('heading', { level: 1, name: DA['forgot.title'] }).waitFor();
    await expectAccessible(page, 'forgot passphrase');

    // The popup follows the lock, and can unlock by itself.
    await popup.getByLabel(DA['passphrase.label'], { exact: true }).waitFor();
    await expectAccessible(popup, 'popup, locked');
    await popup.screenshot({ path: screenshotPath('ui-popup-locked-da'), fullPage: true });
    await popup.getByLabel(DA['passphrase.label'], { exact: true }).fill(PASSPHRASE);
    await popup.getByRole('button', { name: DA['unlock.submit'] }).click();
    await popup.getByRole('button', { name: DA['popup.lockNow'] }).waitFor(SLOW);
    // The vault page, on its forgot screen, is still there; a fresh vault page opens unlocked.
    const again = await session.openPage('vault.html');
    await again.getByRole('navigation', { name: DA['header.sections'] }).waitFor();

    // The check itself can fail: an image without a text alternative is reported.
    await again.evaluate(() => document.body.append(Object.assign(document.createElement('img'), { src: 'x.png' })));
    expect((await seriousAxeViolations(again)).map((v) => v.id)).toContain('image-alt');
  });
});
