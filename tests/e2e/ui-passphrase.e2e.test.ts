/** Changing the passphrase, and getting in with the recovery key after forgetting it. */
import { describe, expect, it } from 'vitest';
import {
  addNote,
  createVault,
  DA,
  lock,
  noteTitles,
  openSection,
  PASSPHRASE,
  SLOW,
  unlock,
  unlockAndWait,
  chromiumForThisFile,
  screenshotPath,
} from './harness/vault-ui';

const browser = chromiumForThisFile();

describe('passphrase change and recovery through the UI', () => {
  it('changes the passphrase, then recovers with the recovery key', async () => {
    let session = await browser.launch();
    const page = await session.openPage('vault.html');
    const recoveryKey = await createVault(page, { name: 'Karen' });
    await addNote(page, 'Pension', 'Brev fra Udbetaling Danmark');

    await openSection(page, 'section.settings');
    const second = 'en helt ny og lang adgangsfrase';
    const form = page.getByRole('region', { name: DA['settings.changePassphrase'] });
    await form.getByLabel(DA['passphrase.current']).fill('forkert nuværende frase');
    await form.getByLabel(DA['passphrase.new'], { exact: true }).fill(second);
    await form.getByLabel(DA['passphrase.confirm'], { exact: true }).fill(second);
    await form.getByRole('button', { name: DA['settings.changePassphraseSubmit'] }).click();
    await form.getByRole('alert').filter({ hasText: DA['error.wrong-passphrase'] }).waitFor(SLOW);

    // Too short a new passphrase is explained before any work is done.
    await form.getByLabel(DA['passphrase.current']).fill(PASSPHRASE);
    await form.getByLabel(DA['passphrase.new'], { exact: true }).fill('kort');
    await form.getByLabel(DA['passphrase.confirm'], { exact: true }).fill('kort');
    await form.getByRole('button', { name: DA['settings.changePassphraseSubmit'] }).click();
    await form.getByRole('alert').filter({ hasText: DA['passphrase.tooWeak'] }).waitFor();

    await form.getByLabel(DA['passphrase.new'], { exact: true }).fill(second);
    await form.getByLabel(DA['passphrase.confirm'], { exact: true }).fill(second);
    await form.getByRole('button', { name: DA['settings.changePassphraseSubmit'] }).click();
    await form.getByRole('status').filter({ hasText: DA['settings.passphraseChanged'] }).waitFor(SLOW);
    await page.screenshot({ path: screenshotPath('ui-settings-da'), fullPage: true });

    await lock(page);
    await unlock(page, PASSPHRASE);
    await page.getByRole('alert').filter({ hasText: DA['error.wrong-passphrase'] }).waitFor(SLOW);
    await unlockAndWait(page, second);
    // The vault reopens the screen it was locked on (the settings); the notes are one click away.
    await openSection(page, 'section.notes');
    expect(await noteTitles(page)).toEqual(['Pension']);

    // Forgot passphrase: the recovery key (typed loosely) plus a new passphrase.
    await lock(page);
    await page.getByRole('button', { name: DA['unlock.forgot'] }).click();
    await page.getByRole('heading', { level: 1, name: DA['forgot.title'] }).waitFor();
    const third = 'tredje frase efter glemsel';
    const typo = recoveryKey.slice(0, -1) + (recoveryKey.endsWith('0') ? '1' : '0');
    await page.getByLabel(DA['forgot.keyLabel'], { exact: true }).fill(typo);
    await page.getByLabel(DA['passphrase.new'], { exact: true }).fill(third);
    await page.getByLabel(DA['passphrase.confirm'], { exact: true }).fill(third);
    await page.getByRole('button', { name: DA['forgot.submit'] }).click();
    await page.getByRole('alert').filter({ hasText: DA['error.recovery-key-typo'] }).waitFor(SLOW);
    await page.screenshot({ path: screenshotPath('ui-forgot-da'), fullPage: true });

    await page.getByLabel(DA['forgot.keyLabel'], { exact: true }).fill(recoveryKey.toLowerCase().replaceAll('-', ' '));
    await page.getByRole('button', { name: DA['forgot.submit'] }).click();
    await page.getByRole('navigation', { name: DA['header.sections'] }).waitFor(SLOW);
    expect(await noteTitles(page)).toEqual(['Pension']);

    await lock(page);
    await unlock(page, second);
    await page.getByRole('alert').filter({ hasText: DA['error.wrong-passphrase'] }).waitFor(SLOW);
    await unlockAndWait(page, third);
    expect(await noteTitles(page)).toEqual(['Pension']);
  });
});
