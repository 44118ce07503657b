/** Several people in one vault: the header always says whose data is shown, and notes stay apart. */
import { describe, expect, it } from 'vitest';
import { addNote, createVault, currentProfile, DA, noteTitles, openSection, text, chromiumForThisFile, screenshotPath } from './harness/vault-ui';

const browser = chromiumForThisFile();

describe('profiles through the UI', () => {
  it('adds a child, keeps notes per profile, renames and deletes', async () => {
    let session = await browser.launch();
    const page = await session.openPage('vault.html');
    await createVault(page, { name: 'Mette' });
    expect(await currentProfile(page)).toBe(`Mette (${DA['relation.self']})`);
    await addNote(page, 'Min egen note', 'Kun for Mette');

    await openSection(page, 'section.profiles');
    // The only profile cannot be deleted, and the page says why.
    const self = page.getByRole('article', { name: `Mette (${DA['relation.self']})` });
    await expect.poll(() => self.getByRole('button', { name: DA['common.delete'] }).isDisabled()).toBe(true);
    await page.getByText(DA['profiles.lastOne']).waitFor();

    const form = page.getByRole('form', { name: DA['profiles.add'] });
    await form.getByLabel(DA['profiles.name']).fill('Emil');
    await form.getByLabel(DA['relation.label']).selectOption('child');
    await form.getByRole('button', { name: DA['profiles.add'] }).click();
    const emil = page.getByRole('article', { name: `Emil (${DA['relation.child']})` });
    await emil.waitFor();
    await page.screenshot({ path: screenshotPath('ui-profiles-da'), fullPage: true });

    // Switch to Emil from the profile list; the header follows.
    await emil.getByRole('button', { name: text(DA, 'profiles.show', { name: 'Emil' }) }).click();
    await expect.poll(() => currentProfile(page)).toBe(`Emil (${DA['relation.child']})`);
    await openSection(page, 'section.notes');
    await page.getByRole('heading', { level: 2, name: text(DA, 'notes.title', { name: 'Emil' }) }).waitFor();
    expect(await noteTitles(page)).toEqual([]);
    await addNote(page, 'Skolefoto', 'Bestil inden fredag');
    expect(await noteTitles(page)).toEqual(['Skolefoto']);

    // Switch back with the header's switcher: Mette's notes only.
    await page.getByLabel(DA['header.viewing']).selectOption({ label: `Mette (${DA['relation.self']})` });
    await page.getByRole('heading', { level: 2, name: text(DA, 'notes.title', { name: 'Mette' }) }).waitFor();
    expect(await noteTitles(page)).toEqual(['Min egen note']);

    // Rename Emil; the switcher shows the new name.
    await openSection(page, 'section.profiles');
    await emil.getByRole('button', { name: DA['profiles.rename'] }).click();
    const rename = page.getByRole('form', { name: text(DA, 'profiles.renameTitle', { name: 'Emil' }) });
    await rename.getByLabel(DA['profiles.name']).fill('Emil Jensen');
    await rename.getByRole('button', { name: DA['common.save'] }).click();
    const renamed = page.getByRole('article', { name: `Emil Jensen (${DA['relation.child']})` });
    await renamed.waitFor();
    await expect
      .poll(() => page.getByLabel(DA['header.viewing']).locator('option').allTextContents())
      .toEqual([`Mette (${DA['relation.self']})`, `Emil Jensen (${DA['relation.child']})`]);

    // Delete Emil Jensen, after saying yes in the confirmation.
    await renamed.getByRole('button', { name: DA['common.delete'] }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: DA['common.cancel'] }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await renamed.getByRole('button', { name: DA['common.delete'] }).click();
    await page.getByRole('dialog').getByRole('button', { name: DA['common.delete'] }).click();
    await page
      .getByRole('status')
      .filter({ hasText: text(DA, 'profiles.deleted', { name: 'Emil Jensen' }) })
      .waitFor();
    await expect.poll(() => page.getByLabel(DA['header.viewing']).locator('option').allTextContents()).toEqual([`Mette (${DA['relation.self']})`]);
    await openSection(page, 'section.notes');
    expect(await noteTitles(page)).toEqual(['Min egen note']);
  });
});
