/**
 * The basic life of a vault, driven through the UI in real Chromium: create it, write notes,
 * lock, be refused with a wrong passphrase, unlock, and find everything again after a restart.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium, newProfileDir, removeProfileDir, type ChromiumSession } from './harness/chromium';
import { addNote, callBackground, createVault, DA, lock, noteTitles, unlock, unlockAndWait, SLOW, keepPagesOnFailure } from './harness/vault-ui';

const profileDir = newProfileDir();
let session: ChromiumSession | null = null;

keepPagesOnFailure(() => [session?.context]);

afterAll(async () => {
  await session?.close();
  removeProfileDir(profileDir);
});

describe('vault lifecycle through the UI', () => {
  it('creates a vault, keeps notes across lock, refuses a wrong passphrase, and survives a restart', async () => {
    session = await launchChromium({ profileDir });
    const page = await session.openPage('vault.html');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('da');

    const recoveryKey = await createVault(page, { name: 'Søren Ærø' });
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){8}[0-9A-Z]{4}$/);
    await page.screenshot({ path: '/work/main/.tmp/ui-main-da.png', fullPage: true });

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
    await page.screenshot({ path: '/work/main/.tmp/ui-unlock-wrong-da.png', fullPage: true });

    await unlockAndWait(page);
    expect(await noteTitles(page)).toEqual(['Skat', 'Tandlæge', 'Møde med kommunen']);

    await session.close();
    session = await launchChromium({ profileDir });
    const again = await session.openPage('vault.html');
    await unlockAndWait(again);
    expect(await noteTitles(again)).toEqual(['Skat', 'Tandlæge', 'Møde med kommunen']);
    await expect.poll(() => again.getByText('Tirsdag kl. 10 på rådhuset').count()).toBe(1);
  });
});
