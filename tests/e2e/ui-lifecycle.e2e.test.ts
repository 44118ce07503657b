/**
 * The basic life of a vault, driven through the UI in real Chromium: create it, write notes,
 * lock, be refused with a wrong passphrase, unlock, and find everything again after a restart.
 */
import { describe, expect, it } from 'vitest';
import {
  addNote,
  callBackground,
  createVault,
  DA,
  lock,
  noteTitles,
  unlock,
  unlockAndWait,
  SLOW,
  chromiumForThisFile,
  screenshotPath,
} from './harness/vault-ui';

const browser = chromiumForThisFile();

describe('vault lifecycle through the UI', () => {
  it('creates a vault, keeps notes across lock, refuses a wrong passphrase, and survives a restart', async () => {
    let session = await browser.launch();
    const page = await session.openPage('vault.html');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('da');

    const recoveryKey = await createVault(page, { name: 'Søren Ærø' });
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){8}[0-9A-Z]{4}$/);
    await page.screenshot({ path: screenshotPath('ui-main-da'), fullPage: true });

    await addNote(page, 'Møde med kommunen', 'Tirsdag kl. 10 på rådhuset');
    await addNote(page, 'Tandlæge', 'Husk sygesikringskort');
    await addNote(page, 'Skat', 'Tjek forskudsopgørelsen');
    expect(await noteTitles(page)).toEqual(['Skat', 'Tandlæge', 'Møde med kommunen']);

    await lock(page);
    await unlock(page, 'helt forkert adgangsfrase her');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: DA['error.wrong-passphrase'] }).count(), SLOW).toBe(1);
    // Nothing changed: still locked, still on the unlock screen.
    const status = await callBackground(page, 'status');
    expect(status.value.state).toBe('locked');
    await page.screenshot({ path: screenshotPath('ui-unlock-wrong-da'), fullPage: true });

    await unlockAndWait(page);
    expect(await noteTitles(page)).toEqual(['Skat', 'Tandlæge', 'Møde med kommunen']);

    session = await browser.restart();
    const again = await session.openPage('vault.html');
    await unlockAndWait(again);
    expect(await noteTitles(again)).toEqual(['Skat', 'Tandlæge', 'Møde med kommunen']);
    await expect.poll(() => again.getByText('Tirsdag kl. 10 på rådhuset').count()).toBe(1);
  });
});
