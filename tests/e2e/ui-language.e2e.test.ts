/** The UI speaks English when the browser does, and Danish otherwise. */
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium, newProfileDir, removeProfileDir, type ChromiumSession } from './harness/chromium';
import { addNote, backupBadge, createVault, DA, EN, noteTitles, openSection, text, keepPagesOnFailure, screenshotPath } from './harness/vault-ui';
import { reportCleanupFailure } from '../unit/support/cleanup';

const dirs: string[] = [];
const sessions: ChromiumSession[] = [];

keepPagesOnFailure(() => sessions.map((s) => s.context));

afterAll(async () => {
  for (const s of sessions) await s.close().catch(reportCleanupFailure);
  for (const d of dirs) removeProfileDir(d);
});

async function launch(locale: string) {
  const dir = newProfileDir();
  dirs.push(dir);
  const session = await launchChromium({ profileDir: dir, locale });
  sessions.push(session);
  return session;
}

describe('UI language', () => {
  it('is English with locale en-US', async () => {
    const session = await launch('en-US');
    const page = await session.openPage('vault.html');
    await page.getByRole('heading', { level: 1, name: EN['create.title'] }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.screenshot({ path: screenshotPath('ui-create-en'), fullPage: true });
    await createVault(page, { name: 'Alice', c: EN });
    await addNote(page, 'Housing benefit', 'Applied on 3 March', EN);
    expect(await noteTitles(page, EN)).toEqual(['Housing benefit']);
    await openSection(page, 'section.settings', EN);
    await page.getByRole('heading', { level: 2, name: EN['settings.title'] }).waitFor();
    await openSection(page, 'section.notes', EN);
    await backupBadge(page).waitFor({ state: 'attached' });
    expect(await backupBadge(page).textContent()).toBe(EN['reminder.badge']);
    await page.screenshot({ path: screenshotPath('ui-main-en'), fullPage: true });

    const popup = await session.openPage('popup.html');
    await popup.getByRole('button', { name: EN['popup.lockNow'] }).waitFor();
    await popup.getByRole('heading', { name: EN['popup.recent'] }).waitFor();
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('en');
    await popup.screenshot({ path: screenshotPath('ui-popup-en'), fullPage: true });
  });

  it('is Danish with locale da-DK', async () => {
    const session = await launch('da-DK');
    const page = await session.openPage('vault.html');
    await page.getByRole('heading', { level: 1, name: DA['create.title'] }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('da');
    await page.screenshot({ path: screenshotPath('ui-create-da'), fullPage: true });
    await createVault(page, { name: 'Bo' });
    await page.getByRole('heading', { level: 2, name: text(DA, 'notes.title', { name: 'Bo' }) }).waitFor();
    const popup = await session.openPage('popup.html');
    await popup.getByRole('button', { name: DA['popup.lockNow'] }).waitFor();
  });
});
